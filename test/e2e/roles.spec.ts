import { test, expect, signIn, DEMO } from './fixtures';

test('front desk starts on the Schedule, sees a read-only Clinic, and no Users or Schedule settings at all', async ({ page, demoServer }) => {
  await page.goto(demoServer.url);
  await signIn(page, DEMO.frontDesk.username, DEMO.frontDesk.password);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Schedule', 'Patients', 'End of day', 'Settings']);
  await expect(nav.getByRole('link', { name: 'Schedule' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByText('Front desk')).toBeVisible();

  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText('Only an admin can change these settings.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link')).toHaveText(['Clinic', 'Clinic policy', 'Fees']);
  await expect(page.getByRole('button', { name: 'Save clinic settings' })).toHaveCount(0);

  // Typing the address of Users gets nowhere.
  await page.evaluate(() => {
    window.location.hash = '#/settings/users';
  });
  await expect(page).toHaveURL(/#\/settings\/clinic$/);
  await expect(page.getByRole('heading', { name: 'Users' })).toHaveCount(0);
});

test('an admin edits the clinic and manages Users; the last admin cannot be removed', async ({ page, demoServer }) => {
  await page.goto(demoServer.url);
  await signIn(page, DEMO.admin.username, DEMO.admin.password);
  await page.getByRole('link', { name: 'Settings' }).click();

  // Clinic: the new name shows in the navigation at once.
  await page.getByLabel('Clinic name').fill('Lakeshore Running PT');
  await page.getByRole('button', { name: 'Save clinic settings' }).click();
  await expect(page.getByText('Clinic settings saved.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByText('Lakeshore Running PT')).toBeVisible();

  await page.getByRole('link', { name: 'Users' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(6);

  // Add a user, then reset their password.
  await page.getByRole('button', { name: 'Add user' }).click();
  const add = page.getByRole('dialog', { name: 'Add a user' });
  await add.getByLabel('Full name').fill('Sam Lee');
  await add.getByLabel('Username').fill('slee');
  await add.getByLabel('Role').selectOption('front_desk');
  await add.getByLabel('First password').fill('first-password-1');
  await add.getByLabel('Confirm password').fill('first-password-1');
  await add.getByRole('button', { name: 'Add user' }).click();
  await expect(add).toBeHidden();
  await expect(page.getByText('Sam Lee can now sign in as “slee”.')).toBeVisible();
  const sam = table.getByRole('row').filter({ hasText: 'Sam Lee' });
  await expect(sam.getByRole('combobox', { name: 'Role of Sam Lee' })).toHaveValue('front_desk');
  await sam.getByRole('button', { name: 'Reset password for Sam Lee' }).click();
  const reset = page.getByRole('dialog', { name: 'Reset password for Sam Lee' });
  await reset.getByLabel('New password', { exact: true }).fill('second-password-2');
  await reset.getByLabel('Confirm new password').fill('second-password-2');
  await reset.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('New password set for Sam Lee.')).toBeVisible();

  const me = table.getByRole('row').filter({ hasText: DEMO.admin.name });
  await me.getByRole('button', { name: /^Deactivate/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByRole('alert')).toHaveText('At least one active admin must remain: make someone else an admin first.');
});
