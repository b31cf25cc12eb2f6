import { test, expect, signIn, DEMO } from './fixtures';
import { expectAccessible } from './axe';

test('after 10 idle minutes the screen locks and hides everything; unlocking returns to the same place', async ({ page, demoServer }, testInfo) => {
  await page.clock.install();
  await page.goto(demoServer.url);
  await signIn(page, DEMO.therapist.username, DEMO.therapist.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  const table = page.getByRole('table', { name: 'Patients' });
  await expect(table).toBeVisible();

  // Open a chart and start typing (not saved).
  const firstRow = table.getByRole('row').nth(1);
  const name = (await firstRow.getByRole('link').textContent())!;
  await firstRow.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByLabel('Notes for the front desk and therapists').fill('Prefers early mornings');

  await page.clock.fastForward('11:00');

  const lock = page.getByRole('heading', { name: /^Locked/ });
  await expect(lock).toBeVisible();
  await expect(lock).toHaveText(`Locked — signed in as ${DEMO.therapist.name}`);
  expect(await expectAccessible(page, 'lock screen', testInfo)).toEqual([]);
  // Nothing of the chart is visible or in the accessibility tree.
  await expect(page.getByLabel('Notes for the front desk and therapists')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: name.split(' (')[0] })).toHaveCount(0);
  const snapshot = await page.locator('body').ariaSnapshot();
  expect(snapshot).not.toContain(name.split(',')[0]);
  expect(snapshot).not.toContain('Prefers early mornings');

  // The server agrees: the session is locked there too.
  const status = await page.evaluate(async () => {
    const session = JSON.parse(sessionStorage.getItem('runback.session') ?? '{}') as { token?: string };
    const res = await fetch('/api/patients.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-runback-token': sessionStorage.getItem('runback.launchToken') ?? '', 'x-runback-session': session.token ?? '' },
      body: '{}',
    });
    return ((await res.json()) as { error?: { code: string } }).error?.code;
  });
  expect(status).toBe('LOCKED');

  await page.getByLabel('Password').fill(DEMO.therapist.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(lock).toBeHidden();
  await expect(page.getByLabel('Notes for the front desk and therapists')).toHaveValue('Prefers early mornings');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
});

test('Sign in as someone else at the lock screen ends the first session and starts clean', async ({ page, demoServer }) => {
  await page.goto(demoServer.url);
  await signIn(page, DEMO.therapist.username, DEMO.therapist.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('link', { name: 'New patient' }).click();
  await page.getByLabel('Legal first name').fill('Unsaved');
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await page.getByLabel('Username').fill(DEMO.frontDesk.username);
  await page.getByLabel('Password').fill(DEMO.frontDesk.password);
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  // The front desk starts on its home, the schedule.
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByText(DEMO.frontDesk.name)).toBeVisible();
  await expect(page.getByText('Unsaved')).toHaveCount(0);
});
