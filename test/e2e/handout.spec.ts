import { execFileSync } from 'node:child_process';
import { getSeededExercise } from '../../shared/clinical/library';
import { expect, test, signIn, DEMO } from './fixtures';
import { api } from './schedule-helpers';

// A therapist prints a Spanish-speaking patient's home program (told first what prints in English),
// the library exercise is then edited and the program saved again, and the first handout is
// reprinted exactly as it was.
test.setTimeout(120_000);

const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

test('print a home program in the patient’s language, then reprint an old version exactly', async ({ page, demoServer }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(demoServer.url);
  await signIn(page, DEMO.therapist.username, DEMO.therapist.password);
  const patient = await api<{ id: number; mrn: string }>(page, 'patients.create', { legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng', dateOfBirth: '1983-06-14', sex: 'male', medicareBeneficiary: false, phone: '(312) 555-0142', language: 'es' });
  const calf = (title: string) => ({ key: 'calf-raise', exercise: { ...getSeededExercise('calf-raise'), id: undefined, evidence: undefined, illustration: 'calf-raise', title } });
  await api(page, 'exercises.save', calf('Calf raise on the bottom stair'));

  const saveProgram = (expectedVersion: number, keys: string[]) =>
    api(page, 'programs.save', { patientId: patient.id, expectedVersion, items: keys.map((exerciseKey) => ({ exerciseKey, dosage: getSeededExercise(exerciseKey).dosage })) });
  {
    await saveProgram(0, ['bird-dog', 'glute-bridge', 'calf-raise']);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('searchbox', { name: 'Search patients' }).fill(patient.mrn);
    await expect(page.getByTestId('patient-count')).toHaveText('1 match');
    await page.getByRole('searchbox', { name: 'Search patients' }).press('Enter');
    await page.getByRole('navigation', { name: 'Chart sections' }).getByRole('link', { name: 'Home program' }).click();
    await expect(page.getByText('No handout has been printed for this patient.')).toBeVisible();

    // The clinic's own wording has no Spanish: the therapist is told, and goes on.
    await page.getByRole('button', { name: 'Print home program' }).click();
    const warning = page.getByRole('dialog', { name: 'Not everything is in Spanish' });
    await expect(warning).toContainText('Calf raise on the bottom stair: its title');
    await page.screenshot({ path: test.info().outputPath('handout-warning-1366.png') });
    const first = page.waitForEvent('download');
    await warning.getByRole('button', { name: 'Print anyway' }).click();
    const text = pdfText((await (await first).path())!);
    for (const expected of ['Su programa en casa', 'Đặng, Trọng Tấn', 'Perro de caza', 'Puente de glúteos', 'Calf raise on the bottom stair', 'Todavía no tiene un plan de correr y caminar', 'Verde', 'Su registro', 'Su fisioterapeuta: Marisol Reyes, PT, DPT ·'])
      expect(text, expected).toContain(expected);
    const rows = page.getByRole('table', { name: 'Printed handouts' }).getByRole('row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('Version 1');
    await expect(rows.nth(1)).toContainText('Spanish (4 in English)');
    await expect(rows.nth(1)).toContainText('Marisol Reyes');

    // The library moves on and the program is saved again; the old handout reprints as it was.
    await api(page, 'exercises.save', calf('Heel drops on a stair'));
    await saveProgram(1, ['calf-raise']);
    const again = page.waitForEvent('download');
    await rows.nth(1).getByRole('button', { name: /^Reprint/ }).click();
    const reprinted = pdfText((await (await again).path())!);
    expect(reprinted).toContain('Calf raise on the bottom stair');
    expect(reprinted).not.toContain('Heel drops on a stair');
    await expect(page.getByText('Handout reprinted exactly as it was first printed.')).toBeVisible();
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText('(reprint)');

    // The patient lost it: the front desk reprints it from the Handouts tab, and cannot print a new one.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, DEMO.frontDesk.username, DEMO.frontDesk.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('searchbox', { name: 'Search patients' }).fill(patient.mrn);
    await expect(page.getByTestId('patient-count')).toHaveText('1 match');
    await page.getByRole('searchbox', { name: 'Search patients' }).press('Enter');
    await page.getByRole('navigation', { name: 'Chart sections' }).getByRole('link', { name: 'Handouts' }).click();
    await expect(page.getByRole('button', { name: 'Print home program' })).toHaveCount(0);
    const desk = page.waitForEvent('download');
    await page.getByRole('table', { name: 'Printed handouts' }).getByRole('row').nth(2).getByRole('button', { name: /^Reprint/ }).click();
    expect(pdfText((await (await desk).path())!)).toContain('Perro de caza');
  }
});
