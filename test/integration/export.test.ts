import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import type { Bundle, Condition, DocumentReference, Observation, Procedure } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportToFile } from '../../electron/cli/commands/export';
import { EXPORT_DOC_COMMAND, exportColumns, exportDocMarkdown } from '../../electron/export/clinic-csv';
import { EXPORT_TABLES, isSearchIndexTable, NOT_EXPORTED } from '../../electron/export/clinic-tables';
import { evaluatedPatient } from './charting-helpers';
import { auditRows, createTestApp, expectError, PATIENT, type TestApp } from './harness';

const csvRows = (bytes: Uint8Array) => parse(strFromU8(bytes), { bom: true, columns: false }) as string[][];

describe('export', () => {
  let t: TestApp;
  let patientId: number;
  const out = mkdtempSync(join(tmpdir(), 'runback-export-'));
  beforeAll(async () => {
    t = await createTestApp();
    const p = await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng', preferredName: null }, t.sessions.front_desk);
    patientId = p.id;
    await evaluatedPatient(t, patientId);
    await t.ok('runs.save', { patientId, run: { date: '2026-11-24', distanceM: 3000, durationS: 1800, runSeconds: 600, walkSeconds: 1200, painDuring: 2, notes: '=HYPERLINK("http://evil")' } }, t.sessions.therapist);
    await t.ok('patients.create', { ...PATIENT, legalFirstName: '@Other', dateOfBirth: '1990-01-01' }, t.sessions.front_desk);
    // Questionnaires: an NPRS corrected once (only the correction is the record) and an ODI.
    const nprs = await t.ok('outcomes.record', { patientId, form: { instrument: 'nprs', answers: { score: 6 } } }, t.sessions.therapist);
    await t.ok('outcomes.record', { patientId, replacesId: nprs.id, form: { instrument: 'nprs', answers: { score: 5 } } }, t.sessions.therapist);
    await t.ok('outcomes.record', { patientId, noteId: null, form: { instrument: 'odi', answers: { sections: { painIntensity: 3, personalCare: 1, lifting: 2, walking: 1, sitting: 2, standing: 1, sleeping: 2, sexLife: 'not-applicable', socialLife: 1, travelling: 0 } } } }, t.sessions.therapist);
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(out, { recursive: true, force: true });
  });

  it('writes one patient as a FHIR R4 bundle whose references all resolve, with ICD-10-CM, LOINC and CPT codes and the signed note as a PDF', async () => {
    const file = await t.ok('export.patient', { patientId, format: 'fhir' }, t.sessions.therapist);
    expect(file.contentType).toBe('application/fhir+json');
    const bundle = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as Bundle;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const byType = (type: string) => bundle.entry!.filter((e) => e.resource!.resourceType === type).map((e) => e.resource!);
    expect(byType('Patient')).toHaveLength(1);
    expect(byType('Patient')[0]).toMatchObject({ name: [{ family: 'Đặng', given: ['Trọng Tấn'] }], birthDate: '1985-03-07', gender: 'female', communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] }, preferred: true }] });
    const conditions = byType('Condition') as Condition[];
    expect(conditions.map((c) => c.code!.coding![0]!)).toEqual([expect.objectContaining({ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'M54.50' }), expect.objectContaining({ code: 'M51.360' })]);
    expect(byType('Encounter')).toHaveLength(1);
    const pains = (byType('Observation') as Observation[]).filter((o) => o.code.coding?.[0]?.code === '72514-3');
    expect(pains.filter((o) => !o.code.text?.includes('NPRS')).map((o) => o.valueInteger)).toEqual([5, 2, 7]);
    // Outcome scores: the corrected NPRS once (at the day's visit), the ODI total with its LOINC code.
    const nprs = pains.filter((o) => o.code.text?.includes('NPRS'));
    expect(nprs.map((o) => o.valueInteger)).toEqual([5]);
    expect(nprs[0]!.encounter?.reference).toBe(bundle.entry!.find((e) => e.resource!.resourceType === 'Encounter')!.fullUrl);
    const odi = (byType('Observation') as Observation[]).filter((o) => o.code.coding?.[0]?.code === '97909-6');
    expect(odi.map((o) => [o.valueInteger ?? o.valueQuantity, o.encounter])).toEqual([[{ value: 28.9, unit: '%', system: 'http://unitsofmeasure.org', code: '%' }, undefined]]);
    const run = (byType('Observation') as Observation[]).find((o) => o.code.coding?.[0]?.code === 'run')!;
    expect(run.component).toEqual(expect.arrayContaining([expect.objectContaining({ valueQuantity: expect.objectContaining({ value: 3000, code: 'm' }) }), expect.objectContaining({ valueInteger: 2 })]));
    const procedures = byType('Procedure') as Procedure[];
    expect(procedures.map((p) => p.code!.coding![0]!.code).sort()).toEqual(['97112', '97140', '97162']);
    const [doc] = byType('DocumentReference') as DocumentReference[];
    expect(Buffer.from(doc!.content[0]!.attachment.data!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // Every reference points at an entry of the bundle.
    const urls = new Set(bundle.entry!.map((e) => e.fullUrl));
    const refs = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(urls.has(r.slice(13, -1)), r).toBe(true);
    // Exporting is audited against the patient's record.
    expect((await auditRows(t)).at(-1)).toMatchObject({ action: 'export.patient', entity: 'patient', entityId: String(patientId), userId: t.userIds.therapist });
  });

  it('writes one patient as CSV files holding only their rows, with formula cells neutralised', async () => {
    const file = await t.ok('export.patient', { patientId, format: 'csv' }, t.sessions.admin);
    const zip = unzipSync(Buffer.from(file.base64, 'base64'));
    expect(Object.keys(zip)).toContain('README.txt');
    const patients = csvRows(zip['patients.csv']!);
    expect(patients).toHaveLength(2);
    expect(patients[1]).toContain('Đặng');
    expect(patients.flat()).not.toContain('@Other');
    const runs = csvRows(zip['runs.csv']!);
    const notes = runs[0]!.indexOf('notes');
    expect(runs[1]![notes]).toBe('\'=HYPERLINK("http://evil")');
    expect(zip['users.csv']).toBeUndefined();
  });

  it('writes the whole clinic as one CSV per table: one header row, no password hashes, every cell safe to open', async () => {
    const file = await t.ok('export.clinic', {}, t.sessions.admin);
    const zip = unzipSync(Buffer.from(file.base64, 'base64'));
    expect(Object.keys(zip).sort()).toEqual(['README.txt', ...EXPORT_TABLES.map((x) => `${x.file}.csv`)].sort());
    for (const name of Object.keys(zip).filter((n) => n.endsWith('.csv'))) {
      const rows = csvRows(zip[name]!);
      expect(rows[0]!.length, name).toBeGreaterThan(0);
      for (const row of rows.slice(1)) for (const c of row) expect(/^[=+\-@]/.test(c) && !/^-\d/.test(c), `${name}: ${c}`).toBe(false);
    }
    expect(csvRows(zip['users.csv']!)[0]).not.toContain('password_hash');
    expect(csvRows(zip['patients.csv']!).flat()).toContain('\'@Other');
    expect(strFromU8(zip['README.txt']!)).toMatch(/patients\.csv: Patients/);
  });

  it('holds every table of the database, or says why not: a new table is a decision, not a silent gap', async () => {
    const tables = (await t.services.db.introspection.getTables()).map((x) => x.name).filter((n) => !isSearchIndexTable(n));
    const decided = [...EXPORT_TABLES.map((x) => x.file), ...NOT_EXPORTED];
    expect(tables.filter((n) => !decided.includes(n)), 'tables neither exported nor in NOT_EXPORTED').toEqual([]);
    expect(decided.filter((n) => !tables.includes(n)), 'exported tables the database does not have').toEqual([]);
    // One patient's zip holds the ledger's tables too, a void found through the row it voids.
    const zip = unzipSync(Buffer.from((await t.ok('export.patient', { patientId, format: 'csv' }, t.sessions.admin)).base64, 'base64'));
    for (const name of ['charges.csv', 'payments.csv', 'ledger_voids.csv', 'reassessments.csv', 'outcome_records.csv']) expect(Object.keys(zip), name).toContain(name);
  });

  it('is documented: docs/export.md lists every table and column the export writes', async () => {
    const doc = fileURLToPath(new URL('../../docs/export.md', import.meta.url));
    const rendered = exportDocMarkdown(await exportColumns(t.services.db));
    if (process.env.UPDATE_EXPORT_DOC) writeFileSync(doc, rendered);
    expect(readFileSync(doc, 'utf8'), `docs/export.md is stale: run ${EXPORT_DOC_COMMAND}`).toBe(rendered);
  });

  it('is for clinical staff: the front desk may not export a record, only an admin the whole clinic', async () => {
    expectError(await t.call('export.patient', { patientId, format: 'fhir' }, t.sessions.front_desk), 'FORBIDDEN');
    expectError(await t.call('export.clinic', {}, t.sessions.therapist), 'FORBIDDEN');
    expectError(await t.call('export.patient', { patientId: 99_999, format: 'csv' }, t.sessions.admin), 'NOT_FOUND');
  });

  it('runback export writes the file for an MRN, refuses an unknown MRN and never writes over a file', async () => {
    const mrn = (await t.ok('patients.get', { id: patientId }, t.sessions.admin)).mrn;
    const fhir = join(out, 'p.json');
    expect(await exportToFile(t, { patient: mrn, format: 'fhir', out: fhir })).toMatchObject({ exitCode: 0, line: expect.stringContaining('1 Patient') });
    expect(JSON.parse(readFileSync(fhir, 'utf8'))).toMatchObject({ resourceType: 'Bundle' });
    expect(await exportToFile(t, { patient: mrn, format: 'fhir', out: fhir })).toMatchObject({ exitCode: 2, line: expect.stringContaining('already exists') });
    expect(await exportToFile(t, { patient: 'RB999999', format: 'csv', out: join(out, 'x.zip') })).toMatchObject({ exitCode: 2 });
    expect(await exportToFile(t, { all: true, format: 'fhir', out: join(out, 'y.json') })).toMatchObject({ exitCode: 2 });
    expect(await exportToFile(t, { all: true, format: 'csv', out: join(out, 'all.zip') })).toMatchObject({ exitCode: 0 });
    expect(existsSync(join(out, 'x.zip')) || existsSync(join(out, 'y.json'))).toBe(false);
  });
});
