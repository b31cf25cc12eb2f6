import { test, expect, completeSetup } from './fixtures';
import { expectAccessible } from './axe';

test('first run → setup → register, find, edit, reload, archive a patient', async ({ page, server }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  // What went over the page's WebSocket and what over HTTP: a search should take the socket.
  const sockets: string[] = [];
  const sentOverSocket: string[] = [];
  const httpSearches: string[] = [];
  page.on('websocket', (ws) => {
    sockets.push(new URL(ws.url()).pathname);
    ws.on('framesent', (frame) => sentOverSocket.push(String(frame.payload)));
  });
  page.on('request', (request) => {
    if (request.url().endsWith('/api/patients.list')) httpSearches.push(request.postData() ?? '');
  });
  await page.goto(server.url);
  // The launch token leaves the address bar at once.
  await expect(page).not.toHaveURL(/token=/);
  // At 1366×768, a field reached by Tab stops above the form's sticky action bar (NPI, tax ID).
  await page.getByLabel(/^Billing NPI/).focus();
  const npi = (await page.getByLabel(/^Billing NPI/).boundingBox())!;
  const bar = (await page.locator('.form-actions').boundingBox())!;
  expect(npi.y + npi.height).toBeLessThanOrEqual(bar.y);
  expect(await expectAccessible(page, 'setup', testInfo)).toEqual([]);
  const admin = await completeSetup(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByText(admin.name)).toBeVisible();
  await expect(nav.getByText('Admin', { exact: true })).toBeVisible();
  await expect(page.getByText('No patients yet — add the first one')).toBeVisible();

  // Register José Álvarez.
  await page.getByRole('link', { name: 'New patient' }).first().click();
  await expect(page.getByRole('heading', { name: 'New patient' })).toBeVisible();
  await expectAccessible(page, 'new patient form', testInfo);
  await page.getByLabel('Legal first name').fill('José');
  await page.getByLabel('Legal last name').fill('Álvarez');
  await page.getByLabel('Date of birth').fill('3/7/1985');
  await page.getByLabel('Sex').selectOption('male');
  await page.getByLabel(/^Phone/).fill('(217) 555-0134');
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Register patient' }).click();

  // The chart opens with the header.
  await expect(page.getByRole('heading', { level: 1, name: 'Álvarez, José' })).toBeVisible();
  await expect(page.getByText('RB000001')).toBeVisible();
  await expectAccessible(page, 'chart: details', testInfo);

  // Find it by a partial, accent-free name.
  await page.getByRole('link', { name: '← Patients' }).click();
  const search = page.getByRole('searchbox', { name: 'Search patients' });
  await expect(search).toBeFocused();
  await search.fill('alva');
  const row = page.getByRole('row').filter({ hasText: 'Álvarez, José' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Mar 7, 1985');
  await expect(page.getByTestId('patient-count')).toHaveText('1 match');
  // The page opened one WebSocket (the CSP's connect-src 'self' lets it through) and the search went over it.
  expect(sockets).toEqual(['/api/socket']);
  expect(sentOverSocket.some((m) => m.includes('"channel":"patients.list"') && m.includes('alva'))).toBe(true);
  expect(httpSearches.filter((body) => body.includes('alva'))).toEqual([]);
  await expectAccessible(page, 'patient list', testInfo);
  await search.press('Enter');

  // Edit a field and save with Ctrl+S.
  await expect(page.getByRole('heading', { level: 1, name: 'Álvarez, José' })).toBeVisible();
  await page.getByLabel('Preferred name').fill('Pepe');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByText(/^Saved at/)).toBeVisible();
  await expect(page.getByText('goes by “Pepe”')).toBeVisible();

  // A reload keeps the session, the place and the edit.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Álvarez, José' })).toBeVisible();
  await expect(page.getByLabel('Preferred name')).toHaveValue('Pepe');

  // Ctrl+K finds a patient from anywhere.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('searchbox', { name: 'Search patients' })).toBeFocused();
  await page.getByRole('searchbox', { name: 'Search patients' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Álvarez, José' })).toBeVisible();

  // Archive (with a confirmation) → gone from the default list, there with Show archived.
  await page.getByRole('button', { name: 'Archive' }).click();
  const dialog = page.getByRole('dialog', { name: 'Archive this patient?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Archive patient' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Archived', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: '← Patients' }).click();
  await page.getByRole('searchbox', { name: 'Search patients' }).fill('');
  await expect(page.getByText('No patients yet — add the first one')).toBeVisible();
  await page.getByLabel('Show archived').check();
  const archived = page.getByRole('row').filter({ hasText: 'Álvarez, José (Pepe)' });
  await expect(archived).toBeVisible();
  await expect(archived.getByText('Archived')).toBeVisible();
});
