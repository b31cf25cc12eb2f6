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

  // Search finds a date of birth as the list writes it, and an MRN without its zeros.
  const search = page.getByRole('searchbox', { name: 'Search patients' });
  await search.fill('rb1');
  await expect(page.getByRole('row').filter({ hasText: 'RB000001' })).toBeVisible();
  const listed = (await page.getByRole('row').filter({ hasText: 'RB000001' }).getByRole('cell').first().textContent())!.split(' · ')[0]!;
  await search.fill(listed.replace(',', ''));
  await expect(page.getByRole('row').filter({ hasText: 'RB000001' })).toBeVisible();
});

test('at 1366×768 a save’s message shows where the person is, a US ZIP code is checked, and usernames say what is missing', async ({ page, demoServer }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(demoServer.url);
  await signIn(page, DEMO.admin.username, DEMO.admin.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  // Read an existing patient to register them again.
  await page.getByRole('searchbox', { name: 'Search patients' }).fill('RB000001');
  await page.getByRole('searchbox', { name: 'Search patients' }).press('Enter');
  const first = page.getByLabel('Legal first name');
  const [given, family, dob] = [await first.inputValue(), await page.getByLabel('Legal last name').inputValue(), await page.getByLabel('Date of birth').inputValue()];
  await page.keyboard.press('Alt+N');
  await page.getByLabel('Legal first name').fill(given);
  await page.getByLabel('Legal last name').fill(family);
  await page.getByLabel('Date of birth').fill(dob);
  await page.getByLabel('Sex').selectOption('female');
  await page.getByLabel(/^ZIP code/).fill('ABCDE');
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByLabel(/^ZIP code/)).toHaveAccessibleDescription(/ZIP code “ABCDE” is not one used in this country/);
  await page.getByLabel(/^ZIP code/).fill('60601');
  await page.getByRole('button', { name: 'Register patient' }).click();
  // The duplicate warning is beside the Register button, on screen — not at the top of a long form.
  const warning = page.getByRole('button', { name: 'Create anyway' });
  await expect(warning).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Register patient' })).toBeInViewport();

  // Settings → Users: an empty username is "required", not "needs at least 3 characters".
  await page.getByRole('button', { name: 'Check first' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave without saving' }).click();
  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Add user' }).click();
  const add = page.getByRole('dialog', { name: 'Add a user' });
  await add.getByRole('button', { name: 'Add user' }).click();
  await expect(add.getByLabel('Username')).toHaveAccessibleDescription(/Username is required/);
  await expect(add.getByRole('button', { name: 'Add user' })).toBeInViewport();
});
