import { test, expect, signIn, DEMO } from './fixtures';

test('the patient form shows its messages next to the fields and saves nothing', async ({ page, demoServer }) => {
  await page.goto(demoServer.url);
  await signIn(page, DEMO.frontDesk.username, DEMO.frontDesk.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByTestId('patient-count')).toHaveText('300 patients');

  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: 'New patient' })).toBeVisible();
  await page.getByLabel('Legal first name').fill('Zebulonia');
  await page.getByLabel('Date of birth').fill('3/7/2999');
  await page.getByLabel('Sex').selectOption('female');
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Register patient' }).click();

  const lastName = page.getByLabel('Legal last name');
  await expect(lastName).toHaveAttribute('aria-invalid', 'true');
  await expect(lastName).toHaveAccessibleDescription(/Legal last name is required/);
  await expect(lastName).toBeFocused();
  const dob = page.getByLabel('Date of birth');
  await expect(dob).toHaveAccessibleDescription(/Date of birth is in the future/);
  // What was typed stays.
  await expect(page.getByLabel('Legal first name')).toHaveValue('Zebulonia');
  await expect(dob).toHaveValue('3/7/2999');

  // Putting things right clears the messages as you type.
  await lastName.fill('Quist');
  await dob.fill('3/7/1999');
  await dob.blur();
  await expect(dob).not.toHaveAttribute('aria-invalid', 'true');

  // Leaving asks first; staying keeps everything.
  await page.getByRole('link', { name: '← Patients' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Stay' }).click();
  await expect(page.getByLabel('Legal last name')).toHaveValue('Quist');
  await page.getByRole('link', { name: '← Patients' }).click();
  await leave.getByRole('button', { name: 'Leave without saving' }).click();

  // Nothing was saved.
  await expect(page.getByTestId('patient-count')).toHaveText('300 patients');
  await page.getByRole('searchbox', { name: 'Search patients' }).fill('zebulonia');
  await expect(page.getByText('No patient matches “zebulonia”')).toBeVisible();
});
