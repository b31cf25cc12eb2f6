// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { createClient, setClient } from '../../../renderer/src/api/client';
import { sessionStore } from '../../../renderer/src/api/session';
import type { Transport } from '../../../renderer/src/api/transport';
import { testClinic } from './helpers';
import { showPatientList } from './patient-list-screen';

// jsdom does no layout or scrolling: a new result set scrolls the list back to its top.
Element.prototype.scrollTo ??= function () {};

afterEach(() => {
  cleanup();
  setClient(null);
});

const patient = (id: number, last: string) => ({ id, mrn: `RB${String(id).padStart(6, '0')}`, legalFirstName: 'Ana', legalLastName: last, preferredName: null, dateOfBirth: '1985-03-07', phone: null, archivedAt: null });

/** Matches per query: the whole list, "a" (two), "ad" (one), "ada" (none). */
const ANSWERS: Record<string, { total: number; rows: ReturnType<typeof patient>[] }> = {
  '': { total: 3, rows: [patient(1, 'Adams'), patient(2, 'Alvarez'), patient(3, 'Nguyen')] },
  a: { total: 2, rows: [patient(1, 'Adams'), patient(2, 'Alvarez')] },
  ad: { total: 1, rows: [patient(1, 'Adams')] },
  ada: { total: 0, rows: [] },
};

/** A server that answers patients.list only when the test says, in any order. */
function heldServer() {
  const held: { query: string; answer: () => void }[] = [];
  const transport = ((channel: string, input: { query: string }) => {
    if (channel !== 'patients.list') return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: `no fake answer for ${channel}` } });
    return new Promise((resolve) => {
      const { total, rows } = ANSWERS[input.query]!;
      held.push({ query: input.query, answer: () => resolve({ ok: true, value: { total, capped: false, rows } }) });
    });
  }) as unknown as Transport;
  sessionStore.begin({ sessionToken: 'test-session', user: testClinic.user, idleLockMinutes: 10 });
  setClient(createClient({ transport, session: sessionStore }));
  const answer = async (query: string) => {
    const i = held.findIndex((h) => h.query === query);
    expect(i, `a request for "${query}" waiting`).toBeGreaterThanOrEqual(0);
    const [h] = held.splice(i, 1);
    await act(async () => h!.answer());
  };
  return { held, answer };
}

const names = () => screen.queryAllByRole('rowheader').map((c) => c.textContent);

describe('searching the patient list as you type', () => {
  it('never shows an older query’s answer after a newer one’s, whatever order they arrive in', async () => {
    const server = heldServer();
    showPatientList();
    await server.answer('');
    await waitFor(() => expect(screen.getByTestId('patient-count')).toHaveTextContent('3 patients'));
    const search = screen.getByRole('searchbox');
    const table = screen.getByRole('table', { name: 'Patients' });

    fireEvent.change(search, { target: { value: 'a' } });
    fireEvent.change(search, { target: { value: 'ad' } });
    fireEvent.change(search, { target: { value: 'ada' } });
    expect(table).toHaveAttribute('aria-busy', 'true');
    // The newest first, then the older ones late: the list stays on the newest.
    await server.answer('ada');
    expect(screen.getByText('No patient matches “ada”')).toBeInTheDocument();
    await server.answer('a');
    await server.answer('ad');
    expect(screen.getByTestId('patient-count')).toHaveTextContent(/^0 matches$/);
    expect(names()).toEqual([]);
    expect(table).not.toHaveAttribute('aria-busy');

    // Back to "a" by deleting: the older answers arrive first and only the box's query is shown.
    fireEvent.change(search, { target: { value: 'ad' } });
    fireEvent.change(search, { target: { value: 'a' } });
    await server.answer('a');
    expect(names()).toEqual(['Adams, Ana', 'Alvarez, Ana']);
    await server.answer('ad');
    expect(screen.getByTestId('patient-count')).toHaveTextContent(/^2 matches$/);
    expect(names()).toEqual(['Adams, Ana', 'Alvarez, Ana']);
    expect(search).toHaveValue('a');
  });

  it('asks once per keystroke: the render takes the answer its keystroke already asked for', async () => {
    const server = heldServer();
    showPatientList();
    await server.answer('');
    const search = screen.getByRole('searchbox');
    for (const text of ['a', 'ad', 'ada']) fireEvent.change(search, { target: { value: text } });
    expect(server.held.map((h) => h.query)).toEqual(['a', 'ad', 'ada']);
    // Escape empties the box and asks for the whole list the same way.
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(server.held.map((h) => h.query)).toEqual(['a', 'ad', 'ada', '']);
    await server.answer('');
    await waitFor(() => expect(screen.getByTestId('patient-count')).toHaveTextContent('3 patients'));
  });
});
