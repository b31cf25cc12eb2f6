import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EXERCISE_PHOTO_BYTES } from '../../shared/program/exercise-photo';
import { TINY_PNG } from './charting-helpers';
import { auditRows, createTestApp, databaseFingerprint, expectError, PATIENT, type TestApp } from './harness';

const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

/** Every file in the attachment store (the data folder's attachments/). */
function storedFiles(t: TestApp): string[] {
  const dir = t.services.attachments.dir;
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name).sort();
}

describe('exercise photos', () => {
  let t: TestApp;
  let patientId: number;
  beforeAll(async () => {
    t = await createTestApp();
    patientId = (await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng' }, t.sessions.front_desk)).id;
  });
  afterAll(() => t.dispose());

  it('stores a PNG by its hash, lists it, gives its bytes back, and a second photo replaces the first', async () => {
    const photo = await t.ok('exercisePhotos.upload', { patientId, exerciseKey: 'clamshell', fileName: 'IMG_0042.png', base64: TINY_PNG }, t.sessions.therapist);
    expect(photo).toMatchObject({ patientId, exerciseKey: 'clamshell', mimeType: 'image/png', sizeBytes: Buffer.from(TINY_PNG, 'base64').length, removedAt: null });
    expect(storedFiles(t)).toContain(photo.sha256);
    expect((await t.ok('exercisePhotos.list', { patientId }, t.sessions.therapist)).photos.map((p) => p.id)).toEqual([photo.id]);
    const got = await t.ok('exercisePhotos.get', { id: photo.id }, t.sessions.admin);
    expect(got.base64).toBe(TINY_PNG);

    const jpeg = await t.ok('exercisePhotos.upload', { patientId, exerciseKey: 'clamshell', fileName: 'better.jpg', base64: JPEG.toString('base64') }, t.sessions.therapist);
    expect(jpeg.mimeType).toBe('image/jpeg');
    const listed = (await t.ok('exercisePhotos.list', { patientId }, t.sessions.therapist)).photos;
    expect(listed.map((p) => [p.id, p.exerciseKey])).toEqual([[jpeg.id, 'clamshell']]);
    const audit = (await auditRows(t)).filter((r) => r.action === 'exercisePhotos.upload').map((r) => r.detail);
    expect(audit[1]).toMatch(new RegExp(`^exercise photo ${jpeg.id} for clamshell added in place of photo ${photo.id}`));
  });

  it('refuses a GIF, a text file named .png, a file over the limit and an unknown exercise, naming why, and writes nothing', async () => {
    const before = await databaseFingerprint(t);
    const files = storedFiles(t);
    const refused = async (input: { exerciseKey?: string; fileName: string; base64: string }, message: RegExp) => {
      const result = await t.call('exercisePhotos.upload', { patientId, exerciseKey: input.exerciseKey ?? 'bird-dog', fileName: input.fileName, base64: input.base64 }, t.sessions.therapist);
      expectError(result, 'VALIDATION');
      if (!result.ok) expect(result.error.message).toMatch(message);
    };
    await refused({ fileName: 'dog.gif', base64: GIF.toString('base64') }, /^dog\.gif is a GIF image, not a PNG or JPEG photo \(judged by its content, not its name\)/);
    await refused({ fileName: 'notes.png', base64: Buffer.from('Bird dog: 3 x 10 each side\n').toString('base64') }, /^notes\.png is not a PNG or JPEG photo \(judged by its content/);
    const big = Buffer.concat([Buffer.from(TINY_PNG, 'base64'), Buffer.alloc(MAX_EXERCISE_PHOTO_BYTES + 1 - Buffer.from(TINY_PNG, 'base64').length)]);
    await refused({ fileName: 'huge.png', base64: big.toString('base64') }, /^huge\.png is 5\.0 MB: exercise photos may be at most 5 MB/);
    const huge = Buffer.alloc(MAX_EXERCISE_PHOTO_BYTES * 2);
    await refused({ fileName: 'huger.png', base64: huge.toString('base64') }, /photos may be at most 5 MB/);
    await refused({ exerciseKey: 'moonwalk', fileName: 'a.png', base64: TINY_PNG }, /not in the clinic’s library/);
    expect(await databaseFingerprint(t)).toBe(before);
    expect(storedFiles(t)).toEqual(files);
  });

  it('is for therapists and admins only: the front desk is refused and nothing is written', async () => {
    const before = await databaseFingerprint(t);
    expectError(await t.call('exercisePhotos.upload', { patientId, exerciseKey: 'bird-dog', fileName: 'a.png', base64: TINY_PNG }, t.sessions.front_desk), 'FORBIDDEN');
    expectError(await t.call('exercisePhotos.list', { patientId }, t.sessions.front_desk), 'FORBIDDEN');
    const [photo] = (await t.ok('exercisePhotos.list', { patientId }, t.sessions.therapist)).photos;
    expectError(await t.call('exercisePhotos.get', { id: photo!.id }, t.sessions.front_desk), 'FORBIDDEN');
    expectError(await t.call('exercisePhotos.remove', { id: photo!.id }, t.sessions.front_desk), 'FORBIDDEN');
    // The refusals are audited (access.forbidden); nothing else changed.
    const changed = (await databaseFingerprint(t)).split('\n').filter((line) => !before.split('\n').includes(line)).map((line) => line.split(':')[0]);
    expect(changed).toEqual(['audit_log']);
  });

  it('takes a photo out without deleting its file, so a printed handout can still be reprinted with it', async () => {
    const [photo] = (await t.ok('exercisePhotos.list', { patientId }, t.sessions.therapist)).photos;
    await t.ok('exercisePhotos.remove', { id: photo!.id }, t.sessions.therapist);
    expect((await t.ok('exercisePhotos.list', { patientId }, t.sessions.therapist)).photos).toEqual([]);
    expect(storedFiles(t)).toContain(photo!.sha256);
    const row = await t.services.db.selectFrom('exercisePhotos').selectAll().where('id', '=', photo!.id).executeTakeFirstOrThrow();
    expect(row.removedBy).toBe(t.userIds.therapist);
    expect(row.removedAt).not.toBeNull();
    expect((await t.ok('exercisePhotos.get', { id: photo!.id }, t.sessions.therapist)).photo.removedAt).toBe(row.removedAt);
    expectError(await t.call('exercisePhotos.remove', { id: photo!.id }, t.sessions.therapist), 'NOT_FOUND');
    expect((await auditRows(t)).at(-1)).toMatchObject({ action: 'exercisePhotos.open' });
  });
});
