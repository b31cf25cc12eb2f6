import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseActivityFile } from '../../../electron/activities';
import { csvRecords, parseCsv } from '../../../electron/activities/csv';
import { runWalkPhases, syntheticTrack } from '../../unit/running/synthetic';
import { encodeFitActivity, encodeFitMultisport } from './fit-encode';
import { expectActivity, expectRefusal, fixture, parseOne } from './helpers';

/** Files written here to reach what the real fixtures do not: extensions, namespaces, odd times. */

const START = new Date('2024-05-04T07:30:00Z');

function gpxTrack(opts: { ns?: string; version?: string; type?: string; times?: (i: number) => string | null; hr?: boolean; bom?: boolean; points?: number }): Uint8Array {
  const n = opts.points ?? 60;
  const pts: string[] = [];
  for (let i = 0; i < n; i++) {
    const time = opts.times ? opts.times(i) : new Date(START.getTime() + i * 1000).toISOString();
    const ext = opts.hr ? `<extensions><ns3:TrackPointExtension><ns3:hr>${120 + (i % 10)}</ns3:hr><ns3:cad>80</ns3:cad></ns3:TrackPointExtension></extensions>` : '';
    pts.push(`<trkpt lat="${(51.5 + i * 0.00002).toFixed(6)}" lon="-0.1"><ele>10</ele>${time === null ? '' : `<time>${time}</time>`}${ext}</trkpt>`);
  }
  const ns = opts.ns ?? 'http://www.topografix.com/GPX/1/1';
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="${opts.version ?? '1.1'}" creator="Test watch" xmlns="${ns}" xmlns:ns3="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
<trk><name>Morning Run</name>${opts.type === undefined ? '' : `<type>${opts.type}</type>`}<trkseg>${pts.join('\n')}</trkseg></trk></gpx>`;
  const bytes = strToU8(xml);
  return opts.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
}

describe('GPX variants', () => {
  it('GPX 1.0 and 1.1 namespaces read the same; so does a file with no namespace at all', () => {
    const v11 = expectActivity(parseOne('a.gpx', gpxTrack({})));
    const v10 = expectActivity(parseOne('a.gpx', gpxTrack({ ns: 'http://www.topografix.com/GPX/1/0', version: '1.0' })));
    const bare = expectActivity(parseOne('a.gpx', gpxTrack({ ns: '' })));
    for (const a of [v10, bare]) {
      expect(a.samples).toEqual(v11.samples);
      expect(a.distanceMeters).toBe(v11.distanceMeters);
    }
    expect(v11).toMatchObject({ name: 'Morning Run', device: 'Test watch', durationSeconds: 59, elapsedSeconds: 59, startedAt: START.toISOString() });
    // 59 steps of 0.00002° latitude ≈ 2.2239 m each on the 6,371,008.8 m sphere.
    expect(v11.distanceMeters).toBeCloseTo(59 * 2.2239, 0);
  });

  it('a UTF-8 byte-order mark in front of a real track changes nothing but the hash', () => {
    const plain = expectActivity(parseOne('a.gpx', gpxTrack({})));
    const bom = expectActivity(parseOne('a.gpx', gpxTrack({ bom: true })));
    expect(bom.samples).toEqual(plain.samples);
    expect(bom.contentHash).not.toBe(plain.contentHash);
    // The real GPSBabel track (refused as moving like a car, see fixtures.test.ts) reads the same with a BOM.
    const realWithBom = new Uint8Array([0xef, 0xbb, 0xbf, ...fixture('gpx10-cerknicko-jezero.gpx')]);
    const withBom = expectRefusal(parseOne('c.gpx', realWithBom), 'NOT_ON_FOOT').activity;
    const without = expectRefusal(parseOne('gpx10-cerknicko-jezero.gpx'), 'NOT_ON_FOOT').activity;
    expect(withBom.distanceMeters).toBe(without.distanceMeters);
    expect(withBom.samples).toEqual(without.samples);
  });

  it("Garmin's TrackPointExtension heart rate is read whatever its prefix (ns3: here, gpxtpx: elsewhere)", () => {
    const a = expectActivity(parseOne('hr.gpx', gpxTrack({ hr: true })));
    expect(a.samples.slice(0, 3).map((s) => s.heartRate)).toEqual([120, 121, 122]);
  });

  it('times without a zone are UTC, not the computer local time', () => {
    const a = expectActivity(parseOne('z.gpx', gpxTrack({ times: (i) => `2024-05-04T07:30:${String(i).padStart(2, '0')}` })));
    expect(a.startedAt).toBe('2024-05-04T07:30:00.000Z');
  });

  it('a few points without a time (≥ 90 % timed) are left out of the samples, with a warning', () => {
    const [r] = parseActivityFile('p.gpx', gpxTrack({ times: (i) => (i === 0 || i === 30 ? null : new Date(START.getTime() + i * 1000).toISOString()) }));
    expect(r!.ok).toBe(true);
    if (!r!.ok) return;
    expect(r!.activity.samples).toHaveLength(58);
    expect(r!.activity.startedAt).toBe(new Date(START.getTime() + 1000).toISOString());
    expect(r!.warnings).toEqual(['2 of 60 track points had no time and were left out of the samples.']);
  });

  it('no times at all → NO_TIMESTAMPS with the distance', () => {
    const reason = expectRefusal(parseOne('n.gpx', gpxTrack({ times: () => null, points: 3000 })), 'NO_TIMESTAMPS');
    expect(reason.message).toBe('This GPX track has no times: distance 6.67 km is known, the duration is not — enter it to import');
    // In the clinic's unit, never kilometres beside miles.
    const inMiles = expectRefusal(parseActivityFile('n.gpx', gpxTrack({ times: () => null, points: 3000 }), { style: { distanceUnit: 'mi', locale: 'en-US', timeZone: 'America/Chicago' } })[0], 'NO_TIMESTAMPS');
    expect(inMiles.message).toBe('This GPX track has no times: distance 4.14 mi is known, the duration is not — enter it to import');
    expect(reason.distanceMeters).toBeCloseTo(2999 * 2.2239, -1);
  });

  it('the track type names the sport: running, Strava numbers (9 run, 10 walk), a ride is refused', () => {
    expect(expectActivity(parseOne('a.gpx', gpxTrack({ type: 'running' }))).sport).toBe('running');
    expect(expectActivity(parseOne('a.gpx', gpxTrack({ type: '9' }))).sport).toBe('running');
    expect(expectActivity(parseOne('a.gpx', gpxTrack({ type: '10' }))).sport).toBe('walking');
    expect(expectActivity(parseOne('a.gpx', gpxTrack({ type: '37' }))).sport).toBe('unknown');
    const reason = expectRefusal(parseOne('a.gpx', gpxTrack({ type: 'cycling' })), 'NOT_A_RUN');
    expect(reason.message).toBe('This is a ride (cycling), not a run — it can be logged as cross-training instead.');
    expect(expectRefusal(parseOne('a.gpx', gpxTrack({ type: 'Kayaking' })), 'NOT_A_RUN').message).toMatch(/^This is a paddle \(kayaking\), not a run/);
  });

  it('a GPX cut short → CORRUPT with the XML error', () => {
    const bytes = fixture('gpx10-cerknicko-jezero.gpx');
    const reason = expectRefusal(parseOne('cut.gpx', bytes.subarray(0, 20_000)), 'CORRUPT');
    expect(reason.message).toMatch(/^The GPX file is damaged or cut short \(XML error: .+\)\. Export it again/);
  });
});

describe('TCX variants', () => {
  const tcx = (sport: string, activities = 1) =>
    strToU8(`<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>${Array.from(
      { length: activities },
      (_, k) => `<Activity Sport="${sport}"><Id>2024-05-0${k + 1}T07:00:00Z</Id><Lap StartTime="2024-05-0${k + 1}T07:00:00Z"><TotalTimeSeconds>600</TotalTimeSeconds><DistanceMeters>2000</DistanceMeters><Track>
        <Trackpoint><Time>2024-05-0${k + 1}T07:00:00Z</Time><DistanceMeters>0</DistanceMeters><Extensions><TPX xmlns="http://www.garmin.com/xmlschemas/ActivityExtension/v2"><Speed>3.1</Speed></TPX></Extensions></Trackpoint>
        <Trackpoint><Time>2024-05-0${k + 1}T07:10:00Z</Time><DistanceMeters>2000</DistanceMeters></Trackpoint></Track></Lap></Activity>`,
    ).join('')}</Activities></TrainingCenterDatabase>`);

  it('Biking → NOT_A_RUN; Other → sport unknown (imported); the speed extension is read', () => {
    expect(expectRefusal(parseOne('b.tcx', tcx('Biking')), 'NOT_A_RUN').message).toBe('This is a ride (biking), not a run — it can be logged as cross-training instead.');
    const other = expectActivity(parseOne('o.tcx', tcx('Other')));
    expect(other).toMatchObject({ sport: 'unknown', distanceMeters: 2000, durationSeconds: 600 });
    expect(other.samples[0]).toEqual({ t: 0, distance: 0, speed: 3.1 });
  });

  it('two <Activity> elements → two results', () => {
    const results = parseActivityFile('two.tcx', tcx('Running', 2));
    expect(results.map((r) => r.ok && r.activity.startedAt)).toEqual(['2024-05-01T07:00:00.000Z', '2024-05-02T07:00:00.000Z']);
  });
});

describe('FIT variants (written with the SDK Encoder)', () => {
  const samples = syntheticTrack(runWalkPhases(3, { seconds: 60, speed: 2.8 }, { seconds: 90, speed: 1.4 }), { seed: 7 });

  it('a generated run reads back with its totals, positions and heart rate', () => {
    const a = expectActivity(parseOne('gen.fit', encodeFitActivity({ start: START, samples, heartRate: (i) => 100 + (i % 50) })));
    expect(a).toMatchObject({ sport: 'running', startedAt: START.toISOString(), durationSeconds: 450, elapsedSeconds: 450, device: 'Development 1' });
    expect(a.distanceMeters).toBeCloseTo(samples.at(-1)!.distance, 1);
    expect(a.samples).toHaveLength(451);
    expect(a.samples[10]!.heartRate).toBe(110);
    expect(a.samples[10]!.lat).toBeCloseTo(samples[10]!.lat, 6);
  });

  it('treadmill sub-sport is kept; walking and cycling sessions are told apart', () => {
    expect(expectActivity(parseOne('t.fit', encodeFitActivity({ start: START, samples, subSport: 'treadmill' })))).toMatchObject({ sport: 'running', subSport: 'treadmill' });
    expect(expectActivity(parseOne('w.fit', encodeFitActivity({ start: START, samples, sport: 'walking' }))).sport).toBe('walking');
    expect(expectRefusal(parseOne('c.fit', encodeFitActivity({ start: START, samples, sport: 'cycling' })), 'NOT_A_RUN').sport).toBe('cycling');
    expect(expectRefusal(parseOne('s.fit', encodeFitActivity({ start: START, samples, sport: 'swimming' })), 'NOT_A_RUN').message).toMatch(/^This is a swim \(swimming\), not a run/);
  });

  it('a multisport file (run, then ride): one result per session, each with its own records', () => {
    const ride = syntheticTrack([{ kind: 'run', seconds: 300, speed: 7 }], { seed: 3 });
    const results = parseActivityFile('brick.fit', encodeFitMultisport(START, [{ samples, sport: 'running' }, { samples: ride, sport: 'cycling' }]));
    expect(results).toHaveLength(2);
    const [run, bike] = results;
    expect(expectActivity(run)).toMatchObject({ sport: 'running', startedAt: START.toISOString(), durationSeconds: 450 });
    expect(expectActivity(run).samples).toHaveLength(451);
    expect(run!.ok && run!.warnings).toEqual([]);
    expect(expectActivity(run).leg).toEqual({ number: 1, of: 2 });
    const reason = expectRefusal(bike, 'NOT_A_RUN');
    expect(reason.message).toBe('Leg 2 of 2 of this multisport file is a ride (cycling), not a run — it can be logged as cross-training instead.');
    expect(reason.activity.leg).toEqual({ number: 2, of: 2 });
    expect(reason.activity.samples).toHaveLength(301);
    expect(reason.activity.startedAt).toBe(new Date(START.getTime() + 451_000).toISOString());
  });

  it('one record stamped 2085 in an intact file: left out and named; the figures come from the session summary, never from the bad time', () => {
    const bytes = encodeFitActivity({ start: START, samples, recordTime: (i, time) => (i === 200 ? new Date('2085-12-21T16:46:58Z') : time) });
    const [r] = parseActivityFile('garbage.fit', bytes, { nowMs: Date.parse('2026-11-30T12:00:00Z') });
    const a = expectActivity(r);
    expect(a).toMatchObject({ durationSeconds: 450, elapsedSeconds: 450, startedAt: START.toISOString() });
    expect(a.samples).toHaveLength(450);
    expect(r!.ok && r!.warnings).toEqual(['1 track record had times in the future (Dec 21, 2085) and was left out.']);
    expect(r!.ok && r!.analysis.segmentation!.intervals.at(-1)!.endSecond).toBeLessThanOrEqual(450);
  });

  it('a FIT whose clock was never set (times in the first days of 1990) → BAD_TIMES', () => {
    const bytes = encodeFitActivity({ start: new Date('1990-07-18T06:44:24Z'), samples });
    expect(expectRefusal(parseOne('unset.fit', bytes), 'BAD_TIMES').message).toMatch(/^This file's times cannot be right: .*Jul 18, 1990/);
  });

  it('cadence in a FIT file (strides a minute) is read as steps a minute and decides run and walk', () => {
    const phases = runWalkPhases(4, { seconds: 60, speed: 2.2 }, { seconds: 90, speed: 1.6 });
    const track = syntheticTrack(phases, { seed: 12 });
    const bytes = encodeFitActivity({ start: START, samples: track, cadence: (i) => (i % 150 < 60 ? 83 : 57) });
    const [r] = parseActivityFile('cad.fit', bytes);
    expect(expectActivity(r).samples[10]!.cadence).toBe(166);
    expect(r!.ok && r!.analysis.segmentation!.detection!.method).toBe('cadence-modes');
    expect(r!.ok && r!.analysis.segmentation!.summary.repeats).toBe(4);
  });

  it('without a session message: totals from the records, with a warning', () => {
    const [r] = parseActivityFile('nosession.fit', encodeFitActivity({ start: START, samples, withoutSession: true }));
    expect(r!.ok).toBe(true);
    if (!r!.ok) return;
    expect(r!.activity).toMatchObject({ sport: 'unknown', elapsedSeconds: 450, durationSeconds: 450, distanceSource: 'samples' });
    expect(r!.warnings[0]).toMatch(/no session summary/);
  });

  it('a flipped byte in a record: the checksum fails but everything decodes and the summary is intact → imported, saying so', () => {
    const bytes = encodeFitActivity({ start: START, samples });
    const flipped = bytes.slice();
    flipped[Math.floor(bytes.length / 2)]! ^= 0xff;
    const [r] = parseActivityFile('f.fit', flipped);
    const a = expectActivity(r);
    expect(a).toMatchObject({ startedAt: START.toISOString(), durationSeconds: 450 });
    expect(a.distanceMeters).toBeCloseTo(samples.at(-1)!.distance, 1);
    expect(r!.ok && r!.warnings[0]).toMatch(/^The file's checksum does not match its contents, so a few bytes may be damaged; its session summary is intact/);
  });

  it('cut short before its summary → CORRUPT; a header-only stub → CORRUPT; text named .fit → CORRUPT', () => {
    const bytes = encodeFitActivity({ start: START, samples });
    expect(expectRefusal(parseOne('c.fit', bytes.subarray(0, Math.floor(bytes.length * 0.6))), 'CORRUPT').message).toMatch(
      /^The FIT file is damaged or cut short \(it ends at byte [\d,]+, before the end its header announces; only \d+ track records covering \d+:\d\d could be read\)\./,
    );
    expectRefusal(parseOne('h.fit', bytes.subarray(0, 14)), 'CORRUPT');
    expect(expectRefusal(parseOne('t.fit', strToU8('hello')), 'CORRUPT').message).toContain('it does not start with a FIT header');
    expect(expectRefusal(parseOne('e.fit', new Uint8Array()), 'CORRUPT').message).toContain('the file is empty');
  });
});

describe('what is not an activity file', () => {
  it('unknown bytes → UNSUPPORTED, by content not name', () => {
    const reason = expectRefusal(parseOne('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16])), 'UNSUPPORTED');
    expect(reason.message).toBe('Runback can\'t read "photo.jpg": it is not a FIT, TCX or GPX file (nor a .gz or zip of them).');
    // A FIT file with a wrong name is still a FIT file.
    expect(expectActivity(parseOne('download.bin', fixture('fenix5-run-short.fit'))).format).toBe('fit');
  });

  it('KML → UNSUPPORTED with advice; other XML → UNSUPPORTED naming its root', () => {
    const kml = expectRefusal(parseOne('route.kml', strToU8('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>')), 'UNSUPPORTED');
    expect(kml.message).toContain('KML files hold routes');
    expect(expectRefusal(parseOne('x.xml', strToU8('<rss/>')), 'UNSUPPORTED').message).toContain('<rss>');
  });

  it('an empty .gpx → CORRUPT; an empty unknown file → UNSUPPORTED', () => {
    expect(expectRefusal(parseOne('e.gpx', new Uint8Array()), 'CORRUPT').message).toContain('the file is empty');
    expectRefusal(parseOne('e.dat', new Uint8Array()), 'UNSUPPORTED');
  });
});

describe('activities.csv reading (RFC 4180)', () => {
  it('quoted commas, doubled quotes, line breaks, CRLF, a BOM and repeated headers', () => {
    const text = '\uFEFFA,B,A\r\n1,"x, ""y""\nz",3\r\n\r\n4,,6\n';
    expect(parseCsv(text)).toEqual([
      ['A', 'B', 'A'],
      ['1', 'x, "y"\nz', '3'],
      ['4', '', '6'],
    ]);
    expect(csvRecords(text)).toEqual([
      { A: '1', B: 'x, "y"\nz' },
      { A: '4', B: '' },
    ]);
  });
});
