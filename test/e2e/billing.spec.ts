import { test, expect, signIn, DEMO } from './fixtures';
import { api, appointment, column, goToDate, quietTuesday, REYES } from './schedule-helpers';

test('the front desk checks a patient in, charges the visit by hand, takes a split payment, refunds the rest, and sees the balance and credit', async ({ page, demoServer }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(demoServer.url);
  await signIn(page, DEMO.frontDesk.username, DEMO.frontDesk.password);
  const patient = await api<{ id: number }>(page, 'patients.create', { legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng', dateOfBirth: '1983-06-14', sex: 'male', medicareBeneficiary: false });
  const settings = await api<{ therapists: { id: number; displayName: string }[]; appointmentTypes: { id: number; name: string }[] }>(page, 'schedule.settings', {});
  const day = quietTuesday(12);
  const therapistId = settings.therapists.find((t) => t.displayName === REYES)!.id;
  const typeId = settings.appointmentTypes.find((t) => t.name === 'Follow-up')!.id;
  await api(page, 'appointments.book', { patientId: patient.id, therapistId, typeId, date: day, start: '09:00' });

  // At check-in the appointment shows the account, and the way to the payment.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click();
  await goToDate(page, day);
  await appointment(column(page, REYES), 'Đặng', '9:00').click();
  const details = page.getByRole('dialog', { name: /Đặng/ });
  await details.getByRole('button', { name: '✓ Check in' }).click();
  await expect(details.getByText(/is checked in\./)).toBeVisible();
  await expect(details.getByText('Paid up')).toBeVisible();
  await details.getByRole('link', { name: 'Take payment or charge the visit' }).click();
  await expect(page.getByTestId('balance')).toHaveText(/Paid up/);

  // A visit without a signed note, at the demo's self-pay visit fee ($120.00), marked so.
  await page.getByRole('button', { name: 'Charge a visit by hand' }).click();
  await page.getByRole('button', { name: 'Charge', exact: true }).click();
  await expect(page.getByText('Charged $120.00 by hand.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Charges' }).getByText('By hand, no signed note')).toBeVisible();
  await expect(page.getByTestId('owing')).toHaveText('$120.00');
  await expect(page.getByTestId('balance')).toHaveText(/Owes \$120\.00/);

  // Split: $70 on the HSA card, $80 in cash — $30 more than owed stays as credit. Keyboard to save.
  await page.getByRole('button', { name: 'Take payment' }).click();
  await page.getByLabel('Method 1').selectOption('hsa_fsa');
  await page.getByLabel('Amount 1').fill('70');
  await page.getByLabel('Reference 1').fill('HSA 0921');
  await page.getByRole('button', { name: /Split/ }).click();
  await expect(page.getByLabel('Amount 2')).toHaveValue('50.00'); // what is left, suggested
  await page.getByLabel('Amount 2').fill('80.00');
  await expect(page.getByTestId('payment-totals')).toHaveText(/Owed \$120\.00.*Taking \$150\.00.*Credit \$30\.00/);
  await page.getByLabel('Amount 2').press('Control+s');
  await expect(page.getByText('Payment taken. Nothing owed. Credit on account: $30.00.')).toBeVisible();
  await expect(page.getByTestId('owing')).toHaveText('$0.00');
  await expect(page.getByTestId('credit')).toHaveText('$30.00');
  await expect(page.getByTestId('balance')).toHaveText(/Credit \$30\.00/);
  const payments = page.getByRole('table', { name: 'Payments' });
  await expect(payments.getByText('HSA/FSA card (HSA 0921)')).toBeVisible();
  await expect(payments.getByText('Cash', { exact: true })).toBeVisible();

  // The $30 over is refunded with a reason; the account is even.
  await payments.getByRole('button', { name: /Refund Cash/ }).click();
  await expect(page.getByLabel('Amount')).toHaveValue('30.00');
  await page.getByLabel('Reason').fill('Overpaid: change returned');
  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  await expect(page.getByText('Refunded $30.00.')).toBeVisible();
  await expect(page.getByTestId('credit')).toHaveText('$0.00');
  await expect(page.getByTestId('balance')).toHaveText(/Paid up/);
  // The front desk does not void: only an admin sees the buttons.
  await expect(page.getByRole('button', { name: /^Void/ })).toHaveCount(0);
});
