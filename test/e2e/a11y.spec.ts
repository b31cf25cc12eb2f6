import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, signIn, DEMO } from './fixtures';
import { expectAccessible } from './axe';
import { typed } from './schedule-helpers';
import { addDays } from '../../shared/schedule/clinic-time';
import { todayIn } from '../../shared/util/dates';

const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

// The screens and dialogs the other flows do not reach, on one demo clinic: settings (and their
// dialogs), the audit log (filtered and exported), an admin's Today, blocking time and ending a plan.
test('settings, the audit log, Today and their dialogs pass axe; the audit log filters and exports', async ({ page, demoServer }, testInfo) => {
  // A hang guard, as the other long flows have: 14 axe scans reached the last one at 90 s at load 15-20.
  test.setTimeout(120_000);
  await page.goto(demoServer.url);
  await signIn(page, DEMO.admin.username, DEMO.admin.password);
  // Signed in before going anywhere: a hash set while the sign-in is still checking the password is lost.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  await go(page, '#/settings/clinic');
  await expect(page.getByRole('form', { name: 'Clinic settings' })).toBeVisible();
  await expect(page.getByLabel('Dates')).toHaveValue('MDY');
  await expectAccessible(page, 'settings: clinic', testInfo);

  await go(page, '#/settings/users');
  await expect(page.getByRole('table', { name: 'Users' })).toBeVisible();
  await expectAccessible(page, 'settings: users', testInfo);
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('dialog', { name: 'Add a user' })).toBeVisible();
  await expectAccessible(page, 'add a user', testInfo);
  await page.getByRole('dialog', { name: 'Add a user' }).getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: /^Reset password for Priya Shah/ }).click();
  await expect(page.getByRole('dialog', { name: 'Reset password for Priya Shah' })).toBeVisible();
  await expectAccessible(page, 'reset password', testInfo);
  await page.getByRole('dialog', { name: 'Reset password for Priya Shah' }).getByRole('button', { name: 'Cancel' }).click();

  await go(page, '#/settings/schedule');
  await expect(page.getByRole('table', { name: 'Appointment types' })).toBeVisible();
  // A type's colour is a swatch beside its name, never a hex code.
  expect(await page.locator('main').innerText()).not.toMatch(/#[0-9a-f]{6}\b/i);
  await expectAccessible(page, 'settings: schedule', testInfo);
  await page.getByRole('button', { name: 'Add a room' }).click();
  await expect(page.getByRole('dialog', { name: 'Add a room' })).toBeVisible();
  await expectAccessible(page, 'add a room', testInfo);
  await page.getByRole('dialog', { name: 'Add a room' }).getByLabel('Room name').fill('Treatment 9');
  await page.getByRole('dialog', { name: 'Add a room' }).getByRole('button', { name: 'Add room' }).click();
  await expect(page.getByRole('table', { name: 'Rooms' })).toContainText('Treatment 9');
  await page.getByRole('button', { name: /^Change… Follow-up/ }).click();
  await expect(page.getByRole('dialog', { name: 'Change Follow-up' })).toBeVisible();
  await expectAccessible(page, 'change an appointment type', testInfo);
  await page.getByRole('dialog', { name: 'Change Follow-up' }).getByRole('button', { name: 'Cancel' }).click();

  await go(page, '#/settings/policy');
  await expect(page.getByRole('form', { name: 'Clinic policy' })).toBeVisible();
  await expectAccessible(page, 'settings: clinic policy', testInfo);

  // The audit log: in words, filtered by action, exported as CSV.
  await go(page, '#/settings/audit');
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await expectAccessible(page, 'audit log', testInfo);
  await page.getByLabel('What').selectOption({ label: 'Added a user' });
  await expect(page.getByTestId('audit-row').first()).toContainText('Added a user');
  await expect(page.getByTestId('audit-row').first()).toContainText('Dana Whitfield');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export CSV/ }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\ufeffWhen (clinic time),When (UTC),Who,Username,What,Action,Record,Detail');
  expect(csv).toContain('Added a user');
  // Dates are typed the clinic's way (month first here): nothing before today, today's entries on it.
  const today = todayIn('America/Chicago');
  await page.getByLabel('To', { exact: true }).fill(typed(addDays(today, -1)));
  await expect(page.getByText('Nothing in the log matches these filters.')).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill(typed(today));
  await expect(page.getByText('The span ends before it starts')).toBeVisible();
  await page.getByLabel('To', { exact: true }).fill(typed(today));
  await expect(page.getByTestId('audit-row').first()).toContainText('Added a user');

  // An admin's Today: any therapist's day.
  await go(page, '#/today');
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await expectAccessible(page, 'Today (admin)', testInfo);

  // Block time on the schedule; the waitlist beside the grid.
  await go(page, '#/schedule');
  await page.getByRole('button', { name: 'Block time' }).click();
  await expect(page.getByRole('dialog', { name: 'Block out time' })).toBeVisible();
  await expectAccessible(page, 'block out time', testInfo);
  await page.getByRole('dialog', { name: 'Block out time' }).getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: /^Waitlist/ }).click();
  await expect(page.getByRole('table', { name: 'Waitlist' })).toBeVisible();
  await expectAccessible(page, 'schedule with the waitlist', testInfo);

  // Ending a plan, and archiving a patient, ask first.
  await go(page, '#/patients/2/plan');
  await page.getByRole('button', { name: 'End plan…' }).click();
  await expect(page.getByRole('dialog', { name: 'End the run-walk plan' })).toBeVisible();
  await expectAccessible(page, 'end the plan', testInfo);
  await page.getByRole('dialog', { name: 'End the run-walk plan' }).getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('dialog', { name: 'Archive this patient?' })).toBeVisible();
  await expectAccessible(page, 'archive a patient', testInfo);
});
