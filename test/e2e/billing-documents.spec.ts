import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test, expect, signIn, DEMO } from './fixtures';
import { api } from './schedule-helpers';

const pdfText = (file: string) => `${execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })} ¶ ${execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })}`.replace(/\s+/g, ' ');

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await click();
  const d = await download;
  return { name: d.suggestedFilename(), text: pdfText((await d.path())!) };
}

test('the front desk prints a receipt and a superbill for last month from the chart; a Medicare Part B patient gets the ABN reminder instead', async ({ page, demoServer }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(demoServer.url);
  await signIn(page, DEMO.frontDesk.username, DEMO.frontDesk.password);
  // The demo's first patient: weeks of signed, charged visits and card payments.
  const patient = await api<{ id: number; mrn: string; legalLastName: string; legalFirstName: string; medicareBeneficiary: boolean }>(page, 'patients.get', { id: 1 });
  expect(patient.medicareBeneficiary).toBe(false);
  await page.goto(`${demoServer.url.split('#')[0]}#/patients/${patient.id}/billing`);

  const payments = page.getByRole('table', { name: 'Payments' });
  const receipt = await downloadText(page, () => payments.getByRole('button', { name: /^Receipt/ }).first().click());
  expect(receipt.name).toMatch(/^receipt-R-\d{6}\.pdf$/);
  for (const expected of ['Receipt', `${patient.legalLastName}, ${patient.legalFirstName}`, patient.mrn, 'Applied to', 'Account now', 'NPI 1234567893', 'Tax ID 36-1234567']) expect(receipt.text, expected).toContain(expected);

  await page.getByRole('button', { name: 'Superbill…' }).first().click();
  const dialog = page.getByRole('dialog', { name: /Superbill for/ });
  await dialog.getByRole('button', { name: 'Last month' }).click();
  await expect(dialog.getByTestId('superbill-ready')).toBeVisible();
  const superbill = await downloadText(page, () => dialog.getByRole('button', { name: 'Download superbill PDF' }).click());
  expect(superbill.name).toMatch(/^superbill-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}-.+\.pdf$/);
  for (const expected of [
    'Superbill',
    `${patient.legalLastName}, ${patient.legalFirstName}`,
    'Date of birth',
    'Insured', // pdftotext here may drop the ’ of “Insured’s ID”
    'Lakeshore Run & Spine Physical Therapy',
    '(312) 555-0142',
    'Billing NPI (type 2) 1234567893',
    'Tax ID (EIN) 36-1234567',
    'Place of service 11 (office)',
    'NPI (type 1)',
    'Diagnoses (ICD-10-CM)',
    'A. M',
    ' GP ',
    'Total charges',
    'Amount paid',
    'Balance due',
    'I certify that I rendered the services listed above',
  ]) {
    expect(superbill.text, expected).toContain(expected);
  }
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();

  // A patient whose primary coverage is Medicare Part B: the flag on the chart, the ABN reminder, no superbill.
  const medicare = await api<{ id: number }>(page, 'patients.create', { legalFirstName: 'Walter', legalLastName: 'Kowalski', dateOfBirth: '1950-02-11', sex: 'male', medicareBeneficiary: true, addressLine1: '1 Elm St', city: 'Chicago', region: 'IL', postalCode: '60610' });
  await page.goto(`${demoServer.url.split('#')[0]}#/patients/${medicare.id}/details`);
  await expect(page.getByText('Medicare Part B primary')).toBeVisible();
  await page.getByRole('button', { name: 'Medicare: ABN reminder' }).click();
  await expect(page.getByTestId('medicare-refusal')).toContainText('cannot opt out of Medicare');
  await expect(page.getByTestId('medicare-refusal')).toContainText('CMS-R-131');
  await expect(page.getByRole('button', { name: 'Download superbill PDF' })).toBeDisabled();
});
