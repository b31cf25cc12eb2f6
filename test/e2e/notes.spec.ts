import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test, expect, signIn, DEMO } from './fixtures';
import { api } from './schedule-helpers';
import { addDays } from '../../shared/clinical/calendar';
import { todayIn } from '../../shared/util/dates';

const ZONE = 'America/Chicago';

/** Press Tab until the focused element matches (keyboard only); fails after `max` presses. */
async function tabTo(page: Page, matches: (el: { label: string; text: string; appointmentId: string | null }) => boolean, max = 120, key = 'Tab') {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const el = await page.evaluate(() => {
      const a = document.activeElement as (HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
      const label = a?.getAttribute('aria-label') ?? a?.labels?.[0]?.textContent ?? '';
      return { label: label.trim(), text: (a?.textContent ?? '').trim(), appointmentId: a?.dataset.appointmentId ?? null };
    });
    if (matches(el)) return;
  }
  throw new Error('The element was not reached with the keyboard');
}

/** A returning patient: evaluated a week ago (signed), checked in today with Marisol Reyes. */
async function returningPatient(page: Page) {
  const today = todayIn(ZONE);
  const patient = await api<{ id: number }>(page, 'patients.create', { legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng', dateOfBirth: '1983-06-14', sex: 'male', medicareBeneficiary: false, phone: '(312) 555-0142' });
  const note = await api<{ id: number; episodeId: number; revision: number }>(page, 'notes.start', { patientId: patient.id, type: 'initial_evaluation', dateOfService: addDays(today, -7) });
  await api(page, 'episodes.save', {
    id: note.episodeId,
    patientId: patient.id,
    episode: { referral: { type: 'self' }, diagnoses: ['M54.50'], goals: [{ term: 'short', description: 'Run-walk 30 minutes with pain at most 3/10' }], planOfCare: { visitsPerWeek: 2, weeks: 6, certStart: addDays(today, -7), certEnd: addDays(today, 35) } },
  });
  await api(page, 'notes.saveDraft', {
    id: note.id,
    revision: note.revision,
    content: {
      subjective: { painNow: 5, patientWords: 'Back aches after 20 minutes of running' },
      objective: {
        rows: [
          { id: 'j1', kind: 'joint', region: 'lumbar', segment: 'L4–L5', technique: 'central_pa', grade: 'III', position: 'prone', minutes: 10 },
          { id: 'e1', kind: 'exercise', category: 'neuromuscular', name: 'Bird dog', sets: 3, reps: 10, minutes: 9 },
          { id: 's1', kind: 'soft_tissue', muscleGroup: 'Lumbar paraspinals', technique: 'stm', minutes: 6 },
        ],
      },
      assessment: { text: 'Mechanical low back pain; good candidate for run-walk.' },
      plan: { frequency: '2× a week', homeProgram: 'Bird dog daily' },
      evaluation: { history: 'Six weeks of pain after long runs; no red flags.', complexity: 'moderate' },
    },
  });
  await api(page, 'notes.sign', { id: note.id, revision: note.revision + 1 });
  const typeId = (await api<{ appointmentTypes: { id: number; name: string }[] }>(page, 'schedule.settings', {})).appointmentTypes.find((t) => t.name === 'Follow-up')!.id;
  const therapist = (await api<{ therapists: { id: number; displayName: string }[] }>(page, 'schedule.settings', {})).therapists.find((t) => t.displayName === DEMO.therapist.name)!;
  const booked = await api<{ appointments: { id: number }[] }>(page, 'appointments.book', { patientId: patient.id, therapistId: therapist.id, typeId, date: today, start: '12:00', durationMinutes: 30, override: { reason: 'Fitted in at lunch' } });
  const appointmentId = booked.appointments[0]!.id;
  await api(page, 'appointments.setStatus', { id: appointmentId, status: 'arrived' });
  return { patientId: patient.id, appointmentId };
}

test('a therapist charts a daily note from the schedule by keyboard only: copy forward, two rows changed, sign; then an addendum and the PDF', async ({ page, demoServer }) => {
  test.setTimeout(120_000);
  await page.goto(demoServer.url);
  await signIn(page, DEMO.admin.username, DEMO.admin.password);
  const { appointmentId } = await returningPatient(page);
  await page.getByRole('button', { name: 'Sign out' }).click();

  // From here on, the keyboard only.
  await page.getByLabel('Username').focus();
  await page.keyboard.type(DEMO.therapist.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO.therapist.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  // A therapist lands on Today; the schedule is one keyboard step away in the main navigation.
  await tabTo(page, (el) => el.text === 'Schedule');
  await page.keyboard.press('Enter');
  await expect(page.locator(`[data-appointment-id="${appointmentId}"]`)).toHaveAttribute('aria-label', /Đặng, Trọng Tấn.*no note yet/);
  await tabTo(page, (el) => el.appointmentId === String(appointmentId));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await tabTo(page, (el) => el.text === 'Write note');
  await page.keyboard.press('Enter');

  // The note opens copied forward from the evaluation: every row marked until changed or confirmed.
  await expect(page.getByText(/Started from the note of .*: 4 parts are still exactly as copied/)).toBeVisible();
  await expect(page.locator('.note-row-copied')).toHaveCount(3);
  await page.keyboard.press('Alt+1'); // Subjective: pain now
  await page.keyboard.type('3');
  // Two rows changed: the joint mobilisation's minutes, the exercise's reps.
  await tabTo(page, (el) => el.label === 'Row 1: minutes');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('12');
  await tabTo(page, (el) => el.label === 'Row 2: reps');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('12');
  await expect(page.locator('.note-row-copied')).toHaveCount(1);
  await page.keyboard.press('Alt+3'); // Assessment
  await page.keyboard.type('Less irritable; tolerating the run-walk rung.');

  // Signing lists what is still as copied; confirming it (Enter) and signing again locks the note.
  await page.keyboard.press('Control+Enter');
  const untouched = page.getByRole('region', { name: 'Rows still as copied' });
  await expect(untouched).toContainText('Soft-tissue mobilisation, Lumbar paraspinals, 6 min');
  await expect(untouched).toContainText('Plan (frequency, home program)');
  await expect(untouched.getByRole('button', { name: 'Confirm all 2 as still true today' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Signed and locked')).toBeVisible();
  await expect(page.getByText(/Electronically signed by Marisol Reyes, PT, DPT on/)).toBeVisible();
  await expect(page.getByText('12 min', { exact: false }).first()).toBeVisible();

  // An addendum, by keyboard: the original stays as it was, its hash still matching.
  await tabTo(page, (el) => el.label.startsWith('Add an addendum'));
  await page.keyboard.type('Late entry: the patient also mentioned calf tightness after hills.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('region', { name: 'Addenda' })).toContainText('calf tightness after hills');
  await expect(page.getByRole('region', { name: 'Signature' })).toContainText('matches the stored note');

  // Print: the PDF holds the patient, the note, the signature with its hash and the addendum.
  const download = page.waitForEvent('download');
  await tabTo(page, (el) => el.text === 'Print', 80, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const file = await (await download).path();
  const text = execFileSync('pdftotext', ['-layout', file!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const expected of ['Daily note', 'Đặng, Trọng Tấn', 'Lumbar L4–L5 central PA, grade III, prone, 12 min', 'Electronically signed by Marisol Reyes, PT, DPT', 'calf tightness after hills', 'SHA-256']) expect(text, expected).toContain(expected);
});

test('the front desk sees that notes exist, with their billing lines, and never what they say', async ({ page, demoServer }) => {
  await page.goto(demoServer.url);
  await signIn(page, DEMO.frontDesk.username, DEMO.frontDesk.password);
  const signed = await api<{ notes: { id: number; status: string }[] }>(page, 'notes.list', { patientId: 7 });
  const noteId = signed.notes.find((n) => n.status === 'signed')!.id;
  // Even the note's own address shows only the list.
  await page.evaluate((id) => {
    window.location.hash = `#/patients/7/notes/${id}`;
  }, noteId);
  const table = page.getByRole('table');
  await expect(table.getByRole('row').nth(1)).toContainText(/GP/);
  await expect(table.getByRole('columnheader')).toHaveText([/^Date/, /^Note/, /^Status/, /^Therapist/, /^Billed \(code-modifiers ×units\)/]);
  await expect(table.getByRole('link')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Episode of care/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Documents' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Sign and lock|New note/ })).toHaveCount(0);
  const denied = await page.evaluate(async (id) => {
    const session = JSON.parse(sessionStorage.getItem('runback.session') ?? '{}') as { token?: string };
    const res = await fetch('/api/notes.get', { method: 'POST', headers: { 'content-type': 'application/json', 'x-runback-token': sessionStorage.getItem('runback.launchToken') ?? '', 'x-runback-session': session.token ?? '' }, body: JSON.stringify({ id }) });
    return res.status;
  }, noteId);
  expect(denied).toBe(403);
});
