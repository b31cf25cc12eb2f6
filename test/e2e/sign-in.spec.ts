import { test, expect, signIn, DEMO } from './fixtures';
import { expectAccessible } from './axe';

test('a wrong password is refused; the fifth in a row locks the account', async ({ page, demoServer }, testInfo) => {
  await page.goto(demoServer.url);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // Every part of the sign-in page sits in a landmark (no "region" finding, not even a moderate one).
  expect(await expectAccessible(page, 'sign-in', testInfo)).toEqual([]);
  await expect(page.getByText('Lakeshore Run & Spine Physical Therapy')).toBeVisible();

  for (let attempt = 1; attempt <= 4; attempt++) {
    await signIn(page, DEMO.admin.username, `not-the-password-${attempt}`);
    await expect(page.getByRole('alert')).toHaveText('Username or password is wrong.');
    await expect(page.getByLabel('Password')).toHaveValue('');
  }
  await expectAccessible(page, 'sign-in with its error', testInfo);
  await signIn(page, DEMO.admin.username, 'not-the-password-5');
  await expect(page.getByRole('status').filter({ hasText: 'Too many failed sign-ins' })).toHaveText('Too many failed sign-ins: this account is locked for 5 minutes.');

  // Even the right password waits now.
  await signIn(page, DEMO.admin.username, DEMO.admin.password);
  await expect(page.getByText(/this account is locked for 5 more minutes/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Patients', exact: true })).toHaveCount(0);

  // Someone else still signs in (the front desk lands on the schedule).
  await signIn(page, DEMO.frontDesk.username, DEMO.frontDesk.password);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' })).toHaveAttribute('aria-current', 'page');
});
