import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, signIn, withDemoServer, DEMO } from './fixtures';

// Pictures of the main screens for the README and reviews: SCREENSHOTS=1 npx playwright test screenshots
const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

test.describe('screenshots', () => {
  test.skip(process.env.SCREENSHOTS !== '1', 'only with SCREENSHOTS=1');
  test.setTimeout(90_000);
  test.beforeAll(() => mkdirSync(OUT, { recursive: true }));

  test('first-run setup', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Set up your clinic' })).toBeVisible();
    await page.getByLabel('Clinic name').fill('Riverside Run Clinic');
    await page.getByLabel('Clinic name').blur();
    await page.screenshot({ path: `${OUT}setup.png` });
  });

  test('demo clinic: sign-in, patient list, form with an error, lock screen, users', async ({ page }) => {
    await withDemoServer(2000, 1, async (demo) => {
      await page.goto(demo.url);
      await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
      await page.screenshot({ path: `${OUT}sign-in.png` });

      await signIn(page, DEMO.admin.username, DEMO.admin.password);
      await expect(page.getByTestId('patient-count')).toHaveText('2,000 patients');
      await page.getByRole('searchbox', { name: 'Search patients' }).press('ArrowDown');
      await page.getByRole('searchbox', { name: 'Search patients' }).press('ArrowDown');
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${OUT}patients.png` });

      await page.keyboard.press('Alt+N');
      await page.getByLabel('Legal first name').fill('Maria');
      await page.getByLabel('Date of birth').fill('3/7/2999');
      await page.getByLabel('Sex').selectOption('female');
      await page.getByRole('radio', { name: 'Yes' }).check();
      await page.getByRole('button', { name: 'Register patient' }).click();
      await expect(page.getByText('Date of birth is in the future')).toBeVisible();
      await page.screenshot({ path: `${OUT}patient-form-error.png` });

      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Leave without saving' }).click();
      await page.getByRole('link', { name: 'Users' }).click();
      await expect(page.getByRole('table')).toBeVisible();
      await page.screenshot({ path: `${OUT}users.png` });

      await page.getByRole('button', { name: 'Lock' }).click();
      await expect(page.getByRole('heading', { name: /^Locked/ })).toBeVisible();
      await page.screenshot({ path: `${OUT}locked.png` });
    });
  });
});
