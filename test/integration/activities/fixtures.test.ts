import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { gpx as gpxToGeoJson } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseActivityFile } from '../../../electron/activities';
import { importedActivitySchema } from '../../../shared/running/activity';
import { FIXTURE_DIR, expectActivity, expectRefusal, fixture, parseOne } from './helpers';

/**
 * Every real file in ../shared/fixtures/activities, with what it must yield.
 *
 * Expected figures: the FIT rows are SOURCES.md's (read there from the session message with the
 * same SDK). SOURCES.md gives none for TCX and GPX, so:
 * - tcx-running.tcx: python-tcxparser's own test of this file says distance 4686.31103516 m
 *   (its last track point), duration 1992.78 s (sum of laps), start 21:29:53Z, end 22:03:05Z,
 *   heart rate 60–189. We take the laps' total, 4689.24 m, which is within 0.07 % of it.
 * - GPX distance is measured along the track after smoothing out GPS noise; the raw point-to-point
 *   length (an independent reading with @tmcw/togeojson and a separately written haversine below)
 *   is its upper bound, since the noise only ever adds length.
 */

const DISTANCE_TOLERANCE = 0.01; // ±1 %
const DURATION_TOLERANCE_S = 2;

function expectDistance(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected * DISTANCE_TOLERANCE);
}
function expectDuration(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(DURATION_TOLERANCE_S);
}

interface Expected {
  sport: string;
  startedAt: string;
  distance: number;
  duration: number;
  elapsed: number;
  samples: number;
}

const GOOD: Record<string, Expected> = {
  // SOURCES.md: 9008 m in 2832 s timer time, 2809 records.
  'fenix2-run-9km.fit': { sport: 'running', startedAt: '2015-08-15T14:45:08.000Z', distance: 9008, duration: 2832, elapsed: 2832, samples: 2809 },
  // SOURCES.md: 158 m, 57 s.
  'fenix5-run-short.fit': { sport: 'running', startedAt: '2017-06-11T14:34:09.000Z', distance: 158, duration: 57, elapsed: 57, samples: 21 },
  // SOURCES.md: walking, 68 m, 45 s.
  'fenix5-walk-short.fit': { sport: 'walking', startedAt: '2017-06-11T14:32:51.000Z', distance: 68, duration: 45, elapsed: 45, samples: 17 },
  // python-tcxparser: 4686.31 m, 1992.78 s; 384 trackpoints (SOURCES.md).
  'tcx-running.tcx': { sport: 'running', startedAt: '2012-12-26T21:29:53.000Z', distance: 4686.31, duration: 1992.78, elapsed: 1992, samples: 384 },
  // 9 points, then an empty <trkseg></trkseg> that adds nothing. 85.85 m point to point, of which
  // 7.7 m are the position wandering during the last 45 s standing still (0.2 m/s): 77.2 m walked.
  'gpx-empty-segment.gpx': { sport: 'unknown', startedAt: '2013-07-06T17:26:26.000Z', distance: 77.24, duration: 76, elapsed: 76, samples: 9 },
};

describe('every fixture file', () => {
  it('is covered by this test', () => {
    const files = readdirSync(FIXTURE_DIR).filter((f) => f !== 'SOURCES.md');
    const covered = [...Object.keys(GOOD), 'gpx10-cerknicko-jezero.gpx', 'bad-truncated-run.fit', 'cycling-not-a-run.fit', 'gpx10-no-times.gpx', 'gpx11-all-fields.gpx', 'gpx-unicode-bom.gpx', 'gpx-garmin-extension.gpx'];
    expect(files.sort()).toEqual(covered.sort());
  });

  for (const [name, e] of Object.entries(GOOD)) {
    it(`${name}: ${e.sport}, ${e.distance} m, ${e.duration} s`, () => {
      const a = expectActivity(parseOne(name));
      expect(importedActivitySchema.parse(a)).toEqual(a);
      expect(a.sourceName).toBe(name);
      expect(a.sport).toBe(e.sport);
      expect(a.startedAt).toBe(e.startedAt);
      expectDistance(a.distanceMeters, e.distance);
      expectDuration(a.durationSeconds, e.duration);
      expectDuration(a.elapsedSeconds, e.elapsed);
      expect(a.samples).toHaveLength(e.samples);
      expect(a.contentHash).toBe(createHash('sha256').update(fixture(name)).digest('hex'));
      // Samples run forward in time from 0 and their distance never falls.
      expect(a.samples[0]!.t).toBeGreaterThanOrEqual(0);
      for (let i = 1; i < a.samples.length; i++) {
        expect(a.samples[i]!.t).toBeGreaterThanOrEqual(a.samples[i - 1]!.t);
        if (a.samples[i]!.distance !== undefined && a.samples[i - 1]!.distance !== undefined) expect(a.samples[i]!.distance!).toBeGreaterThanOrEqual(a.samples[i - 1]!.distance! - 1e-9);
      }
    });
  }

  it('fenix2: the watch, heart rate, positions and speed come through', () => {
    const a = expectActivity(parseOne('fenix2-run-9km.fit'));
    expect(a.format).toBe('fit');
    expect(a.device).toBe('Garmin fenix2');
    expect(a.distanceSource).toBe('file-total');
    expect(a.distanceMeters).toBe(9008.22);
    const s = a.samples[1]!;
    expect(s).toMatchObject({ t: 2, distance: 3.38, heartRate: 69 });
    expect(s.lat).toBeCloseTo(58.95917, 4);
    expect(s.lon).toBeCloseTo(5.72879, 4);
    expect(a.samples.every((x) => x.speed !== undefined)).toBe(true);
  });

  it('fenix5 walk is imported as walking: a walk counts in a run-walk program', () => {
    const r = parseOne('fenix5-walk-short.fit');
    expect(r.ok).toBe(true);
    const a = expectActivity(r);
    expect(a).toMatchObject({ sport: 'walking', device: 'Garmin fenix5', durationSeconds: 45.379, distanceMeters: 67.85 });
    expect(a.subSport).toBeUndefined(); // FIT sub_sport "generic" says nothing
  });

  it('tcx: laps total the distance and time; heart rate 60–189 and the device name as python-tcxparser reads them', () => {
    const a = expectActivity(parseOne('tcx-running.tcx'));
    expect(a).toMatchObject({ format: 'tcx', distanceMeters: 4689.24, durationSeconds: 1992.78, elapsedSeconds: 1992, distanceSource: 'file-total', device: 'Forerunner 410 Software Version 2.20' });
    const hr = a.samples.map((s) => s.heartRate).filter((h): h is number => h !== undefined);
    expect(Math.min(...hr)).toBe(60);
    expect(Math.max(...hr)).toBe(189);
    // The last trackpoint has a time and nothing else; it is kept as a sample.
    expect(a.samples.at(-1)).toEqual({ t: 1992 });
  });

  it('gpx: the smoothed distance sits under the raw point-to-point length of an independent reading (togeojson + a separate haversine)', () => {
    const read = (name: string) => {
      const r = parseOne(name);
      return r.ok ? r.activity : expectRefusal(r, 'NOT_ON_FOOT').activity;
    };
    // How much shorter: the lake track loses its GPS jumps (one fix 161 m off for 2 s); the short
    // track its 45 s of standing still (8.6 of its 85.9 m).
    for (const [name, shorterBy] of [
      ['gpx10-cerknicko-jezero.gpx', 0.05],
      ['gpx-empty-segment.gpx', 0.11],
    ] as const) {
      const a = read(name);
      const raw = independentGpxLength(name);
      expect(a.distanceMeters).toBeLessThanOrEqual(raw);
      expect(a.distanceMeters).toBeGreaterThan(raw * (1 - shorterBy));
      expect(a.distanceSource).toBe('positions');
    }
  });

  it('gpx 1.0 with several tracks (GPSBabel "ACTIVE LOG"s), part of it in a car → NOT_ON_FOOT, offered as cross-training; one activity, the first track name', () => {
    // 296 timed points in 7 non-empty tracks; recorded 4239 s of a 7190 s outing. Between 4490 s and
    // 4674 s it covers 1.1 km at 25–40 km/h (a road), then walks again: no one runs that. Its fixes
    // resume 180 m on after a 44 s gap at 4561 s; the smoother follows them from there (before, it
    // threw four of them away as jumps and put the 180 m at 4569 s), so the stretch over 30 km/h
    // reads 0:48 where the fix-to-fix speeds give 0:37 (4571–4608 s); the verdict is the same.
    const reason = expectRefusal(parseOne('gpx10-cerknicko-jezero.gpx'), 'NOT_ON_FOOT');
    expect(reason.message).toBe(
      'This looks like a ride or a drive, not a run: it moved faster than 30.0 km/h for 0:48 on end, faster than anyone on foot. If it was a ride it can be logged as cross-training; a watch left running in a car is best skipped.',
    );
    expect(reason.activity).toMatchObject({ name: 'ACTIVE LOG #2', device: 'GPSBabel - http://www.gpsbabel.org', sport: 'unknown', startedAt: '2010-08-05T14:23:59.000Z', durationSeconds: 4239, elapsedSeconds: 7190 });
    expect(reason.activity.samples).toHaveLength(296);
    // The six breaks between its tracks are pauses: recorded time is what run + walk may add up to.
    expect(reason.activity.pauses).toHaveLength(6);
    expect(reason.activity.pauses!.reduce((s, p) => s + p.end - p.start, 0)).toBe(7190 - 4239);
  });

  it('gpx with an empty segment: the empty <trkseg> is skipped, the 9-point segment imported whole', () => {
    const a = expectActivity(parseOne('gpx-empty-segment.gpx'));
    expect(a.samples.map((s) => s.t)).toEqual([0, 4, 9, 18, 23, 31, 49, 75, 76]);
    expect(a.name).toBe('2013-07-06T14:59:00Z');
  });
});

describe('refused fixture files, each with its own reason', () => {
  it('bad-truncated-run.fit → CORRUPT: cut short, and how much could be read', () => {
    const reason = expectRefusal(parseOne('bad-truncated-run.fit'), 'CORRUPT');
    expect(reason.message).toBe(
      'The FIT file is damaged or cut short (it ends at byte 768, before the end its header announces; only 14 track records covering 0:13 could be read). Export it again from the watch or app, or enter the run by hand.',
    );
  });

  it('cycling-not-a-run.fit → NOT_A_RUN naming the sport, with the ride parsed for cross-training', () => {
    const reason = expectRefusal(parseOne('cycling-not-a-run.fit'), 'NOT_A_RUN');
    expect(reason.message).toBe('This is a ride (cycling), not a run — it can be logged as cross-training instead.');
    expect(reason.sport).toBe('cycling');
    expect(reason.activity).toMatchObject({ sport: 'cycling', device: 'Garmin edge500', startedAt: '2011-06-26T21:18:39.000Z' });
    expectDistance(reason.activity.distanceMeters, 88_800); // SOURCES.md: 88.8 km
    expect(reason.activity.samples).toHaveLength(3098); // SOURCES.md: 3098 records
    expect(reason.activity.durationSeconds).toBe(10699.36);
    expect(reason.activity.elapsedSeconds).toBe(11741.57);
  });

  it('gpx10-no-times.gpx → NO_TIMESTAMPS with the distance (only 5 of 296 points have a time)', () => {
    const reason = expectRefusal(parseOne('gpx10-no-times.gpx'), 'NO_TIMESTAMPS');
    expect(reason.message).toBe('This GPX track has times on only 5 of its 296 points: distance 4.58 km is known, the duration is not — enter it to import');
    // Without times there is nothing to smooth with: point to point, as an independent reading measures it.
    expect(reason.distanceMeters).toBeCloseTo(independentGpxLength('gpx10-no-times.gpx'), 1);
    expectDistance(reason.distanceMeters, 4575);
    expect(reason.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gpx11-all-fields.gpx → EMPTY_TRACK: one track point; its routes are plans, not recordings', () => {
    const reason = expectRefusal(parseOne('gpx11-all-fields.gpx'), 'EMPTY_TRACK');
    expect(reason.message).toBe(
      'This GPX file has no recorded track to import: it holds only a single track point, 2 waypoints, 2 planned routes. Export the activity itself (a track with times) from the watch or app.',
    );
  });

  it('gpx-unicode-bom.gpx is read despite its byte-order mark — and holds only a waypoint → EMPTY_TRACK', () => {
    expect(fixture('gpx-unicode-bom.gpx').subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const reason = expectRefusal(parseOne('gpx-unicode-bom.gpx'), 'EMPTY_TRACK');
    expect(reason.message).toContain('it holds only 1 waypoint');
  });

  it('gpx-garmin-extension.gpx holds one waypoint (with a TrackPointExtension heart rate), no track → EMPTY_TRACK', () => {
    const reason = expectRefusal(parseOne('gpx-garmin-extension.gpx'), 'EMPTY_TRACK');
    expect(reason.message).toContain('it holds only 1 waypoint');
  });

  it('every refusal message is plain text that names no exception or stack', () => {
    for (const name of ['bad-truncated-run.fit', 'cycling-not-a-run.fit', 'gpx10-no-times.gpx', 'gpx11-all-fields.gpx', 'gpx-unicode-bom.gpx']) {
      const [r] = parseActivityFile(name, fixture(name));
      expect(r!.ok).toBe(false);
      const message = (r as { reason: { message: string } }).reason.message;
      expect(message).not.toMatch(/Error:|undefined|NaN|\bat .*\.js/);
    }
  });
});

/** Length of each GPX segment as togeojson reads it, summed — a second opinion on gpx.ts. */
function independentGpxLength(name: string): number {
  const text = new TextDecoder().decode(fixture(name));
  const geo = gpxToGeoJson(new DOMParser().parseFromString(text, 'text/xml'));
  let total = 0;
  for (const f of geo.features) {
    if (f.properties?.['_gpxType'] !== 'trk') continue;
    const g = f.geometry;
    const lines: Position[][] = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
    for (const line of lines) {
      for (let i = 1; i < line.length; i++) total += greatCircle(line[i - 1]!, line[i]!);
    }
  }
  return total;
}

function greatCircle([lon1, lat1]: Position, [lon2, lat2]: Position): number {
  const r = Math.PI / 180;
  const x = Math.sin(((lat2! - lat1!) * r) / 2) ** 2 + Math.cos(lat1! * r) * Math.cos(lat2! * r) * Math.sin(((lon2! - lon1!) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(x));
}
