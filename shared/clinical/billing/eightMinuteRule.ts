import { z } from 'zod';
import { findCpt } from './cpt';

/**
 * Billing units for one date of service (clinical.md §5.3 ✅).
 *
 * CMS 8-minute rule: sum all timed one-on-one minutes; units = floor(total ÷ 15), +1 when the
 * remainder is ≥ 8. Units go to codes by most minutes: each code first gets its full 15-minute units,
 * then the remaining units go to the codes with the most minutes left (so several services each under
 * 8 minutes that together reach 8 bill one unit, to the service with the most minutes).
 *
 * CPT midpoint ("substantial portion") rule, per payer: each timed code on its own, a unit for each
 * full 15 minutes and one more when its own remainder is ≥ 8.
 *
 * Untimed codes (evaluations, re-evaluation) bill 1 unit either way and stay out of the timed total.
 */
export const UNIT_RULES = ['cms-8-minute', 'cpt-midpoint'] as const;
export type UnitRule = (typeof UNIT_RULES)[number];

/** A payer's billing setting (stored with the payer by the billing issue). */
export const payerBillingSettingsSchema = z.strictObject({
  unitRule: z.enum(UNIT_RULES).default('cms-8-minute'),
});
export type PayerBillingSettings = z.output<typeof payerBillingSettingsSchema>;

export const serviceLineSchema = z.strictObject({
  code: z.string().trim().regex(/^\d{5}$/, 'A CPT code is 5 digits'),
  minutes: z.number().int('Minutes are whole minutes').min(0).max(480),
});
export type ServiceLine = z.output<typeof serviceLineSchema>;

/** Units for a total of timed minutes: the table 8–22 → 1, 23–37 → 2, … */
export function unitsForMinutes(totalMinutes: number): number {
  if (!Number.isFinite(totalMinutes) || totalMinutes < 0) throw new RangeError('Minutes must be 0 or more');
  const whole = Math.floor(totalMinutes);
  return Math.floor(whole / 15) + (whole % 15 >= 8 ? 1 : 0);
}

export interface BilledLine {
  code: string;
  minutes: number;
  units: number;
  timed: boolean;
}

export type UnitsResult =
  | { ok: true; rule: UnitRule; totalTimedMinutes: number; totalUnits: number; lines: BilledLine[] }
  | { ok: false; errors: { code: string; message: string }[] };

/**
 * Same code on several lines is merged first (units are per code). Lines come back in input order of
 * first appearance; ties for the last units go to the code listed first.
 */
export function billUnits(lines: readonly ServiceLine[], rule: UnitRule = 'cms-8-minute'): UnitsResult {
  const errors = lines.filter((l) => !findCpt(l.code)).map((l) => ({ code: l.code, message: `${l.code} is not in Runback's PT code list` }));
  if (errors.length) return { ok: false, errors };
  const merged: { code: string; minutes: number; timed: boolean; order: number }[] = [];
  for (const l of lines) {
    const existing = merged.find((m) => m.code === l.code);
    if (existing) existing.minutes += l.minutes;
    else merged.push({ code: l.code, minutes: l.minutes, timed: findCpt(l.code)!.timed, order: merged.length });
  }
  const timed = merged.filter((m) => m.timed);
  const totalTimedMinutes = timed.reduce((a, m) => a + m.minutes, 0);
  const units = new Map<string, number>();
  for (const m of merged) if (!m.timed) units.set(m.code, 1);

  if (rule === 'cpt-midpoint') {
    for (const m of timed) units.set(m.code, unitsForMinutes(m.minutes));
  } else {
    const total = unitsForMinutes(totalTimedMinutes);
    for (const m of timed) units.set(m.code, Math.floor(m.minutes / 15));
    let left = total - timed.reduce((a, m) => a + Math.floor(m.minutes / 15), 0);
    const byRemainder = [...timed].sort((a, b) => (b.minutes % 15) - (a.minutes % 15) || b.minutes - a.minutes || a.order - b.order);
    for (const m of byRemainder) {
      if (left <= 0) break;
      if (m.minutes % 15 === 0) continue;
      units.set(m.code, units.get(m.code)! + 1);
      left--;
    }
  }
  const billed = merged.map((m) => ({ code: m.code, minutes: m.minutes, units: units.get(m.code) ?? 0, timed: m.timed }));
  return { ok: true, rule, totalTimedMinutes, totalUnits: billed.reduce((a, l) => a + l.units, 0), lines: billed };
}
