import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { test, expect, signIn, DEMO } from './fixtures';
import { answerNoToTheRest } from './chart';

// The red-flag screen as a therapist meets it on the Plan tab: at plan start and at the weekly
// check-in. With SCREENSHOTS=1 the same walk refreshes the red-flag pictures in docs/screenshots.
const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const pictures = process.env.SCREENSHOTS === '1';
// Each test walks a whole screen (fourteen questions) after a demo clinic is made: more than the default.
test.setTimeout(60_000);

async function openPlan(page: Page, mrn: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  const search = page.getByRole('searchbox', { name: 'Search patients' });
  await search.fill(mrn);
  await expect(page.getByTestId('patient-count')).toHaveText('1 match');
  await search.press('Enter');
  await expect(page.getByText(mrn, { exact: true })).toBeVisible();
  await page.getByRole('navigation', { name: 'Chart sections' }).getByRole('link', { name: 'Plan' }).click();
}

/** Answer yes to the questions named, and "No to the rest" in every group. */
async function answer(screen: Locator, yes: RegExp[] = []) {
  for (const q of yes) await screen.getByRole('radiogroup', { name: q }).getByLabel('Yes').check();
  await answerNoToTheRest(screen);
}

test('plan start: a cauda-equina sign raises the alert and blocks the plan; a physician-assessed history lets it start', async ({ page, demoServer }) => {
  await page.goto(demoServer.url);
  await signIn(page, DEMO.therapist.username, DEMO.therapist.password);
  await openPlan(page, 'RB000008');
  const start = page.getByTestId('plan-start-screen');
  await expect(start.getByRole('heading', { name: 'Red-flag screen before the plan' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start the plan' })).toBeDisabled();

  // Not every question answered: nothing is saved, and the count says what is left.
  await start.getByRole('radiogroup', { name: /saddle/ }).getByLabel('Yes').check();
  await start.getByRole('button', { name: 'Save the screen' }).click();
  await expect(start.getByText('Answer every question yes or no: 13 still need an answer.')).toBeVisible();
  await answer(start);
  await start.getByRole('button', { name: 'Save the screen' }).click();

  const alert = page.getByRole('dialog', { name: 'Urgent: possible cauda equina syndrome' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Urgent medical assessment today — the emergency department if after hours.');
  await expect(alert.locator('blockquote')).toContainText('call us at Lakeshore Run & Spine Physical Therapy on (312) 555-0142');
  await expect(alert).not.toContainText('redflag.');
  if (pictures) await page.screenshot({ path: `${OUT}red-flag-alert.png` });
  // Closed without acknowledging, the alert stays on the plan tab.
  await alert.getByRole('button', { name: 'Not yet' }).click();
  const banner = page.getByTestId('urgent-alert-banner');
  await expect(banner).toContainText('Urgent, not yet acknowledged');
  await banner.getByRole('button', { name: 'Open the alert' }).click();
  await expect(alert.getByRole('button', { name: 'Acknowledge' })).toBeDisabled();
  await alert.getByLabel('I have told the patient this and advised urgent medical assessment today.').check();
  await alert.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(alert).toBeHidden();
  await expect(banner).toBeHidden();
  await expect(start.getByTestId('red-flag-outcome')).toContainText('Saddle numbness. Urgent medical assessment today');
  await expect(start.getByTestId('red-flag-outcome')).toContainText(`Alert acknowledged by ${DEMO.therapist.name}`);
  await expect(page.getByRole('button', { name: 'Start the plan' })).toBeDisabled();

  // Weeks later the patient is back, cleared: a history of cancer the physician has assessed.
  await start.getByRole('button', { name: 'Ask the screen again…' }).click();
  await start.getByRole('radiogroup', { name: /saddle/ }).getByLabel('No').check();
  await start.getByRole('radiogroup', { name: 'A history of cancer' }).getByLabel('Yes').check();
  await start.getByLabel('Already assessed by the patient’s physician for this back pain').check();
  await start.getByRole('button', { name: 'Save the screen' }).click();
  await expect(start.getByText('Say who assessed it and when (for example “Dr Nguyen, 2 March: cleared to run”)')).toBeVisible();
  await start.getByLabel('Note').fill('Dr Trần Thị Hà, 24 Nov: breast cancer in remission since 2017; cleared to run.');
  await start.getByRole('button', { name: 'Save the screen' }).click();
  await expect(start.getByTestId('red-flag-outcome')).toContainText('A history of cancer: already assessed by the patient’s physician');
  await expect(start.getByText('The screen allows the plan to start.')).toBeVisible();
  await page.getByRole('button', { name: 'This week' }).click();
  await page.getByRole('button', { name: 'Start the plan' }).click();
  await expect(page.getByTestId('this-week')).toBeVisible();
});

test('weekly check-in: the screen is asked before the review, and a cauda-equina sign stops the plan at once with the urgent action', async ({ page, demoServer }) => {
  await page.goto(demoServer.url);
  await signIn(page, DEMO.therapist.username, DEMO.therapist.password);
  await openPlan(page, 'RB000003');
  const checkIn = page.getByTestId('check-in');
  await expect(checkIn.getByText('Since the last check-in, has the patient had…')).toBeVisible();
  await expect(checkIn.getByRole('button', { name: 'Review the week' })).toBeDisabled();
  if (pictures) await page.screenshot({ path: `${OUT}plan-check-in.png` });

  await answer(checkIn, [/both legs/, /^Pain at rest/]);
  await checkIn.getByRole('button', { name: 'Save the screen' }).click();
  const alert = page.getByRole('dialog', { name: 'Urgent: possible cauda equina syndrome' });
  await alert.getByLabel('I have told the patient this and advised urgent medical assessment today.').check();
  await alert.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(alert).toBeHidden();

  // This week's running instructions give way to the stop; the review need not wait for Sunday.
  await expect(page.getByTestId('check-in-stop')).toContainText('No running: the red-flag screen asks for urgent medical assessment today');
  await expect(page.getByTestId('this-week')).not.toContainText('For the patient');
  await expect(checkIn.getByText('The screen stops the plan: review the week now.')).toBeVisible();
  await checkIn.getByRole('button', { name: 'Review the week' }).click();
  const decision = page.getByTestId('latest-decision');
  await expect(decision.locator('.decision-head [data-decision="stop-and-review"]')).toBeVisible();
  await expect(decision.getByRole('alert').filter({ hasText: 'Possible cauda equina syndrome' })).toContainText('urgent medical assessment today (the emergency department if after hours)');
  await expect(decision.getByTestId('reason').first()).toContainText('possible cauda equina syndrome. Urgent medical assessment today');
  if (pictures) {
    await page.setViewportSize({ width: 1366, height: 1500 });
    await page.screenshot({ path: `${OUT}plan-red-flag-stop.png` });
  }
  // Never downgraded: the stop can be accepted, not overridden.
  await expect(decision.getByRole('button', { name: 'Override…' })).toHaveCount(0);
  await decision.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByText('The plan stopped for a therapist’s review after the week of')).toBeVisible();
});
