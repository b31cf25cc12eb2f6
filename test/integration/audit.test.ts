import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, PASSWORDS, PATIENT, type TestApp } from './harness';

describe('the audit-log viewer', () => {
  let t: TestApp;
  let tan: { id: number; mrn: string; updatedAt: string };
  beforeAll(async () => {
    t = await createTestApp();
    const desk = t.sessions.front_desk;
    tan = await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng', preferredName: null }, desk);
    const other = await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Zoë', legalLastName: 'Núñez', preferredName: null }, desk);
    await t.ok('patients.get', { id: tan.id }, t.sessions.therapist);
    t.clock.advanceMinutes(60 * 24 * 3); // three days later: everyone signs in again
    for (const [role, username] of [['admin', 'admin'], ['therapist', 'thera'], ['front_desk', 'desk']] as const) {
      t.sessions[role] = (await t.ok('auth.signIn', { username, password: PASSWORDS[role] })).sessionToken;
    }
    await t.ok('patients.get', { id: other.id }, t.sessions.therapist);
    const again = t.sessions.front_desk;
    await t.ok('patients.update', { id: tan.id, expectedUpdatedAt: tan.updatedAt, patient: { ...PATIENT, legalFirstName: 'Trọng Tấn', legalLastName: 'Đặng', preferredName: null, phone: '(312) 555-0177' } }, again);
  });
  afterAll(() => t.dispose());

  it('shows rows in words: who by name, what happened, the record by patient name and MRN', async () => {
    const { entries } = await t.ok('audit.list', { patientId: tan.id }, t.sessions.admin);
    expect(entries.map((e) => e.actionLabel)).toEqual(['Changed a patient’s details', 'Opened a patient’s record', 'Registered a patient']);
    expect(entries.filter((e) => e.action === 'patients.get')).toHaveLength(1);
    expect(new Set(entries.map((e) => e.record))).toEqual(new Set([`Đặng, Trọng Tấn (${tan.mrn})`]));
    expect(entries.find((e) => e.action === 'patients.update')!.who).toBe('Fran Desk');
    expect(entries.filter((e) => e.action === 'patients.get').map((e) => e.who)).toEqual(['Theo Therapist']);
    expect(entries.every((e) => !/^\d+$/.test(e.who))).toBe(true);
  });

  it('filters by user, action and the clinic’s calendar days; pages with “more”', async () => {
    const byTherapist = await t.ok('audit.list', { userId: t.userIds.therapist, action: 'patients.get' }, t.sessions.admin);
    expect(byTherapist.entries.map((e) => e.record)).toEqual([expect.stringContaining('Núñez, Zoë'), expect.stringContaining('Đặng, Trọng Tấn')]);
    const firstDay = await t.ok('audit.list', { action: 'patients.get', from: '2026-11-26', to: '2026-11-26' }, t.sessions.admin);
    expect(firstDay.entries.map((e) => e.record)).toEqual([expect.stringContaining('Đặng')]);
    const page1 = await t.ok('audit.list', { limit: 2 }, t.sessions.admin);
    expect(page1.more).toBe(true);
    const page2 = await t.ok('audit.list', { limit: 2, beforeId: page1.entries.at(-1)!.id }, t.sessions.admin);
    expect(page2.entries[0]!.id).toBeLessThan(page1.entries.at(-1)!.id);
    expectError(await t.call('audit.list', { from: '2026-12-02', to: '2026-12-01' }, t.sessions.admin), 'VALIDATION');
  });

  it('exports the filtered rows as CSV in the clinic’s words (UTF-8 with a BOM), and the export is itself audited', async () => {
    const r = await t.ok('audit.export', { patientId: tan.id }, t.sessions.admin);
    expect(r.rows).toBe(3);
    expect(r.truncated).toBe(false);
    expect(r.filename).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = r.csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('When (clinic time),When (UTC),Who,Username,What,Action,Record,Detail');
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toContain(`"Đặng, Trọng Tấn (${tan.mrn})"`);
    expect(lines.at(-1)).toMatch(/^"Nov 26, 2026, \d{1,2}:\d{2} (AM|PM)",2026-11-26T/);
    const after = await t.ok('audit.list', { action: 'audit.export' }, t.sessions.admin);
    expect(after.entries[0]!.actionLabel).toBe('Exported the audit log');
    expect(after.entries[0]!.detail).toBe(`exported 3 rows: patient Đặng, Trọng Tấn (${tan.mrn})`);
    await t.ok('audit.export', { userId: t.userIds.therapist, action: 'patients.get', from: '2026-11-26', to: '2026-11-30' }, t.sessions.admin);
    const words = (await t.ok('audit.list', { action: 'audit.export' }, t.sessions.admin)).entries[0]!.detail;
    expect(words).toBe('exported 2 rows: by Theo Therapist, “Opened a patient’s record”, from Nov 26, 2026, to Nov 30, 2026');
  });

  it('neutralises cells a spreadsheet would run as a formula (a name starting with =, +, - or @)', async () => {
    await t.ok('users.update', { id: t.userIds.therapist, displayName: '=HYPERLINK("http://x","y")' }, t.sessions.admin);
    await t.ok('patients.get', { id: tan.id }, t.sessions.therapist);
    const r = await t.ok('audit.export', { userId: t.userIds.therapist }, t.sessions.admin);
    const cells = r.csv.split(/[,\r\n]+/);
    expect(r.csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(cells.filter((c) => /^"?[=+@]/.test(c))).toEqual([]);
    await t.ok('users.update', { id: t.userIds.therapist, displayName: 'Theo Therapist' }, t.sessions.admin);
  });

  it('is for admins only', async () => {
    expectError(await t.call('audit.list', {}, t.sessions.therapist), 'FORBIDDEN');
    expectError(await t.call('audit.export', {}, t.sessions.front_desk), 'FORBIDDEN');
  });
});
