import { fileURLToPath } from 'node:url';
import { expectAccessible } from './axe';
import { openChart } from './chart';
import { test, expect, signIn, DEMO } from './fixtures';

// "Hand to patient": the therapist hands one questionnaire to the patient; the screen shows that
// questionnaire only, keeps each answer as it is given (a reload keeps the patient's screen), and
// needs a staff password to come back to the chart. SCREENSHOTS=1 refreshes docs/screenshots/hand-to-patient.png.
const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const pictures = process.env.SCREENSHOTS === '1';
test.setTimeout(90_000);

test('a patient fills in the PSFS on the handed-over screen, and only a staff password takes it back', async ({ page, demoServer }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(demoServer.url);
  await signIn(page, DEMO.therapist.username, DEMO.therapist.password);
  await openChart(page, 'RB000004', 'Reassessment');
  await page.getByRole('button', { name: 'Hand to patient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Hand to patient' });
  await dialog.getByLabel('Questionnaire').selectOption({ label: 'Patient-Specific Functional Scale (PSFS)' });
  await dialog.getByRole('button', { name: 'Hand the screen over' }).click();

  // The questionnaire alone: no navigation, no chart.
  await expect(page.getByRole('heading', { name: /^Hello .* — a few questions from/ })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByText('RB000004')).toHaveCount(0);
  await page.getByLabel('Activity 1').fill('Running 5 km without stopping');
  await page.getByRole('group', { name: /How well can you do activity 1/ }).getByRole('radio', { name: '3', exact: true }).check();
  await expect(page.getByText('Your answers are saved')).toBeVisible();
  // A reload keeps the patient's screen and the answers given.
  await page.reload();
  await expect(page.getByLabel('Activity 1')).toHaveValue('Running 5 km without stopping');
  await page.getByLabel('Activity 2').fill('Sitting through a meeting');
  await page.getByRole('button', { name: 'I have finished' }).click();
  await expect(page.getByRole('group', { name: /How well can you do activity 2/ })).toContainText('Choose how well you can do this activity (0–10)');
  await page.getByRole('group', { name: /How well can you do activity 2/ }).getByRole('radio', { name: '6', exact: true }).check();
  if (pictures) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${OUT}hand-to-patient.png` });
  }
  await expectAccessible(page, 'hand to patient', testInfo);
  await page.getByRole('button', { name: 'I have finished' }).click();
  await expect(page.getByRole('heading', { name: /^Thank you/ })).toBeVisible();

  // Handing back: a wrong password is refused; the right one returns to the chart.
  await page.getByRole('button', { name: 'Staff: take the screen back' }).click();
  const back = page.getByRole('form', { name: 'Take the screen back' });
  await back.getByLabel('Password').fill('not-the-password');
  await back.getByRole('button', { name: 'Take the screen back' }).click();
  await expect(back.getByText('Username or password is wrong.')).toBeVisible();
  await back.getByLabel('Password').fill(DEMO.therapist.password);
  await back.getByRole('button', { name: 'Take the screen back' }).click();
  await expect(page.getByRole('heading', { name: 'Reassessment' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('table', { name: /outcome/i })).toContainText('4.5');
});
