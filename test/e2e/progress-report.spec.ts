import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { addDays } from '../../shared/clinical/calendar';
import { todayIn } from '../../shared/util/dates';
import { openChart } from './chart';
import { test, expect, signIn, DEMO } from './fixtures';
import { api } from './schedule-helpers';

// A therapist opens a patient's drawn trends (a change beyond the detectable change marked, the
// table one click away) and prints the progress report; the PDF is read back. The picture
// docs/screenshots/reassessment-trends.png is refreshed with SCREENSHOTS=1.
const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const pictures = process.env.SCREENSHOTS === '1';
test.setTimeout(90_000);

test('the trends are drawn with their marks, and the progress report prints with them', async ({ page, demoServer }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(demoServer.url);
  await signIn(page, DEMO.therapist.username, DEMO.therapist.password);
  const today = todayIn('America/Chicago');
  const before = addDays(today, -28);
  const patient = await api<{ id: number; mrn: string }>(page, 'patients.create', { legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng', dateOfBirth: '1983-06-14', sex: 'male', medicareBeneficiary: false, phone: '(312) 555-0142' });
  const hip = (l: number, r: number) => [
    { code: 'thomas_hip_angle', side: 'left', value: l, device: 'goniometer' },
    { code: 'thomas_hip_angle', side: 'right', value: r, device: 'goniometer' },
  ];
  await api(page, 'reassessments.record', { patientId: patient.id, assessedOn: before, measures: [...hip(14, 6), { code: 'slr', side: 'left', value: 62, device: 'inclinometer' }, { code: 'slr', side: 'right', value: 70, device: 'inclinometer' }] });
  await api(page, 'reassessments.record', { patientId: patient.id, assessedOn: today, measures: [...hip(4, 3), { code: 'slr', side: 'left', value: 75, device: 'inclinometer' }, { code: 'slr', side: 'right', value: 72, device: 'inclinometer' }] });
  await api(page, 'outcomes.record', { patientId: patient.id, completedOn: before, form: { instrument: 'nprs', answers: { score: 7 } } });
  await api(page, 'outcomes.record', { patientId: patient.id, completedOn: today, form: { instrument: 'nprs', answers: { score: 3 } } });

  await openChart(page, patient.mrn, 'Reassessment');
  const chart = page.getByTestId('trend-chart-thomas_hip_angle');
  await expect(chart).toBeVisible();
  // Both sides with a legend in words, the band and cut-off in the key, one ringed reading (left, −10°).
  await expect(chart.locator('.recharts-legend-wrapper')).toContainText('Left');
  await expect(chart.locator('.recharts-legend-wrapper')).toContainText('Right');
  await expect(chart).toContainText('detectable change ±5° around the baseline (clinic policy)');
  await expect(chart).toContainText('cut-off: above 0°: short one-joint hip flexors (published)');
  await expect(chart.locator('[data-mark="improved"]')).toHaveCount(1);
  await expect(chart.getByText('Left: 14° on')).toContainText('−10°, better beyond the 5° detectable change (clinic policy)');
  await expect(page.getByTestId('outcome-chart-nprs')).toContainText('important change: 2 points down (published)');
  await page.getByRole('heading', { name: 'Trends' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  if (pictures) await page.screenshot({ path: `${OUT}reassessment-trends.png` });

  // The same readings as a table, for anyone who wants them in text.
  await page.getByRole('button', { name: 'Tables' }).click();
  await expect(page.getByRole('table', { name: 'Modified Thomas test — hip angle: trend' }).getByRole('row').nth(1)).toContainText('−10° better — real change');

  // No episode names a physician: the report goes to the patient, and the tab says why.
  await expect(page.getByText('Not to a physician: no episode of care yet.')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Print progress report' }).click();
  const file = await (await download).path();
  const text = execFileSync('pdftotext', [file!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const expected of ['Progress report', 'To the patient', 'Đặng, Trọng Tấn', 'Modified Thomas test — hip angle', '−10°: better — beyond', '−3°: within the detectable', 'Passive straight-leg raise', '+13°: better — beyond the detectable change', 'detectable change 5° (clinic policy)', 'Numeric Pain Rating Scale (NPRS)'])
    expect(text, expected).toContain(expected);
});
