import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../shared/charting/attachment';
import { openApp } from '../../electron/app/open-app';
import { printNote } from '../../electron/cli/commands/print';
import { evaluatedPatient, TINY_PNG } from './charting-helpers';
import { CLINIC_INPUT, createTestApp, expectError, PASSWORDS, PATIENT, type TestApp } from './harness';

let t: TestApp;
let patientId: number;
let work: string;
const pdftotext = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

beforeAll(async () => {
  t = await createTestApp();
  patientId = (await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Zoë', legalLastName: 'Núñez' }, t.sessions.front_desk)).id;
  work = mkdtempSync(join(tmpdir(), 'runback-charting-'));
});
afterAll(async () => {
  await t.dispose();
  rmSync(work, { recursive: true, force: true });
});

describe('attachments', () => {
  it('stores a PNG in the data folder under its SHA-256, without execute permission, once', async () => {
    const a = await t.ok('attachments.add', { patientId, kind: 'referral', title: 'Referral from Dr. Ruiz', fileName: 'referral.png', base64: TINY_PNG }, t.sessions.therapist);
    expect(a).toMatchObject({ mimeType: 'image/png', sizeBytes: Buffer.from(TINY_PNG, 'base64').length, uploadedBy: 'Theo Therapist' });
    const file = join(t.dataDir, 'attachments', a.sha256.slice(0, 2), a.sha256);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o111).toBe(0);
    const again = await t.ok('attachments.add', { patientId, kind: 'other', title: 'Same file again', fileName: 'copy.png', base64: TINY_PNG }, t.sessions.therapist);
    expect(again.sha256).toBe(a.sha256);
    const opened = await t.ok('attachments.get', { id: a.id }, t.sessions.admin);
    expect(opened.base64).toBe(TINY_PNG);
    expect((await t.ok('attachments.list', { patientId }, t.sessions.therapist)).attachments.map((x) => x.title)).toEqual(['Same file again', 'Referral from Dr. Ruiz']);
    await t.ok('attachments.remove', { id: again.id, reason: 'Duplicate' }, t.sessions.therapist);
    expect((await t.ok('attachments.list', { patientId }, t.sessions.therapist)).attachments.map((x) => x.id)).toEqual([a.id]);
  });

  it('judges the type by content, refuses other files and oversize ones, and writes nothing', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]).toString('base64');
    const renamed = await t.call('attachments.add', { patientId, kind: 'imaging', title: 'MRI', fileName: 'mri.pdf', base64: exe }, t.sessions.therapist);
    expectError(renamed, 'VALIDATION');
    if (!renamed.ok) expect(renamed.error.message).toBe('mri.pdf is not a PDF, JPEG or PNG file (judged by its content, not its name): only those can be attached.');
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_ATTACHMENT_BYTES)]).toString('base64');
    const tooBig = await t.call('attachments.add', { patientId, kind: 'imaging', title: 'Scan', fileName: 'scan.pdf', base64: big }, t.sessions.therapist);
    expectError(tooBig, 'VALIDATION');
    const pdf = await t.ok('attachments.add', { patientId, kind: 'outside_notes', title: 'Chiropractor notes', fileName: 'notes.pdf', base64: Buffer.from('%PDF-1.4\n%âãÏÓ\n').toString('base64') }, t.sessions.therapist);
    expect(pdf.mimeType).toBe('application/pdf');
  });

  it('refuses to hand back a file changed outside Runback', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const a = await t.ok('attachments.add', { patientId, kind: 'imaging', title: 'X-ray', fileName: 'xray.jpg', base64: jpeg.toString('base64') }, t.sessions.therapist);
    writeFileSync(join(t.dataDir, 'attachments', a.sha256.slice(0, 2), a.sha256), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 9]));
    const r = await t.call('attachments.get', { id: a.id }, t.sessions.therapist);
    expectError(r, 'CONFLICT');
    if (!r.ok) expect(r.error.message).toBe('"X-ray" cannot be opened: The stored file no longer matches its SHA-256: it was changed outside Runback.');
  });
});

describe('the note PDF', () => {
  it('prints letterhead, patient, episode, the note, billing, the signature block with its hash, and the addendum; the CLI prints the same', async () => {
    const { evaluation } = await evaluatedPatient(t, patientId);
    await t.ok('notes.addendum', { noteId: evaluation.id, text: 'Correction: onset was early October, not late September.' }, t.sessions.therapist);
    const { pdfBase64, filename } = await t.ok('notes.pdf', { id: evaluation.id }, t.sessions.therapist);
    expect(filename).toBe('note-2026-11-26-nunez-zoe-initial-evaluation.pdf');
    const file = join(work, filename);
    writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
    const text = pdftotext(file).replace(/\s+/g, ' ');
    for (const expected of [
      'Test Run Clinic',
      'Initial evaluation',
      'Date of service Nov 26, 2026',
      'Núñez, Zoë (Mia)',
      'M54.50 Low back pain, unspecified',
      'Dr. Ana Ruiz, NPI 1234567893',
      'Lumbar L4–L5 central PA, grade III, prone, 10 min',
      'Run-walk 30 minutes with pain at most 3/10',
      '97162',
      'GP, 59',
      'Electronically signed by Theo Therapist on Nov 26, 2026',
      evaluation.contentHash!,
      'the stored note still matches this hash',
      'Correction: onset was early October',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const out = join(work, 'cli-note.pdf');
    expect(await printNote(t, { note: evaluation.id, out, paper: 'a4' })).toEqual({ exitCode: 0, message: expect.stringMatching(/^Wrote .*cli-note\.pdf \(\d+ KB\)\.$/) });
    expect(pdftotext(out).replace(/\s+/g, ' ')).toContain(evaluation.contentHash!);
    expect(await printNote(t, { note: 999_999, out: join(work, 'none.pdf'), paper: 'letter' })).toEqual({ exitCode: 2, message: 'runback print note: There is no note with id 999999. Nothing was written.' });
    expect(existsSync(join(work, 'none.pdf'))).toBe(false);
    const audit = await t.services.db.selectFrom('auditLog').selectAll().where('action', '=', 'notes.print').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.username).toMatch(/^cli:/);
  });

  it('prints a Vietnamese name as typed, in the bundled font only (no built-in PDF font)', async () => {
    const tan = (await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng', dateOfBirth: '1984-03-09' }, t.sessions.front_desk)).id;
    const { evaluation } = await evaluatedPatient(t, tan);
    const { pdfBase64 } = await t.ok('notes.pdf', { id: evaluation.id }, t.sessions.therapist);
    const file = join(work, 'dang.pdf');
    writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
    expect(pdftotext(file)).toContain('Đặng, Trọng Tấn');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row).toMatch(/Inter.*\byes\s+yes\b/);
  });
});

// The built command line, as a clinic runs it (skipped only before the first build).
describe.runIf(existsSync('dist-electron/cli.cjs'))('a draft survives a killed server', () => {
  it('keeps every saved draft when the web-mode process is killed mid-session', async () => {
    const dir = join(work, 'killed');
    const app = await openApp(dir);
    const d = (channel: string, input: unknown, sessionToken: string | null = null) => app.dispatch({ channel, input, sessionToken, transport: 'direct' });
    const setup = (await d('setup.createClinic', { clinic: CLINIC_INPUT, admin: { username: 'admin', displayName: 'Ada Admin', password: PASSWORDS.admin } })) as { ok: true; value: { sessionToken: string } };
    await d('users.create', { username: 'thera', displayName: 'Theo Therapist', role: 'therapist', password: PASSWORDS.therapist }, setup.value.sessionToken);
    const p = (await d('patients.create', PATIENT, setup.value.sessionToken)) as { ok: true; value: { id: number } };
    await app.close();

    const server = spawn(process.execPath, ['bin/runback.cjs', 'serve', '--data-dir', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<URL>((resolve, reject) => {
        let out = '';
        server.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
          if (m) resolve(new URL(m[1]!));
        });
        server.on('exit', () => reject(new Error(`serve exited: ${out}`)));
      });
      const token = url.hash.replace('#token=', '');
      const api = async (channel: string, body: unknown, session?: string) => {
        const res = await fetch(`${url.origin}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-runback-token': token, ...(session ? { 'x-runback-session': session } : {}) }, body: JSON.stringify(body) });
        return (await res.json()) as { ok: boolean; value: Record<string, unknown> };
      };
      const session = (await api('auth.signIn', { username: 'thera', password: PASSWORDS.therapist })).value.sessionToken as string;
      const note = (await api('notes.start', { patientId: p.value.id, type: 'initial_evaluation' }, session)).value;
      const saved = await api('notes.saveDraft', { id: note.id, revision: 0, content: { subjective: { patientWords: 'Đau lưng khi chạy — written just before the crash', painNow: 6 } } }, session);
      expect(saved.ok).toBe(true);
      server.kill('SIGKILL');
      await new Promise((r) => server.once('exit', r));
      const reopened = await openApp(dir);
      try {
        const row = await reopened.services.db.selectFrom('notes').selectAll().where('id', '=', note.id as number).executeTakeFirstOrThrow();
        expect(row).toMatchObject({ status: 'draft', revision: 1 });
        expect(JSON.parse(row.contentJson).subjective).toMatchObject({ patientWords: 'Đau lưng khi chạy — written just before the crash', painNow: 6 });
      } finally {
        await reopened.close();
      }
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }
  });
});

