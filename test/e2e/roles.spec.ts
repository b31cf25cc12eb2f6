import { test, expect, signIn, DEMO } from './fixtures';

test('front desk sees Patients and a read-only Clinic, and no Users settings at all', async ({ page, demoServer }) => {
  await page.goto(demoServer.url);
  await signIn(page, DEMO.frontDesk.username, DEMO.frontDesk.password);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Patients', 'Settings']);
  await expect(nav.getByText('Front desk')).toBeVisible();

  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText('Only an admin can change these settings.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link')).toHaveText(['Clinic']);
  await expect(page.getByRole('button', { name: 'Save clinic settings' })).toHaveCount(0);

  // Typing the address of Users gets nowhere.
  await page.evaluate(() => {
    window.location.hash = '#/settings/users';
  });
  await expect(page).toHaveURL(/#\/settings\/clinic$/);
  await expect(page.getByRole('heading', { name: 'Users' })).toHaveCount(0);
});

test('an admin sees and manages Users; the last admin cannot be removed', async ({ page, demoServer }) => {
  await page.goto(demoServer.url);
  await signIn(page, DEMO.admin.username, DEMO.admin.password);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Users' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(6);

  const me = table.getByRole('row').filter({ hasText: DEMO.admin.name });
  await me.getByRole('button', { name: /^Deactivate/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByRole('alert')).toHaveText('At least one active admin must remain: make someone else an admin first.');
});
