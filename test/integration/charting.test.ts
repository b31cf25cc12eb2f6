import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract } from '../../shared/api/contract';
import { canonicalJson } from '../../shared/charting/canonical';
import { sha256Hex } from '../../electron/attachments/store';
import { EPISODE_INPUT, evaluatedPatient } from './charting-helpers';
import { auditRows, createTestApp, expectError, PATIENT, type TestApp } from './harness';

/** One clinic for the file; each test charts its own patient. */
let t: TestApp;
let n = 0;
const newPatient = async () => (await t.ok('patients.create', { ...PATIENT, legalFirstName: `Trọng${n++}`, legalLastName: 'Đặng', dateOfBirth: `1980-01-${String(1 + (n % 28)).padStart(2, '0')}` }, t.sessions.front_desk)).id;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.dispose());

describe('episodes of care', () => {
  it('refuses a deleted or incomplete diagnosis with the valid choices named, and changes nothing', async () => {
    const patientId = await newPatient();
    const r = await t.call('episodes.save', { patientId, episode: { ...EPISODE_INPUT, diagnoses: ['M54.5', 'M51.36', 'M54.4'] } }, t.sessions.therapist);
    expectError(r, 'VALIDATION');
    if (!r.ok) {
      expect(r.error.fields).toEqual({
        'episode.diagnoses.0': 'M54.5 is no longer billable (deleted Oct 1, 2021); use M54.50, M54.51 or M54.59',
        'episode.diagnoses.1': 'M51.36 is no longer billable (deleted Oct 1, 2024); use M51.360, M51.361, M51.362 or M51.369',
        'episode.diagnoses.2': 'M54.4 is a heading, not a billable code: use the full code, M54.40, M54.41 or M54.42',
      });
    }
    expect((await t.ok('episodes.list', { patientId }, t.sessions.therapist)).episodes).toEqual([]);
  });

  it('refuses a certification longer than 90 days, a future onset, and a second open episode', async () => {
    const patientId = await newPatient();
    const long = await t.call('episodes.save', { patientId, episode: { ...EPISODE_INPUT, planOfCare: { ...EPISODE_INPUT.planOfCare, certEnd: '2027-02-24' } } }, t.sessions.therapist);
    expectError(long, 'VALIDATION');
    if (!long.ok) expect(long.error.message).toBe('A plan of care is certified for at most 90 days: Nov 26, 2026 to Feb 24, 2027 is 91 days.');
    expectError(await t.call('episodes.save', { patientId, episode: { ...EPISODE_INPUT, onsetDate: '2026-12-01' } }, t.sessions.therapist), 'VALIDATION');
    const first = await t.ok('episodes.save', { patientId, episode: EPISODE_INPUT }, t.sessions.therapist);
    expect(first).toMatchObject({ status: 'open', startDate: '2026-11-26', diagnoses: [{ letter: 'A', code: 'M54.50' }, { letter: 'B', code: 'M51.360' }], planOfCare: { visitsPerWeek: 2, weeks: 8 } });
    expect(first.goals.map((g) => [g.term, g.status])).toEqual([['short', 'not_met'], ['long', 'not_met']]);
    const second = await t.call('episodes.save', { patientId, episode: EPISODE_INPUT }, t.sessions.therapist);
    expectError(second, 'CONFLICT');
    if (!second.ok) expect(second.error.message).toBe('This patient already has an open episode of care (since Nov 26, 2026): discharge it before opening another.');
    // Editing keeps goal ids; a goal left out leaves the episode.
    const edited = await t.ok('episodes.save', { id: first.id, patientId, expectedUpdatedAt: first.updatedAt, episode: { ...EPISODE_INPUT, goals: [{ ...first.goals[1]!, status: 'partly' }] } }, t.sessions.therapist);
    expect(edited.goals).toEqual([{ ...first.goals[1]!, status: 'partly' }]);
    const discharged = await t.ok('episodes.discharge', { id: first.id, discharge: { date: '2026-11-26', reason: 'moved', summary: 'Moved to Denver; home program given.' } }, t.sessions.therapist);
    expect(discharged).toMatchObject({ status: 'discharged', discharge: { reason: 'moved' } });
    // Several episodes over the years; the new one is current.
    const next = await t.ok('episodes.save', { patientId, episode: EPISODE_INPUT }, t.sessions.therapist);
    expect((await t.ok('episodes.list', { patientId }, t.sessions.therapist)).episodes.map((e) => [e.id, e.status])).toEqual([[next.id, 'open'], [first.id, 'discharged']]);
  });
});

describe('visit notes', () => {
  it('opens today’s note in one call from a checked-in appointment, and the same note the second time', async () => {
    const patientId = await newPatient();
    await t.ok('workingHours.set', { therapistId: t.userIds.therapist, intervals: [4].map((weekday) => ({ weekday, start: '07:00', end: '18:00' })) }, t.sessions.admin);
    const typeId = (await t.ok('schedule.settings', {}, t.sessions.admin)).appointmentTypes[0]!.id; // Initial evaluation
    const booked = await t.ok('appointments.book', { patientId, therapistId: t.userIds.therapist, roomId: null, typeId, date: '2026-11-26', start: `${7 + n}:00` }, t.sessions.front_desk);
    const apptId = booked.appointments[0]!.id;
    const early = await t.call('notes.start', { patientId, appointmentId: apptId }, t.sessions.therapist);
    expectError(early, 'CONFLICT');
    if (!early.ok) expect(early.error.message).toBe('Check the patient in first: a note is written for a visit that has started.');
    await t.ok('appointments.setStatus', { id: apptId, status: 'arrived' }, t.sessions.front_desk);
    const note = await t.ok('notes.start', { patientId, appointmentId: apptId }, t.sessions.therapist);
    expect(note).toMatchObject({ type: 'initial_evaluation', status: 'draft', dateOfService: '2026-11-26', appointmentId: apptId, canEdit: true });
    expect((await t.ok('notes.start', { patientId, appointmentId: apptId }, t.sessions.therapist)).id).toBe(note.id);
    const marks = await t.ok('notes.forRange', { from: '2026-11-26', to: '2026-11-26' }, t.sessions.front_desk);
    expect(marks.marks).toContainEqual({ appointmentId: apptId, noteId: note.id, status: 'draft', type: 'initial_evaluation' });
    // The admin may not write the therapist's draft.
    expectError(await t.call('notes.saveDraft', { id: note.id, revision: 0, content: {} }, t.sessions.admin), 'FORBIDDEN');
  });

  it('saves drafts by revision: a save from an older window is refused, nothing lost', async () => {
    const patientId = await newPatient();
    const note = await t.ok('notes.start', { patientId, type: 'initial_evaluation' }, t.sessions.therapist);
    const saved = await t.ok('notes.saveDraft', { id: note.id, revision: 0, content: { subjective: { patientWords: 'Tired of the pain' } } }, t.sessions.therapist);
    expect(saved.revision).toBe(1);
    const stale = await t.call('notes.saveDraft', { id: note.id, revision: 0, content: { subjective: { patientWords: 'Overwrite' } } }, t.sessions.therapist);
    expectError(stale, 'CONFLICT');
    expect((await t.ok('notes.get', { id: note.id }, t.sessions.therapist)).content.subjective.patientWords).toBe('Tired of the pain');
  });

  it('keeps one evaluation per episode and an appointment’s note on its date', async () => {
    const patientId = await newPatient();
    await evaluatedPatient(t, patientId);
    const daily = await t.ok('notes.start', { patientId, type: 'daily', copyForward: false }, t.sessions.therapist);
    const twice = await t.call('notes.saveDraft', { id: daily.id, revision: daily.revision, type: 'initial_evaluation', content: daily.content }, t.sessions.therapist);
    expectError(twice, 'VALIDATION');
    if (!twice.ok) expect(twice.error.message).toBe('This episode already has its initial evaluation (Nov 26, 2026): write a progress note instead.');
    expectError(await t.call('notes.start', { patientId, type: 'initial_evaluation' }, t.sessions.therapist), 'CONFLICT');
  });

  it('copy forward: copied rows are marked, signing lists those untouched, and signs once they are changed or confirmed', async () => {
    const patientId = await newPatient();
    const { evaluation } = await evaluatedPatient(t, patientId);
    // One click: without a choice, a follow-up starts from the episode's last signed note.
    const daily = await t.ok('notes.start', { patientId }, t.sessions.therapist);
    expect(daily.type).toBe('daily');
    expect(daily.content.objective.rows.map((r) => r.copy)).toEqual([1, 2, 3].map(() => ({ fromNoteId: evaluation.id, confirmed: false })));
    expect(daily.copySources.map((s) => s.noteId)).toEqual([evaluation.id]);
    const content = structuredClone(daily.content);
    content.subjective = { ...content.subjective, painNow: 3, patientWords: 'Ran twice without pain' };
    content.assessment.text = 'Less irritable; progressing.';
    content.objective.rows[0]!.minutes = 12; // edited
    const saved = await t.ok('notes.saveDraft', { id: daily.id, revision: daily.revision, content }, t.sessions.therapist);
    const refused = await t.call('notes.sign', { id: daily.id, revision: saved.revision }, t.sessions.therapist);
    expectError(refused, 'CONFLICT');
    if (!refused.ok) {
      expect(refused.error.message).toBe(
        '3 parts are still exactly as copied from Nov 26, 2026: change each or confirm each is still true today before signing — Soft-tissue mobilisation, Lumbar paraspinals, left, 6 min; Neuromuscular re-education: Bird dog 3 × 10, hold 8 s, 9 min; Plan (frequency, home program, run-walk changes).',
      );
      expect(Object.keys(refused.error.fields!)).toEqual(['copies.r2', 'copies.r3', 'copies.plan']);
    }
    const row = content.objective.rows[2]!;
    if (row.kind === 'exercise') row.reps = 12; // edited
    content.objective.rows[1]!.copy = { fromNoteId: evaluation.id, confirmed: true };
    content.plan.copy = { fromNoteId: evaluation.id, confirmed: true };
    const again = await t.ok('notes.saveDraft', { id: daily.id, revision: saved.revision, content }, t.sessions.therapist);
    const signed = await t.ok('notes.sign', { id: daily.id, revision: again.revision }, t.sessions.therapist);
    expect(signed).toMatchObject({ status: 'signed', integrity: 'verified', signedByName: 'Theo Therapist' });
    expect(signed.content.objective.rows[1]!.copy).toEqual({ fromNoteId: evaluation.id, confirmed: true });
    // A copy mark must point to one of the patient's own signed notes.
    const other = await t.ok('notes.start', { patientId, type: 'daily' }, t.sessions.therapist);
    const forged = structuredClone(other.content);
    forged.objective.rows = [{ ...content.objective.rows[0]!, copy: { fromNoteId: 424242, confirmed: true } }];
    expectError(await t.call('notes.saveDraft', { id: other.id, revision: other.revision, content: forged }, t.sessions.therapist), 'VALIDATION');
  });

  it('signing stores signer, time and SHA-256; the trigger refuses UPDATE and DELETE from raw SQL; addenda keep the original hash valid', async () => {
    const patientId = await newPatient();
    const { evaluation } = await evaluatedPatient(t, patientId);
    expect(evaluation.signedAt).toBe(t.clock.now.toISOString());
    expect(evaluation.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const row = await t.services.db.selectFrom('notes').selectAll().where('id', '=', evaluation.id).executeTakeFirstOrThrow();
    // The hash is the SHA-256 of the canonical payload, recomputable from the stored row.
    const payload = { noteId: row.id, patientId, episodeId: row.episodeId, type: row.noteType, dateOfService: row.dateOfService, content: JSON.parse(row.contentJson), billing: JSON.parse(row.billingJson!), episode: JSON.parse(row.episodeJson!), signedBy: { id: t.userIds.therapist, name: 'Theo Therapist' }, signedAt: row.signedAt };
    expect(sha256Hex(Buffer.from(canonicalJson(payload)))).toBe(row.contentHash);
    await expect(sql`update notes set content_json = '{}' where id = ${evaluation.id}`.execute(t.services.db)).rejects.toThrow(/a signed note cannot be changed/);
    await expect(sql`update notes set status = 'draft' where id = ${evaluation.id}`.execute(t.services.db)).rejects.toThrow(/a signed note cannot be changed/);
    await expect(sql`delete from notes where id = ${evaluation.id}`.execute(t.services.db)).rejects.toThrow(/a signed note cannot be deleted/);
    expectError(await t.call('notes.saveDraft', { id: evaluation.id, revision: evaluation.revision, content: {} }, t.sessions.therapist), 'CONFLICT');

    t.clock.advanceMinutes(5);
    const amended = await t.ok('notes.addendum', { noteId: evaluation.id, text: 'Correction: worst pain this week was 8/10, not 7/10.' }, t.sessions.admin);
    expect(amended.contentHash).toBe(evaluation.contentHash);
    expect(amended.integrity).toBe('verified');
    expect(amended.content).toEqual(evaluation.content);
    expect(amended.addendaList).toEqual([expect.objectContaining({ authorName: 'Ada Admin', text: 'Correction: worst pain this week was 8/10, not 7/10.', integrity: 'verified' })]);
    expect(amended.addendaList[0]!.signedAt > evaluation.signedAt!).toBe(true);
    await expect(sql`update note_addenda set text = 'x'`.execute(t.services.db)).rejects.toThrow(/an addendum cannot be changed/);
    await expect(sql`delete from note_addenda`.execute(t.services.db)).rejects.toThrow(/an addendum cannot be deleted/);
  });

  it('recomputes the hash on every read: a record altered behind the trigger shows as a mismatch', async () => {
    const patientId = await newPatient();
    const { evaluation } = await evaluatedPatient(t, patientId);
    await sql`drop trigger notes_signed_no_update`.execute(t.services.db);
    try {
      await sql`update notes set content_json = replace(content_json, 'Low back aches', 'Low back fine') where id = ${evaluation.id}`.execute(t.services.db);
      expect((await t.ok('notes.get', { id: evaluation.id }, t.sessions.therapist)).integrity).toBe('mismatch');
    } finally {
      await sql`update notes set content_json = replace(content_json, 'Low back fine', 'Low back aches') where id = ${evaluation.id}`.execute(t.services.db);
      await sql.raw(`create trigger notes_signed_no_update before update on notes when old.status = 'signed' begin select raise(abort, 'a signed note cannot be changed: add an addendum'); end`).execute(t.services.db);
    }
    expect((await t.ok('notes.get', { id: evaluation.id }, t.sessions.therapist)).integrity).toBe('verified');
  });

  it('a signed progress note rates the goals; a signed discharge summary discharges the episode', async () => {
    const patientId = await newPatient();
    const { episode } = await evaluatedPatient(t, patientId);
    const progress = await t.ok('notes.start', { patientId, type: 'progress', copyForward: false }, t.sessions.therapist);
    expect(progress.content.assessment.goals.map((g) => g.status)).toEqual([null, null]);
    const c = structuredClone(progress.content);
    c.subjective.painNow = 2;
    c.assessment = { text: 'Short-term goal met.', goals: [{ goalId: episode.goals[0]!.id, status: 'met', comment: '30 min run-walk, pain 2/10' }, { goalId: episode.goals[1]!.id, status: 'partly', comment: '' }] };
    c.plan.frequency = 'Once a week for 4 weeks';
    c.evaluation.billReevaluation = true;
    const saved = await t.ok('notes.saveDraft', { id: progress.id, revision: progress.revision, content: c }, t.sessions.therapist);
    expect(saved.billing.lines.map((l) => l.code)).toEqual(['97164']);
    await t.ok('notes.sign', { id: progress.id, revision: saved.revision }, t.sessions.therapist);
    expect((await t.ok('episodes.list', { patientId }, t.sessions.therapist)).episodes[0]!.goals.map((g) => g.status)).toEqual(['met', 'partly']);

    const discharge = await t.ok('notes.start', { patientId, type: 'discharge', copyForward: false }, t.sessions.therapist);
    const incomplete = await t.call('notes.sign', { id: discharge.id, revision: discharge.revision }, t.sessions.therapist);
    expectError(incomplete, 'VALIDATION');
    if (!incomplete.ok) expect(incomplete.error.fields).toMatchObject({ 'discharge.reason': 'Discharge: choose the reason', 'assessment.goals': 'Assessment: rate progress on every goal (2 not rated)' });
    const d = structuredClone(discharge.content);
    d.subjective.patientWords = 'Running 5 km without pain';
    d.assessment = { text: 'Goals met.', goals: episode.goals.map((g) => ({ goalId: g.id, status: 'met' as const, comment: '' })) };
    d.discharge = { reason: 'goals_met', summary: 'Back to 5 km continuous running; independent with the home program.' };
    const dSaved = await t.ok('notes.saveDraft', { id: discharge.id, revision: discharge.revision, content: d }, t.sessions.therapist);
    await t.ok('notes.sign', { id: discharge.id, revision: dSaved.revision }, t.sessions.therapist);
    const [ep] = (await t.ok('episodes.list', { patientId }, t.sessions.therapist)).episodes;
    expect(ep).toMatchObject({ status: 'discharged', discharge: { date: '2026-11-26', reason: 'goals_met' } });
    expect(ep!.goals.map((g) => g.status)).toEqual(['met', 'met']);
    const after = await t.call('notes.start', { patientId, type: 'daily' }, t.sessions.therapist);
    expectError(after, 'CONFLICT');
  });
});

describe('access: the front desk sees that notes exist, never their content; every opening is audited', () => {
  it('lists date, type, status, therapist and billing lines for the front desk', async () => {
    const patientId = await newPatient();
    const { evaluation } = await evaluatedPatient(t, patientId);
    const list = await t.ok('notes.list', { patientId }, t.sessions.front_desk);
    expect(list.notes).toHaveLength(1);
    expect(Object.keys(list.notes[0]!).sort()).toEqual(['addenda', 'appointmentId', 'billed', 'dateOfService', 'episodeId', 'id', 'patientId', 'signedAt', 'status', 'therapistId', 'therapistName', 'type', 'updatedAt']);
    expect(list.notes[0]!.billed!.lines.map((l) => [l.code, l.units, l.modifiers.join(' ')])).toEqual([
      ['97162', 1, 'GP'],
      ['97140', 1, 'GP 59'],
      ['97112', 1, 'GP'],
    ]);
    expect(JSON.stringify(list)).not.toContain('Low back aches');
    for (const channel of ['notes.get', 'notes.pdf', 'notes.runningSummary', 'episodes.list', 'attachments.list'] as const) {
      const input = channel === 'notes.runningSummary' ? { noteId: evaluation.id } : channel === 'episodes.list' || channel === 'attachments.list' ? { patientId } : { id: evaluation.id };
      expectError(await t.call(channel, input as never, t.sessions.front_desk), 'FORBIDDEN');
    }
    // Every note channel except the list and the schedule's marks is closed to the front desk.
    const noteChannels = CHANNEL_NAMES.filter((c) => c.startsWith('notes.') || c.startsWith('episodes.') || c.startsWith('attachments.'));
    expect(noteChannels.filter((c) => (contract[c].access as readonly string[]).includes('front_desk'))).toEqual(['notes.list', 'notes.forRange']);
  });

  it('audits every opening of a note', async () => {
    const patientId = await newPatient();
    const { evaluation } = await evaluatedPatient(t, patientId);
    const before = (await auditRows(t)).length;
    await t.ok('notes.get', { id: evaluation.id }, t.sessions.admin);
    await t.ok('notes.get', { id: evaluation.id }, t.sessions.therapist);
    const rows = (await auditRows(t)).slice(before);
    expect(rows.map((r) => [r.action, r.entity, r.entityId, r.username])).toEqual([
      ['notes.open', 'note', String(evaluation.id), 'admin'],
      ['notes.open', 'note', String(evaluation.id), 'thera'],
    ]);
    expect(rows[0]!.detail).toBe(`patient ${patientId}: Initial evaluation of 2026-11-26 (signed) opened`);
  });
});
