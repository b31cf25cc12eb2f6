import { fileURLToPath } from 'node:url';
import { test, expect, signIn, DEMO } from './fixtures';
import { expectAccessible } from './axe';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

test('an admin backs up, encrypts, restores a backup (losing what came after it), reads what came back and signs in again', async ({ page, demoServer }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(demoServer.url);
  await signIn(page, DEMO.admin.username, DEMO.admin.password);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Backups' }).click();

  // The app took a daily backup when it started.
  const table = page.getByRole('table', { name: 'Backups in the backup folder' });
  await expect(table.getByRole('row').filter({ hasText: 'Daily (automatic)' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Encrypt backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Encrypt backups with a passphrase' });
  await dialog.getByLabel('Passphrase', { exact: true }).fill('short');
  await dialog.getByLabel('Type it again').fill('different');
  await dialog.getByRole('button', { name: 'Encrypt backups' }).click();
  await expect(dialog.getByText('Use at least 12 characters')).toBeVisible();
  await dialog.getByLabel('Passphrase', { exact: true }).fill('riverside clinic lamp 42');
  await dialog.getByLabel('Type it again').fill('riverside clinic lamp 42');
  await dialog.getByRole('button', { name: 'Encrypt backups' }).click();
  await expect(page.getByText('Backups from now on are encrypted with the new passphrase.')).toBeVisible();

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText(/^Backed up to .*-manual\.runbackup \(\d+(\.\d)? (kB|MB), encrypted\); the copy passed SQLite’s integrity check\.$/)).toBeVisible();
  await expect(page.getByText(/^Encrypted with the clinic’s passphrase/)).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Backed up by hand' })).toHaveCount(1);
  await expectAccessible(page, 'Settings → Backups', testInfo);
  if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: `${OUT}backups.png` });

  // Something entered after the backup: the restore takes the clinic back to before it.
  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Add user' }).click();
  await page.getByLabel('Full name').fill('Đặng Trọng Tấn');
  await page.getByLabel('Username').fill('tan');
  await page.getByLabel('First password').fill('tan-password-1');
  await page.getByLabel('Confirm password').fill('tan-password-1');
  await page.getByRole('dialog').getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByText('Đặng Trọng Tấn can now sign in as “tan”.')).toBeVisible();

  await page.getByRole('link', { name: 'Backups' }).click();
  await table.getByRole('row').filter({ hasText: 'Backed up by hand' }).getByRole('button', { name: /^Restore…/ }).click();
  const restore = page.getByRole('dialog', { name: /^Restore the backup of .*, \d{1,2}:\d{2} (AM|PM)\?$/ });
  await expect(restore.getByText('The current database is kept aside first')).toBeVisible();
  await expectAccessible(page, 'the restore dialog', testInfo);
  await restore.getByRole('button', { name: 'Restore' }).click();
  await expect(
    page.getByText(/^The clinic was restored from runback-.*-manual\.runbackup \(taken .*\): 300 patients, [\d,]+ appointments, [\d,]+ logged runs, [\d,]+ notes?\. The database as it was before is kept: Settings → Backups can undo this restore\. Sign in again\.$/),
  ).toBeVisible();
  if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: `${OUT}restored.png` });

  // The user added after the backup is gone with it; the undo is offered.
  await signIn(page, 'tan', 'tan-password-1');
  await expect(page.getByText(/username or password/i)).toBeVisible();
  await signIn(page, DEMO.admin.username, DEMO.admin.password);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('button', { name: 'Undo the last restore' })).toBeVisible();
});
