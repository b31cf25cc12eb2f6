import { gzipSync, strToU8, zipSync } from 'fflate';

/** A 30-minute run-walk (1:00 run / 1:30 walk) as Strava's GPX, a point every 3 s from `start`. */
function runWalkGpx(start: number, n: number): string {
  const points: string[] = [];
  let lat = 41.9 + (n % 50) * 0.001;
  for (let t = 0; t <= 1800; t += 3) {
    lat += ((t % 150 < 60 ? 2.8 : 1.4) * 3) / 111_320;
    points.push(`<trkpt lat="${lat.toFixed(6)}" lon="-87.630000"><time>${new Date(start + t * 1000).toISOString()}</time></trkpt>`);
  }
  return `<?xml version="1.0"?><gpx version="1.1" creator="Strava" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Run ${n}</name><type>9</type><trkseg>${points.join('')}</trkseg></trk></gpx>`;
}

/**
 * A Strava bulk export as a patient downloads it: activities.csv, activities/<id>.gpx.gz (one run a
 * day from `firstDay`, activities `from` … `from + count - 1`) and a profile photo to ignore.
 */
export function stravaExport(options: { firstDay: string; from: number; count: number }): Uint8Array {
  const day0 = Date.parse(`${options.firstDay}T13:00:00Z`);
  const files: Record<string, Uint8Array> = {};
  const csv = ['Activity ID,Activity Date,Activity Name,Activity Type,Filename'];
  for (let i = options.from; i < options.from + options.count; i++) {
    const name = `activities/${1000 + i}.gpx.gz`;
    files[name] = gzipSync(strToU8(runWalkGpx(day0 + i * 86_400_000, i)));
    csv.push(`${1000 + i},x,Morning Run ${i},Run,${name}`);
  }
  files['activities.csv'] = strToU8(csv.join('\n'));
  files['profile.jpg'] = new Uint8Array(1000);
  return zipSync(files);
}
