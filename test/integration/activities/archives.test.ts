import { createHash } from 'node:crypto';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseActivityFile } from '../../../electron/activities';
import type { ImportedActivity } from '../../../shared/running/activity';
import type { ParsedFile } from '../../../shared/running/parsed-file';
import { comparable, expectActivity, expectRefusal, fixture, parseOne } from './helpers';

/**
 * Gzipped files and a Strava-style bulk export, built here from the real fixtures with fflate.
 * A Strava export is a zip with activities.csv (one row per activity: "Activity ID", "Activity
 * Name", "Activity Type", …, "Filename" such as activities/123.fit.gz) beside activities/ and
 * folders of photos and other CSVs that are not activities.
 */

/** Files that parse to an activity (the lake track is refused for its stretch in a car, but still parsed). */
const IMPORTABLE = ['fenix2-run-9km.fit', 'fenix5-run-short.fit', 'fenix5-walk-short.fit', 'tcx-running.tcx', 'gpx10-cerknicko-jezero.gpx', 'gpx-empty-segment.gpx'];

/** The parsed activity, imported or refused as moving like a car. */
function activityOf(r: ParsedFile | undefined): ImportedActivity {
  if (r?.ok === false && r.reason.code === 'NOT_ON_FOOT') return r.reason.activity;
  return expectActivity(r);
}

/** The fenix2 file's sha256, pinned: a change here means every stored hash would stop matching. */
const FENIX2_SHA256 = 'a066d77db247c152c9583bddaecd33d36327bacc0821694ab795fe25671a8327';

describe('content hash', () => {
  it('is the sha256 of the file bytes, stable across calls', () => {
    const a = expectActivity(parseOne('fenix2-run-9km.fit'));
    const b = expectActivity(parseOne('fenix2-run-9km.fit'));
    expect(a.contentHash).toBe(FENIX2_SHA256);
    expect(b.contentHash).toBe(FENIX2_SHA256);
    expect(createHash('sha256').update(fixture('fenix2-run-9km.fit')).digest('hex')).toBe(FENIX2_SHA256);
  });

  it('differs between different files', () => {
    const hashes = IMPORTABLE.map((n) => activityOf(parseOne(n)).contentHash);
    expect(new Set(hashes).size).toBe(IMPORTABLE.length);
  });
});

describe('gzipped files (.fit.gz, .tcx.gz, .gpx.gz)', () => {
  for (const name of IMPORTABLE) {
    it(`${name}.gz gives the same activity and hash as ${name}`, () => {
      const plain = activityOf(parseOne(name));
      // Two different gzips of the same file (level, mtime): the hash is of the unpacked bytes.
      for (const gz of [gzipSync(fixture(name), { level: 9, mtime: 0 }), gzipSync(fixture(name), { level: 1, mtime: new Date('2024-01-01') })]) {
        const viaGz = activityOf(parseOne(`${name}.gz`, gz));
        expect(viaGz.sourceName).toBe(`${name}.gz`);
        expect(comparable(viaGz)).toEqual(comparable(plain));
        expect(viaGz.contentHash).toBe(plain.contentHash);
      }
    });
  }

  it('refusals come through the gzip too', () => {
    expectRefusal(parseOne('bad.fit.gz', gzipSync(fixture('bad-truncated-run.fit'))), 'CORRUPT');
    expectRefusal(parseOne('ride.fit.gz', gzipSync(fixture('cycling-not-a-run.fit'))), 'NOT_A_RUN');
    expectRefusal(parseOne('nt.gpx.gz', gzipSync(fixture('gpx10-no-times.gpx'))), 'NO_TIMESTAMPS');
  });

  it('a cut-short .gz → CORRUPT (gzip)', () => {
    const gz = gzipSync(fixture('fenix2-run-9km.fit'));
    const reason = expectRefusal(parseOne('run.fit.gz', gz.subarray(0, Math.floor(gz.length / 2))), 'CORRUPT');
    expect(reason.message).toMatch(/^The gzip file is damaged or cut short \(it could not be unpacked: .+\)\. Export it again/);
  });

  it('a .gz that is not gzip → CORRUPT', () => {
    expectRefusal(parseOne('run.fit.gz', fixture('fenix2-run-9km.fit')), 'CORRUPT');
  });
});

/** A Strava-style bulk export, with the awkward parts of a real activities.csv. */
function stravaExport(prefix = ''): Uint8Array {
  const csv = [
    'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Filename,Elapsed Time,Distance',
    '111,"Aug 15, 2015, 2:45:08 PM",Long run,Run,"Felt good, ""easy"" pace",2832,9.01,activities/111.fit.gz,2832.0,9008.2',
    '222,"Aug 5, 2010, 2:23:59 PM",Lake loop,Walk,"Two lines\nof description",7190,4.58,activities/222.gpx,7190.0,4575.0',
    '333,"Dec 26, 2012, 9:29:53 PM",Tuesday tempo,Run,,1992,4.69,activities/333.tcx.gz,1992.0,4689.2',
    '444,"Jun 26, 2011, 9:18:39 PM",Evening Ride,Ride,,11741,88.80,activities/444.fit.gz,11741.0,88797.2',
    '555,"Jun 11, 2017, 2:32:51 PM",Manual entry without a file,Run,,600,2.0,,600.0,2000.0',
    '666,"Jun 11, 2017, 2:34:09 PM",Short one,Run,,57,0.16,activities/666.fit,57.0,157.6',
  ].join('\r\n');
  return zipSync({
    [`${prefix}activities.csv`]: strToU8(csv),
    [`${prefix}profile.csv`]: strToU8('Athlete ID,Email\n1,someone@example.org\n'),
    [`${prefix}activities/111.fit.gz`]: gzipSync(fixture('fenix2-run-9km.fit')),
    [`${prefix}activities/222.gpx`]: fixture('gpx10-cerknicko-jezero.gpx'),
    [`${prefix}activities/333.tcx.gz`]: gzipSync(fixture('tcx-running.tcx')),
    [`${prefix}activities/444.fit.gz`]: gzipSync(fixture('cycling-not-a-run.fit')),
    [`${prefix}activities/666.fit`]: fixture('fenix5-run-short.fit'),
    [`${prefix}media/photo.jpg`]: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
    [`${prefix}routes/route.gpx.txt`]: strToU8('not an activity'),
  });
}

describe('a Strava bulk export (zip)', () => {
  for (const prefix of ['', 'export_12345/']) {
    it(`each activity file is reported on its own, with activities.csv's type and name${prefix ? ' (inside a top folder)' : ''}`, () => {
      const results = parseActivityFile('export_12345.zip', stravaExport(prefix));
      expect(results.map((r) => r.sourceName)).toEqual(['111.fit.gz', '222.gpx', '333.tcx.gz', '444.fit.gz', '666.fit'].map((f) => `${prefix}activities/${f}`));
      expect(results.every((r) => r.archiveName === 'export_12345.zip')).toBe(true);

      const [fit, gpx, tcx, ride, short] = results;
      const run = expectActivity(fit);
      expect(run).toMatchObject({ sport: 'running', name: 'Long run', archiveName: 'export_12345.zip' });
      expect(comparable(run)).toEqual(comparable(expectActivity(parseOne('fenix2-run-9km.fit'))));

      // The GPX says nothing about its sport; the CSV says Walk — but part of it moved like a car.
      const walk = expectRefusal(gpx, 'NOT_ON_FOOT').activity;
      expect(walk).toMatchObject({ sport: 'walking', name: 'Lake loop' });
      expect(comparable(walk)).toEqual(comparable(activityOf(parseOne('gpx10-cerknicko-jezero.gpx'))));

      expect(expectActivity(tcx)).toMatchObject({ sport: 'running', name: 'Tuesday tempo', distanceMeters: 4689.24 });
      const reason = expectRefusal(ride, 'NOT_A_RUN');
      expect(reason.message).toBe('This is a ride (cycling), not a run — it can be logged as cross-training instead.');
      expect(reason.activity.name).toBe('Evening Ride');
      expect(expectActivity(short)).toMatchObject({ name: 'Short one', distanceMeters: 157.56 });
    });
  }

  it('hashes match the same files imported on their own (so a re-import is recognised)', () => {
    const results = parseActivityFile('export.zip', stravaExport());
    const hashOf = (i: number) => {
      const r = results[i]!;
      return r.ok ? r.activity.contentHash : r.reason.code === 'NOT_A_RUN' || r.reason.code === 'NOT_ON_FOOT' ? r.reason.activity.contentHash : '';
    };
    expect(hashOf(0)).toBe(FENIX2_SHA256);
    expect(hashOf(1)).toBe(activityOf(parseOne('gpx10-cerknicko-jezero.gpx')).contentHash);
    expect(hashOf(3)).toBe(createHash('sha256').update(fixture('cycling-not-a-run.fit')).digest('hex'));
  });

  it("the CSV's activity type wins over the file's (a FIT run Strava calls a Walk is a walk) — but not over the speed: a ride called a Run is still a ride", () => {
    const zip = zipSync({
      'activities.csv': strToU8('Activity ID,Activity Name,Activity Type,Filename\n1,Commute,Run,activities/1.fit.gz\n2,Hill repeats,Walk,activities/2.fit\n'),
      'activities/1.fit.gz': gzipSync(fixture('cycling-not-a-run.fit')),
      'activities/2.fit': fixture('fenix2-run-9km.fit'),
    });
    const [ride, walk] = parseActivityFile('e.zip', zip);
    const reason = expectRefusal(ride, 'NOT_ON_FOOT');
    expect(reason.activity).toMatchObject({ sport: 'running', name: 'Commute' });
    expect(reason.message).toMatch(/^This looks like a ride or a drive, not a run: it moved at a median 30\.\d km\/h/);
    expect(expectActivity(walk)).toMatchObject({ sport: 'walking', name: 'Hill repeats' });
  });

  it('a zip without activities.csv still imports its activity files, by what each file says', () => {
    const zip = zipSync({ 'a.gpx': fixture('gpx-empty-segment.gpx'), 'b.fit': fixture('fenix5-walk-short.fit'), 'c.fit': fixture('bad-truncated-run.fit') });
    const [a, b, c] = parseActivityFile('runs.zip', zip);
    expect(expectActivity(a).sport).toBe('unknown');
    expect(expectActivity(b).sport).toBe('walking');
    expectRefusal(c, 'CORRUPT');
  });

  it('a zip with no activity files → UNSUPPORTED', () => {
    const reason = expectRefusal(parseOne('photos.zip', zipSync({ 'media/a.jpg': new Uint8Array([1, 2, 3]) })), 'UNSUPPORTED');
    expect(reason.message).toBe('The zip "photos.zip" holds no FIT, TCX or GPX files to import.');
  });

  it('a damaged zip → CORRUPT (zip)', () => {
    const zip = stravaExport();
    const reason = expectRefusal(parseOne('export.zip', zip.subarray(0, zip.length - 30)), 'CORRUPT');
    expect(reason.message).toMatch(/^The zip file is damaged or cut short/);
  });
});
