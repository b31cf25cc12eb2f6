import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenEntryOf } from '../../shared/clinical/redFlags';
import { EPISODE_INPUT, EVAL_CONTENT } from './charting-helpers';
import { createTestApp, expectError, PATIENT, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.dispose());

describe('the red-flag screen in a visit note', () => {
  it('is stored as a visit-note screen of the draft (dated the visit), correctable, refused once the note is signed or for another clinician', async () => {
    const s = t.sessions.therapist;
    const patientId = (await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng' }, t.sessions.front_desk)).id;
    const note = await t.ok('notes.start', { patientId, type: 'initial_evaluation' }, s);
    const first = await t.ok('notes.redFlagScreen', { noteId: note.id, entry: screenEntryOf(['saddleNumbness']) }, s);
    expect(first.screen).toMatchObject({ context: 'visit-note', noteId: note.id, askedOn: note.dateOfService, needsAcknowledgement: true, triage: { action: 'urgent-medical' } });
    // The plan's own channel does not take a note's screen: the note's author records it with the note.
    expectError(await t.call('redFlags.record', { patientId, context: { kind: 'visit-note', noteId: note.id }, entry: screenEntryOf() }, s), 'VALIDATION');
    expectError(await t.call('notes.redFlagScreen', { noteId: note.id, entry: screenEntryOf() }, t.sessions.admin), 'FORBIDDEN');
    const fixed = await t.ok('notes.redFlagScreen', { noteId: note.id, entry: screenEntryOf(), replacesId: first.screen.id }, s);
    expect(fixed.screen.triage.action).toBeNull();
    const list = await t.ok('redFlags.list', { patientId }, s);
    expect(list.screens.map((x) => [x.id, x.replacedById])).toEqual([
      [fixed.screen.id, null],
      [first.screen.id, fixed.screen.id],
    ]);
    await t.ok('episodes.save', { id: note.episodeId, patientId, episode: EPISODE_INPUT }, s);
    const saved = await t.ok('notes.saveDraft', { id: note.id, revision: note.revision, content: EVAL_CONTENT }, s);
    await t.ok('notes.sign', { id: note.id, revision: saved.revision }, s);
    expectError(await t.call('notes.redFlagScreen', { noteId: note.id, entry: screenEntryOf() }, s), 'CONFLICT');
  });
});
