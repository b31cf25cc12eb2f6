import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CPT_CODES, findCpt } from '../../../shared/clinical/billing/cpt';
import type { ServiceLine } from '../../../shared/clinical/billing/eightMinuteRule';
import { billUnits, payerBillingSettingsSchema, unitsForMinutes } from '../../../shared/clinical/billing/eightMinuteRule';
import { checkIcd10, normalizeIcd10 } from '../../../shared/clinical/billing/icd10';

const units = (lines: ServiceLine[], rule?: 'cms-8-minute' | 'cpt-midpoint') => {
  const r = billUnits(lines, rule);
  if (!r.ok) expect.fail(JSON.stringify(r.errors));
  return r;
};
const byCode = (r: ReturnType<typeof units>) => Object.fromEntries(r.lines.map((l) => [l.code, l.units]));

describe('CMS 8-minute rule: total timed minutes → units', () => {
  it('matches the unit table at every boundary', () => {
    const table: [number, number][] = [
      [7, 0], [8, 1], [22, 1], [23, 2], [37, 2], [38, 3], [52, 3], [53, 4], [67, 4], [68, 5], [82, 5], [83, 6], [97, 6],
    ];
    for (const [minutes, expected] of table) expect(unitsForMinutes(minutes), `${minutes} min`).toBe(expected);
  });
  it('bills 41 minutes as 3 units and 37 minutes as 2 (clinical.md examples)', () => {
    expect(units([{ code: '97110', minutes: 41 }]).totalUnits).toBe(3);
    expect(units([{ code: '97110', minutes: 25 }, { code: '97140', minutes: 12 }]).totalUnits).toBe(2);
  });
});

describe('assigning units to codes by most minutes', () => {
  it('gives full 15-minute units first, then the rest to the most minutes left', () => {
    // 33 + 7 = 40 min → 3 units: 97110 has 2 full units and 3 min left; 97140's 7 min beat those 3.
    const r = units([{ code: '97110', minutes: 33 }, { code: '97140', minutes: 7 }]);
    expect(r).toMatchObject({ totalTimedMinutes: 40, totalUnits: 3 });
    expect(byCode(r)).toEqual({ '97110': 2, '97140': 1 });
    // 24 + 23 = 47 min → 3 units: 1 + 1 full, and the third to 97112's 9 left over 97110's 8.
    expect(byCode(units([{ code: '97110', minutes: 23 }, { code: '97112', minutes: 24 }]))).toEqual({ '97110': 1, '97112': 2 });
  });
  it('bills one unit to the service with the most minutes when several under 8 add up to 8 or more', () => {
    expect(byCode(units([{ code: '97110', minutes: 5 }, { code: '97140', minutes: 6 }, { code: '97112', minutes: 4 }]))).toEqual({ '97110': 0, '97140': 1, '97112': 0 });
    // A tie goes to the first listed, so the result is reproducible.
    expect(byCode(units([{ code: '97112', minutes: 7 }, { code: '97110', minutes: 7 }, { code: '97140', minutes: 7 }]))).toEqual({ '97112': 1, '97110': 0, '97140': 0 });
  });
  it('bills untimed evaluations 1 unit, outside the timed total', () => {
    const r = units([{ code: '97161', minutes: 25 }, { code: '97110', minutes: 30 }]);
    expect(r).toMatchObject({ totalTimedMinutes: 30, totalUnits: 3 });
    expect(byCode(r)).toEqual({ '97161': 1, '97110': 2 });
  });
  it('merges lines of the same code and refuses unknown codes', () => {
    expect(byCode(units([{ code: '97110', minutes: 5 }, { code: '97110', minutes: 5 }]))).toEqual({ '97110': 1 });
    expect(billUnits([{ code: '97124', minutes: 15 }])).toEqual({ ok: false, errors: [{ code: '97124', message: "97124 is not in Runback's PT code list" }] });
  });
  it('always bills the units the total calls for (property)', () => {
    const timed = CPT_CODES.filter((c) => c.timed).map((c) => c.code);
    fc.assert(
      fc.property(fc.array(fc.record({ code: fc.constantFrom(...timed), minutes: fc.integer({ min: 0, max: 90 }) }), { maxLength: 8 }), (lines) => {
        const r = units(lines);
        expect(r.totalUnits).toBe(unitsForMinutes(lines.reduce((a, l) => a + l.minutes, 0)));
        for (const l of r.lines) expect(l.units).toBeLessThanOrEqual(Math.ceil(l.minutes / 15));
      }),
    );
  });
});

describe('CPT midpoint rule (per payer)', () => {
  it('bills each timed code on its own', () => {
    expect(units([{ code: '97112', minutes: 7 }, { code: '97110', minutes: 7 }, { code: '97140', minutes: 7 }], 'cpt-midpoint').totalUnits).toBe(0);
    const r = units([{ code: '97112', minutes: 24 }, { code: '97110', minutes: 23 }], 'cpt-midpoint');
    expect(byCode(r)).toEqual({ '97112': 2, '97110': 2 });
    expect(r.totalUnits).toBe(4);
  });
  it('is a payer setting that defaults to the CMS rule', () => {
    expect(payerBillingSettingsSchema.parse({})).toEqual({ unitRule: 'cms-8-minute' });
    expect(payerBillingSettingsSchema.parse({ unitRule: 'cpt-midpoint' }).unitRule).toBe('cpt-midpoint');
  });
});

describe('CPT catalogue', () => {
  it('marks evaluations untimed and treatment codes timed', () => {
    expect(['97161', '97162', '97163', '97164'].map((c) => findCpt(c)!.timed)).toEqual([false, false, false, false]);
    expect(['97110', '97112', '97140', '97530', '97535', '97750'].map((c) => findCpt(c)!.timed)).toEqual([true, true, true, true, true, true]);
  });
});

describe('ICD-10-CM for low back pain', () => {
  it('refuses M54.5, naming M54.50, M54.51 and M54.59', () => {
    const c = checkIcd10('m54.5');
    expect(c).toMatchObject({ status: 'refused', code: 'M54.5', replacedBy: ['M54.50', 'M54.51', 'M54.59'] });
    expect(c.status === 'refused' && c.message).toBe('M54.5 is no longer billable (deleted Oct 1, 2021); use M54.50, M54.51 or M54.59');
  });
  it('refuses M51.36 and M51.37, naming the six-character codes that replaced them', () => {
    expect(checkIcd10('M51.36')).toMatchObject({ status: 'refused', replacedBy: ['M51.360', 'M51.361', 'M51.362', 'M51.369'] });
    expect(checkIcd10('M5137')).toMatchObject({ status: 'refused', code: 'M51.37', replacedBy: ['M51.370', 'M51.371', 'M51.372', 'M51.379'] });
  });
  it('accepts the current codes, reports others as unchecked and refuses junk', () => {
    expect(checkIcd10('M54.50')).toMatchObject({ status: 'valid', title: 'Low back pain, unspecified' });
    expect(checkIcd10('s33.5xxa')).toMatchObject({ status: 'valid', code: 'S33.5XXA' });
    expect(checkIcd10('M79.10').status).toBe('unchecked');
    expect(checkIcd10('back pain').status).toBe('malformed');
    expect(normalizeIcd10(' m5450 ')).toBe('M54.50');
  });
});
