import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { addDays, startOfWeek } from '../../shared/schedule/clinic-time';
import { todayIn } from '../../shared/util/dates';

/** The demo clinic's zone and staff columns. */
export const ZONE = 'America/Chicago';
export const REYES = 'Marisol Reyes, PT, DPT'; // Tue 08:00–12:00, 12:30–16:30
export const OKAFOR = 'James Okafor, PT, DPT'; // Tue 10:00–14:00, 14:30–19:00

/**
 * A Tuesday ten weeks ahead: the demo schedule (built around the real today) has nothing there, so
 * the day holds only what a test books, and its hours are the therapists' known Tuesday hours.
 */
export function quietTuesday(weeksAhead = 10): string {
  return addDays(startOfWeek(todayIn(ZONE)), 7 * weeksAhead + 1);
}

export const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Register a patient through the API as the signed-in user (quicker than the form, and certain). */
/** Call the API as the signed-in user of the page (for set-up only; what is tested goes through the screen). */
export async function api<T>(page: Page, channel: string, input: unknown): Promise<T> {
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible(); // signed in: the session is stored
  return page.evaluate(
    async ({ channel, input }) => {
      const session = JSON.parse(sessionStorage.getItem('runback.session') ?? '{}') as { token?: string };
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-runback-token': sessionStorage.getItem('runback.launchToken') ?? '', 'x-runback-session': session.token ?? '' },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
      return body.value as T;
    },
    { channel, input },
  );
}

export async function createPatient(page: Page, first: string, last: string): Promise<{ id: number; name: string }> {
  const p = await api<{ id: number }>(page, 'patients.create', { legalFirstName: first, legalLastName: last, dateOfBirth: '1988-04-12', sex: 'female', medicareBeneficiary: false, phone: '(312) 555-0199' });
  return { id: p.id, name: `${last}, ${first}` };
}

/** A date as the demo clinic (month first) types it: 2026-12-08 → 12/08/2026. */
export const typed = (date: string) => date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$2/$3/$1');

/** Type a date into "Go to date" the clinic's way; the schedule moves there. */
export async function goToDate(page: Page, date: string) {
  await page.getByLabel('Go to date').fill(typed(date));
  await expect(page.getByLabel('Go to date')).toHaveValue(typed(date));
  // The address names the day unless it is today (today's schedule has no date in it).
  await expect(page).toHaveURL(date === todayIn(ZONE) ? /#\/schedule(?![^#]*date=)/ : new RegExp(`date=${date}`));
}

/** A therapist's (or room's) column on the day shown. */
export function column(page: Page, name: string): Locator {
  return page.getByRole('group', { name: new RegExp(`^${escapeRe(name)}, `) });
}

/**
 * Screen points for clinic minutes in columns. The grid scrolls once so that the earliest minute
 * is near the top, then every point is read from the same layout.
 */
export async function points(...targets: [Locator, number][]): Promise<{ x: number; y: number }[]> {
  const [first] = targets;
  const start = Number(await first![0].getAttribute('data-range-start'));
  const ppm = Number(await first![0].getAttribute('data-px-per-minute'));
  const earliest = Math.min(...targets.map(([, m]) => m));
  await first![0].evaluate((el, top) => {
    el.closest('.sched-scroll')!.scrollTop = top;
  }, Math.max(0, (earliest - start) * ppm - 60));
  const out: { x: number; y: number }[] = [];
  for (const [col, minute] of targets) {
    const box = (await col.boundingBox())!;
    out.push({ x: box.x + box.width / 2, y: box.y + (minute - start) * ppm });
  }
  return out;
}

/** Press, move in small steps (as a hand does), release. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 3, from.y + 6, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}

/** In a dialog with the patient picker: search, take the best match (checked against `name` when given); returns its name. */
export async function choosePatient(dialog: Locator, query: string, name?: string): Promise<string> {
  const search = dialog.getByRole('combobox', { name: 'Patient' });
  await search.fill(query);
  const best = dialog.getByRole('listbox', { name: 'Matching patients' }).getByRole('option').first();
  if (name) await expect(best).toContainText(name);
  const chosen = name ?? (await best.locator('.picker-name').textContent())!;
  await search.press('Enter');
  await expect(dialog.getByText(chosen, { exact: true })).toBeVisible();
  return chosen;
}

/** An appointment block by patient (and, optionally, a time written like "9:00"). */
export function appointment(scope: Locator | Page, patient: string, time?: string): Locator {
  return scope.getByRole('button', { name: new RegExp(`^${time ? `${escapeRe(time)}\\s` : '.*'}.*${escapeRe(patient)}`) });
}

/** Save a download and read its text back with pdftotext (poppler-utils). */
export async function pdfText(download: Download): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'runback-pdf-'));
  try {
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
