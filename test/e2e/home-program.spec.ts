import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expectAccessible } from './axe';
import { test, expect, signIn, DEMO } from './fixtures';

// A therapist builds a demo runner's home program on the chart's Home program tab: a suggestion from
// the reassessment, an exercise from the library, the order changed by keyboard, saved as a new
// version, and the version before it opened read-only. SHOTS=dir keeps pictures at both sizes.
const shots = process.env.SHOTS;
test.setTimeout(120_000);

/** The runner whose latest reassessment holds the Thomas gate while the program lacks its stretch. */
function runnerWithPendingStretch(dataDir: string): string {
  const db = new Database(join(dataDir, 'runback.sqlite'), { readonly: true });
  try {
    const row = db
      .prepare(
        `select p.mrn from patients p
         where exists (select 1 from run_plans r where r.patient_id = p.id)
           and exists (select 1 from reassessment_measures m join reassessments a on a.id = m.reassessment_id
                       where a.patient_id = p.id and m.code = 'thomas_hip_angle' and m.value_number >= 8
                         and a.assessed_on = (select max(assessed_on) from reassessments b where b.patient_id = p.id))
           and not exists (select 1 from home_program_items i join home_program_versions v on v.id = i.program_version_id
                           where v.patient_id = p.id and i.exercise_key = 'hip-flexor-stretch'
                             and v.version = (select max(version) from home_program_versions w where w.patient_id = p.id))
         order by p.id limit 1`,
      )
      .get() as { mrn: string } | undefined;
    if (!row) throw new Error('The demo has no runner whose reassessment holds the Thomas gate');
    return row.mrn;
  } finally {
    db.close();
  }
}

test('a home program built from a suggestion and the library, reordered by keyboard, saved as a new version', async ({ page, demoServer }, testInfo) => {
  const mrn = runnerWithPendingStretch(demoServer.dataDir);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(demoServer.url);
  await signIn(page, DEMO.therapist.username, DEMO.therapist.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  const search = page.getByRole('searchbox', { name: 'Search patients' });
  await search.fill(mrn);
  await expect(page.getByTestId('patient-count')).toHaveText('1 match');
  await search.press('Enter');
  await page.getByRole('navigation', { name: 'Chart sections' }).getByRole('link', { name: 'Home program' }).click();

  const tab = page.locator('.home-program-tab');
  // Where the print panel is mounted (renderer/src/screens/handout/HandoutPanel.tsx).
  await expect(tab.locator('section[aria-label="Handout"]')).toBeAttached();
  const history = tab.getByRole('list', { name: 'Saved versions' });
  const before = await history.getByRole('listitem').count();
  expect(before).toBeGreaterThanOrEqual(1);
  await expect(tab.getByText(new RegExp(`^Version ${before}, saved .* by `))).toBeVisible();
  const program = tab.getByRole('list', { name: 'Exercises in the program' });
  const rows = program.getByRole('listitem');
  const count = await rows.count();
  if (shots) await page.screenshot({ path: `${shots}/program-1366.png`, fullPage: true });

  // The suggestion, with its reason citing the finding, added with one click.
  const suggestion = tab.locator('.program-suggestion').filter({ hasText: 'Half-kneeling hip-flexor stretch' });
  await expect(suggestion).toContainText(/Hip extension \(modified Thomas test\): modified Thomas hip angle \d+° on the left/);
  await suggestion.getByRole('button', { name: /^Add / }).click();
  await expect(suggestion.getByText('In the program')).toBeVisible();
  await expect(rows).toHaveCount(count + 1);
  await expect(rows.last()).toContainText('Why: Hip extension (modified Thomas test)');

  // One from the library: search and filter by kind.
  await tab.getByRole('button', { name: 'Add exercise' }).click();
  const picker = page.getByRole('dialog', { name: 'Add an exercise to the program' });
  await picker.getByRole('button', { name: 'Strength' }).click();
  await picker.getByRole('searchbox', { name: 'Search exercises' }).fill('suitcase');
  await expect(picker.locator('.program-picker-card')).toHaveCount(1);
  await picker.getByRole('button', { name: 'Add Suitcase carry' }).click();
  await expect(picker.getByRole('button', { name: 'Suitcase carry is in the program' })).toBeDisabled();
  if (shots) await page.screenshot({ path: `${shots}/picker-1366.png` });
  await expectAccessible(page, 'exercise picker', testInfo);
  await picker.getByRole('button', { name: 'Done' }).click();
  await expect(rows).toHaveCount(count + 2);
  await expect(rows.last()).toContainText('Suitcase carry');

  // The carry to the top by keyboard: Alt+ArrowUp on the focused row, announced, focus kept on it.
  await rows.last().focus();
  for (let i = 0; i < count + 1; i++) await page.keyboard.press('Alt+ArrowUp');
  await expect(rows.first()).toContainText('Suitcase carry');
  await expect(rows.first()).toBeFocused();
  await expect(tab.getByRole('status').filter({ hasText: 'Suitcase carry moved to position 1' })).toBeAttached();
  // And one down again with its button.
  await rows.first().getByRole('button', { name: 'Move Suitcase carry down' }).click();
  await expect(rows.nth(1)).toContainText('Suitcase carry');
  // And by drag: the first exercise dropped on the second swaps them.
  const firstTitle = ((await rows.first().locator('.program-item-title').textContent()) ?? '').replace(/^1\.\s*/, '');
  await rows.first().locator('.program-drag-handle').dragTo(rows.nth(1));
  await expect(rows.first()).toContainText('Suitcase carry');
  await expect(rows.nth(1)).toContainText(firstTitle);
  await rows.nth(1).dragTo(rows.first());
  await expect(rows.nth(1)).toContainText('Suitcase carry');

  // A dose out of range is refused by field; a good one reads in words.
  await rows.nth(1).getByRole('button', { name: 'Edit the dose of Suitcase carry' }).click();
  const dose = page.getByRole('dialog', { name: 'Dose: Suitcase carry' });
  await dose.getByLabel('Seconds each set').fill('900');
  await dose.getByRole('button', { name: 'Use this dose' }).click();
  await expect(dose.getByText('Seconds is at most 600')).toBeVisible();
  await dose.getByLabel('Seconds each set').fill('40');
  await dose.getByRole('button', { name: 'Use this dose' }).click();
  await expect(dose).toBeHidden();
  await expect(rows.nth(1)).toContainText('40 seconds');

  await tab.getByRole('textbox', { name: /Comment for this version/ }).fill('Stretch added after the follow-up');
  if (shots) {
    await page.screenshot({ path: `${shots}/edited-1366.png`, fullPage: true });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: `${shots}/edited-1920.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 768 });
  }
  await expectAccessible(page, 'home program tab', testInfo);
  await tab.getByRole('button', { name: `Save as version ${before + 1}` }).click();
  await expect(tab.getByText(`Saved as version ${before + 1}.`)).toBeVisible();
  await expect(history.getByRole('listitem')).toHaveCount(before + 1);
  await expect(history.getByRole('listitem').first()).toContainText(`Version ${before + 1}`);
  await expect(history.getByRole('listitem').first()).toContainText('Marisol Reyes');
  await expect(history.getByRole('listitem').first()).toContainText('Stretch added after the follow-up');

  // The version before, read-only, as it was.
  await history.getByRole('button', { name: `Open version ${before}` }).click();
  const old = page.getByRole('dialog', { name: `Home program, version ${before}` });
  await expect(old.getByText(/read-only/)).toBeVisible();
  await expect(old.getByRole('list', { name: `Exercises in version ${before}` }).getByRole('listitem')).toHaveCount(count);
  await expect(old).not.toContainText('Suitcase carry');
  await expect(old.getByRole('button', { name: /Move|Edit|Remove/ })).toHaveCount(0);
  if (shots) await page.screenshot({ path: `${shots}/old-version-1366.png` });
});
