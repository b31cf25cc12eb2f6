import type { Locator } from '@playwright/test';
import { test, expect, signIn, DEMO } from './fixtures';
import { expectAccessible } from './axe';
import { api, appointment, choosePatient, column, createPatient, drag, goToDate, OKAFOR, pdfText, points, quietTuesday, REYES, typed } from './schedule-helpers';

test('the front desk books by dragging on an empty slot, moves it by drag to another time and therapist, and a clash is refused with its reason', async ({ page, demoServer }, testInfo) => {
  await page.goto(demoServer.url);
  await signIn(page, DEMO.frontDesk.username, DEMO.frontDesk.password);
  // The front desk starts on the schedule.
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' })).toHaveAttribute('aria-current', 'page');
  const juno = await createPatient(page, 'Juno', 'Parkhurst');
  const otto = await createPatient(page, 'Otto', 'Valemont');
  const day = quietTuesday();
  await goToDate(page, day);
  const reyes = column(page, REYES);
  const okafor = column(page, OKAFOR);
  await expectAccessible(page, 'schedule: day', testInfo);

  // Book: drag 9:00 → 10:00 in Marisol Reyes's column.
  const [from, to] = await points([reyes, 9 * 60 + 2], [reyes, 9 * 60 + 58]);
  await drag(page, from!, to!);
  const book = page.getByRole('dialog', { name: 'Book an appointment' });
  await expect(book.getByLabel('Therapist')).toHaveValue(await optionValue(book.getByLabel('Therapist'), REYES));
  await expect(book.getByLabel('Date')).toHaveValue(typed(day));
  await expect(book.getByLabel('Start')).toHaveValue('9:00 AM');
  await expect(book.getByLabel('Duration (minutes)')).toHaveValue('60');
  await choosePatient(book, 'Parkhurst', juno.name);
  await expectAccessible(page, 'booking dialog', testInfo);
  await book.getByRole('button', { name: 'Book appointment' }).click();
  await expect(book).toBeHidden();
  await expect(appointment(reyes, juno.name, '9:00')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Booked ${juno.name}` })).toBeVisible();
  // The keyboard lands on the new appointment, not on the page body.
  await expect(appointment(reyes, juno.name, '9:00')).toBeFocused();

  // Move: drag it to James Okafor at 11:00.
  const [grab, drop] = await points([reyes, 9 * 60 + 5], [okafor, 11 * 60 + 5]);
  await drag(page, grab!, drop!);
  await expect(page.getByRole('status').filter({ hasText: `Moved ${juno.name}` })).toContainText('with James Okafor');
  await expect(appointment(okafor, juno.name, '11:00')).toBeVisible();
  await expect(appointment(reyes, juno.name)).toHaveCount(0);

  // Another patient at 13:00 with Okafor (a click books the type's own 45 minutes).
  const [slot] = await points([okafor, 13 * 60 + 5]);
  await page.mouse.click(slot!.x, slot!.y);
  await expect(book.getByLabel('Start')).toHaveValue('1:00 PM');
  await choosePatient(book, 'Valemont', otto.name);
  await book.getByRole('button', { name: 'Book appointment' }).click();
  await expect(book).toBeHidden();
  await expect(appointment(okafor, otto.name, '1:00')).toBeVisible();

  // Drop Juno onto Otto: refused, with the server's reason, and Juno snaps back to 11:00.
  const [grab2, drop2] = await points([okafor, 11 * 60 + 5], [okafor, 12 * 60 + 50]);
  await drag(page, grab2!, drop2!);
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText(`${juno.name} was not moved`);
  await expect(refusal.getByRole('listitem')).toContainText([`James Okafor, PT, DPT is already booked 1:00 – 1:45 PM with ${otto.name}.`]);
  await expect(appointment(okafor, juno.name, '11:00')).toBeVisible();
  await expect(appointment(okafor, juno.name, '12:45')).toHaveCount(0);
  await expectAccessible(page, 'schedule: a refused move', testInfo);
});

test('cancelling frees the slot and a waitlisted patient is booked into it in one click; the day sheet prints both', async ({ page, demoServer }, testInfo) => {
  await page.goto(demoServer.url);
  await signIn(page, DEMO.frontDesk.username, DEMO.frontDesk.password);
  const wren = await createPatient(page, 'Wren', 'Tallis');
  const ada = await createPatient(page, 'Ada', 'Quillon');
  const day = quietTuesday();
  await goToDate(page, day);
  const reyes = column(page, REYES);

  // Wren goes on the waitlist for Marisol Reyes, high priority.
  await page.getByRole('button', { name: /^Waitlist/ }).click();
  const panel = page.getByRole('complementary', { name: 'Waitlist' });
  await panel.getByRole('button', { name: 'Add to waitlist' }).click();
  const add = page.getByRole('dialog', { name: 'Add to the waitlist' });
  await expect(add).toBeVisible();
  await expectAccessible(page, 'add to the waitlist', testInfo);
  await choosePatient(add, 'Tallis', wren.name);
  await add.getByLabel('Preferred therapist').selectOption({ label: REYES });
  await add.getByLabel('Priority').selectOption({ label: 'High' });
  await add.getByRole('button', { name: 'Add to waitlist' }).click();
  await expect(add).toBeHidden();
  await expect(panel.getByRole('link', { name: wren.name })).toBeVisible();
  // In the narrow panel, at 1366×768, a phone number stays on one line.
  await page.setViewportSize({ width: 1366, height: 768 });
  const phones = await panel.getByText(/^\(\d{3}\) \d{3}-\d{4}$/).all();
  expect(phones.length).toBeGreaterThan(0);
  for (const phone of phones) {
    const lineHeight = await phone.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 20);
    expect((await phone.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
  }
  await page.setViewportSize({ width: 1360, height: 860 });

  // Ada is booked at 10:00 (a click: the type's 45 minutes).
  const [slot] = await points([reyes, 10 * 60 + 5]);
  await page.mouse.click(slot!.x, slot!.y);
  const book = page.getByRole('dialog', { name: 'Book an appointment' });
  await choosePatient(book, 'Quillon', ada.name);
  await book.getByRole('button', { name: 'Book appointment' }).click();
  await expect(book).toBeHidden();

  // Ada cancels; the freed slot is offered to the waitlist, best first, and nothing is booked by itself.
  await appointment(reyes, ada.name, '10:00').click();
  const details = page.getByRole('dialog', { name: ada.name });
  await expectAccessible(page, 'appointment details', testInfo);
  await details.getByRole('button', { name: 'Cancel appointment…' }).click();
  await details.getByLabel('Reason for cancelling').fill('Work conflict');
  await details.getByRole('button', { name: 'Cancel appointment', exact: true }).click();
  await expect(details.getByText('Appointment cancelled — not late.')).toBeVisible();
  // The demo's own waitlist may hold an earlier high-priority patient for the same therapist, who
  // then ranks ahead of Wren: Wren's match is found by name, with the reasons it ranks high.
  const first = details.getByRole('listitem').filter({ hasText: wren.name });
  await expect(first).toContainText('High priority · asked for this therapist');
  await expect(appointment(reyes, wren.name)).toHaveCount(0);
  await expectAccessible(page, 'waitlist matches', testInfo);
  await first.getByRole('button', { name: `Book ${wren.name} into this slot` }).click();
  await expect(details.getByText(`Booked ${wren.name} into`)).toBeVisible();
  await details.getByRole('button', { name: 'Close' }).click();

  await expect(appointment(reyes, wren.name, '10:00')).toBeVisible();
  await expect(appointment(reyes, ada.name, '10:00')).toHaveAccessibleName(/Cancelled/);
  await expect(panel.getByRole('link', { name: wren.name })).toHaveCount(0);

  // Print Marisol Reyes's day sheet and read the PDF back.
  await page.getByRole('button', { name: 'Print day sheet' }).click();
  const sheet = page.getByRole('dialog', { name: /^Day sheet for/ });
  await expect(sheet).toBeVisible();
  await expectAccessible(page, 'day sheet dialog', testInfo);
  await sheet.getByLabel('Therapist').selectOption({ label: REYES });
  const [download] = await Promise.all([page.waitForEvent('download'), sheet.getByRole('button', { name: 'Download PDF' }).click()]);
  expect(download.suggestedFilename()).toBe(`day-sheet-${day}-marisol-reyes.pdf`);
  const text = await pdfText(download);
  expect(text).toContain(REYES);
  expect(text).toMatch(/10:00 – 10:45 AM\s+Tallis, Wren/);
  expect(text).toContain('Quillon, Ada');
  expect(text).toContain('Cancelled: Work conflict');
});

/** The value of the option whose label is given (ids differ between demo clinics). */
async function optionValue(select: Locator, label: string): Promise<string> {
  return select.locator('option', { hasText: label }).getAttribute('value') as Promise<string>;
}

test('a weekly series is booked with Repeat; dragging one visit to another day in the week view asks which visits move', async ({ page, demoServer }, testInfo) => {
  await page.goto(demoServer.url);
  await signIn(page, DEMO.frontDesk.username, DEMO.frontDesk.password);
  const kai = await createPatient(page, 'Kai', 'Ostrander');
  const tuesday = quietTuesday();
  await goToDate(page, tuesday);

  // Keyboard: N opens a booking (once the focus has left the date field); the series is said in plain words before it is booked.
  await page.getByLabel('Go to date').blur();
  await page.keyboard.press('n');
  const book = page.getByRole('dialog', { name: 'Book an appointment' });
  await choosePatient(book, 'Ostrander', kai.name);
  await book.getByLabel('Therapist').selectOption({ label: REYES });
  await book.getByLabel('Start').fill('08:30');
  await book.getByLabel('Repeat (a weekly series)').check();
  await book.getByRole('checkbox', { name: 'Thursday' }).check();
  await book.getByLabel('Number of appointments').fill('4');
  await expect(book.getByTestId('repeat-summary')).toHaveText('Every week on Tuesday and Thursday, 4 times');
  // At 1366×768 the Book button stays on screen with Repeat open.
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(book.getByRole('button', { name: 'Book 4 appointments' })).toBeInViewport();
  await expectAccessible(page, 'booking dialog with Repeat', testInfo);
  await book.getByRole('button', { name: 'Book 4 appointments' }).click();
  await expect(book).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '4 appointments in the series' })).toBeVisible();

  // The week of every therapist: last names in the headings, the full name on focus, a click for one therapist's week.
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  const heading = page.getByRole('button', { name: `${REYES}: show only their week` }).first();
  await expect(heading).toHaveText('Reyes');
  await heading.focus();
  await expect(heading).toHaveAttribute('data-tooltip', REYES);
  await expectAccessible(page, 'schedule: week of every therapist', testInfo);
  await page.getByLabel('Therapist').selectOption('');
  // Week view for Marisol Reyes: one column per day.
  await page.getByLabel('Therapist').selectOption({ label: REYES });
  const tue = page.getByTestId(new RegExp(`^column-${tuesday}:t`));
  const wedDate = new Date(`${tuesday}T12:00:00Z`);
  wedDate.setUTCDate(wedDate.getUTCDate() + 1);
  const wed = page.getByTestId(new RegExp(`^column-${wedDate.toISOString().slice(0, 10)}:t`));
  await expect(appointment(tue, kai.name, '8:30')).toBeVisible();
  const [grab, drop] = await points([tue, 8 * 60 + 35], [wed, 9 * 60 + 35]);
  await drag(page, grab!, drop!);
  const ask = page.getByRole('dialog', { name: 'Move a repeating appointment' });
  await expect(ask).toContainText('Every week on Tuesday and Thursday, 4 times');
  await expectAccessible(page, 'series question', testInfo);
  await ask.getByRole('radio', { name: /This and following/ }).check();
  await ask.getByRole('button', { name: 'Move' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Moved ${kai.name}` })).toContainText('4 appointments in the series');
  // Wednesday 9:30 now, and the Thursday visit moved a day too (to Friday).
  await expect(appointment(wed, kai.name, '9:30')).toBeVisible();
  await expect(appointment(tue, kai.name)).toHaveCount(0);

  // ← and → step a week in the week view; T comes back to today.
  const title = page.getByRole('heading', { level: 1 });
  const before = await title.textContent();
  await page.keyboard.press('ArrowRight');
  await expect(title).not.toHaveText(before!);
  await page.keyboard.press('ArrowLeft');
  await expect(title).toHaveText(before!);
});

test('a therapist sees only their own column, can check a patient in, and is offered no booking', async ({ page, demoServer }, testInfo) => {
  const day = quietTuesday(11);
  // Set-up as the front desk: one appointment for Marisol Reyes and one for James Okafor.
  await page.goto(demoServer.url);
  await signIn(page, DEMO.frontDesk.username, DEMO.frontDesk.password);
  const mei = await createPatient(page, 'Mei', 'Lindqvist');
  const settings = await api<{ therapists: { id: number; displayName: string }[]; appointmentTypes: { id: number; name: string }[] }>(page, 'schedule.settings', {});
  const idOf = (name: string) => settings.therapists.find((t) => t.displayName === name)!.id;
  const typeId = settings.appointmentTypes.find((t) => t.name === 'Follow-up')!.id;
  await api(page, 'appointments.book', { patientId: mei.id, therapistId: idOf(REYES), typeId, date: day, start: '09:00' });
  await api(page, 'appointments.book', { patientId: mei.id, therapistId: idOf(OKAFOR), typeId, date: day, start: '11:00' });
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, DEMO.therapist.username, DEMO.therapist.password);
  // A therapist starts on their own day; the schedule is one click away.
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await expectAccessible(page, 'Today', testInfo);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click();
  await goToDate(page, day);
  await expect(page.locator('.sched-colhead')).toHaveText([/^Marisol Reyes, PT, DPT/]);
  await expect(page.getByRole('button', { name: /New appointment/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'By room' })).toHaveCount(0);
  await expect(appointment(page, mei.name)).toHaveCount(1); // Okafor's is not there

  // A press on an empty slot books nothing for a therapist.
  const reyes = column(page, REYES);
  const [slot] = await points([reyes, 10 * 60 + 35]);
  await page.mouse.click(slot!.x, slot!.y);
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Keyboard: the appointment is a button; Enter opens it; check in, undo, Esc closes.
  await appointment(reyes, mei.name, '9:00').focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog', { name: mei.name });
  await expect(details.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(details.getByRole('button', { name: /Cancel appointment/ })).toHaveCount(0);
  await details.getByRole('button', { name: '✓ Check in' }).click();
  await expect(details.getByText(`${mei.name} is checked in.`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(appointment(reyes, mei.name, '9:00')).toHaveAccessibleName(/Arrived/);
  await expect(appointment(reyes, mei.name, '9:00')).toContainText('✓ Arrived');
});
