import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportMapping } from '../../shared/domain/patient-import';
import { importPatients } from '../../electron/cli/commands/import-patients';
import { createTestApp, databaseFingerprint, expectError, PATIENT, type TestApp } from './harness';

const MAPPING: ImportMapping = { columns: { legalLastName: 'Last Name', legalFirstName: 'First Name', dateOfBirth: 'DOB', sex: 'Gender', phone: 'Mobile', email: 'Email' }, dateOrder: 'MDY' };
const HEADER = 'Last Name,First Name,DOB,Gender,Mobile,Email';
const FIRST = ['Trọng Tấn', 'Thị Mai', 'María José', 'Zoë', 'Søren', 'Ngọc Ánh', 'François', 'Ana'];
const LAST = ['Đặng', 'Nguyễn', 'García-Márquez', 'O’Brien', 'Ødegård', 'Trần', 'Lefèvre', 'Smith'];

/** n distinct people, their birth dates written three ways (ISO, US, month name). */
function bigCsv(n: number): string {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const y = 1930 + (i % 80);
    const m = 1 + (i % 12);
    const d = 1 + (i % 28);
    const dob = i % 3 === 0 ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : i % 3 === 1 ? `${m}/${d}/${y}` : `"${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]} ${d}, ${y}"`;
    lines.push(`"${LAST[i % LAST.length]}","${FIRST[i % FIRST.length]} ${i}",${dob},${i % 2 ? 'F' : 'm'},(312) 555-${String(i % 10_000).padStart(4, '0')},`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('patient import', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'runback-import-'));
  beforeAll(async () => {
    t = await createTestApp();
    await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng', dateOfBirth: '1974-09-13' }, t.sessions.front_desk);
  });
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const patientCount = async () => (await t.services.db.selectFrom('patients').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  it('shows row-level problems and imports nothing until the rows are fixed or left out', async () => {
    const csv = [
      HEADER,
      'Lê,Văn Bình,03/07/1985,M,,',
      'Đặng,Trọng Tấn,9/13/1974,M,,', // already on file (accents and case aside)
      ',Nameless,1990-01-01,F,,',
      'Pham,Bad Date,02/30/1985,F,,',
      'Pham,Short Year,03/07/85,F,,',
      'Pham,Future,2099-01-01,F,,',
      'pham,short year,1985-03-07,f,,',
      'Lê,Văn Bình,1985-03-07,M,,', // row 1 again
      'Vũ,Hoa,7 March 1990,X,,not-an-email',
    ].join('\n');
    const page = await t.ok('patientImport.check', { csv, mapping: MAPPING }, t.sessions.admin);
    expect(page).toMatchObject({ total: 9, checked: 9, mappingProblems: [] });
    const problems = Object.fromEntries(page.rows.map((r) => [r.row, r.problems.join(' | ')]));
    expect(problems[1]).toBe('');
    expect(problems[2]).toMatch(/Already on file as RB\d+/);
    expect(problems[3]).toMatch(/Legal last name is required/);
    expect(problems[4]).toMatch(/“02\/30\/1985” is not a date \(dates in this file are read as month\/day\/year\)/);
    expect(problems[5]).toMatch(/two-digit year/);
    expect(problems[6]).toMatch(/in the future/);
    expect(problems[7]).toBe('');
    expect(problems[8]).toMatch(/same person as row 1/);
    expect(problems[9]).toMatch(/Email does not look like an address/);
    expect(page.rows[0]).toMatchObject({ name: 'Lê, Văn Bình', dateOfBirth: '1985-03-07' });

    const before = await databaseFingerprint(t);
    const refused = await t.call('patientImport.commit', { csv, mapping: MAPPING, fileName: 'old-system.csv' }, t.sessions.admin);
    expectError(refused, 'VALIDATION');
    if (!refused.ok) expect(refused.error.message).toMatch(/^Nothing was imported: row 2 \(Đặng, Trọng Tấn\): Already on file .* and 6 more rows to fix or leave out\.$/);
    expect(await databaseFingerprint(t)).toBe(before);

    const exclude = [2, 3, 4, 5, 6, 8, 9];
    const count = await patientCount();
    const done = await t.ok('patientImport.commit', { csv, mapping: MAPPING, exclude, fileName: 'old-system.csv' }, t.sessions.admin);
    expect(done).toMatchObject({ imported: 2, excluded: 7 });
    expect(await patientCount()).toBe(count + 2);
    const found = await t.ok('patients.list', { query: 'Văn Bình' }, t.sessions.admin);
    expect(found.rows.map((r) => `${r.legalLastName}, ${r.legalFirstName}`)).toEqual(['Lê, Văn Bình']);
    // The mapping is remembered: a file from the same system maps itself.
    expect(await t.ok('patientImport.mapping', {}, t.sessions.admin)).toEqual({ mapping: MAPPING });
    const again = await t.ok('patientImport.check', { csv: `${HEADER}\r\nBùi,Lan,1/2/1960,F,,`, mapping: null, limit: 10 }, t.sessions.admin);
    expect(again.mapping).toEqual(MAPPING);
  });

  it('suggests a mapping from the header and says what is missing', async () => {
    const page = await t.ok('patientImport.check', { csv: 'Patient Name;Birth Date;Sex\r\n"Đặng, Trọng Tấn";1974-09-13;M\r\n', mapping: { columns: { fullName: 'Patient Name' }, dateOrder: 'DMY' } }, t.sessions.admin);
    expect(page.mappingProblems).toEqual(['Choose the column with the date of birth.']);
    expect(page.rows).toEqual([]);
    const suggested = await t.ok('patientImport.check', { csv: 'Full Name\tDate of Birth\tGender\r\nNguyễn Thị Mai\t31/12/1980\tF\r\n', mapping: { columns: { fullName: 'Full Name', dateOfBirth: 'Date of Birth', sex: 'Gender' }, dateOrder: 'DMY' } }, t.sessions.admin);
    expect(suggested.rows[0]).toMatchObject({ name: 'Mai, Nguyễn Thị', dateOfBirth: '1980-12-31', problems: [] });
    expectError(await t.call('patientImport.check', { csv: 'a,"b\r\n1,2', mapping: null }, t.sessions.admin), 'VALIDATION');
    expectError(await t.call('patientImport.check', { csv: HEADER, mapping: null }, t.sessions.therapist), 'FORBIDDEN');
  });

  it('imports 10,000 rows with accented and Vietnamese names, checked a page at a time, in one transaction', async () => {
    const file = join(dir, 'big.csv');
    writeFileSync(file, bigCsv(10_000));
    const mapping = join(dir, 'map.json');
    writeFileSync(mapping, JSON.stringify(MAPPING));
    const count = await patientCount();
    const progress: string[] = [];
    const result = await importPatients(t, { file, mapping }, (line) => progress.push(line));
    expect(result, result.lines.join('\n')).toMatchObject({ exitCode: 0 });
    expect(progress).toHaveLength(10);
    expect(progress[0]).toBe('checked 1,000 of 10,000 rows, 0 to fix');
    expect(progress.at(-1)).toBe('checked 10,000 of 10,000 rows, 0 to fix');
    expect(result.lines[0]).toMatch(/^Imported 10,000 patients \(RB\d+–RB\d+\)\.$/);
    expect(await patientCount()).toBe(count + 10_000);
    const tan = await t.services.db.selectFrom('patients').select(['legalFirstName', 'legalLastName', 'dateOfBirth', 'sex']).where('legalFirstName', '=', 'Trọng Tấn 9992').executeTakeFirstOrThrow();
    expect(tan).toEqual({ legalFirstName: 'Trọng Tấn 9992', legalLastName: 'Đặng', dateOfBirth: '2002-09-25', sex: 'male' });
    // The same file again: every row is already on file, and nothing is imported.
    const again = await importPatients(t, { file, mapping, pageSize: 2000 });
    expect(again.exitCode, again.lines.join('\n')).toBe(1);
    expect(again.lines.at(-1)).toMatch(/^Nothing was imported: fix these 10000 rows/);
    expect(await patientCount()).toBe(count + 10_000);
  }, 120_000);
});
