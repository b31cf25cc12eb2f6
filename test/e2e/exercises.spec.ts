import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, signIn, DEMO } from './fixtures';
import { expectAccessible } from './axe';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const shot = async (page: Page, name: string) => {
  if (process.env.SCREENSHOTS === '1') await page.screenshot({ path: `${OUT}${name}.png` });
  if (process.env.LOOK_DIR) await page.screenshot({ path: `${process.env.LOOK_DIR}/${name}.png` });
};

test('a therapist browses the exercise library, adds the clinic’s own exercise, edits it into a new version and archives it', async ({ page, demoServer }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(demoServer.url);
  await signIn(page, DEMO.therapist.username, DEMO.therapist.password);
  await page.getByRole('link', { name: 'Exercises' }).click();
  const list = page.getByRole('list', { name: 'Exercises' });
  await expect(list.getByRole('link')).toHaveCount(26);

  // Search and filter by kind and region.
  await page.getByRole('searchbox', { name: 'Search exercises' }).fill('bridge');
  await expect(list.getByRole('link')).toHaveCount(5);
  await page.getByRole('group', { name: 'Kind' }).getByRole('button', { name: 'Motor control' }).click();
  await expect(list.getByRole('link')).toHaveCount(0);
  await expect(page.getByText('No exercise matches.')).toBeVisible();
  await page.getByRole('group', { name: 'Kind' }).getByRole('button', { name: 'Strength' }).click();
  await expect(list.getByRole('link')).toHaveCount(5);
  await page.getByLabel('Region').selectOption('Trunk');
  await expect(list.getByRole('link')).toHaveText([/Side bridge on the knees/, /^Side bridge/, /Marching bridge/]);
  await page.getByLabel('Region').selectOption('Any');
  await page.getByRole('group', { name: 'Kind' }).getByRole('button', { name: 'All' }).click();
  await page.getByRole('searchbox', { name: 'Search exercises' }).fill('');

  // An exercise's detail with the same drawing the handout prints.
  await list.getByRole('link', { name: /Bird dog/ }).click();
  const detail = page.getByRole('article');
  await expect(detail.getByRole('heading', { name: 'Bird dog' })).toBeVisible();
  await expect(detail.getByRole('img', { name: 'Bird dog: starting position' })).toBeVisible();
  await expect(detail.getByRole('img', { name: /Bird dog: end position/ })).toBeVisible();
  await expect(detail.getByText('3 sets of 5 repetitions, holding each for 8 seconds on each side · once a day, 5 days a week')).toBeVisible();
  await expect(detail.getByRole('link', { name: 'Dead bug' })).toBeVisible();
  await expectAccessible(page, 'the exercise library', testInfo);
  await shot(page, 'exercise-library');

  // The clinic's own exercise.
  await page.getByRole('button', { name: 'Add exercise' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an exercise' });
  await dialog.getByLabel('Title').fill('Heel drops on a stair');
  await dialog.getByRole('button', { name: 'Add exercise' }).click();
  await expect(dialog.getByText('Choose at least one region')).toBeVisible();
  await dialog.getByLabel('Ankle and foot').check();
  await dialog.getByLabel('Purpose').fill('Loads the calf slowly, as running lands on it.');
  await dialog.getByLabel('Starting position').fill('Stand on the edge of a stair, holding the rail.');
  await dialog.getByLabel('Steps').fill('Rise on both feet.\nLower slowly on one.');
  await dialog.getByLabel('Cues').fill('Three seconds down\nKnee straight');
  await dialog.getByLabel('Common errors').fill('Dropping fast');
  await dialog.getByLabel('Repetitions').fill('12');
  await dialog.getByLabel('On each side').check();
  await dialog.getByLabel('Easier versions').selectOption({ label: 'Calf raise' });
  await dialog.getByLabel('Drawing').selectOption({ label: 'Calf raise' });
  await shot(page, 'exercise-editor');
  await dialog.getByRole('button', { name: 'Add exercise' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.getByRole('heading', { name: 'Heel drops on a stair' })).toBeVisible();
  await expect(detail.getByText('Clinic’s own, version 1')).toBeVisible();
  await expect(detail.getByText('2 sets of 12 repetitions on each side · once a day, 3 days a week')).toBeVisible();

  // An edit is a new version; the old one stays in the history.
  await detail.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Heel drops on a stair' });
  await edit.getByLabel('Repetitions').fill('15');
  await edit.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(edit).toBeHidden();
  await expect(detail.getByText('Clinic’s own, version 2')).toBeVisible();
  await detail.getByText('Versions (2)').click();
  await expect(detail.getByText('Version 1', { exact: true })).toBeVisible();
  await shot(page, 'exercise-versions');

  // Archived, not deleted: hidden from the list until asked for.
  await detail.getByRole('button', { name: 'Archive' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
  await expect(detail.getByText('Archived')).toBeVisible();
  await expect(list.getByRole('link', { name: /Heel drops/ })).toHaveCount(0);
  await page.getByLabel('Show archived').check();
  await expect(list.getByRole('link', { name: /Heel drops/ })).toHaveCount(1);
});
