import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printHomeProgram } from '../../electron/cli/commands/print';
import { exerciseInputOf, getSeededExercise } from '../../shared/clinical/library';
import { handoutSchema } from '../../shared/program/handout';
import { TINY_PNG } from './charting-helpers';
import { auditRows, createTestApp, databaseFingerprint, expectError, PATIENT, startPlan, type TestApp } from './harness';

// The test clock stands at Thu 2026-11-26 (Chicago). One app for the file.
const pdftotext = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const SEEDED = ['bird-dog', 'dead-bug', 'glute-bridge', 'hip-flexor-stretch', 'open-book'];

describe('the printed home program', () => {
  let t: TestApp;
  let work: string;
  let tan: { id: number; mrn: string };
  let calfV1: number;
  const text = (base64: string, name: string) => {
    const file = join(work, name);
    writeFileSync(file, Buffer.from(base64, 'base64'));
    return pdftotext(file);
  };

  /** A program version written the way the builder saves one: its rows, straight into the tables. */
  async function saveProgram(patientId: number, version: number, items: { key: string; version: number; instructions?: string }[]) {
    const v = await t.services.db
      .insertInto('homeProgramVersions')
      .values({ patientId, version, comment: null, createdBy: t.userIds.therapist, createdAt: t.clock.now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.services.db
      .insertInto('homeProgramItems')
      .values(items.map((item, i) => ({ programVersionId: v.id, position: i + 1, exerciseKey: item.key, exerciseVersion: item.version, dosageJson: JSON.stringify(getSeededExercise(item.key).dosage), instructions: item.instructions ?? null, reason: null })))
      .execute();
  }

  beforeAll(async () => {
    t = await createTestApp();
    work = mkdtempSync(join(tmpdir(), 'runback-handout-'));
    tan = await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng' }, t.sessions.admin);
    await startPlan(t, { patientId: tan.id, startDate: '2026-11-23', startingStepId: 'rw-30-90' }, t.sessions.therapist);
    // The clinic's own wording of the calf raise: version 1 is what the program picks.
    const calf = await t.ok('exercises.save', { key: 'calf-raise', exercise: { ...exerciseInputOf(getSeededExercise('calf-raise'), 'calf-raise'), title: 'Calf raise on the bottom stair' } }, t.sessions.therapist);
    calfV1 = calf.version;
    await saveProgram(tan.id, 1, [...SEEDED.map((key) => ({ key, version: 0 })), { key: 'calf-raise', version: calfV1, instructions: 'Hold the banister; 10 slow ones.' }]);
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  it('prints the patient with accents, every exercise, the four weeks, the pain rules, the red flags and the log; stores it whole and audits it', async () => {
    const r = await t.ok('handouts.print', { patientId: tan.id }, t.sessions.therapist);
    expect(r.missing).toEqual([]);
    expect(r.filename).toBe('home-program-2026-11-26-dang-trong-tan.pdf');
    const pdf = text(r.pdfBase64, 'en.pdf');
    for (const expected of ['Your home program', 'Đặng, Trọng Tấn', tan.mrn, 'Bird dog', 'Dead bug', 'Glute bridge', 'Half-kneeling hip-flexor stretch', 'Open book', 'Calf raise on the bottom stair', 'Hold the banister; 10 slow ones.', 'Week 1', 'Week 2', 'Week 3', 'Week 4', 'Pain rules', 'Green', 'Amber', 'Red', 'When to stop and call', 'Your log', 'Pain next morning', 'Page 1 of'])
      expect(pdf).toContain(expected);
    const row = await t.services.db.selectFrom('homeProgramPrints').selectAll().where('id', '=', r.printId).executeTakeFirstOrThrow();
    const stored = handoutSchema.parse(JSON.parse(row.handoutJson));
    expect(stored.exercises.map((e) => e.key)).toEqual([...SEEDED, 'calf-raise']);
    expect(stored.exercises.every((e) => e.picture.kind === 'drawing')).toBe(true);
    expect(stored.calendar?.weeks).toHaveLength(4);
    expect([row.language, row.paper, row.printedBy, row.reprintOf]).toEqual(['en', 'letter', t.userIds.therapist, null]);
    const audit = (await auditRows(t)).filter((a) => a.action === 'handouts.print').at(-1)!;
    expect(audit.detail).toBe(`home program version 1 printed in English (6 exercises), print ${r.printId}`);
  });

  it('a reprint after the library exercise was edited prints the old words, and is recorded as a reprint', async () => {
    const first = (await t.ok('handouts.list', { patientId: tan.id }, t.sessions.therapist)).prints.at(-1)!;
    await t.ok('exercises.save', { key: 'calf-raise', exercise: { ...exerciseInputOf(getSeededExercise('calf-raise'), 'calf-raise'), title: 'Heel drops on a stair' } }, t.sessions.therapist);
    await saveProgram(tan.id, 2, [{ key: 'calf-raise', version: calfV1 + 1 }, { key: 'bird-dog', version: 0 }]);
    const again = await t.ok('handouts.reprint', { printId: first.id }, t.sessions.therapist);
    const pdf = text(again.pdfBase64, 'reprint.pdf');
    expect(pdf).toContain('Calf raise on the bottom stair');
    expect(pdf).not.toContain('Heel drops on a stair');
    const original = await t.services.db.selectFrom('homeProgramPrints').select('handoutJson').where('id', '=', first.id).executeTakeFirstOrThrow();
    const copy = await t.services.db.selectFrom('homeProgramPrints').selectAll().where('id', '=', again.printId).executeTakeFirstOrThrow();
    expect([copy.reprintOf, copy.handoutJson]).toEqual([first.id, original.handoutJson]);
    // The current program prints the new words.
    const now = await t.ok('handouts.print', { patientId: tan.id }, t.sessions.therapist);
    expect(text(now.pdfBase64, 'v2.pdf')).toContain('Heel drops on a stair');
    const list = await t.ok('handouts.list', { patientId: tan.id }, t.sessions.therapist);
    expect(list.prints.map((p) => [p.programVersion, p.reprintOf, p.printedBy])).toEqual([
      [2, null, 'Theo Therapist'],
      [1, first.id, 'Theo Therapist'],
      [1, null, 'Theo Therapist'],
    ]);
  });

  it('in Spanish: the seeded words translated, the clinic’s own wording reported before printing and printed in English', async () => {
    await t.services.db.updateTable('patients').set({ language: 'es' }).where('id', '=', tan.id).execute();
    const check = await t.ok('handouts.check', { patientId: tan.id }, t.sessions.therapist);
    expect(check.language).toBe('es');
    expect(check.missing).toEqual(['Heel drops on a stair: its title', ...getSeededExercise('calf-raise').cues.map((c) => `Heel drops on a stair: the cue “${c}”`)]);
    const r = await t.ok('handouts.print', { patientId: tan.id }, t.sessions.therapist);
    expect(r.missing).toEqual(check.missing);
    const pdf = text(r.pdfBase64, 'es.pdf');
    for (const expected of ['Su programa en casa', 'Perro de caza', 'Heel drops on a stair', 'Semana 1', 'Semana 4', 'Verde', 'Ámbar', 'Rojo', 'Su registro', 'Dolor a la mañana siguiente', 'Página 1 de']) expect(pdf).toContain(expected);
    const row = await t.services.db.selectFrom('homeProgramPrints').selectAll().where('id', '=', r.printId).executeTakeFirstOrThrow();
    expect(row.language).toBe('es');
    expect(JSON.parse(row.missingTranslationsJson)).toEqual(['exercise.calf-raise.title', 'exercise.calf-raise.cue.0', 'exercise.calf-raise.cue.1', 'exercise.calf-raise.cue.2'].slice(0, 1 + getSeededExercise('calf-raise').cues.length));
    await t.services.db.updateTable('patients').set({ language: 'en' }).where('id', '=', tan.id).execute();
  });

  it('prints the patient’s current photo in place of the drawing', async () => {
    const sha256 = t.services.attachments.save(Buffer.from(TINY_PNG, 'base64'));
    await t.services.db.insertInto('exercisePhotos').values({ patientId: tan.id, exerciseKey: 'bird-dog', mimeType: 'image/png', sizeBytes: 70, sha256, uploadedBy: t.userIds.therapist, uploadedAt: t.clock.now.toISOString(), removedAt: null, removedBy: null }).execute();
    const r = await t.ok('handouts.print', { patientId: tan.id }, t.sessions.therapist);
    const row = await t.services.db.selectFrom('homeProgramPrints').select('handoutJson').where('id', '=', r.printId).executeTakeFirstOrThrow();
    const pictures = handoutSchema.parse(JSON.parse(row.handoutJson)).exercises.map((e) => [e.key, e.picture.kind]);
    expect(pictures).toEqual([['calf-raise', 'drawing'], ['bird-dog', 'photo']]);
  });

  it('prints on A4 where the clinic’s country does', async () => {
    await t.services.db.updateTable('clinic').set({ country: 'GB' }).execute();
    try {
      const r = await t.ok('handouts.print', { patientId: tan.id }, t.sessions.therapist);
      const file = join(work, 'a4.pdf');
      writeFileSync(file, Buffer.from(r.pdfBase64, 'base64'));
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/);
      expect((await t.services.db.selectFrom('homeProgramPrints').select('paper').where('id', '=', r.printId).executeTakeFirstOrThrow()).paper).toBe('a4');
    } finally {
      await t.services.db.updateTable('clinic').set({ country: 'US' }).execute();
    }
  });

  it('refuses clearly for a patient without a program, writing nothing; the desk may list and reprint but not print', async () => {
    const none = await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Zoë', legalLastName: 'Núñez' }, t.sessions.admin);
    const before = await databaseFingerprint(t);
    const r = await t.call('handouts.print', { patientId: none.id }, t.sessions.therapist);
    expectError(r, 'VALIDATION');
    if (!r.ok) expect(r.error.message).toBe('Núñez, Zoë (Mia) has no home program yet: build one on the Home program tab first. Nothing was printed.');
    expectError(await t.call('handouts.check', { patientId: none.id }, t.sessions.therapist), 'VALIDATION');
    expect(await databaseFingerprint(t)).toBe(before);
    expectError(await t.call('handouts.print', { patientId: tan.id }, t.sessions.front_desk), 'FORBIDDEN');
    const list = await t.ok('handouts.list', { patientId: tan.id }, t.sessions.front_desk);
    const desk = await t.ok('handouts.reprint', { printId: list.prints.at(-1)!.id }, t.sessions.front_desk);
    expect(text(desk.pdfBase64, 'desk.pdf')).toContain('Calf raise on the bottom stair');
    expectError(await t.call('handouts.reprint', { printId: 99_999 }, t.sessions.front_desk), 'NOT_FOUND');
  });

  it('the CLI prints by MRN as the program’s therapist, and refuses an unknown MRN writing nothing', async () => {
    const out = join(work, 'cli.pdf');
    expect(await printHomeProgram(t, { patient: tan.mrn, out })).toEqual({ exitCode: 0, message: expect.stringMatching(/^Wrote .*cli\.pdf \(\d+ KB\)\.$/) });
    expect(pdftotext(out)).toContain('Đặng, Trọng Tấn');
    const row = await t.services.db.selectFrom('homeProgramPrints').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row.printedBy).toBe(t.userIds.therapist);
    expect((await auditRows(t)).at(-1)!.username).toMatch(/^cli:/);
    const missing = join(work, 'none.pdf');
    expect(await printHomeProgram(t, { patient: 'RB999999', out: missing })).toEqual({ exitCode: 2, message: 'runback print home-program: there is no patient with MRN RB999999. Nothing was written.' });
    expect(existsSync(missing)).toBe(false);
  });
});
