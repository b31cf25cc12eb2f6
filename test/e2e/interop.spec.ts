import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, signIn, DEMO } from './fixtures';
import { expectAccessible } from './axe';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

const CSV = [
  'Surname,Given name,DOB,Gender,Mobile',
  'Đặng,Thị Hoa,03/07/1985,F,(312) 555-0101',
  'Ødegård,Søren,Mar 9 1979,M,',
  ',Nameless,1990-01-01,F,',
  'Lefèvre,François,02/30/1985,M,',
].join('\r\n');

test('an admin imports patients from a CSV: a row with problems blocks the import until left out; the chart exports as a FHIR bundle', async ({ page, demoServer }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(demoServer.url);
  await signIn(page, DEMO.admin.username, DEMO.admin.password);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Import and export' }).click();

  await page.getByLabel('CSV file').setInputFiles({ name: 'old-system.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(page.getByText('old-system.csv: 4 rows, 5 columns')).toBeVisible();
  // Suggested from the header: Surname → last name, Given name → first name, DOB, Gender, Mobile.
  await expect(page.getByLabel('Legal last name')).toHaveValue('Surname');
  await expect(page.getByLabel('Date of birth')).toHaveValue('DOB');
  await page.getByRole('button', { name: 'Check the rows' }).click();

  const rows = page.getByTestId('import-row');
  await expect(rows).toHaveCount(4);
  await expect(page.getByText('2 ready to import')).toBeVisible();
  await expect(rows.filter({ hasText: 'Legal last name is required' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '“02/30/1985” is not a date' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Import 2 patients' })).toBeDisabled();
  await expectAccessible(page, 'Settings → Import patients', testInfo);
  if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: `${OUT}import-patients.png` });

  await page.getByRole('button', { name: 'Leave out the rows with problems' }).click();
  await expect(page.getByLabel('Leave out row 4')).toBeChecked();
  await page.getByRole('button', { name: 'Import 2 patients' }).click();
  await expect(page.getByText(/^Imported 2 patients \(RB\d+ to RB\d+\); 2 rows left out\./)).toBeVisible();

  // The whole clinic as CSV, from the same screen.
  const zip = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV (zip)' }).click();
  expect((await zip).suggestedFilename()).toMatch(/\.csv\.zip$/);
  await expect(page.getByText(/is in your downloads \(\d+ CSV files: 302 patients, /)).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('searchbox').fill('Søren');
  await expect(page.getByText('Ødegård, Søren')).toBeVisible();

  // A chart's record leaves as FHIR: the Export button, the format, a download.
  await page.evaluate(() => {
    window.location.hash = '#/patients/7/notes';
  });
  await page.getByRole('button', { name: /^Export/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Export .*’s record$/ });
  await expect(dialog.getByLabel(/FHIR R4 bundle/)).toBeChecked();
  await expectAccessible(page, 'the export dialog', testInfo);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/-RB000007-\d{4}-\d{2}-\d{2}\.fhir\.json$/);
  const bundle = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { resourceType: string; entry: { resource: { resourceType: string } }[] };
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundle.entry.filter((e) => e.resource.resourceType === 'DocumentReference').length).toBeGreaterThan(0);
  await expect(dialog.getByText(/is in your downloads \(FHIR R4 bundle: 1 Patient, /)).toBeVisible();
  if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: `${OUT}export.png` });
});
