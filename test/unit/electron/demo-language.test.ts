import { describe, expect, it } from 'vitest';
import { demoPatients } from '../../../electron/demo/demo-patients';

describe('demo patients’ handout language', () => {
  it('has about one patient in eight reading Spanish, among them patients with Spanish names', () => {
    const patients = [...demoPatients({ count: 400, seed: 1, today: '2026-11-26' })];
    const spanish = patients.filter((p) => p.language === 'es');
    expect(spanish.length / patients.length).toBeGreaterThan(0.08);
    expect(spanish.length / patients.length).toBeLessThan(0.18);
    // Names from the Mexican-Spanish set carry accents or ñ often enough to find a few.
    expect(spanish.some((p) => /[áéíóúñ]/i.test(`${p.legalFirstName} ${p.legalLastName}`))).toBe(true);
    expect(patients.filter((p) => p.language === 'en').length).toBeGreaterThan(300);
  });
});
