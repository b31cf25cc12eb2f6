import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Open a patient's chart tab: Patients → search the MRN → Enter → the tab. */
export async function openChart(page: Page, mrn: string, tab: 'Running' | 'Reassessment' | 'Plan' | 'Details') {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  const search = page.getByRole('searchbox', { name: 'Search patients' });
  await search.fill(mrn);
  await expect(page.getByTestId('patient-count')).toHaveText('1 match');
  await expect(page.getByRole('row').filter({ hasText: mrn })).toBeVisible();
  await search.press('Enter');
  // The chart's header, not the list's row (which shows the MRN too).
  await expect(page.getByRole('navigation', { name: 'Chart sections' })).toBeVisible();
  const link = page.getByRole('navigation', { name: 'Chart sections' }).getByRole('link', { name: tab });
  // The header grows when its flags arrive (the plan's rung, cancellations): a click aimed just before
  // can land beside the tab on a busy machine, so click until the tab is the one shown.
  await expect(async () => {
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page', { timeout: 2_000 });
  }).toPass();
}

/**
 * "No to the rest of these" in every group of a red-flag screen, once the screen is there: counting
 * the buttons before the form had loaded found none, and the screen was saved unanswered.
 */
export async function answerNoToTheRest(container: Locator) {
  const rest = container.getByRole('button', { name: 'No to the rest of these' });
  await expect(rest.first()).toBeVisible();
  while ((await rest.count()) > 0) await rest.first().click();
}
