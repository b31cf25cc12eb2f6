import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRow, suggestMapping } from '../../shared/domain/patient-import';
import { auditRows, createTestApp, databaseFingerprint, expectError, PATIENT, type TestApp } from './harness';

describe('the patient’s handout language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.dispose());

  it('registers a patient in English unless the desk chooses Español, and keeps it on an edit that does not mention it', async () => {
    const plain = await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Ana', dateOfBirth: '1990-01-01' }, t.sessions.front_desk);
    expect(plain.language).toBe('en');
    const spanish = await t.ok('patients.create', { ...PATIENT, legalFirstName: 'Ramón', legalLastName: 'Núñez', language: 'es' }, t.sessions.front_desk);
    expect(spanish.language).toBe('es');
    const { id: _id, mrn: _m, archivedAt: _a, createdAt: _c, updatedAt, language: _l, ...fields } = spanish;
    const kept = await t.ok('patients.update', { id: spanish.id, expectedUpdatedAt: updatedAt, patient: { ...fields, phone: '(312) 555-0111' } }, t.sessions.therapist);
    expect(kept.language).toBe('es');
    const changed = await t.ok('patients.update', { id: spanish.id, expectedUpdatedAt: kept.updatedAt, patient: { ...fields, language: 'en' } }, t.sessions.therapist);
    expect(changed.language).toBe('en');
    const audit = (await auditRows(t)).filter((r) => r.entityId === String(spanish.id) && r.action === 'patients.update').map((r) => r.detail);
    expect(audit).toEqual(['changed phone', 'changed phone, language']);
    expect((await t.ok('patients.get', { id: spanish.id }, t.sessions.front_desk)).language).toBe('en');
  });

  it('refuses a language handouts do not print in, and writes nothing', async () => {
    const before = await databaseFingerprint(t);
    const result = await t.call('patients.create', { ...PATIENT, legalFirstName: 'Pierre', language: 'fr' as 'en' }, t.sessions.front_desk);
    expectError(result, 'VALIDATION');
    if (!result.ok) expect(result.error.message).toMatch(/handout language: English or Español/);
    expect(await databaseFingerprint(t)).toBe(before);
  });
});

describe('the handout language in a patient CSV import', () => {
  const headers = ['Last', 'First', 'DOB', 'Sex', 'Idioma'];
  const mapping = suggestMapping(headers, null, 'MDY');
  const row = (idioma: string) => checkRow({ Last: 'Đặng', First: 'Trọng Tấn', DOB: '03/07/1985', Sex: 'M', Idioma: idioma }, mapping);

  it('finds the language column by its usual headers', () => {
    expect(mapping.columns.language).toBe('Idioma');
    expect(suggestMapping(['Name', 'Date of birth', 'Preferred language'], null, 'MDY').columns.language).toBe('Preferred language');
  });

  it('reads the ways other systems write English and Spanish, and leaves a blank cell on English', () => {
    for (const [cell, language] of [['Español', 'es'], ['spanish', 'es'], ['ES', 'es'], ['English', 'en'], ['inglés', 'en'], ['', undefined]] as const) {
      const r = row(cell);
      expect(r.ok, cell).toBe(true);
      if (r.ok) expect(r.fields.language, cell).toBe(language);
    }
  });

  it('names a language it cannot print in', () => {
    expect(row('Français')).toEqual({ ok: false, problems: ['Language “Français” is not one handouts print in (English or Spanish)'] });
    expect(row('constructor').ok).toBe(false);
  });
});
