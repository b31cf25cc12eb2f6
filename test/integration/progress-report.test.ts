import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printProgressReport } from '../../electron/cli/commands/print';
import { EPISODE_INPUT, evaluatedPatient } from './charting-helpers';
import { createTestApp, expectError, PATIENT, type TestApp } from './harness';

// The test clock stands at Thu 2026-11-26 (Chicago). One app for the file.
const PRACTICE = {
  physicianAddress: { line1: '680 N Lake Shore Dr', line2: 'Suite 1015', city: 'Chicago', region: 'IL', postalCode: '60611' },
  physicianPhone: '312-555-0140',
  physicianFax: '(312) 555-0141',
};
const pdftotext = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('the progress report PDF', () => {
  let t: TestApp;
  let work: string;
  let tan: { id: number; mrn: string };
  beforeAll(async () => {
    t = await createTestApp();
    work = mkdtempSync(join(tmpdir(), 'runback-progress-'));
    tan = await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng', addressLine1: '12 Phố Huế', city: 'Houston', region: 'TX', postalCode: '77002' }, t.sessions.admin);
    const s = t.sessions.therapist;
    const { episode } = await evaluatedPatient(t, tan.id);
    // The physician's practice, for the letter; the therapist signs with her credentials.
    await t.ok(
      'episodes.save',
      { id: episode.id, patientId: tan.id, expectedUpdatedAt: episode.updatedAt, episode: { ...EPISODE_INPUT, referral: { ...EPISODE_INPUT.referral, ...PRACTICE } } },
      s,
    );
    await t.ok('users.setBillingIdentity', { id: t.userIds.therapist, npi: null, credentials: 'PT, DPT', license: null }, t.sessions.admin);
    await t.ok(
      'reassessments.record',
      {
        patientId: tan.id,
        assessedOn: '2026-10-29',
        measures: [
          { code: 'thomas_hip_angle', side: 'left', value: 14, device: 'goniometer' },
          { code: 'thomas_hip_angle', side: 'right', value: 6, device: 'goniometer' },
          { code: 'modified_schober', value: 3.5, device: 'tape-measure' },
          { code: 'prone_instability', value: 'positive', device: 'visual' },
        ],
      },
      s,
    );
    await t.ok(
      'reassessments.record',
      {
        patientId: tan.id,
        assessedOn: '2026-11-26',
        measures: [
          { code: 'thomas_hip_angle', side: 'left', value: 4, device: 'goniometer' },
          { code: 'thomas_hip_angle', side: 'right', value: 3, device: 'goniometer' },
          { code: 'modified_schober', value: 4, device: 'tape-measure' },
          { code: 'prone_instability', value: 'negative', device: 'visual' },
        ],
      },
      s,
    );
    await t.ok('outcomes.record', { patientId: tan.id, completedOn: '2026-10-29', form: { instrument: 'nprs', answers: { score: 7 } } }, s);
    await t.ok('outcomes.record', { patientId: tan.id, completedOn: '2026-11-26', form: { instrument: 'nprs', answers: { score: 3 } } }, s);
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  it('to the referring physician: the patient with accents, every measure side with unit, device and change mark, the questionnaire against its MIC, the goals', async () => {
    const { filename, pdfBase64 } = await t.ok('reassessments.progressReportPdf', { patientId: tan.id, addressee: 'physician' }, t.sessions.therapist);
    expect(filename).toBe('progress-report-2026-11-26-dang-trong-tan.pdf');
    const file = join(work, filename);
    writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
    const text = pdftotext(file);
    for (const expected of [
      'Progress report',
      'To the referring physician',
      // The letter's address block: name, street, suite, city line, then how to reach the practice.
      'Dr. Ana Ruiz 680 N Lake Shore Dr Suite 1015 Chicago, IL 60611 Phone 312-555-0140 · Fax (312) 555-0141 · NPI 1234567893',
      'Đặng, Trọng Tấn',
      'Modified Thomas test — hip angle',
      // Left: 14° → 4°, beyond the 5° clinic-policy figure; right 6° → 3°, within it.
      '−10°: better — beyond the detectable change',
      '−3°: within the detectable change',
      'Goniometer',
      'detectable change 5° (clinic policy)',
      'cut-off above 0°: short one-joint hip flexors (published)',
      'Lumbar flexion — modified Schober excursion',
      '+0.5 cm: within the detectable change',
      'Tape measure',
      'Prone instability test',
      'better (result changed)',
      'Numeric Pain Rating Scale (NPRS)',
      '−4 points: better beyond measurement error; reaches the minimal important change',
      'Run-walk 30 minutes with pain at most 3/10',
      'Not met',
    ])
      expect(text).toContain(expected);
    // The goals stay whole with their heading and the signature, on one page.
    const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f').map((page) => page.replace(/\s+/g, ' '));
    const goalsPage = pages.find((page) => page.includes('Goals Short-term goal'))!;
    for (const goal of EPISODE_INPUT.goals) expect(goalsPage).toContain(goal.description);
    expect(goalsPage).toContain('Yours sincerely,');
    const audit = await t.services.db.selectFrom('auditLog').selectAll().where('action', '=', 'reassessments.progressReportPdf').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.detail).toContain('progress report to the physician printed');
  });

  it('to the patient: their name and address; a physician the episode does not name is refused before printing', async () => {
    const { pdfBase64 } = await t.ok('reassessments.progressReportPdf', { patientId: tan.id, addressee: 'patient', paper: 'a4' }, t.sessions.therapist);
    const file = join(work, 'patient.pdf');
    writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
    const text = pdftotext(file);
    expect(text).toContain('To the patient');
    expect(text).toContain('Trọng Tấn Đặng 12 Phố Huế Houston, TX 77002');
    const self = await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Zoë', legalLastName: 'Núñez' }, t.sessions.admin);
    const r = await t.call('reassessments.progressReportPdf', { patientId: self.id, addressee: 'physician' }, t.sessions.therapist);
    expectError(r, 'VALIDATION');
    if (!r.ok) expect(r.error.message).toBe('Núñez, Zoë (Mia) has no episode of care, so there is no referring physician to address: address the report to the patient.');
    expectError(await t.call('reassessments.progressReportPdf', { patientId: tan.id }, t.sessions.front_desk), 'FORBIDDEN');
  });

  it('the CLI resolves the MRN, writes the same report, and refuses an unknown MRN writing nothing', async () => {
    const out = join(work, 'cli.pdf');
    expect(await printProgressReport(t, { patient: tan.mrn, out, to: 'physician', paper: 'letter' })).toEqual({ exitCode: 0, message: expect.stringMatching(/^Wrote .*cli\.pdf \(\d+ KB\)\.$/) });
    const text = pdftotext(out);
    expect(text).toContain('Đặng, Trọng Tấn');
    // Signed by the patient's therapist (who measured last), with credentials; never by "Command line".
    expect(text).toContain('Therapist Theo Therapist, PT, DPT');
    expect(text).toContain('Yours sincerely, Theo Therapist, PT, DPT');
    expect(text).not.toMatch(/Therapist Command line|sincerely, Command line/);
    const none = join(work, 'none.pdf');
    expect(await printProgressReport(t, { patient: 'RB999999', out: none, to: 'patient', paper: 'letter' })).toEqual({ exitCode: 2, message: 'runback print progress-report: there is no patient with MRN RB999999. Nothing was written.' });
    expect(existsSync(none)).toBe(false);
    const audit = await t.services.db.selectFrom('auditLog').selectAll().where('action', '=', 'reassessments.progressReportPdf').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.username).toMatch(/^cli:/);
  });

  it('the physician’s address is taken whole or not at all, with the field named, and a refused save changes nothing', async () => {
    const [episode] = (await t.ok('episodes.list', { patientId: tan.id }, t.sessions.therapist)).episodes;
    const half = { ...EPISODE_INPUT.referral, physicianAddress: { line1: '2650 Ridge Ave', city: '', postalCode: '' }, physicianFax: '12' };
    const r = await t.call('episodes.save', { id: episode!.id, patientId: tan.id, expectedUpdatedAt: episode!.updatedAt, episode: { ...EPISODE_INPUT, referral: half } }, t.sessions.therapist);
    expectError(r, 'VALIDATION');
    if (!r.ok)
      expect(r.error.fields).toMatchObject({
        'episode.referral.physicianAddress.city': 'Add the city, or clear the physician’s address',
        'episode.referral.physicianAddress.postalCode': 'Add the ZIP or postal code, or clear the physician’s address',
        'episode.referral.physicianFax': 'Physician’s fax needs 7 to 15 digits',
      });
    const [after] = (await t.ok('episodes.list', { patientId: tan.id }, t.sessions.therapist)).episodes;
    expect(after!.referral).toMatchObject({ physicianAddress: PRACTICE.physicianAddress, physicianFax: '(312) 555-0141' });
    // Cleared: every part empty is no address; a self-referral keeps none of it.
    const cleared = await t.ok('episodes.save', { id: episode!.id, patientId: tan.id, expectedUpdatedAt: after!.updatedAt, episode: { ...EPISODE_INPUT, referral: { ...EPISODE_INPUT.referral, physicianAddress: { line1: ' ', city: '', postalCode: '' } } } }, t.sessions.therapist);
    expect(cleared.referral).toMatchObject({ physicianAddress: null, physicianPhone: null });
    const self = await t.ok('episodes.save', { id: episode!.id, patientId: tan.id, expectedUpdatedAt: cleared.updatedAt, episode: { ...EPISODE_INPUT, referral: { type: 'self', ...PRACTICE } } }, t.sessions.therapist);
    expect(self.referral).toMatchObject({ type: 'self', physicianAddress: null, physicianPhone: null, physicianFax: null });
    await t.ok('episodes.save', { id: episode!.id, patientId: tan.id, expectedUpdatedAt: self.updatedAt, episode: { ...EPISODE_INPUT, referral: { ...EPISODE_INPUT.referral, ...PRACTICE } } }, t.sessions.therapist);
  });
});
