import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, signIn, DEMO } from './fixtures';
import { expectAccessible } from './axe';
import { addDays, startOfWeek } from '../../shared/clinical/calendar';
import { todayIn } from '../../shared/util/dates';
import { answerNoToTheRest, openChart } from './chart';
import { SHARED_ACTIVITY_FIXTURES } from '../fixture-dirs';

// Real activity files, beside the clone (CI checks them out next to it).
const ACTIVITIES = SHARED_ACTIVITY_FIXTURES;
const file = (name: string) => path.join(ACTIVITIES, name);

test('a therapist adds a run by keyboard and sees it with its pace; edits, deletes and undoes', async ({ page, demoServer }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(demoServer.url);
  await signIn(page, DEMO.therapist.username, DEMO.therapist.password);
  await openChart(page, 'RB000007', 'Running');
  await expect(page.getByRole('heading', { name: 'No runs yet — add one or import a watch file' })).toBeVisible();

  // Alt+R opens the form with the cursor in Distance; the date is today.
  await page.keyboard.press('Alt+r');
  const dialog = page.getByRole('dialog', { name: 'Add a run' });
  await expect(dialog.getByLabel('Distance (mi)')).toBeFocused();
  // At 1366×768 the whole form does not fit, but its Save button stays on screen.
  await expect(dialog.getByRole('button', { name: 'Save run' })).toBeInViewport();
  await expectAccessible(page, 'add a run', testInfo);
  await page.keyboard.type('3.1');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Duration')).toBeFocused();
  await page.keyboard.type('30:00');
  await expect(dialog.getByTestId('live-pace')).toHaveText('9:41 /mi');
  // A run-walk pattern fills run and walk time; the running-only pace is then an estimate.
  await dialog.getByLabel('Run-walk pattern').fill('10 × 2:00/1:00');
  await dialog.getByLabel('Run-walk pattern').press('Tab');
  await expect(dialog.getByLabel('Total run time')).toHaveValue('20:00');
  await expect(dialog.getByLabel('Total walk time')).toHaveValue('10:00');
  await expect(dialog.getByTestId('live-pace')).toHaveText(/^≈ \d+:\d\d \/mi$/);
  await dialog.getByLabel('During').fill('2');
  await dialog.getByLabel('Next morning').fill('11');
  await dialog.getByLabel('Next morning').press('Enter');
  await expect(dialog.getByText('Pain next morning is a number from 0 to 10')).toBeVisible();
  await dialog.getByLabel('Next morning').fill('1');
  await dialog.getByLabel('Next morning').press('Enter');
  await expect(dialog).toBeHidden();

  const row = page.getByTestId('run-row').first();
  await expect(row).toContainText('3.10 mi');
  await expect(row).toContainText('30:00');
  await expect(row).toContainText('20:00 run · 10:00 walk');
  await expect(row.getByTestId('run-pace')).toHaveText(/≈ \d+:\d\d \/mi/);
  await expect(row.getByText('During: 2 of 10, fine')).toBeAttached();

  // Edit with Ctrl+S.
  await row.getByRole('button', { name: /^Edit/ }).click();
  const edit = page.getByRole('dialog', { name: /^Edit the run on/ });
  await edit.getByLabel('Distance (mi)').fill('3.5');
  await edit.getByLabel('Distance (mi)').press('Control+s');
  await expect(edit).toBeHidden();
  await expect(row).toContainText('3.50 mi');

  // Delete, then Undo from the toast.
  await row.getByRole('button', { name: /^Delete/ }).click();
  await expect(page.getByRole('heading', { name: 'No runs yet — add one or import a watch file' })).toBeVisible();
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('run-row')).toHaveCount(1);
  await expect(page.getByTestId('run-row').first()).toContainText('3.50 mi');
});

test('imports a FIT file, shows refused files with their reason, and draws the charts', async ({ page, demoServer }, testInfo) => {
  await page.goto(demoServer.url);
  await signIn(page, DEMO.therapist.username, DEMO.therapist.password);
  await openChart(page, 'RB000001', 'Running');
  await expect(page.getByTestId('run-row')).not.toHaveCount(0);
  const logged = Number(await page.getByTestId('logged-count').textContent());

  await page.getByRole('button', { name: 'Import watch files' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import watch files' });
  await dialog.getByLabel('Choose activity files').setInputFiles([file('fenix2-run-9km.fit'), file('cycling-not-a-run.fit'), file('bad-truncated-run.fit')]);
  const rows = dialog.getByTestId('import-row');
  await expect(rows).toHaveCount(3);
  const fenix = rows.filter({ hasText: 'fenix2-run-9km.fit' });
  await expect(fenix).toContainText('Ready');
  await expect(fenix).toContainText('5.60 mi');
  await expect(fenix).toContainText('47:12');
  await expectAccessible(page, 'import preview', testInfo);
  const truncated = rows.filter({ hasText: 'bad-truncated-run.fit' });
  await expect(truncated).toContainText('Refused');
  await expect(truncated).toContainText('damaged or cut short');
  const cycling = rows.filter({ hasText: 'cycling-not-a-run.fit' });
  await expect(cycling).toContainText('Not a run');
  await expect(cycling.getByLabel('What to do with cycling-not-a-run.fit')).toHaveValue('skip');

  await dialog.getByRole('button', { name: 'Import 1 activity' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Imported 1 activity; 2 skipped.')).toBeVisible();
  await expect(page.getByTestId('logged-count')).toHaveText(String(logged + 1));

  // The charts are drawn as SVG (they print crisply).
  for (const id of ['chart-weekly', 'chart-speed', 'chart-pain', 'chart-surface']) {
    await expect(page.getByTestId(id).locator('.recharts-wrapper > svg')).toBeVisible();
  }
  await expect(page.getByTestId('chart-weekly')).toContainText('research context, not a target');
  await expect(page.getByTestId('chart-weekly').locator('.recharts-bar-rectangle').first()).toBeAttached();
  // The research-context key sits above the plot, not under the data; dots at the edges are drawn whole.
  const weekly = page.getByTestId('chart-weekly');
  const key = (await weekly.locator('.chart-key').boundingBox())!;
  const plot = (await weekly.locator('.recharts-wrapper > svg').boundingBox())!;
  expect(key.y + key.height).toBeLessThanOrEqual(plot.y + 1);
  await expect(page.getByTestId('chart-weekly')).not.toContainText(/\d km\b(?! in the study)/);
  for (const id of ['chart-speed', 'chart-pain']) {
    const grid = (await page.getByTestId(id).locator('.recharts-cartesian-grid').boundingBox())!;
    const dots = await page.getByTestId(id).locator('.recharts-scatter-symbol path, .recharts-line-dot').all();
    expect(dots.length, id).toBeGreaterThan(0);
    for (const dot of dots) {
      const b = (await dot.boundingBox())!;
      expect(b.x, id).toBeGreaterThanOrEqual(grid.x - 0.5);
      expect(b.x + b.width, id).toBeLessThanOrEqual(grid.x + grid.width + 0.5);
    }
  }

  await expectAccessible(page, 'running tab with charts', testInfo);
  // The imported run is in the log, from the file, with its intervals.
  const imported = page.getByTestId('run-row').filter({ hasText: 'fenix2-run-9km.fit' });
  await expect(imported).toContainText('Aug 15, 2015');
  await expect(imported).toContainText('5.60 mi');
  await expect(imported.getByRole('button', { name: /^Intervals/ })).toBeVisible();
  // At 1366×768 the log does not run off the screen sideways: Delete stays on it.
  await page.setViewportSize({ width: 1366, height: 768 });
  await imported.scrollIntoViewIfNeeded();
  const del = (await imported.getByRole('button', { name: /^Delete/ }).boundingBox())!;
  expect(del.x + del.width).toBeLessThanOrEqual(1366);
  expect(await page.evaluate(() => document.querySelector('main')!.scrollWidth <= document.querySelector('main')!.clientWidth)).toBe(true);
});

test('the import preview says how intervals were found, names a second copy as a duplicate, and imports a very short run only when confirmed', async ({ page, demoServer }) => {
  await page.goto(demoServer.url);
  await signIn(page, DEMO.therapist.username, DEMO.therapist.password);
  await openChart(page, 'RB000003', 'Running');
  await page.getByRole('button', { name: 'Import watch files' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import watch files' });
  const payload = (name: string, from = name) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(file(from)) });
  await dialog.getByLabel('Choose activity files').setInputFiles([payload('fenix2-run-9km.fit'), payload('fenix2-copy.fit', 'fenix2-run-9km.fit'), payload('fenix5-run-short.fit')]);
  const rows = dialog.getByTestId('import-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("Run and walk told apart by this session's own two step rates (127 and 166 steps a minute).");
  await expect(rows.nth(1)).toContainText('Duplicate');
  await expect(rows.nth(1)).toContainText('The same activity as fenix2-run-9km.fit, earlier in this import: skipped.');
  const short = rows.nth(2);
  await expect(short).toContainText('Confirm');
  await expect(short).toContainText('This lasted only 0:57 and covered 0.10 mi — was the watch started by accident?');
  await expect(dialog.getByRole('button', { name: 'Import 1 activity' })).toBeEnabled();
  await short.getByLabel('Confirm fenix5-run-short.fit?').selectOption('import');
  await dialog.getByRole('button', { name: 'Import 2 activities' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Imported 2 activities; 1 skipped.')).toBeVisible();
});

test('the plan shows the decision with every reason and source; a therapist overrides with a reason', async ({ page, demoServer }, testInfo) => {
  await page.goto(demoServer.url);
  await signIn(page, DEMO.therapist.username, DEMO.therapist.password);

  // A demo patient with reviewed weeks: the latest decision, its reasons with sources and grades, and the demo's override in the history.
  await openChart(page, 'RB000002', 'Plan');
  // The header shows where the patient stands on the ladder (ux.md: the plan step among the flags).
  await expect(page.getByTestId('plan-flag')).toHaveText(/^Plan: rung \d+ of 10 · Run /);
  const latest = page.getByTestId('latest-decision');
  await expect(latest.getByTestId('decision-view')).toBeVisible();
  const reasons = latest.getByTestId('reason');
  expect(await reasons.count()).toBeGreaterThan(1);
  await expect(reasons.first().locator('.grade')).toBeVisible();
  await expect(reasons.first().locator('.reason-rule')).toHaveText(/^[a-z-]+\.[a-z-.]+$/);
  await expect(latest.getByRole('heading', { name: /^Research context/ })).toBeVisible();
  await expectAccessible(page, 'plan tab', testInfo);
  // At 1366×768 the plan flag wraps in the header instead of running into Archive.
  await page.setViewportSize({ width: 1366, height: 768 });
  const flag = (await page.getByTestId('plan-flag').boundingBox())!;
  const archive = (await page.getByRole('button', { name: 'Archive' }).boundingBox())!;
  expect(flag.x + flag.width).toBeLessThanOrEqual(archive.x);
  // Only the screen's own area scrolls: nothing on the long tab stretches the window itself (a blank page below).
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
  await page.setViewportSize({ width: 1360, height: 860 });
  await expect(page.getByRole('table', { name: 'Plan history' })).toContainText('Travelling for work next week: keep the same rung.');

  // A new plan that began two weeks ago: its first week can be reviewed now.
  const today = todayIn('America/Chicago');
  const start = addDays(startOfWeek(today, 'monday'), -14);
  const [y, m, d] = start.split('-');
  await openChart(page, 'RB000008', 'Plan');
  await expect(page.getByRole('heading', { name: 'Start a run-walk plan' })).toBeVisible();
  // The red-flag screen comes first (test/e2e/red-flags.spec.ts walks through it): all clear here.
  const screen = page.getByTestId('plan-start-screen');
  await answerNoToTheRest(screen);
  await screen.getByRole('button', { name: 'Save the screen' }).click();
  await expect(screen.getByText('The screen allows the plan to start.')).toBeVisible();
  await page.getByLabel('Start date').fill(`${m}/${d}/${y}`);
  await page.getByRole('radio', { name: /Rung 2/ }).check();
  await page.getByLabel('The patient’s usual pain (0–10)').fill('2');
  await page.getByRole('button', { name: 'Start the plan' }).click();
  await expect(page.getByTestId('this-week')).toContainText('Run 30 seconds, walk 1 minute 30 seconds, 15 times');

  const checkIn = page.getByTestId('check-in');
  await answerNoToTheRest(checkIn);
  await checkIn.getByRole('button', { name: 'Save the screen' }).click();
  await expect(checkIn.getByText('No red flags: every question answered no.')).toBeVisible();
  await page.getByRole('button', { name: 'Review the week' }).click();
  const decision = page.getByTestId('latest-decision');
  await expect(decision.locator('.decision-head [data-decision="hold"]')).toBeVisible();
  await expect(decision.getByTestId('reason').filter({ hasText: 'No runs were logged this week' })).toContainText('planner.no-runs');

  await decision.getByRole('button', { name: 'Override…' }).click();
  const override = page.getByRole('dialog', { name: 'Override the planner’s decision' });
  await override.getByRole('radio', { name: /Progress/ }).check();
  await override.getByRole('button', { name: 'Override' }).click();
  await expect(override.getByText('Give the reason for overriding')).toBeVisible();
  await expectAccessible(page, 'override dialog', testInfo);
  await override.getByLabel('Reason').fill('Ran pain-free twice at home; the log was not kept.');
  await override.getByRole('button', { name: 'Override' }).click();
  await expect(override).toBeHidden();
  await expect(page.getByText('Override saved, with its reason.')).toBeVisible();

  const history = page.getByRole('table', { name: 'Plan history' });
  const week1 = history.getByTestId('history-row').first();
  await expect(week1).toContainText('Hold');
  await expect(week1).toContainText('Progress');
  await expect(week1).toContainText(`Override by ${DEMO.therapist.name}`);
  await expect(week1).toContainText('Ran pain-free twice at home; the log was not kept.');
  // Week 2 is on the next rung.
  await expect(history.getByTestId('history-row').nth(1)).toContainText('Rung 3 of 10');
});

test('the front desk does not see the Running and Plan tabs at all, and reads the clinic policy without editing it', async ({ page, demoServer }, testInfo) => {
  await page.goto(demoServer.url);
  await signIn(page, DEMO.frontDesk.username, DEMO.frontDesk.password);
  await page.evaluate(() => {
    window.location.hash = '#/patients/1/running';
  });
  await expect(page.getByText('RB000001', { exact: true })).toBeVisible();
  // Notes is there for the front desk too, showing only that notes exist and their billing lines; and Billing.
  await expect(page.getByRole('navigation', { name: 'Chart sections' }).getByRole('link')).toHaveText(['Notes', 'Handouts', 'Billing', 'Details']);
  await expect(page.getByRole('heading', { name: 'Running log' })).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Clinic policy' }).click();
  await expect(page.getByText('Only an admin can change the clinic policy.')).toBeVisible();
  // The rules are grouped by area and folded: the screen reads in one go; an area opens on a click.
  expect(await page.evaluate(() => document.querySelector('main')!.scrollHeight)).toBeLessThan(2000);
  await page.getByTestId('policy-area-planner').locator(':scope > summary').click();
  const caution = page.getByTestId('policy-rule').filter({ hasText: 'planner.caution-window' });
  await expect(caution).toBeVisible();
  await expect(caution).toContainText('Caution window: off');
  await expectAccessible(page, 'clinic policy (read only)', testInfo);
  await expect(caution).toContainText("ASTEROID's published results do not report it");
  await expect(caution.locator('.grade')).toHaveText('Clinic policy');
  await expect(page.getByRole('button', { name: 'Save clinic policy' })).toHaveCount(0);
});
