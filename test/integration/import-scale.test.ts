import { gzipSync, strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PATIENT, type TestApp } from './harness';

/** A 30-minute run-walk recorded every 3 s (watch "smart recording"), starting at `start`. */
function gpx(start: number, seed: number): string {
  const pts: string[] = [];
  let lat = 41.9 + (seed % 50) * 0.001;
  for (let t = 0; t <= 1800; t += 3) {
    const running = t % 150 < 60;
    lat += ((running ? 2.8 : 1.4) * 3) / 111_320;
    pts.push(`<trkpt lat="${lat.toFixed(6)}" lon="-87.630000"><time>${new Date(start + t * 1000).toISOString()}</time></trkpt>`);
  }
  return `<?xml version="1.0"?><gpx version="1.1" creator="Strava" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Run ${seed}</name><type>9</type><trkseg>${pts.join('')}</trkseg></trk></gpx>`;
}

describe('a 1,000-activity Strava export', () => {
  let t: TestApp;
  let patientId: number;
  beforeAll(async () => {
    t = await createTestApp();
    patientId = (await t.ok('patients.create', PATIENT, t.sessions.admin)).id;
  });
  afterAll(() => t.dispose());

  it('imports with progress, all in one transaction', async () => {
    const files: Record<string, Uint8Array> = {};
    const csv = ['Activity ID,Activity Date,Activity Name,Activity Type,Filename'];
    const day0 = Date.parse('2023-01-02T13:00:00Z');
    for (let i = 0; i < 1000; i++) {
      const name = `activities/${1000 + i}.gpx.gz`;
      files[name] = gzipSync(strToU8(gpx(day0 + i * 86_400_000, i)));
      csv.push(`${1000 + i},x,Morning Run ${i},Run,${name}`);
    }
    files['activities.csv'] = strToU8(csv.join('\n'));
    files['profile.jpg'] = new Uint8Array(1000);
    const zip = zipSync(files);

    const { stageId, total } = await t.ok('runImport.stage', { patientId, files: [{ name: 'export_12345.zip', base64: Buffer.from(zip).toString('base64') }] }, t.sessions.therapist);
    expect(total).toBe(1000);
    const progress: number[] = [];
    const items = [];
    for (let done = 0; done < total; ) {
      const page = await t.ok('runImport.preview', { stageId, count: 50 }, t.sessions.therapist);
      done = page.done;
      progress.push(done);
      items.push(...page.items);
    }
    expect(progress).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 50));
    expect(items.filter((i) => i.status === 'ready')).toHaveLength(1000);
    expect(items[0]!.found!.intervalSummary).toBe('12 × (1:00 run / 1:30 walk)');
    const result = await t.ok('runImport.commit', { stageId, choices: items.map((i) => ({ itemId: i.itemId, action: 'import' as const })) }, t.sessions.therapist);
    expect(result.imported).toBe(1000);
    expect((await t.ok('runs.list', { patientId }, t.sessions.therapist)).runs).toHaveLength(1000);
  }, 120_000);
});
