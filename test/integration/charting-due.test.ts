import { sql, type CompiledQuery, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/api/dispatcher';
import { patientNotesQuery } from '../../electron/api/handlers/notes';
import { billedOf, computeBilling } from '../../shared/charting/billing-lines';
import { noteContentSchema } from '../../shared/charting/note-content';
import { EPISODE_INPUT, EVAL_CONTENT } from './charting-helpers';
import { createTestApp, PATIENT, startPlan, type TestApp } from './harness';
import { WEEKDAY_HOURS } from './channel-samples';

let t: TestApp;
let k = 0;
const newPatient = async (first = 'Minh') => (await t.ok('patients.create', { ...PATIENT, legalFirstName: `${first}${k++}`, legalLastName: 'Nguyễn', dateOfBirth: `1975-02-${String(1 + (k % 28)).padStart(2, '0')}` }, t.sessions.front_desk)).id;
const DAILY = { subjective: { painNow: 3 }, assessment: { text: 'Tolerating load.' }, plan: { frequency: '2× a week' }, objective: { rows: [{ id: 'x1', kind: 'joint' as const, region: 'hip' as const, technique: 'distraction' as const, grade: 'IV' as const, minutes: 8 }] } };

/** A signed note of a type on a date, written by the therapist. */
async function signed(patientId: number, type: 'initial_evaluation' | 'daily' | 'progress', date: string, content: object = DAILY) {
  const note = await t.ok('notes.start', { patientId, type, dateOfService: date, copyForward: false }, t.sessions.therapist);
  if (type === 'initial_evaluation') await t.ok('episodes.save', { id: note.episodeId, patientId, episode: { ...EPISODE_INPUT, planOfCare: { visitsPerWeek: 2, weeks: 5, certStart: '2026-11-02', certEnd: '2026-12-05' } } }, t.sessions.therapist);
  const saved = await t.ok('notes.saveDraft', { id: note.id, revision: note.revision, content }, t.sessions.therapist);
  return t.ok('notes.sign', { id: note.id, revision: saved.revision }, t.sessions.therapist);
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.dispose());

describe('what is due', () => {
  it('lists unsigned notes oldest first, the progress note due at the 10th visit, and a certification ending within 14 days', async () => {
    const patientId = await newPatient();
    await signed(patientId, 'initial_evaluation', '2026-11-02', EVAL_CONTENT);
    for (let i = 1; i <= 8; i++) await signed(patientId, 'daily', `2026-11-${String(2 + i * 2).padStart(2, '0')}`);
    const draft = await t.ok('notes.start', { patientId, type: 'daily', dateOfService: '2026-11-20' }, t.sessions.therapist);
    // A visit that happened with no note at all, and a draft of the admin's (another clinician).
    await t.ok('workingHours.set', { therapistId: t.userIds.therapist, intervals: WEEKDAY_HOURS }, t.sessions.admin);
    const typeId = (await t.ok('schedule.settings', {}, t.sessions.admin)).appointmentTypes[1]!.id;
    const appt = (await t.ok('appointments.book', { patientId, therapistId: t.userIds.therapist, roomId: null, typeId, date: '2026-11-24', start: '08:30' }, t.sessions.front_desk)).appointments[0]!;
    await t.ok('appointments.setStatus', { id: appt.id, status: 'arrived' }, t.sessions.front_desk);
    const other = await newPatient('Lan');
    await t.ok('episodes.save', { patientId: other, episode: EPISODE_INPUT }, t.sessions.admin);
    const adminDraft = await t.ok('notes.start', { patientId: other, type: 'daily', dateOfService: '2026-11-19' }, t.sessions.admin);

    const mine = await t.ok('notes.due', {}, t.sessions.therapist);
    expect(mine.unsigned.map((u) => [u.noteId, u.appointmentId, u.dateOfService, u.sentence])).toEqual([
      [draft.id, null, '2026-11-20', 'Daily note for Nov 20, 2026, not signed yet'],
      [null, appt.id, '2026-11-24', 'No note yet for the follow-up on Nov 24, 2026'],
    ]);
    expect(mine.progressNotes).toEqual([
      expect.objectContaining({ patientId, overdue: true, sentences: ['10 treatment days since the evaluation on Nov 2, 2026 without a progress note (due by the 10th): write one at the next visit.'] }),
    ]);
    expect(mine.certifications).toEqual([expect.objectContaining({ patientId, certEnd: '2026-12-05', daysLeft: 9, sentence: "The plan of care's certification ends on Dec 5, 2026, in 9 days." })]);
    // The admin sees everyone's, or one therapist's.
    const all = await t.ok('notes.due', {}, t.sessions.admin);
    expect(all.unsigned.map((u) => u.noteId)).toEqual([adminDraft.id, draft.id, null]);
    expect((await t.ok('notes.due', { therapistId: t.userIds.therapist }, t.sessions.admin)).unsigned).toHaveLength(2);
    // A therapist cannot ask for someone else's list.
    expect((await t.ok('notes.due', { therapistId: t.userIds.admin }, t.sessions.therapist)).unsigned).toEqual(mine.unsigned);
    // The next note defaults to the progress note that is due.
    await t.ok('notes.discard', { id: draft.id, revision: draft.revision }, t.sessions.therapist);
    expect((await t.ok('notes.start', { patientId }, t.sessions.therapist)).type).toBe('progress');
  });
});

describe('running since the last visit', () => {
  it('summarises the runs logged since the previous note, in the clinic’s unit, with the plan’s rung', async () => {
    const patientId = await newPatient();
    await signed(patientId, 'initial_evaluation', '2026-11-16', EVAL_CONTENT);
    await startPlan(t, { patientId, startDate: '2026-11-16', startingStepId: 'rw-60-60', baselinePain: 2 }, t.sessions.therapist);
    for (const [date, distanceM, painDuring] of [['2026-11-15', 9000, 1], ['2026-11-18', 3000, 2], ['2026-11-21', 4200, 3], ['2026-11-24', 3600, 1]] as const) {
      await t.ok('runs.save', { patientId, run: { date, distanceM, durationS: 1800, runSeconds: 900, walkSeconds: 900, painDuring, painNextMorning: painDuring } }, t.sessions.therapist);
    }
    const note = await t.ok('notes.start', { patientId, type: 'daily' }, t.sessions.therapist);
    const summary = await t.ok('notes.runningSummary', { noteId: note.id }, t.sessions.therapist);
    expect(summary).toMatchObject({ since: '2026-11-16', until: '2026-11-26', sessions: 3, distanceM: 10800, longest: { date: '2026-11-21', distanceM: 4200 } });
    expect(summary.text).toBe(
      'Running since the last visit (Nov 16, 2026): 3 sessions, 10.8 km in all; longest 4.2 km in 30:00 (Nov 21, 2026). Pain during runs 1–3/10; next morning 1–3/10. Run-walk plan (week of Nov 16, 2026): run 1 minute, walk 1 minute, 15 times (30 minutes).',
    );
  });
});

describe('a patient with 10 years of history (300 notes) opens through indexes, with a fixed number of queries', () => {
  let patientId: number;
  beforeAll(async () => {
    patientId = await newPatient();
    const episode = await t.ok('episodes.save', { patientId, episode: EPISODE_INPUT }, t.sessions.therapist);
    // Bulk rows as ten years of signed notes (and other patients' notes around them), written directly: the API path is tested above.
    const at = '2026-11-26T15:00:00.000Z';
    const billing = computeBilling({ type: 'daily', content: noteContentSchema.parse(DAILY), diagnoses: [], unitRule: 'cms-8-minute' });
    const [billingJson, billedJson] = [JSON.stringify(billing), JSON.stringify(billedOf(billing))];
    const row = (pid: number, episodeId: number, i: number) => ({
      patientId: pid,
      episodeId,
      appointmentId: null,
      authorId: t.userIds.therapist,
      noteType: 'daily' as const,
      dateOfService: new Date(Date.UTC(2016, 10, 26) + i * 12 * 86_400_000).toISOString().slice(0, 10),
      status: 'signed' as const,
      contentJson: '{}',
      billingJson,
      billedJson,
      episodeJson: '{}',
      copiedFromNoteId: null,
      signedAt: at,
      signedBy: t.userIds.therapist,
      signedByName: 'Theo Therapist',
      contentHash: 'x'.repeat(64),
      createdAt: at,
      updatedAt: at,
    });
    const others = [];
    for (let p = 0; p < 20; p++) {
      const pid = await newPatient('Other');
      const e = await t.ok('episodes.save', { patientId: pid, episode: EPISODE_INPUT }, t.sessions.therapist);
      others.push(...Array.from({ length: 50 }, (_, i) => row(pid, e.id, i)));
    }
    await t.services.db.insertInto('notes').values(Array.from({ length: 300 }, (_, i) => row(patientId, episode.id, i))).execute();
    await t.services.db.insertInto('notes').values(others).execute();
  });

  const planOf = async (q: { compile(): CompiledQuery }) => {
    const c = q.compile();
    return (await t.services.db.executeQuery<{ detail: string }>({ ...c, sql: `explain query plan ${c.sql}` } as CompiledQuery<{ detail: string }>)).rows.map((r) => r.detail).join(' | ');
  };

  it.each([false, true])('reads the notes by the patient index without a sort step (analyzed: %s)', async (analyze) => {
    if (analyze) await sql`analyze`.execute(t.services.db);
    const list = await planOf(patientNotesQuery(t.services.db, patientId));
    expect(list).toMatch(/SEARCH n USING INDEX notes_patient_date \(patient_id=\?\)/);
    expect(list).not.toMatch(/TEMP B-TREE|SCAN n\b|SCAN a\b/);
    // Each note's addenda counted on the addenda index, never a scan of every addendum in the clinic.
    expect(list).toMatch(/SEARCH a USING (COVERING )?INDEX note_addenda_note \(note_id=\?\)/);
  });

  it('answers notes.list with the same number of queries for 300 notes as for 1', async () => {
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const dispatch = createDispatcher({ ...t.services, db: t.services.db.withPlugin(counter) });
    const list = async (id: number) => {
      queries = 0;
      const r = await dispatch({ channel: 'notes.list', input: { patientId: id }, sessionToken: t.sessions.therapist, transport: 'direct' });
      expect(r.ok).toBe(true);
      return { queries, notes: (r as { ok: true; value: { notes: unknown[] } }).value.notes.length };
    };
    const big = await list(patientId);
    const small = await newPatient();
    await signed(small, 'initial_evaluation', '2026-11-20', EVAL_CONTENT);
    const one = await list(small);
    expect(big.notes).toBe(300);
    expect(one.notes).toBe(1);
    expect(big.queries).toBe(one.queries);
  });
});
