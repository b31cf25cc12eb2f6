import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Open a patient's chart tab: Patients → search the MRN → Enter → the tab. */
export async function openChart(page: Page, mrn: string, tab: 'Running' | 'Reassessment' | 'Plan' | 'Details') {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  const search = page.getByRole('searchbox', { name: 'Search patients' });
  await search.fill(mrn);
  await expect(page.getByTestId('patient-count')).toHaveText('1 match');
  await expect(page.getByRole('row').filter({ hasText: mrn })).toBeVisible();
  await search.press('Enter');
  await expect(page.getByText(mrn, { exact: true })).toBeVisible();
  await page.getByRole('navigation', { name: 'Chart sections' }).getByRole('link', { name: tab }).click();
}
