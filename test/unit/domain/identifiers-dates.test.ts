import { describe, expect, it } from 'vitest';
import { formatMrn, isValidNpi, normalizeEin } from '../../../shared/domain/identifiers';
import { ageOn, isIsoDate, parseTypedDate, todayIn } from '../../../shared/util/dates';
import { foldForSearch } from '../../../shared/util/text';
import { clinicInputSchema } from '../../../shared/domain/clinic';

describe('identifiers', () => {
  it('checks the NPI Luhn digit (CMS example 1234567893)', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('123456789')).toBe(false);
  });
  it('normalises an EIN', () => {
    expect(normalizeEin('361234567')).toBe('36-1234567');
    expect(normalizeEin('36-123456')).toBeNull();
  });
  it('formats MRNs', () => expect(formatMrn(42)).toBe('RB000042'));
});

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-28')).toBe(false);
  });
  it('reads dates as US staff type them', () => {
    expect(parseTypedDate('3/7/1985')).toBe('1985-03-07');
    expect(parseTypedDate('03-07-1985')).toBe('1985-03-07');
    expect(parseTypedDate('13/7/1985')).toBeNull();
    expect(parseTypedDate('1985')).toBeNull();
  });
  it('takes today in the clinic’s zone, not UTC', () => {
    const lateEvening = new Date('2026-11-27T03:30:00Z'); // 21:30 on the 26th in Chicago
    expect(todayIn('America/Chicago', lateEvening)).toBe('2026-11-26');
    expect(todayIn('UTC', lateEvening)).toBe('2026-11-27');
  });
  it('counts whole years of age', () => {
    expect(ageOn('1985-03-07', '2026-03-06')).toBe(40);
    expect(ageOn('1985-03-07', '2026-03-07')).toBe(41);
  });
  it('folds accents and case', () => expect(foldForSearch(' Núñez-ÅSTRÖM ')).toBe('nunez-astrom'));
  it('folds the letters Unicode does not decompose, so an English keyboard finds them', () => {
    expect(['Đặng', 'Trọng Tấn', 'Søren', 'Łukasz', 'STRAẞE', 'Ærø', 'Þór'].map(foldForSearch)).toEqual(['dang', 'trong tan', 'soren', 'lukasz', 'strasse', 'aero', 'thor']);
  });
});

describe('clinic settings', () => {
  it('explains each bad field in plain words', () => {
    const r = clinicInputSchema.safeParse({ name: '', addressLine1: 'x', city: 'x', region: 'x', postalCode: '1', phone: '12', timeZone: 'Mars/Base', distanceUnit: 'yards', npi: '1234567890', taxId: '12', idleLockMinutes: 0 });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(messages).toEqual({
      name: 'Clinic name is required',
      phone: 'Phone needs 7 to 15 digits',
      timeZone: 'Time zone is not one this computer knows (e.g. America/Chicago)',
      distanceUnit: 'Choose kilometres or miles',
      npi: 'NPI must be 10 digits with a valid check digit',
      taxId: 'Tax ID (EIN) "12" is not 9 digits written NN-NNNNNNN; e.g. 12-3456789',
      idleLockMinutes: 'Auto-lock must be at least 1 minute',
    });
  });
});
