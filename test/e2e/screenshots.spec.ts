import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator } from '@playwright/test';
import { test, expect, signIn, withDemoServer, DEMO } from './fixtures';
import { addDays, isoWeekday } from '../../shared/schedule/clinic-time';
import { todayIn } from '../../shared/util/dates';
import { SHARED_ACTIVITY_FIXTURES } from '../fixture-dirs';
import { choosePatient, column, drag, goToDate, points, REYES, ZONE } from './schedule-helpers';

// Pictures of the main screens for the README and reviews: SCREENSHOTS=1 npx playwright test screenshots
const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

test.describe('screenshots', () => {
  test.skip(process.env.SCREENSHOTS !== '1', 'only with SCREENSHOTS=1');
  test.setTimeout(90_000);
  test.beforeAll(() => mkdirSync(OUT, { recursive: true }));

  test('first-run setup', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Set up your clinic' })).toBeVisible();
    await page.getByLabel('Clinic name').fill('Riverside Run Clinic');
    await page.getByLabel('Clinic name').blur();
    await page.screenshot({ path: `${OUT}setup.png` });
  });

  test('demo clinic: sign-in, patient list, form with an error, lock screen, users', async ({ page }) => {
    await withDemoServer(2000, 1, async (demo) => {
      await page.goto(demo.url);
      await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
      await page.screenshot({ path: `${OUT}sign-in.png` });

      await signIn(page, DEMO.admin.username, DEMO.admin.password);
      await expect(page.getByTestId('patient-count')).toHaveText('2,000 patients');
      await page.getByRole('searchbox', { name: 'Search patients' }).press('ArrowDown');
      await page.getByRole('searchbox', { name: 'Search patients' }).press('ArrowDown');
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${OUT}patients.png` });

      await page.keyboard.press('Alt+N');
      await page.getByLabel('Legal first name').fill('Maria');
      await page.getByLabel('Date of birth').fill('3/7/2999');
      await page.getByLabel('Sex').selectOption('female');
      await page.getByRole('radio', { name: 'Yes' }).check();
      await page.getByRole('button', { name: 'Register patient' }).click();
      await expect(page.getByText('Date of birth is in the future')).toBeVisible();
      await page.screenshot({ path: `${OUT}patient-form-error.png` });

      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Leave without saving' }).click();
      await page.getByRole('link', { name: 'Users' }).click();
      await expect(page.getByRole('table')).toBeVisible();
      await page.screenshot({ path: `${OUT}users.png` });

      await page.getByRole('button', { name: 'Lock' }).click();
      await expect(page.getByRole('heading', { name: /^Locked/ })).toBeVisible();
      await page.screenshot({ path: `${OUT}locked.png` });
    });
  });

  test('schedule: day by therapist and by room, week, booking, a refused move, the series question, waitlist matches, day sheet', async ({ page }) => {
    test.setTimeout(150_000);
    await withDemoServer(2000, 1, async (demo) => {
      await page.goto(demo.url);
      await signIn(page, DEMO.frontDesk.username, DEMO.frontDesk.password);
      const day = showcaseDay();
      await goToDate(page, day);
      await page.getByLabel('Go to date').blur();
      await expect(page.locator('.appt').first()).toBeVisible();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${OUT}schedule-day.png` });

      await page.getByRole('button', { name: 'By room' }).click();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${OUT}schedule-day-rooms.png` });
      await page.getByRole('button', { name: 'By therapist' }).click();

      await page.keyboard.press('w');
      await expect(page.locator('.sched-group')).toHaveCount(7);
      await page.getByRole('button', { name: /^Waitlist/ }).click();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${OUT}schedule-week.png` });
      await page.getByRole('button', { name: /^Waitlist/ }).click();
      await page.keyboard.press('d');

      // The booking dialog: a drag on a free stretch, a patient, a weekly series.
      const reyes = column(page, REYES);
      const free = await freeStart(reyes);
      const [a, b] = await points([reyes, free + 2], [reyes, free + 40]);
      await drag(page, a!, b!);
      const book = page.getByRole('dialog', { name: 'Book an appointment' });
      await choosePatient(book, 'mar');
      await book.getByLabel('Repeat (a weekly series)').check();
      const weekday = isoWeekday(day);
      await book.getByRole('checkbox', { name: weekday === 4 ? 'Tuesday' : 'Thursday' }).check();
      await book.getByLabel('Note', { exact: false }).fill('Bring race-day shoes for the gait check');
      await expect(book.getByTestId('repeat-summary')).toBeVisible();
      await page.screenshot({ path: `${OUT}schedule-booking.png` });
      await book.getByRole('button', { name: 'Cancel', exact: true }).click();
      await page.getByRole('dialog', { name: 'Close without saving?' }).getByRole('button', { name: 'Close without saving' }).click();

      // A move onto another appointment is refused with the server's reasons.
      const movable = reyes.locator('.appt.is-movable');
      const others = reyes.locator('.appt.status-booked, .appt.status-arrived, .appt.status-completed');
      const source = await startOf(movable.first());
      let target = source;
      for (const el of await others.all()) {
        const m = await startOf(el);
        if (Math.abs(m - source) >= 60) {
          target = m;
          break;
        }
      }
      const [grab, drop] = await points([reyes, source + 5], [reyes, target + 5]);
      await drag(page, grab!, drop!);
      const seriesAsk = page.getByRole('dialog', { name: 'Move a repeating appointment' });
      if (await seriesAsk.isVisible().catch(() => false)) await seriesAsk.getByRole('button', { name: 'Move' }).click();
      await expect(page.getByRole('alert')).toContainText('was not moved');
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${OUT}schedule-conflict.png` });
      await page.getByRole('button', { name: 'Dismiss' }).click();

      // The series question when a repeating visit is dropped somewhere else.
      const repeating = page.locator('.appt.is-movable').filter({ has: page.locator('.appt-repeat') }).first();
      const col = page.locator(`.sched-col[data-column-key="${await repeating.getAttribute('data-column-key')}"]`);
      const start = await startOf(repeating);
      const [g, d] = await points([col, start + 5], [col, start + 65]);
      await drag(page, g!, d!);
      await expect(page.getByRole('dialog', { name: 'Move a repeating appointment' })).toBeVisible();
      await page.screenshot({ path: `${OUT}schedule-series.png` });
      await page.getByRole('dialog', { name: 'Move a repeating appointment' }).getByRole('button', { name: 'Cancel' }).click();

      // Cancel a visit tomorrow (or the next working day): the waitlist is offered the slot.
      await page.keyboard.press('ArrowRight');
      let upcoming = page.locator('.appt.status-booked');
      for (let i = 0; i < 4 && (await upcoming.count()) === 0; i++) {
        await page.keyboard.press('ArrowRight');
        upcoming = page.locator('.appt.status-booked');
      }
      await upcoming.first().click();
      const details = page.getByRole('dialog').filter({ has: page.getByTestId('appointment-detail') });
      await details.getByRole('button', { name: 'Cancel appointment…' }).click();
      await details.getByRole('button', { name: 'Work conflict' }).click();
      await details.getByRole('button', { name: 'Cancel appointment', exact: true }).click();
      await expect(details.getByRole('heading', { name: 'Offer the freed slot' })).toBeVisible();
      await expect(details.getByText(/Best fit first|Nobody on the waitlist/)).toBeVisible();
      await details.locator('.dialog-body').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await page.screenshot({ path: `${OUT}schedule-waitlist-matches.png` });
      await details.getByRole('button', { name: 'Close' }).click();

      // The day sheet as printed: first page, small.
      await goToDate(page, day);
      await page.getByRole('button', { name: 'Print day sheet' }).click();
      const sheet = page.getByRole('dialog', { name: /^Day sheet for/ });
      const [download] = await Promise.all([page.waitForEvent('download'), sheet.getByRole('button', { name: 'Download PDF' }).click()]);
      const dir = mkdtempSync(join(tmpdir(), 'runback-sheet-'));
      try {
        const pdf = join(dir, 'day-sheet.pdf');
        await download.saveAs(pdf);
        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, 'day-sheet')]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  test('running log, run entry, import preview with refusals, charts, the plan’s decision, clinic policy', async ({ page }) => {
    const activities = SHARED_ACTIVITY_FIXTURES;
    await withDemoServer(300, 3, async (demo) => {
      await page.goto(demo.url);
      await signIn(page, DEMO.therapist.username, DEMO.therapist.password);
      const openTab = async (id: number, tab: string) => {
        await page.evaluate((hash) => {
          window.location.hash = hash;
        }, `#/patients/${id}/${tab}`);
      };

      await openTab(1, 'running');
      await expect(page.getByTestId('run-row').first()).toBeVisible();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${OUT}running.png` });

      await page.keyboard.press('Alt+r');
      const entry = page.getByRole('dialog', { name: 'Add a run' });
      await page.keyboard.type('2.4');
      await page.keyboard.press('Tab');
      await page.keyboard.type('30:00');
      await entry.getByLabel('Run-walk pattern').fill('12 × 1:30/1:00');
      await entry.getByLabel('Run-walk pattern').press('Tab');
      await entry.getByLabel('Surface').selectOption('grass');
      await entry.getByLabel(/^Before/).fill('2');
      await entry.getByLabel(/^During/).fill('3');
      await entry.getByLabel(/^After/).fill('12');
      await entry.getByLabel(/^After/).blur();
      await expect(entry.getByText('Pain after is a number from 0 to 10')).toBeVisible();
      await page.screenshot({ path: `${OUT}running-entry.png` });
      await entry.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('dialog', { name: 'Discard this run?' }).getByRole('button', { name: 'Discard' }).click();

      await page.getByRole('button', { name: 'Import watch files' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import watch files' });
      await dialog
        .getByLabel('Choose activity files')
        .setInputFiles(['fenix2-run-9km.fit', 'tcx-running.tcx', 'cycling-not-a-run.fit', 'bad-truncated-run.fit', 'gpx10-no-times.gpx'].map((f) => join(activities, f)));
      await expect(dialog.getByTestId('import-row')).toHaveCount(5);
      await dialog.getByTestId('import-row').filter({ hasText: 'gpx10-no-times.gpx' }).getByRole('textbox').first().fill('11/20/2026');
      await dialog.locator('.import-scroll').evaluate((el) => el.scrollTo(0, 0));
      await dialog.getByRole('heading', { name: 'Import watch files' }).click();
      await page.screenshot({ path: `${OUT}running-import.png` });
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      // The charts, on a tall window so they sit below the chart header.
      await page.setViewportSize({ width: 1360, height: 2200 });
      await expect(page.getByTestId('chart-weekly').locator('.recharts-wrapper > svg')).toBeVisible();
      await page.locator('.running-charts').screenshot({ path: `${OUT}running-charts.png` });

      await openTab(2, 'plan');
      await expect(page.getByTestId('latest-decision')).toBeVisible();
      await page.getByTestId('latest-decision').screenshot({ path: `${OUT}plan-decision.png` });
      await page.setViewportSize({ width: 1360, height: 860 });
      await page.screenshot({ path: `${OUT}plan.png` });

      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page, DEMO.admin.username, DEMO.admin.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('link', { name: 'Clinic policy' }).click();
      await page.getByLabel('Fine up to (green ceiling)').fill('6');
      await page.getByRole('button', { name: 'Save clinic policy' }).click();
      await expect(page.getByText('“Fine up to (green ceiling)” must be below “Acceptable up to (amber ceiling)”')).toBeVisible();
      await page.screenshot({ path: `${OUT}clinic-policy.png` });
    });
  });

  test('a therapist’s Today and the admin’s audit log', async ({ page }) => {
    await withDemoServer(300, 3, async (demo) => {
      await page.goto(demo.url);
      await signIn(page, DEMO.therapist.username, DEMO.therapist.password);
      await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${OUT}today.png` });
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page, DEMO.admin.username, DEMO.admin.password);
      await page.evaluate(() => (window.location.hash = '#/settings/audit'));
      await expect(page.getByTestId('audit-row').first()).toBeVisible();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${OUT}audit-log.png` });
    });
  });
});

/** Today when all three demo therapists work (Tuesday to Thursday), else the last such day before it. */
function showcaseDay(): string {
  let d = todayIn(ZONE);
  while (![2, 3, 4].includes(isoWeekday(d))) d = addDays(d, -1);
  return d;
}

/** An appointment block's start in clinic minutes, read from where it sits in its column. */
async function startOf(block: Locator): Promise<number> {
  return block.evaluate((el: HTMLElement) => {
    const col = el.closest<HTMLElement>('.sched-col')!;
    return Math.round(Number(col.dataset.rangeStart) + el.offsetTop / Number(col.dataset.pxPerMinute));
  });
}

/** The first quarter hour in the column with 45 free minutes inside working time (9:00 if none is found). */
async function freeStart(col: Locator): Promise<number> {
  return col.evaluate((el: HTMLElement) => {
    const start = Number(el.dataset.rangeStart);
    const ppm = Number(el.dataset.pxPerMinute);
    const busy = [...el.querySelectorAll<HTMLElement>('.appt:not(.status-cancelled):not(.status-no_show), .sched-closed, .sched-blockout')].map((b) => ({
      from: start + b.offsetTop / ppm,
      to: start + (b.offsetTop + b.offsetHeight) / ppm,
    }));
    for (let m = start; m + 45 <= start + el.offsetHeight / ppm; m += 15) {
      if (!busy.some((b) => b.from < m + 45 && m < b.to - 1)) return m;
    }
    return 9 * 60;
  });
}
