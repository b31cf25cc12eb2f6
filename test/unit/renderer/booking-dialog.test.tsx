// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setClient } from '../../../renderer/src/api/client';
import { BookingDialog, type ScheduleSettings } from '../../../renderer/src/screens/schedule/BookingDialog';
import { dayFirstClinic, fakeServer, SignedInProviders, testClinic } from './helpers';

afterEach(() => {
  cleanup();
  setClient(null);
});

const settings: ScheduleSettings = {
  rooms: [
    { id: 1, name: 'Treatment 1', active: true },
    { id: 2, name: 'Old room', active: false },
  ],
  appointmentTypes: [
    { id: 1, name: 'Initial evaluation', durationMinutes: 60, colour: '#1f6f8b', active: true },
    { id: 2, name: 'Follow-up', durationMinutes: 45, colour: '#3a7d44', active: true },
  ],
  therapists: [{ id: 2, displayName: 'Marisol Reyes, PT, DPT', workingHours: [] }],
  lateCancelHours: 24,
};

const CLASH = {
  ok: false as const,
  error: {
    code: 'CONFLICT' as const,
    message: 'Marisol Reyes, PT, DPT is already booked 9:00 – 9:45 AM with Garcia, Maria. Treatment 1 is already in use 9:00 – 9:45 AM (Marisol Reyes, PT, DPT with Garcia, Maria).',
    fields: {
      'conflict.0': 'Marisol Reyes, PT, DPT is already booked 9:00 – 9:45 AM with Garcia, Maria.',
      'conflict.1': 'Treatment 1 is already in use 9:00 – 9:45 AM (Marisol Reyes, PT, DPT with Garcia, Maria).',
    },
  },
};

const summary = { ok: true as const, value: { cancellations: 3, lateCancellations: 1, noShows: 1, completed: 4, upcoming: [] } };

function renderDialog(isAdmin: boolean, clinic = testClinic) {
  const onSaved = vi.fn();
  render(
    <SignedInProviders clinic={clinic}>
      <BookingDialog
        mode={{ kind: 'new', draft: { patient: { id: 7, name: 'Álvarez, José', detail: 'Mar 7, 1985 (41)' }, therapistId: 2, roomId: 1, typeId: 2, date: '2026-12-01', start: 9 * 60 } }}
        settings={settings}
        isAdmin={isAdmin}
        onClose={() => {}}
        onSaved={onSaved}
      />
    </SignedInProviders>,
  );
  return onSaved;
}

const click = async (el: HTMLElement) => {
  await act(async () => {
    fireEvent.click(el);
  });
};

describe('booking dialog', () => {
  it('is prefilled from the grid, shows the patient’s flags and the type’s length', async () => {
    fakeServer({ 'appointments.patientSummary': () => summary });
    renderDialog(false);
    expect(screen.getByLabelText('Therapist')).toHaveValue('2');
    expect(screen.getByLabelText('Room')).toHaveValue('1');
    // Date and time read the clinic's way (month first, 12-hour clock), whatever the computer's language.
    expect(screen.getByLabelText('Date')).toHaveValue('12/01/2026');
    expect(screen.getByLabelText('Start')).toHaveValue('9:00 AM');
    expect(screen.getByLabelText('Duration (minutes)')).toHaveValue(45);
    expect(screen.queryByRole('option', { name: /Old room/ })).toBeNull();
    await waitFor(() => expect(screen.getByText('Cancellations: 3 (late 1) · No-shows: 1')).toBeInTheDocument());
    // A new type brings its own length (nothing was dragged or typed).
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Appointment type'), { target: { value: '1' } });
    });
    await waitFor(() => expect(screen.getByLabelText('Duration (minutes)')).toHaveValue(60));
  });

  it('lists every clash the server names, keeps the form as typed, and offers no override to the front desk', async () => {
    const server = fakeServer({ 'appointments.patientSummary': () => summary, 'appointments.book': () => CLASH });
    const onSaved = renderDialog(false);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Note', { exact: false }), { target: { value: 'Bring running shoes' } });
    });
    await click(screen.getByRole('button', { name: 'Book appointment' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('This time cannot be booked:')).toBeInTheDocument();
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([CLASH.error.fields['conflict.0'], CLASH.error.fields['conflict.1']]);
    expect(screen.getByLabelText('Note', { exact: false })).toHaveValue('Bring running shoes');
    expect(screen.queryByRole('button', { name: /Double-book anyway/ })).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
    expect(server.calls.find((c) => c.channel === 'appointments.book')?.input).toMatchObject({ patientId: 7, therapistId: 2, roomId: 1, typeId: 2, date: '2026-12-01', start: '09:00', durationMinutes: 45, note: 'Bring running shoes' });
  });

  it('lets an admin double-book with a reason', async () => {
    let attempts = 0;
    const server = fakeServer({
      'appointments.patientSummary': () => summary,
      'appointments.book': (input) => {
        attempts++;
        if (!(input as { override?: unknown }).override) return CLASH;
        return { ok: true, value: { appointments: [{ id: 50, localDate: '2026-12-01' }], seriesId: null, skipped: [] } };
      },
    });
    const onSaved = renderDialog(true);
    await click(screen.getByRole('button', { name: 'Book appointment' }));
    await click(await screen.findByRole('button', { name: 'Double-book anyway…' }));
    await click(screen.getByRole('button', { name: 'Book anyway' }));
    expect(screen.getByText('Say why this double-booking is right')).toBeInTheDocument();
    expect(attempts).toBe(1);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Reason for double-booking'), { target: { value: 'Quick check during exercises' } });
    });
    await click(screen.getByRole('button', { name: 'Book anyway' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(server.calls.filter((c) => c.channel === 'appointments.book').at(-1)?.input).toMatchObject({ override: { reason: 'Quick check during exercises' } });
  });

  it('books a weekly series and says it in plain words first', async () => {
    const server = fakeServer({
      'appointments.patientSummary': () => summary,
      'appointments.book': () => ({ ok: true, value: { appointments: Array.from({ length: 8 }, (_, i) => ({ id: 60 + i, localDate: '2026-12-01' })), seriesId: 3, skipped: [] } }),
    });
    const onSaved = renderDialog(false);
    await click(screen.getByLabelText('Repeat (a weekly series)'));
    await click(screen.getByRole('checkbox', { name: 'Thursday' }));
    expect(screen.getByTestId('repeat-summary')).toHaveTextContent('Every week on Tuesday and Thursday, 8 times');
    await click(screen.getByRole('button', { name: 'Book 8 appointments' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(onSaved.mock.calls[0]![0].message).toContain('8 appointments in the series');
    expect(server.calls.find((c) => c.channel === 'appointments.book')?.input).toMatchObject({ recurrence: { weekdays: [2, 4], intervalWeeks: 1, count: 8 } });
  });

  it('a series that clashes on some dates can book the ones that fit; the rest are named in words after booking', async () => {
    const server = fakeServer({
      'appointments.patientSummary': () => summary,
      'appointments.book': (input) => {
        if (!(input as { skipConflicting?: boolean }).skipConflicting) {
          return { ok: false, error: { code: 'CONFLICT', message: 'x', fields: { 'conflict.0': 'Tue, Dec 15: Marisol Reyes, PT, DPT is blocked out 8:00 AM – 12:00 PM (Course).', _fitting: '7', _dates: '8' } } };
        }
        return { ok: true, value: { appointments: Array.from({ length: 7 }, (_, i) => ({ id: 70 + i, localDate: '2026-12-01' })), seriesId: 4, skipped: [{ date: '2026-12-15', reasons: ['Marisol Reyes, PT, DPT is blocked out 8:00 AM – 12:00 PM (Course).'] }] } };
      },
    });
    const onSaved = renderDialog(false);
    await click(screen.getByLabelText('Repeat (a weekly series)'));
    await click(screen.getByRole('button', { name: 'Book 8 appointments' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Not booked: one date clashes.')).toBeInTheDocument();
    expect(screen.getByText('7 of the 8 dates fit; the ones above are left out and stay listed after booking.')).toBeInTheDocument();
    await click(screen.getByRole('button', { name: 'Book the 7 that fit' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(server.calls.filter((c) => c.channel === 'appointments.book').at(-1)?.input).toMatchObject({ skipConflicting: true, recurrence: { count: 8 } });
    const saved = onSaved.mock.calls[0]![0] as { message: string; appointmentId: number };
    expect(saved.message).toContain('7 appointments in the series');
    expect(saved.message).toContain('Not booked (they clash): Tue, Dec 15 — Marisol Reyes, PT, DPT is blocked out 8:00 AM – 12:00 PM (Course).');
    expect(saved.appointmentId).toBe(70);
  });

  it('a day-first, 24-hour clinic types its date and time its own way, whatever the computer’s language', async () => {
    const server = fakeServer({ 'appointments.patientSummary': () => summary, 'appointments.book': () => ({ ok: true, value: { appointments: [{ id: 80, localDate: '2026-12-15' }], seriesId: null, skipped: [] } }) });
    const onSaved = renderDialog(false, dayFirstClinic);
    const date = screen.getByLabelText('Date');
    const start = screen.getByLabelText('Start');
    expect(date).toHaveValue('01/12/2026');
    expect(start).toHaveValue('09:00');
    // A date that is not one in this clinic's order says how to type it, next to the field, and books nothing.
    await act(async () => {
      fireEvent.change(date, { target: { value: '12/31/2026' } });
      fireEvent.blur(date);
    });
    await click(screen.getByRole('button', { name: 'Book appointment' }));
    expect(await screen.findByText('Type the date as DD/MM/YYYY')).toBeInTheDocument();
    expect(server.calls.some((c) => c.channel === 'appointments.book')).toBe(false);
    await act(async () => {
      fireEvent.change(date, { target: { value: '15/12/2026' } });
      fireEvent.blur(date);
      fireEvent.change(start, { target: { value: '2:30 pm' } });
      fireEvent.blur(start);
    });
    expect(start).toHaveValue('14:30');
    expect(screen.getByText('Tue, 15 Dec 2026')).toBeInTheDocument();
    await click(screen.getByRole('button', { name: 'Book appointment' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(server.calls.find((c) => c.channel === 'appointments.book')?.input).toMatchObject({ date: '2026-12-15', start: '14:30' });
  });
});
