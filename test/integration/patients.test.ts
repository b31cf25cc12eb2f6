import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePatientSearch } from '../../electron/api/handlers/patient-search';
import { auditRows, createTestApp, databaseFingerprint, expectError, PATIENT, type TestApp } from './harness';

const PEOPLE = [
  { legalFirstName: 'José', legalLastName: 'Álvarez', dateOfBirth: '1979-11-02', phone: '773-555-0101' },
  { legalFirstName: 'Maria', legalLastName: 'Garcia', dateOfBirth: '1990-06-15', phone: '312 555 0102' },
  { legalFirstName: 'Marianne', legalLastName: 'Gardner', dateOfBirth: '1990-06-15', phone: '+1 (630) 555-0103' },
  { legalFirstName: 'Chloé', legalLastName: "O'Brien", dateOfBirth: '2001-01-30', phone: null },
  { legalFirstName: 'Tom', legalLastName: 'Bergström', preferredName: 'Tommy', dateOfBirth: '1965-04-04', phone: '8475550104' },
];

describe('patients', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await createTestApp();
    for (const p of PEOPLE) {
      const created = await t.ok('patients.create', { ...PATIENT, preferredName: null, email: null, ...p }, t.sessions.front_desk);
      ids[p.legalLastName] = created.id;
    }
  });
  afterAll(() => t.dispose());

  const search = async (query: string, extra: object = {}) =>
    (await t.ok('patients.list', { query, ...extra }, t.sessions.front_desk)).rows.map((r) => r.legalLastName);

  it('gives each patient the next MRN', async () => {
    const mrns = (await t.ok('patients.list', { sort: 'mrn' }, t.sessions.admin)).rows.map((r) => r.mrn);
    expect(mrns).toEqual(['RB000001', 'RB000002', 'RB000003', 'RB000004', 'RB000005']);
  });

  it('finds by partial first or last name, ignoring accents and case', async () => {
    expect(await search('alva')).toEqual(['Álvarez']);
    expect(await search('ÁLV')).toEqual(['Álvarez']);
    expect(await search('jose')).toEqual(['Álvarez']);
    expect(await search('chloe')).toEqual(["O'Brien"]);
    expect(await search("o'bri")).toEqual(["O'Brien"]);
    expect(await search('bergstrom')).toEqual(['Bergström']);
    expect(await search('tommy')).toEqual(['Bergström']);
    expect(await search('mari gar')).toEqual(['Garcia', 'Gardner']);
    expect(await search('nobody')).toEqual([]);
  });

  it('finds Đặng by "dang" and Søren by "soren": letters without an accent to strip are folded too', async () => {
    await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng', dateOfBirth: '1968-02-29' }, t.sessions.front_desk);
    await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Søren', legalLastName: 'Łukasiewicz', dateOfBirth: '1959-12-31' }, t.sessions.front_desk);
    expect(await search('dang')).toEqual(['Đặng']);
    expect(await search('Đặng')).toEqual(['Đặng']);
    expect(await search('dang tan')).toEqual(['Đặng']);
    expect(await search('soren luk')).toEqual(['Łukasiewicz']);
    expect(await search('lukasiewicz')).toEqual(['Łukasiewicz']);
  });

  it('puts a last-name prefix match before a first-name match', async () => {
    await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Garland', legalLastName: 'Adams', dateOfBirth: '1970-01-01' }, t.sessions.front_desk);
    const rows = await search('gar');
    expect(rows).toEqual(['Garcia', 'Gardner', 'Adams']);
  });

  it('finds by date of birth as staff type it, and by phone digits or MRN', async () => {
    expect(await search('1990-06-15')).toEqual(['Garcia', 'Gardner']);
    expect(await search('6/15/1990')).toEqual(['Garcia', 'Gardner']);
    expect(await search('gard 06/15/1990')).toEqual(['Gardner']);
    expect(await search('630')).toEqual(['Gardner']);
    expect(await search('(630) 555')).toEqual(['Gardner']);
    expect(await search('0104')).toEqual(['Bergström']);
    expect(await search('5550101')).toEqual(['Álvarez']);
    expect(await search('RB000004')).toEqual(["O'Brien"]);
    // An MRN without its zeros (rb1105 for RB001105), as staff read it off a label.
    expect(await search('rb4')).toEqual(["O'Brien"]);

    expect(await search('000004')).toEqual(["O'Brien"]);
  });

  it('finds a date of birth written as the lists write it (“Jun 15, 1990”), with or without the comma', async () => {
    expect(await search('Jun 15 1990')).toEqual(['Garcia', 'Gardner']);
    expect(await search('June 15, 1990')).toEqual(['Garcia', 'Gardner']);
    expect(await search('gard Jun 15, 1990')).toEqual(['Gardner']);
    expect(await search('15 Jun 1990')).toEqual(['Garcia', 'Gardner']);
  });

  it('treats search text as data, never as FTS syntax', async () => {
    for (const q of ['"', 'NEAR(a b)', 'names:*', '* OR *', 'a AND', '-', '(((', "'; drop table patients; --"]) {
      const r = await t.call('patients.list', { query: q }, t.sessions.front_desk);
      expect(r.ok, q).toBe(true);
    }
  });

  it('edits keep history in the audit log and refuse a stale edit', async () => {
    const before = await t.ok('patients.get', { id: ids.Garcia! }, t.sessions.front_desk);
    t.clock.advanceMinutes(1);
    const saved = await t.ok(
      'patients.update',
      { id: before.id, expectedUpdatedAt: before.updatedAt, patient: { ...PATIENT, ...PEOPLE[1], preferredName: 'Mari', email: 'maria@example.org' } },
      t.sessions.front_desk,
    );
    expect(saved.preferredName).toBe('Mari');
    const stale = await t.call('patients.update', { id: before.id, expectedUpdatedAt: before.updatedAt, patient: { ...PATIENT, ...PEOPLE[1] } }, t.sessions.therapist);
    expectError(stale, 'CONFLICT');
    const rows = (await auditRows(t)).filter((r) => r.entity === 'patient' && r.entityId === String(before.id));
    expect(rows.map((r) => r.action)).toEqual(['patients.create', 'patients.get', 'patients.update']);
    expect(rows[2]!.detail).toBe('changed preferredName, email');
  });

  it('every read of a record is audited with who read it', async () => {
    await t.ok('patients.get', { id: ids.Gardner! }, t.sessions.therapist);
    const last = (await auditRows(t)).at(-1)!;
    expect(last).toMatchObject({ action: 'patients.get', entity: 'patient', entityId: String(ids.Gardner), userId: t.userIds.therapist, username: 'thera' });
  });

  it('refuses a date of birth in the future (clinic time zone) with a field message, writing nothing', async () => {
    const before = await databaseFingerprint(t);
    const r = await t.call('patients.create', { ...PATIENT, legalFirstName: 'Future', dateOfBirth: '2026-11-27' }, t.sessions.front_desk);
    expectError(r, 'VALIDATION');
    if (!r.ok) expect(r.error.fields).toEqual({ dateOfBirth: 'Date of birth is in the future' });
    expect(await databaseFingerprint(t)).toBe(before);
    // 15:00 UTC on 26 Nov is 09:00 in Chicago: today there is the 26th.
    await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Newborn', dateOfBirth: '2026-11-26' }, t.sessions.front_desk);
  });

  it('names every invalid field in plain words', async () => {
    const r = await t.call('patients.create', { ...PATIENT, legalLastName: '  ', dateOfBirth: '2/30/1990', email: 'mia@', phone: '12' }, t.sessions.front_desk);
    expectError(r, 'VALIDATION');
    if (!r.ok) {
      expect(r.error.fields).toEqual({
        legalLastName: 'Legal last name is required',
        dateOfBirth: 'Date of birth is not a real date (type it as MM/DD/YYYY)',
        email: 'Email does not look like an address (name@example.com)',
        phone: 'Phone needs 7 to 15 digits',
      });
    }
  });

  it('warns about a likely duplicate and creates it only when confirmed', async () => {
    const twin = { ...PATIENT, ...PEOPLE[0], legalFirstName: 'jose', legalLastName: 'ALVAREZ' };
    const r = await t.call('patients.create', twin, t.sessions.front_desk);
    expectError(r, 'CONFLICT');
    if (!r.ok) {
      expect(r.error.message).toContain('RB000001');
      expect(r.error.fields).toEqual({ _duplicate: 'RB000001', _duplicateId: String(ids['Álvarez']) });
    }
    const made = await t.ok('patients.create', { ...twin, confirmDuplicate: true }, t.sessions.front_desk);
    expect(made.mrn).not.toBe('RB000001');
  });

  it('archives and unarchives, never deletes', async () => {
    await t.ok('patients.setArchived', { id: ids.Bergström!, archived: true }, t.sessions.front_desk);
    expect(await search('tom')).toEqual([]);
    expect(await search('tom', { includeArchived: true })).toEqual(['Bergström']);
    await t.ok('patients.setArchived', { id: ids.Bergström!, archived: false }, t.sessions.front_desk);
    expect(await search('tom')).toEqual(['Bergström']);
    expect((await auditRows(t)).filter((r) => r.action === 'patients.setArchived').map((r) => r.detail)).toEqual(['archived', 'unarchived']);
  });

  it('pages and sorts the whole list', async () => {
    const all = await t.ok('patients.list', { sort: 'name', limit: 500 }, t.sessions.front_desk);
    const page = await t.ok('patients.list', { sort: 'name', offset: 2, limit: 2 }, t.sessions.front_desk);
    expect(page.total).toBe(all.total);
    expect(page.rows).toEqual(all.rows.slice(2, 4));
    const byDob = (await t.ok('patients.list', { sort: 'dateOfBirth', direction: 'desc' }, t.sessions.front_desk)).rows.map((r) => r.dateOfBirth);
    expect(byDob).toEqual([...byDob].sort().reverse());
  });

  it('the audit log refuses edits and deletes, whatever code runs', async () => {
    await expect(sql`update audit_log set action = 'nothing'`.execute(t.services.db)).rejects.toThrow(/cannot be changed/);
    await expect(sql`delete from audit_log`.execute(t.services.db)).rejects.toThrow(/cannot be deleted/);
  });

  it('parses a search into its parts', () => {
    expect(parsePatientSearch('  Gar  3/7/1985 555-01 ')).toEqual({
      match: 'names : "gar"* AND {mrn phone} : "55501"*',
      dateOfBirth: '1985-03-07',
      leadingName: 'gar',
      plainName: null,
      numbers: null, // a name is part of it: not a numbers-only search
    });
    expect(parsePatientSearch('Gar').plainName).toBe('gar');
    expect(parsePatientSearch('(312) 555-01').numbers).toEqual(['312', '55501']);
    expect(parsePatientSearch('RB0004 3/7/1985').numbers).toEqual(['rb0004']);
    expect(parsePatientSearch("o'b").plainName).toBeNull();
  });
});
