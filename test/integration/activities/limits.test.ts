import { gzipSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expandActivityFile, gunzipWithin, parseActivityFile, TooLarge } from '../../../electron/activities';
import { MAX_ZIP_ENTRIES, openZip } from '../../../electron/activities/zip';
import { expectActivity, expectRefusal, fixture, parseOne } from './helpers';

/** Bounded resources: zips are refused from their directory before anything is unpacked; gzip is unpacked within a limit. */

/** Rewrites every central-directory entry's stated unpacked size (what a zip bomb lies about). */
function declareSizes(zip: Uint8Array, bytes: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, bytes, true);
  }
  return out;
}

describe('zip limits', () => {
  it(`more than ${MAX_ZIP_ENTRIES.toLocaleString('en-US')} activity files → refused before any is read`, () => {
    const files: Record<string, Uint8Array> = {};
    // Entries that are not even valid activity files: reading any of them would show up as a refusal per file.
    for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) files[`activities/${i}.gpx`] = strToU8('not xml');
    const pending = expandActivityFile('huge.zip', zipSync(files, { level: 0 }));
    expect(pending).toHaveLength(1);
    const [r] = pending[0]!.parse({ nowMs: Date.now(), style: { distanceUnit: 'km', locale: 'en-US', timeZone: 'UTC' } });
    expect(expectRefusal(r, 'UNSUPPORTED').message).toBe('The zip "huge.zip" holds 5,001 files, more than the 5,000 Runback reads at once: split the export into smaller zips.');
  });

  it('activity files that together would unpack past 500 MB → refused from the directory, without unpacking', () => {
    const zip = declareSizes(zipSync({ 'a.fit': fixture('fenix5-run-short.fit'), 'b.fit': fixture('fenix5-walk-short.fit'), 'c.fit': fixture('fenix2-run-9km.fit') }), 200 * 1024 * 1024);
    const opened = openZip('bomb.zip', zip);
    expect(opened.ok).toBe(false);
    expect(expectRefusal(parseOne('bomb.zip', zip), 'UNSUPPORTED').message).toBe(
      'The activity files in the zip "bomb.zip" would unpack to 600 MB, more than the 500 MB Runback reads at once: split the export into smaller zips.',
    );
  });

  it('photos and other files do not count: a big export with few activity files is read', () => {
    const zip = zipSync({ 'activities/1.fit': fixture('fenix5-run-short.fit'), 'media/a.jpg': new Uint8Array(3 * 1024 * 1024) }, { level: 0 });
    expect(expectActivity(parseActivityFile('export.zip', zip)[0]).format).toBe('fit');
  });

  it('entries are unpacked as they are read, a few at a time, in any order', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 40; i++) files[`activities/${String(i).padStart(2, '0')}.fit`] = fixture(i % 2 === 0 ? 'fenix5-run-short.fit' : 'fenix5-walk-short.fit');
    const pending = expandActivityFile('many.zip', zipSync(files));
    expect(pending).toHaveLength(40);
    const options = { nowMs: Date.now(), style: { distanceUnit: 'km' as const, locale: 'en-US', timeZone: 'UTC' } };
    const order = [39, 0, 20, 1, 38, 2];
    for (const i of order) expect(expectActivity(pending[i]!.parse(options)[0]).sport).toBe(i % 2 === 0 ? 'running' : 'walking');
  });
});

describe('gzip limits', () => {
  it('a stream that unpacks past the limit is stopped there (a gzip bomb), whatever its trailer says', () => {
    const bomb = gzipSync(new Uint8Array(2 * 1024 * 1024));
    const lying = bomb.slice();
    lying.set([0xff, 0xff, 0xff, 0xff], lying.length - 4); // states 4 GiB
    for (const gz of [bomb, lying]) expect(() => gunzipWithin(gz, 1024 * 1024)).toThrow(TooLarge);
    expect(gunzipWithin(bomb, 4 * 1024 * 1024)).toHaveLength(2 * 1024 * 1024);
  });

  it('a .gz whose trailer is garbage (cut short) → CORRUPT, not "too large"', () => {
    const gz = gzipSync(fixture('fenix2-run-9km.fit'));
    const cut = gz.subarray(0, Math.floor(gz.length / 2));
    expect(expectRefusal(parseOne('run.fit.gz', cut), 'CORRUPT').message).toMatch(/^The gzip file is damaged or cut short \(it could not be unpacked: .+\)\./);
  });
});
