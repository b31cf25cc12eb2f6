import { describe, expect, it } from 'vitest';
import { einProblem, isValidEinPrefix, isValidNpi, normalizeEin, npiProblem } from '../../../shared/domain/identifiers';
import { cptShapeProblem, modifierShapeProblem, pointerProblem } from '../../../shared/superbill/claim-codes';

describe('NPI check digit (Luhn over 80840 + the first nine digits)', () => {
  it.each([
    ['1234567893', true],
    ['1288456795', true],
    ['1647382914', true],
    ['1904328758', true],
    ['1234567890', false], // wrong check digit
    ['1288456796', false],
    ['2288456795', false], // one digit changed
    ['1284856795', false], // two digits swapped
    ['123456789', false], // 9 digits
    ['12345678931', false], // 11 digits
    ['123456789X', false],
    ['', false],
  ])('%s → %s', (npi, valid) => {
    expect(isValidNpi(npi)).toBe(valid);
  });

  it.each([
    [null, 'NPI is missing'],
    ['  ', 'NPI is missing'],
    ['12345', 'NPI 12345 is not 10 digits'],
    ['1234567890', 'NPI 1234567890 fails its check digit (mistyped?)'],
    ['1234567893', null],
  ])('npiProblem(%j) → %j', (npi, problem) => {
    expect(npiProblem(npi)).toBe(problem);
  });
});

describe('EIN: nine digits NN-NNNNNNN with a prefix the IRS issues', () => {
  it.each([
    ['36-1234567', '36-1234567'],
    ['361234567', '36-1234567'],
    [' 01-0000001 ', '01-0000001'],
    ['99-9999999', '99-9999999'],
    ['00-1234567', null], // never issued
    ['07-1234567', null],
    ['17-1234567', null],
    ['49-1234567', null],
    ['69-1234567', null],
    ['70-1234567', null],
    ['89-1234567', null],
    ['96-1234567', null],
    ['36-123456', null], // 8 digits
    ['36-12345678', null],
    ['3A-1234567', null],
  ])('%j → %j', (text, normal) => {
    expect(normalizeEin(text)).toBe(normal);
  });

  it('names every issued prefix and no other', () => {
    const issued = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')).filter(isValidEinPrefix);
    expect(issued).toHaveLength(83);
    expect(issued).not.toContain('00');
    expect(issued).toContain('31'); // SBA
  });

  it.each([
    [null, 'Tax ID (EIN) is missing'],
    ['12-34', 'Tax ID (EIN) "12-34" is not 9 digits written NN-NNNNNNN'],
    ['08-1234567', 'Tax ID (EIN) 08-1234567 starts with 08, a prefix the IRS does not issue (mistyped?)'],
    ['36-1234567', null],
  ])('einProblem(%j) → %j', (text, problem) => {
    expect(einProblem(text)).toBe(problem);
  });
});

describe('claim line shapes', () => {
  it.each([
    ['97110', null],
    ['0001F', null],
    ['0275T', null],
    ['9711', 'procedure code "9711" is not a CPT code (5 digits, e.g. 97110)'],
    ['97110GP', 'procedure code "97110GP" is not a CPT code (5 digits, e.g. 97110)'],
    ['', 'no procedure code'],
  ])('CPT %j → %j', (code, problem) => {
    expect(cptShapeProblem(code)).toBe(problem);
  });

  it.each([
    ['GP', null],
    ['59', null],
    ['XS', null],
    ['G', 'modifier "G" is not two letters or digits (e.g. GP, 59)'],
    ['GPX', 'modifier "GPX" is not two letters or digits (e.g. GP, 59)'],
    ['gp', 'modifier "gp" is not two letters or digits (e.g. GP, 59)'],
  ])('modifier %j → %j', (m, problem) => {
    expect(modifierShapeProblem(m)).toBe(problem);
  });

  const listed = ['A', 'B', 'C'];
  it.each([
    [['A'], null],
    [['A', 'B', 'C'], null],
    [[], 'no diagnosis pointer'],
    [['A', 'B', 'C', 'D', 'E'], '5 diagnosis pointers (at most 4)'],
    [['M'], 'diagnosis pointer "M" is not a letter A–L'],
    [['1'], 'diagnosis pointer "1" is not a letter A–L'],
    [['D'], 'diagnosis pointer D names no listed diagnosis'],
    [['A', 'A'], 'a diagnosis pointer is given twice'],
  ])('pointers %j → %j', (pointers, problem) => {
    expect(pointerProblem(pointers, listed)).toBe(problem);
  });
});
