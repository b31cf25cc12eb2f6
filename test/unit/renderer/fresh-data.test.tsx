// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { contract, type ChannelName } from '../../../shared/api/contract';
import { call, setClient } from '../../../renderer/src/api/client';
import { useQuery } from '../../../renderer/src/api/hooks';
import { areaOf, staleAfter } from '../../../renderer/src/api/areas';
import { PatientFlags } from '../../../renderer/src/screens/schedule/PatientFlags';
import { fakeServer, SignedInProviders } from './helpers';

afterEach(() => {
  cleanup();
  setClient(null);
});

const appointment = {
  id: 9,
  seriesId: null,
  patientId: 1,
  patientName: 'Đặng, Trọng Tấn',
  patientPhone: null,
  therapistId: 2,
  therapistName: 'Marisol Reyes, PT, DPT',
  roomId: null,
  roomName: null,
  typeId: 2,
  typeName: 'Follow-up',
  typeColour: '#3a7d44',
  startsAt: '2026-12-08T15:00:00Z',
  endsAt: '2026-12-08T15:45:00Z',
  localDate: '2026-12-08',
  startMinute: 540,
  endMinute: 585,
  status: 'booked' as const,
  arrivedAt: null,
  cancelReason: null,
  lateCancel: false,
  note: null,
  doubleBookedReason: null,
};

function RunCount({ patientId }: { patientId: number }) {
  const { data } = useQuery('runs.list', { patientId });
  return <p>{data ? `${data.runs.length} runs logged` : 'loading'}</p>;
}

describe('fresh data across screens (areas and invalidation)', () => {
  it('every channel of the contract belongs to an area, and only writes make areas stale', () => {
    for (const name of Object.keys(contract) as ChannelName[]) {
      expect(() => areaOf(name), name).not.toThrow();
      if (contract[name].kind === 'read') expect(staleAfter(name), name).toEqual([]);
      else if (areaOf(name) !== 'session') expect(staleAfter(name), name).toContain('audit');
      else expect(staleAfter(name), name).toEqual([]);
    }
    expect(staleAfter('appointments.book')).toEqual(expect.arrayContaining(['schedule', 'waitlist', 'today']));
    expect(areaOf('appointments.patientSummary')).toBe('schedule');
    expect(staleAfter('runs.save')).toContain('plans');
    expect(staleAfter('runImport.commit')).toEqual(expect.arrayContaining(['runs', 'plans']));
    expect(staleAfter('clinic.update')).toContain('session'); // the frame's clinic name and locale
    // A signed note leaves Today's notes to write and the schedule's marks (a notes read); an autosave
    // never makes the note being written ask again (each opening is audited).
    expect(staleAfter('notes.sign')).toEqual(expect.arrayContaining(['notes', 'today']));
    expect(areaOf('notes.forRange')).toBe('notes');
    expect(staleAfter('notes.saveDraft')).not.toContain(areaOf('notes.get'));
    expect(staleAfter('appointments.setStatus')).toContain('notes');
  });

  it('a booking made anywhere shows at once as the patient’s next appointment', async () => {
    const booked: (typeof appointment)[] = [];
    const { calls } = fakeServer({
      'appointments.patientSummary': () => ({ ok: true, value: { cancellations: 0, lateCancellations: 0, noShows: 0, completed: 0, upcoming: [...booked] } }),
      'appointments.book': () => {
        booked.push(appointment);
        return { ok: true, value: { appointments: [appointment], seriesId: null, skipped: [] } };
      },
    });
    render(
      <SignedInProviders>
        <PatientFlags patientId={1} />
      </SignedInProviders>,
    );
    expect(await screen.findByText('No upcoming appointment')).toBeInTheDocument();
    await call('appointments.book', { patientId: 1, therapistId: 2, roomId: null, typeId: 2, date: '2026-12-08', start: '09:00', durationMinutes: 45, note: null });
    expect(await screen.findByText('Next: Tue, Dec 8, 9:00 AM with Marisol Reyes')).toBeInTheDocument();
    expect(calls.filter((c) => c.channel === 'appointments.patientSummary')).toHaveLength(2);
  });

  it('a run saved on the Running tab is in the plan’s reads at once; a read changes nothing', async () => {
    const runs: { id: number }[] = [];
    const { calls } = fakeServer({
      'runs.list': () => ({ ok: true, value: { runs: [...runs] } }),
      'runs.save': () => {
        runs.push({ id: runs.length + 1 });
        return { ok: true, value: { id: runs.length } };
      },
      'patients.get': () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } }),
    });
    render(
      <SignedInProviders>
        <RunCount patientId={1} />
      </SignedInProviders>,
    );
    expect(await screen.findByText('0 runs logged')).toBeInTheDocument();
    await call('patients.get', { id: 1 }).catch(() => undefined);
    expect(calls.filter((c) => c.channel === 'runs.list')).toHaveLength(1);
    await call('runs.save', { patientId: 1, run: {} } as never);
    expect(await screen.findByText('1 runs logged')).toBeInTheDocument();
  });

  it('the appointment dialog’s “Next:” is the patient’s next other appointment, never the one being viewed', async () => {
    const later = { ...appointment, id: 10, localDate: '2026-12-15', startsAt: '2026-12-15T16:00:00Z', endsAt: '2026-12-15T16:45:00Z', startMinute: 600, endMinute: 645 };
    let upcoming = [appointment, later];
    fakeServer({ 'appointments.patientSummary': () => ({ ok: true, value: { cancellations: 0, lateCancellations: 0, noShows: 0, completed: 0, upcoming } }) });
    const { unmount } = render(
      <SignedInProviders>
        <PatientFlags patientId={1} excludeAppointmentId={appointment.id} />
      </SignedInProviders>,
    );
    expect(await screen.findByText('Next: Tue, Dec 15, 10:00 AM with Marisol Reyes')).toBeInTheDocument();
    expect(screen.queryByText(/Dec 8/)).toBeNull();
    unmount();
    upcoming = [appointment];
    render(
      <SignedInProviders>
        <PatientFlags patientId={1} excludeAppointmentId={appointment.id} />
      </SignedInProviders>,
    );
    expect(await screen.findByText('No other upcoming appointment')).toBeInTheDocument();
  });
});
