import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, startOfWeek, weekdayOf } from '../../../shared/clinical/calendar';

describe('calendar dates', () => {
  it('adds days across month ends, leap days and DST changes', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    // US DST began 2026-03-08: calendar maths must not lose or gain a day.
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2026-11-01', -1)).toBe('2026-10-31');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
  });
  it('finds the clinic week start', () => {
    expect(weekdayOf('2026-03-16')).toBe('monday');
    expect(startOfWeek('2026-03-22', 'monday')).toBe('2026-03-16');
    expect(startOfWeek('2026-03-22', 'sunday')).toBe('2026-03-22');
    expect(startOfWeek('2026-03-21', 'sunday')).toBe('2026-03-15');
    expect(startOfWeek('2026-03-16', 'monday')).toBe('2026-03-16');
  });
  it('refuses a date that does not exist', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});
