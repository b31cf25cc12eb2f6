// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { setClient } from '../../../renderer/src/api/client';
import { fakeServer } from './helpers';
import { showPatientList } from './patient-list-screen';

// jsdom does no layout or scrolling: a new result set scrolls the list back to its top.
Element.prototype.scrollTo ??= function () {};

afterEach(() => {
  cleanup();
  setClient(null);
});

const row = (id: number) => ({ id, mrn: `RB${String(id).padStart(6, '0')}`, legalFirstName: 'Ana', legalLastName: `Adams${id}`, preferredName: null, dateOfBirth: '1985-03-07', phone: null, archivedAt: null });

describe('the patient list count', () => {
  it('says "1,000+ matches" when the server stopped counting a broad search, and the exact count otherwise', async () => {
    fakeServer({
      'patients.list': (input) => {
        const { query } = input as { query: string };
        if (query === 'a') return { ok: true, value: { total: 1000, capped: true, rows: [row(1), row(2)] } };
        if (query === 'adams1') return { ok: true, value: { total: 1, capped: false, rows: [row(1)] } };
        return { ok: true, value: { total: 100_000, capped: false, rows: [row(1), row(2)] } };
      },
    });
    showPatientList();
    await waitFor(() => expect(screen.getByTestId('patient-count')).toHaveTextContent('100,000 patients'));
    const search = screen.getByRole('searchbox');
    fireEvent.change(search, { target: { value: 'a' } });
    await waitFor(() => expect(screen.getByTestId('patient-count')).toHaveTextContent('1,000+ matches'));
    fireEvent.change(search, { target: { value: 'adams1' } });
    await waitFor(() => expect(screen.getByTestId('patient-count')).toHaveTextContent(/^1 match$/));
  });
});
