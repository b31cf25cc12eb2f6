// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ScreenEntry } from '../../../shared/clinical/redFlags';
import { SCREEN_FLAGS, SCREEN_QUESTIONS, triage } from '../../../shared/clinical/redFlags';
import type { RedFlagScreenRecord } from '../../../shared/domain/redFlags';
import { RedFlagScreenForm } from '../../../renderer/src/screens/redflags/RedFlagScreenForm';
import { RedFlagOutcome } from '../../../renderer/src/screens/redflags/RedFlagOutcome';
import { SignedInProviders } from './helpers';

afterEach(cleanup);

const question = (flag: (typeof SCREEN_FLAGS)[number]) => screen.getByRole('radiogroup', { name: SCREEN_QUESTIONS[flag] });

function renderForm(onSave: (entry: ScreenEntry) => Promise<void>) {
  render(
    <SignedInProviders>
      <RedFlagScreenForm lead="Since the last check-in, has the patient had…" onSave={onSave} />
    </SignedInProviders>,
  );
}

describe('the red-flag screen form', () => {
  it('saves nothing until every question is answered, and "No to the rest" never undoes a yes', async () => {
    const onSave = vi.fn(async (_entry: ScreenEntry) => {});
    renderForm(onSave);
    fireEvent.click(within(question('saddleNumbness')).getByLabelText('Yes'));
    fireEvent.click(screen.getByRole('button', { name: 'Save the screen' }));
    expect(await screen.findByText('Answer every question yes or no: 13 still need an answer.')).toBeInTheDocument();
    expect(onSave).not.toHaveBeenCalled();
    for (const button of screen.getAllByRole('button', { name: 'No to the rest of these' })) fireEvent.click(button);
    expect(within(question('saddleNumbness')).getByLabelText('Yes')).toBeChecked();
    expect(screen.getByText('Every question answered')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Save the screen' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const entry = onSave.mock.calls[0]![0];
    expect(Object.entries(entry.answers).filter(([, a]) => a === 'yes')).toEqual([['saddleNumbness', 'yes']]);
    expect(entry).toMatchObject({ physicianAssessed: [], note: null });
  });

  it('offers "already assessed by the physician" only on a systemic yes, and then asks who and when', async () => {
    const onSave = vi.fn(async (_entry: ScreenEntry) => {});
    renderForm(onSave);
    expect(screen.queryByLabelText(/Already assessed/)).toBeNull();
    fireEvent.click(within(question('cancerHistory')).getByLabelText('Yes'));
    fireEvent.click(within(question('cancerHistory')).getByLabelText(/Already assessed by the patient’s physician/));
    for (const button of screen.getAllByRole('button', { name: 'No to the rest of these' })) fireEvent.click(button);
    fireEvent.click(screen.getByRole('button', { name: 'Save the screen' }));
    expect(await screen.findByText('Say who assessed it and when (for example “Dr Nguyen, 2 March: cleared to run”)')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: '  Dr Nguyễn, 20 Nov: cleared  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the screen' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toMatchObject({ physicianAssessed: ['cancerHistory'], note: 'Dr Nguyễn, 20 Nov: cleared' });
  });
});

describe('what a saved screen asks for', () => {
  const record = (yes: (typeof SCREEN_FLAGS)[number][], over: Partial<RedFlagScreenRecord> = {}): RedFlagScreenRecord => ({
    id: 7,
    patientId: 1,
    context: 'check-in',
    planId: 1,
    weekId: 3,
    noteId: null,
    askedOn: '2026-11-26',
    askedBy: 'Linh Nguyen, PT, OCS',
    recordedAt: '2026-11-26T15:00:00.000Z',
    answers: Object.fromEntries(SCREEN_FLAGS.map((f) => [f, yes.includes(f) ? 'yes' : 'no'])),
    physicianAssessed: [],
    note: null,
    replacesId: null,
    replacedById: null,
    triage: triage(yes),
    needsAcknowledgement: false,
    acknowledgedBy: null,
    acknowledgedAt: null,
    ...over,
  });
  const clinic = { name: 'Lakeshore Run & Spine', phone: '(312) 555-0142' };

  it('puts the urgent action first, with the plain words and the clinic’s phone, and no rule ids', () => {
    render(
      <SignedInProviders>
        <RedFlagOutcome screen={record(['bowelDysfunction', 'fever', 'limp'])} clinic={clinic} />
      </SignedInProviders>,
    );
    const banners = screen.getAllByRole('alert').concat(screen.getAllByRole('status'));
    expect(banners[0]).toHaveTextContent('New loss of bowel control. Urgent medical assessment today (the emergency department if after hours). Stop running.');
    expect(banners[0]).toHaveTextContent('call us at Lakeshore Run & Spine on (312) 555-0142');
    expect(screen.getByTestId('red-flag-outcome')).toHaveAttribute('data-action', 'urgent-medical');
    expect(screen.getByText(/Fever or feeling unwell\./)).toBeInTheDocument();
    expect(screen.getByTestId('red-flag-outcome').textContent).not.toMatch(/redflag\.|cauda-equina|stop-and-refer/);
  });

  it('says when the screen is clear', () => {
    render(
      <SignedInProviders>
        <RedFlagOutcome screen={record([])} clinic={clinic} />
      </SignedInProviders>,
    );
    expect(screen.getByText('No red flags: every question answered no.')).toBeInTheDocument();
  });
});
