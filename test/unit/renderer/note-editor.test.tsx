// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { computeBilling } from '../../../shared/charting/billing-lines';
import { copyForwardContent } from '../../../shared/charting/copy-forward';
import type { NoteRecord } from '../../../shared/charting/note';
import { noteContentSchema } from '../../../shared/charting/note-content';
import { DEFAULT_POLICY } from '../../../shared/clinical/policy';
import { setClient } from '../../../renderer/src/api/client';
import { NoteScreen } from '../../../renderer/src/screens/notes/NoteEditor';
import { readBackup, writeBackup } from '../../../renderer/src/screens/notes/draftBackup';
import { addRow, copyStates, moveRow, newRow, setCopyConfirmed, sourcesOf, toggleMark, updateMark } from '../../../renderer/src/screens/notes/noteModel';
import { fakeServer, SignedInProviders } from './helpers';

HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.removeAttribute('open');
};

const signedSource = noteContentSchema.parse({
  objective: {
    rows: [
      { id: 'j1', kind: 'joint', region: 'lumbar', segment: 'L4–L5', technique: 'central_pa', grade: 'III', minutes: 10 },
      { id: 'e1', kind: 'exercise', category: 'neuromuscular', name: 'Bird dog', sets: 3, reps: 10, minutes: 9 },
    ],
  },
  plan: { frequency: '2× a week' },
});
const copied = copyForwardContent({ noteId: 5, content: signedSource });
const episode = { startDate: '2026-11-02', referral: { type: 'self' as const, physicianName: null, physicianNpi: null, date: null }, onsetDate: null, mechanism: null, diagnoses: [{ letter: 'A', code: 'M54.50', title: 'Low back pain, unspecified', checked: true }], goals: [], planOfCare: { visitsPerWeek: 2, weeks: 6, certStart: null, certEnd: null } };

function draftNote(over: Partial<NoteRecord> = {}): NoteRecord {
  return {
    id: 9,
    patientId: 3,
    episodeId: 2,
    appointmentId: 40,
    type: 'daily',
    dateOfService: '2026-11-26',
    status: 'draft',
    therapistId: 1,
    therapistName: 'Dana Whitfield',
    signedAt: null,
    billed: null,
    addenda: 0,
    updatedAt: '2026-11-26T15:00:00.000Z',
    revision: 0,
    billing: computeBilling({ type: 'daily', content: copied, diagnoses: episode.diagnoses, unitRule: 'cms-8-minute' }),
    content: copied,
    episode,
    signedByName: null,
    contentHash: null,
    integrity: null,
    addendaList: [],
    copySources: [{ noteId: 5, date: '2026-11-19', rows: signedSource.objective.rows, plan: { frequency: '2× a week', homeProgram: '', runWalk: '' } }],
    bodyChartBefore: null,
    canEdit: true,
    ...over,
  };
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  setClient(null);
});

describe('note model', () => {
  it('adds rows that repeat the last row’s setup, moves and updates them', () => {
    const first = addRow(noteContentSchema.parse({}), 'joint');
    expect(first.content.objective.rows[0]).toMatchObject({ kind: 'joint', region: 'lumbar', position: 'prone', minutes: null, copy: null });
    const withSegment = { ...first.content, objective: { ...first.content.objective, rows: [{ ...first.content.objective.rows[0]!, region: 'thoracic' as const, segment: 'T6–T7' }] } };
    expect(newRow('joint', withSegment.objective.rows)).toMatchObject({ region: 'thoracic', segment: 'T6–T7' });
    const two = addRow(withSegment, 'exercise').content;
    expect(moveRow(two, two.objective.rows[1]!.id, -1).objective.rows.map((r) => r.kind)).toEqual(['exercise', 'joint']);
    expect(moveRow(two, two.objective.rows[0]!.id, -1)).toBe(two);
  });
  it('derives copy marks and confirms them', () => {
    const sources = sourcesOf(draftNote());
    expect([...copyStates(copied, sources)]).toEqual([['j1', 'copied'], ['e1', 'copied'], ['plan', 'copied']]);
    const confirmed = setCopyConfirmed(setCopyConfirmed(copied, 'j1', true), null, true);
    expect([...copyStates(confirmed, sources).values()]).toEqual(['confirmed', 'copied', 'confirmed']);
  });
  it('marks and clears body chart regions', () => {
    const marks = toggleMark([], 'low_back_l');
    expect(marks).toEqual([{ region: 'low_back_l', intensity: 5, qualities: ['ache'], note: '' }]);
    expect(updateMark(marks, 'low_back_l', { intensity: 8 })[0]!.intensity).toBe(8);
    expect(toggleMark(marks, 'low_back_l')).toEqual([]);
  });
});

describe('the note editor', () => {
  it('shows copied rows until changed or confirmed, saves by revision, lists untouched copies when signing is refused, then signs', async () => {
    let revision = 0;
    const saved: unknown[] = [];
    let signs = 0;
    const { calls } = fakeServer({
      'notes.get': () => ({ ok: true, value: draftNote() }),
      'episodes.list': () => ({ ok: true, value: { episodes: [] } }),
      'policy.get': () => ({ ok: true, value: { policy: DEFAULT_POLICY, changed: {}, ladder: [], rules: [] } }),
      'notes.saveDraft': (input) => {
        saved.push(input);
        revision++;
        return { ok: true, value: { revision, updatedAt: '2026-11-26T15:01:00.000Z', billing: draftNote().billing } };
      },
      'notes.sign': () =>
        ++signs === 1
          ? { ok: false, error: { code: 'CONFLICT', message: '2 parts are still exactly as copied from Nov 19, 2026', fields: { 'copies.e1': 'Neuromuscular re-education: Bird dog 3 × 10, 9 min', 'copies.plan': 'Plan (frequency)' } } }
          : { ok: true, value: draftNote({ status: 'signed', canEdit: false, signedAt: '2026-11-26T15:05:00.000Z', signedByName: 'Dana Whitfield', contentHash: 'a'.repeat(64), integrity: 'verified' }) },
    });
    render(
      <SignedInProviders>
        <NoteScreen patientId={3} noteId={9} />
      </SignedInProviders>,
    );
    expect(await screen.findByText(/2 parts are still exactly as copied|3 parts are still exactly as copied/)).toBeTruthy();
    expect(screen.getAllByText('Copied from Nov 19, 2026, unchanged')).toHaveLength(3); // two rows and the plan
    fireEvent.change(screen.getByLabelText('Row 1: minutes'), { target: { value: '12' } });
    expect(screen.getByText('Copied, changed today')).toBeTruthy();
    // 12 + 9 timed minutes: 21 → 1 unit by the CMS rule (computed as typed).
    expect(screen.getByText(/21 timed minutes → 1 unit by the CMS 8-minute rule/)).toBeTruthy();
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 3000 });
    expect(saved[0]).toMatchObject({ id: 9, revision: 0, content: { objective: { rows: [{ id: 'j1', minutes: 12 }, { id: 'e1' }] } } });

    fireEvent.click(screen.getByRole('button', { name: /Sign and lock/ }));
    const confirm = await screen.findByRole('button', { name: 'Confirm all 2 as still true today' });
    expect(screen.getByRole('region', { name: 'Rows still as copied' }).textContent).toContain('Bird dog 3 × 10');
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    fireEvent.click(confirm);
    expect(screen.getAllByText('Copied from Nov 19, 2026, confirmed')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: /Sign and lock/ }));
    expect(await screen.findByText('Signed and locked')).toBeTruthy();
    const signCalls = calls.filter((c) => c.channel === 'notes.sign');
    expect(signCalls).toHaveLength(2);
    // Signing waits for the save of the confirmations, and names the revision the server holds.
    expect(signCalls[1]!.input).toEqual({ id: 9, revision: 2 });
  });

  it('brings back what was typed but not saved (a closed window, a crash) from this computer', async () => {
    const typed = structuredClone(copied);
    typed.subjective.patientWords = 'Typed just before the window closed';
    writeBackup({ noteId: 9, baseRevision: 0, type: 'daily', dateOfService: '2026-11-26', content: typed, at: '2026-11-26T15:02:00.000Z' });
    const saved: unknown[] = [];
    fakeServer({
      'notes.get': () => ({ ok: true, value: draftNote() }),
      'episodes.list': () => ({ ok: true, value: { episodes: [] } }),
      'policy.get': () => ({ ok: true, value: { policy: DEFAULT_POLICY, changed: {}, ladder: [], rules: [] } }),
      'notes.saveDraft': (input) => {
        saved.push(input);
        return { ok: true, value: { revision: 1, updatedAt: '2026-11-26T15:03:00.000Z', billing: draftNote().billing } };
      },
    });
    render(
      <SignedInProviders>
        <NoteScreen patientId={3} noteId={9} />
      </SignedInProviders>,
    );
    expect(await screen.findByDisplayValue('Typed just before the window closed')).toBeTruthy();
    expect(screen.getByText(/Restored what you typed at 9:02 AM/)).toBeTruthy();
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Pain now (0–10)'), { target: { value: '2' } });
    });
    await waitFor(() => expect(saved.length).toBeGreaterThan(0), { timeout: 3000 });
    await waitFor(() => expect(readBackup(9)).toBeNull(), { timeout: 3000 });
  });
});
