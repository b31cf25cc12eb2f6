// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { RunRecord } from '../../../shared/domain/running';
import { DEFAULT_POLICY } from '../../../shared/clinical/policy';
import { todayIn } from '../../../shared/util/dates';
import { setClient } from '../../../renderer/src/api/client';
import { RunEntryDialog } from '../../../renderer/src/screens/running/RunEntryDialog';
import { parseDurationText, parseIntervalShape, runningSpeed } from '../../../renderer/src/screens/running/runFormat';
import { fakeServer, SignedInProviders, testClinic } from './helpers';

afterEach(() => {
  cleanup();
  setClient(null);
});

const stored = (over: Partial<RunRecord> = {}): RunRecord => ({
  id: 41,
  patientId: 7,
  date: '2026-03-02',
  startedAt: null,
  kind: 'run',
  sport: 'running',
  distanceM: 4988.97,
  durationS: 1800,
  runSeconds: 1200,
  walkSeconds: 600,
  intervals: null,
  intervalsCorrected: false,
  intervalSummary: null,
  detectionMethod: null,
  surface: 'grass',
  painBefore: 1,
  painDuring: 2,
  painAfter: null,
  painNextMorning: null,
  rpe: null,
  redFlags: [],
  stoppedEarly: false,
  stepId: null,
  notes: null,
  source: 'manual',
  sourceName: null,
  createdAt: '2026-03-02T20:00:00.000Z',
  updatedAt: '2026-03-02T20:00:00.000Z',
  ...over,
});

async function type(el: HTMLElement, text: string) {
  await act(async () => {
    fireEvent.focus(el);
    fireEvent.input(el, { target: { value: text } });
  });
}
async function leave(el: HTMLElement) {
  await act(async () => {
    fireEvent.focusOut(el);
  });
}

function renderDialog(run: RunRecord | null = null) {
  const onSaved = vi.fn();
  render(
    <SignedInProviders>
      <RunEntryDialog open patientId={7} run={run} policy={DEFAULT_POLICY} onClose={() => {}} onSaved={onSaved} />
    </SignedInProviders>,
  );
  return { onSaved };
}

function messageFor(label: string): string {
  const input = screen.getByLabelText(new RegExp(`^${label.replace(/[()]/g, '\\$&')}`));
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
}

describe('reading what staff type', () => {
  it('reads durations as minutes, m:ss or h:mm:ss, and run-walk shapes', () => {
    expect(parseDurationText('30')).toBe(1800);
    expect(parseDurationText('28:30')).toBe(1710);
    expect(parseDurationText('1:05:00')).toBe(3900);
    expect(parseDurationText(':45')).toBe(45);
    expect(parseDurationText('5:75')).toBeNull();
    expect(parseDurationText('abc')).toBeNull();
    expect(parseIntervalShape('8 × 1:00/1:30')).toEqual({ repeats: 8, runSeconds: 60, walkSeconds: 90 });
    expect(parseIntervalShape('8x(1:00 run / 1:30 walk)')).toEqual({ repeats: 8, runSeconds: 60, walkSeconds: 90 });
    expect(parseIntervalShape('8 times')).toBeNull();
  });

  it('takes running-only speed from the laps when every run lap has a distance, else estimates it', () => {
    const laps = runningSpeed(
      {
        ...stored(),
        intervals: [
          { kind: 'run', startSecond: 0, endSecond: 600, distanceMeters: 1800 },
          { kind: 'walk', startSecond: 600, endSecond: 700, distanceMeters: 120 },
          { kind: 'run', startSecond: 700, endSecond: 1300, distanceMeters: 1800 },
        ],
      },
      DEFAULT_POLICY,
    );
    expect(laps).toEqual({ mps: 3, basis: 'laps' });
    const estimate = runningSpeed(stored(), DEFAULT_POLICY);
    expect(estimate.basis).toBe('estimated');
    // (4988.97 − 600 s × 1.4 m/s) ÷ 1200 s
    expect(estimate.mps).toBeCloseTo((4988.97 - 840) / 1200, 6);
    expect(runningSpeed(stored({ runSeconds: null, walkSeconds: null }), DEFAULT_POLICY).basis).toBe('unknown');
  });
});

describe('run entry form', () => {
  it('converts the clinic’s miles and mm:ss to metres and seconds, with the pace shown as it is typed', async () => {
    const server = fakeServer({ 'runs.save': (input) => ({ ok: true, value: stored({ ...(input as { run: Partial<RunRecord> }).run, id: 99 }) }) });
    const { onSaved } = renderDialog();
    expect(testClinic.distanceUnit).toBe('mi');
    const distance = screen.getByLabelText('Distance (mi)');
    const duration = screen.getByLabelText(/^Duration/);
    await type(distance, '3.1');
    expect(screen.queryByTestId('live-pace')).toBeNull();
    await type(duration, '30:00');
    // 3.1 mi in 30:00 → 9:40.6 a mile → "9:41 /mi" (whole session: no run/walk split yet)
    expect(screen.getByTestId('live-pace')).toHaveTextContent('9:41 /mi');

    await type(screen.getByLabelText(/^Run-walk pattern/), '10 × 2:00/1:00');
    await leave(screen.getByLabelText(/^Run-walk pattern/));
    expect(screen.getByLabelText(/^Total run time/)).toHaveValue('20:00');
    expect(screen.getByLabelText(/^Total walk time/)).toHaveValue('10:00');
    // Running only, estimated: (4988.97 m − 600 s × 1.4 m/s) over 1200 s → 7:45 /mi
    expect(screen.getByTestId('live-pace')).toHaveTextContent('≈ 7:45 /mi');

    await type(screen.getByLabelText(/^During/), '2');
    await act(async () => {
      fireEvent.submit(screen.getByRole('form', { name: 'New run' }));
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const call = server.calls.find((c) => c.channel === 'runs.save')!;
    expect(call.input).toMatchObject({
      patientId: 7,
      run: { date: todayIn(testClinic.timeZone), kind: 'run', distanceM: 4989, durationS: 1800, runSeconds: 1200, walkSeconds: 600, painDuring: 2, painBefore: null, surface: null, notes: null },
    });
  });

  it('says what is wrong next to each field, in plain words, and saves nothing', async () => {
    const server = fakeServer({});
    renderDialog();
    await type(screen.getByLabelText('Date'), '3/7/2999');
    await type(screen.getByLabelText('Distance (mi)'), 'three');
    await type(screen.getByLabelText(/^Duration/), '30:75');
    await type(screen.getByLabelText(/^Next morning/), '11');
    await act(async () => {
      fireEvent.submit(screen.getByRole('form', { name: 'New run' }));
    });
    await waitFor(() => expect(messageFor('Distance (mi)')).toContain('Type the distance in miles, like 3.2'));
    expect(messageFor('Date')).toContain('The date is in the future');
    expect(messageFor('Duration')).toContain('Type the duration as mm:ss or h:mm:ss');
    expect(messageFor('Next morning')).toContain('Pain next morning is a number from 0 to 10');

    // Once the text reads, the API's own schema speaks: run + walk longer than the session.
    await type(screen.getByLabelText('Date'), '3/2/2026');
    await type(screen.getByLabelText('Distance (mi)'), '3');
    await type(screen.getByLabelText(/^Duration/), '25:00');
    await type(screen.getByLabelText(/^Total run time/), '20:00');
    await type(screen.getByLabelText(/^Total walk time/), '10:00');
    await type(screen.getByLabelText(/^Next morning/), '1');
    await act(async () => {
      fireEvent.submit(screen.getByRole('form', { name: 'New run' }));
    });
    await waitFor(() => expect(messageFor('Total run time')).toContain('Run and walk time add up to more than the duration'));
    expect(server.calls.filter((c) => c.channel === 'runs.save')).toEqual([]);
  });

  it('puts the server’s field messages (run.<field>) next to the fields', async () => {
    fakeServer({ 'runs.save': () => ({ ok: false, error: { code: 'VALIDATION', message: 'Distance is more than 300 km', fields: { 'run.distanceM': 'Distance is more than 300 km' } } }) });
    const { onSaved } = renderDialog(stored());
    expect(screen.getByLabelText('Distance (mi)')).toHaveValue('3.1');
    expect(screen.getByLabelText(/^Duration/)).toHaveValue('30:00');
    await act(async () => {
      fireEvent.submit(screen.getByRole('form', { name: 'Edit run' }));
    });
    await waitFor(() => expect(messageFor('Distance (mi)')).toContain('Distance is more than 300 km'));
    expect(onSaved).not.toHaveBeenCalled();
  });
});
