import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_FILES_FOLDER, storedFilePath } from '../../electron/backup/backup-files';
import { getSeededExercise } from '../../shared/clinical/library';
import { TINY_PNG } from './charting-helpers';
import { createTestApp, databaseFingerprint, expectError, PASSWORDS, PATIENT, type TestApp } from './harness';

// A referral letter as a (tiny) PDF; the photo a PNG.
const REFERRAL = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n').toString('base64');
const work = mkdtempSync(join(tmpdir(), 'runback-backup-files-'));
/** How many images a PDF shows (poppler's pdfimages). */
function imagesIn(base64: string): number {
  const file = join(work, `${Math.random().toString(16).slice(2)}.pdf`);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').length - 2;
}

describe('backups carry the files the records refer to', () => {
  let t: TestApp;
  let patientId: number;
  let attachmentId: number;
  let printId: number;
  let images: number;
  const admin = () => t.sessions.admin;
  const thera = () => t.sessions.therapist;
  const attachmentsDir = () => join(t.dataDir, 'attachments');
  const signInAgain = async () => {
    t.sessions.admin = (await t.ok('auth.signIn', { username: 'admin', password: PASSWORDS.admin })).sessionToken;
    t.sessions.therapist = (await t.ok('auth.signIn', { username: 'thera', password: PASSWORDS.therapist })).sessionToken;
  };

  beforeAll(async () => {
    t = await createTestApp();
    patientId = (await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng' }, admin())).id;
    attachmentId = (await t.ok('attachments.add', { patientId, kind: 'referral', title: 'Referral from Dr Lê', fileName: 'giấy giới thiệu.pdf', base64: REFERRAL }, thera())).id;
    await t.ok('exercisePhotos.upload', { patientId, exerciseKey: 'bird-dog', fileName: 'bird dog.png', base64: TINY_PNG }, thera());
    const v = await t.services.db
      .insertInto('homeProgramVersions')
      .values({ patientId, version: 1, comment: null, createdBy: t.userIds.therapist, createdAt: t.clock.now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.services.db
      .insertInto('homeProgramItems')
      .values({ programVersionId: v.id, position: 1, exerciseKey: 'bird-dog', exerciseVersion: 0, dosageJson: JSON.stringify(getSeededExercise('bird-dog').dosage), instructions: null, reason: null })
      .execute();
    const printed = await t.ok('handouts.print', { patientId }, thera());
    images = imagesIn(printed.pdfBase64);
    expect(images).toBeGreaterThan(0); // the photo (and its transparency mask)
    printId = printed.printId;
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  it('a restore brings back the attachment and the photo after the data folder lost them: served again, printed again', async () => {
    const first = await t.ok('backups.run', {}, admin());
    expect(first).toMatchObject({ ok: true, message: null });
    const folder = dirname(first.file!);
    // Stored by hash once per folder: a second backup copies nothing again.
    const stored = () => readdirSync(join(folder, BACKUP_FILES_FOLDER), { recursive: true }).filter((n) => String(n).endsWith('.plain'));
    expect(stored()).toHaveLength(2);
    t.clock.advanceMinutes(1);
    const second = await t.ok('backups.run', {}, admin());
    expect(stored()).toHaveLength(2);

    rmSync(attachmentsDir(), { recursive: true, force: true });
    expectError(await t.call('attachments.get', { id: attachmentId }, thera()), 'CONFLICT');

    const report = await t.ok('backups.restore', { file: second.file! }, admin());
    expect(report.filesRestored).toBe(2);
    await signInAgain();
    const served = await t.ok('attachments.get', { id: attachmentId }, thera());
    expect(served.base64).toBe(REFERRAL);
    const reprint = await t.ok('handouts.reprint', { printId }, thera());
    expect(imagesIn(reprint.pdfBase64)).toBe(images);
    // A new print reads the photo from the data folder again.
    const fresh = await t.ok('handouts.print', { patientId }, thera());
    expect(imagesIn(fresh.pdfBase64)).toBe(images);
  });

  it('an encrypted backup keeps its files encrypted, and verification names a missing or damaged file and changes nothing', async () => {
    await t.ok('backups.setPassphrase', { passphrase: 'ngựa đúng pin kẹp giấy' }, admin());
    t.clock.advanceMinutes(1);
    const backup = await t.ok('backups.run', {}, admin());
    const folder = dirname(backup.file!);
    const encrypted = readdirSync(join(folder, BACKUP_FILES_FOLDER), { recursive: true }).map(String).filter((n) => /[0-9a-f]{64}\.[0-9a-f]{16}$/.test(n));
    expect(encrypted).toHaveLength(2);
    const photo = await t.services.db.selectFrom('exercisePhotos').select('sha256').executeTakeFirstOrThrow();
    const attachment = await t.services.db.selectFrom('attachments').select('sha256').executeTakeFirstOrThrow();
    const key = t.services.backups.store.storedKey();
    const photoCopy = storedFilePath(folder, photo.sha256, key);
    const attachmentCopy = storedFilePath(folder, attachment.sha256, key);
    expect(existsSync(photoCopy) && existsSync(attachmentCopy)).toBe(true);

    // The data folder loses both files; the backup's copy of the photo is damaged and the attachment's is gone.
    rmSync(attachmentsDir(), { recursive: true, force: true });
    writeFileSync(photoCopy, Buffer.alloc(300, 7));
    rmSync(attachmentCopy);
    const before = await databaseFingerprint(t);
    const refused = await t.call('backups.restore', { file: backup.file! }, admin());
    expectError(refused, 'VALIDATION');
    if (!refused.ok) {
      expect(refused.error.message).toContain('giấy giới thiệu.pdf (Đặng, Trọng Tấn’s attachment) is missing');
      expect(refused.error.message).toContain('the photo of the exercise “bird-dog” (Đặng, Trọng Tấn) is damaged');
      expect(refused.error.message).toContain('Nothing was changed.');
    }
    expect(await databaseFingerprint(t)).toBe(before);

    // Verification reads each file back: a backup taken now writes the damaged and missing copies
    // again only from a sound original, and says which files were already lost.
    t.clock.advanceMinutes(1);
    const warned = await t.ok('backups.run', {}, admin());
    expect(warned.ok).toBe(true);
    expect(warned.message).toContain('2 files the records refer to were already missing or damaged in the data folder');
    expect(warned.message).toContain('giấy giới thiệu.pdf');
  });
});
