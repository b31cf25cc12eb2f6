import { test, expect, signIn, DEMO } from './fixtures';
import type { Locator } from '@playwright/test';

async function visibleBirthDates(table: Locator): Promise<number[]> {
  const cells = await table.getByRole('row').locator('[role=cell]:nth-child(2)').allTextContents();
  return cells.map((t) => Date.parse(t.split(' · ')[0]!)).filter((n) => !Number.isNaN(n));
}

test('the demo clinic’s list scrolls through every patient and sorts by date of birth', async ({ page, demoServer }) => {
  await page.goto(demoServer.url);
  await signIn(page, DEMO.therapist.username, DEMO.therapist.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByTestId('patient-count')).toHaveText('300 patients');
  const table = page.getByRole('table', { name: 'Patients' });
  await expect(table).toHaveAttribute('aria-rowcount', '301');

  // Only a screenful of rows is in the page, however many patients there are.
  const drawn = await table.getByRole('row').count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(80);

  // Arrows from the search move the highlight; in the list, End goes to the last patient (its page is fetched on demand).
  const search = page.getByRole('searchbox', { name: 'Search patients' });
  await search.press('ArrowDown');
  await search.press('ArrowDown');
  await expect(table.locator('[aria-rowindex="4"]')).toHaveClass(/is-active/);
  await table.locator('[aria-rowindex="4"] a').focus();
  await page.keyboard.press('End');
  await expect(table.locator('[aria-rowindex="301"]')).toBeVisible();
  await expect(table.locator('[aria-rowindex="301"] a')).toBeFocused();

  // Sort by date of birth, oldest first, then youngest first.
  await table.getByRole('button', { name: /Date of birth/ }).click();
  await expect(table.getByRole('columnheader', { name: /Date of birth/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.locator('[aria-rowindex="2"]')).toBeVisible();
  let dates = await visibleBirthDates(table);
  expect(dates.length).toBeGreaterThan(10);
  expect(dates).toEqual([...dates].sort((a, b) => a - b));

  await table.getByRole('button', { name: /Date of birth/ }).click();
  await expect(table.getByRole('columnheader', { name: /Date of birth/ })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await visibleBirthDates(table))[0]).toBeGreaterThan(dates[dates.length - 1]!);
  dates = await visibleBirthDates(table);
  expect(dates).toEqual([...dates].sort((a, b) => b - a));
});
