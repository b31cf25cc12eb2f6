import { resourceUsage } from 'node:process';
import { performance } from 'node:perf_hooks';
import { strToU8, zipSync } from 'fflate';
import { expandActivityFile } from './index';
import { parseOptions } from './draft';
import { withoutSamples } from './staging';

/**
 * How long an import takes and how much memory it needs above what the process held before, for
 * the files that stress it: a 200,000-point GPX (~17 MB), the same track as TCX, and a Strava-style
 * zip of 1,000 half-hour GPX runs. Timings and memory are measured here, never asserted in tests
 * (a busy machine must not fail the suite). `runback bench-import` runs each case in a fresh
 * process and prints `formatImportBench`; `runback bench` (issue #9) can do the same with
 * `benchImportCase` (one case per child process), or call `runback bench-import`.
 *
 * Memory is the process's peak resident size during the import (`resourceUsage().maxRSS`) minus its
 * resident size just before, with the file already in memory: what the import itself adds. Run it
 * in a fresh process (the CLI command is one) so an earlier peak cannot hide the import's; with
 * `node --expose-gc` the baseline is taken after a collection.
 */

export interface ImportBenchCase {
  name: string;
  fileBytes: number;
  activities: number;
  milliseconds: number;
  /** Peak resident memory above the baseline, bytes (0 when the import never went above an earlier peak). */
  peakAboveBaseline: number;
}

/** A deterministic noisy track: a wandering path at run-walk speeds, one fix a second. */
function* fixes(points: number, seed: number): Generator<{ t: number; lat: number; lon: number }> {
  let s = seed >>> 0;
  const rand = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  let x = 0;
  let y = 0;
  let heading = 0;
  for (let t = 0; t < points; t++) {
    const speed = t % 150 < 60 ? 2.8 : 1.4;
    heading += (rand() - 0.5) * 0.2;
    x += Math.cos(heading) * speed;
    y += Math.sin(heading) * speed;
    const nx = (rand() - 0.5) * 3;
    const ny = (rand() - 0.5) * 3;
    yield { t, lat: 41.9 + (y + ny) / 111_320, lon: -87.63 + (x + nx) / 82_900 };
  }
}

export function benchGpx(points: number, seed = 1, start = Date.parse('2024-06-01T06:00:00Z')): Uint8Array {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="bench" xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>\n'];
  for (const f of fixes(points, seed)) parts.push(`<trkpt lat="${f.lat.toFixed(7)}" lon="${f.lon.toFixed(7)}"><ele>182.4</ele><time>${new Date(start + f.t * 1000).toISOString()}</time></trkpt>\n`);
  parts.push('</trkseg></trk></gpx>\n');
  return strToU8(parts.join(''));
}

export function benchTcx(points: number, seed = 1, start = Date.parse('2024-06-01T06:00:00Z')): Uint8Array {
  const iso = new Date(start).toISOString();
  const parts: string[] = [`<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities><Activity Sport="Running"><Id>${iso}</Id><Lap StartTime="${iso}"><Track>\n`];
  for (const f of fixes(points, seed)) {
    parts.push(`<Trackpoint><Time>${new Date(start + f.t * 1000).toISOString()}</Time><Position><LatitudeDegrees>${f.lat.toFixed(7)}</LatitudeDegrees><LongitudeDegrees>${f.lon.toFixed(7)}</LongitudeDegrees></Position><HeartRateBpm><Value>128</Value></HeartRateBpm></Trackpoint>\n`);
  }
  parts.push('</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n');
  return strToU8(parts.join(''));
}

export function benchZip(activities: number): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const csv = ['Activity ID,Activity Name,Activity Type,Filename'];
  for (let i = 0; i < activities; i++) {
    files[`activities/${1000 + i}.gpx`] = benchGpx(1800, i + 1, Date.parse('2023-01-02T13:00:00Z') + i * 86_400_000);
    csv.push(`${1000 + i},Run ${i},Run,activities/${1000 + i}.gpx`);
  }
  files['activities.csv'] = strToU8(csv.join('\n'));
  return zipSync(files);
}

/** Parses (and analyses) everything in `bytes` the way a staged import does, dropping each track once read. */
function importOnce(name: string, bytes: Uint8Array): number {
  const options = parseOptions();
  let count = 0;
  for (const pending of expandActivityFile(name, bytes)) {
    for (const parsed of pending.parse(options)) {
      withoutSamples(parsed);
      count++;
    }
  }
  return count;
}

function measure(name: string, bytes: Uint8Array): ImportBenchCase {
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage().rss;
  const peakBefore = resourceUsage().maxRSS * 1024;
  const started = performance.now();
  const activities = importOnce(name, bytes);
  const milliseconds = performance.now() - started;
  const peakAfter = resourceUsage().maxRSS * 1024;
  return { name, fileBytes: bytes.length, activities, milliseconds, peakAboveBaseline: peakAfter > peakBefore ? peakAfter - baseline : 0 };
}

export const IMPORT_BENCH_CASES = ['gpx', 'tcx', 'zip'] as const;
export type ImportBenchCaseName = (typeof IMPORT_BENCH_CASES)[number];

/**
 * One case, measured in this process. Run each case in a fresh process (`runback bench-import`
 * does): a process's peak memory only grows, so a second case in the same process can hide under
 * the first one's peak.
 */
export function benchImportCase(name: ImportBenchCaseName, options: { gpxPoints?: number; zipActivities?: number } = {}): ImportBenchCase {
  const points = options.gpxPoints ?? 200_000;
  const activities = options.zipActivities ?? 1000;
  if (name === 'gpx') return measure(`GPX, ${points.toLocaleString('en-US')} points`, benchGpx(points));
  if (name === 'tcx') return measure(`TCX, ${points.toLocaleString('en-US')} points`, benchTcx(points));
  return measure(`Strava zip, ${activities.toLocaleString('en-US')} half-hour GPX runs`, benchZip(activities));
}

export function formatImportBench(results: readonly ImportBenchCase[]): string[] {
  const mb = (b: number) => `${(b / (1024 * 1024)).toFixed(1)} MB`;
  return [
    'import benchmark (memory above the baseline at its peak; target: under about 10× the file size)',
    ...results.map((r) => {
      const ratio = r.peakAboveBaseline > 0 ? `${(r.peakAboveBaseline / r.fileBytes).toFixed(1)}× the file` : 'under an earlier peak';
      return `  ${r.name}: file ${mb(r.fileBytes)}, ${r.activities} activit${r.activities === 1 ? 'y' : 'ies'}, ${Math.round(r.milliseconds)} ms, peak +${mb(r.peakAboveBaseline)} (${ratio})`;
    }),
  ];
}
