import { describe, expect, it } from 'vitest';
import { isIsoDate, isoDateUtcMs, todayIn } from '../../../shared/util/dates';

const formats = new Map<string, Intl.DateTimeFormat>();
/** The date as the time-zone database gives it (a formatter of the test's own per zone). */
const direct = (timeZone: string, at: Date) => {
  let f = formats.get(timeZone);
  if (!f) formats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(at);
};

describe('todayIn', () => {
  it('answers as the time-zone database does, around midnights and daylight-saving changes, asked in any order', () => {
    const zones = ['America/Chicago', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Ho_Chi_Minh', 'Europe/London', 'UTC'];
    // Around 2026's changes and the new year, every 19 minutes on both sides of each local midnight.
    const around = ['2026-03-08T05:00:00Z', '2026-11-01T05:00:00Z', '2026-04-04T13:00:00Z', '2026-10-03T14:00:00Z', '2026-12-31T23:00:00Z', '2026-03-29T00:30:00Z'];
    for (const zone of zones) {
      for (const start of around) {
        const t0 = Date.parse(start);
        for (let minute = -26 * 60; minute <= 26 * 60; minute += 19) {
          const at = new Date(t0 + minute * 60_000 + (minute % 3) * 17_000);
          expect(todayIn(zone, at), `${zone} ${at.toISOString()}`).toBe(direct(zone, at));
          // Then back a little: the kept quarter-hour never answers for another.
          const back = new Date(at.getTime() - 20 * 60_000);
          expect(todayIn(zone, back), `${zone} ${back.toISOString()}`).toBe(direct(zone, back));
        }
      }
    }
  });

  it('refuses a zone the time-zone database does not know, as Intl does', () => {
    expect(() => todayIn('Not/AZone', new Date('2026-12-02T12:00:00Z'))).toThrow(RangeError);
  });
});

describe('isoDateUtcMs', () => {
  it('reads a real calendar date as its UTC midnight, and nothing else', () => {
    expect(isoDateUtcMs('2026-03-07')).toBe(Date.UTC(2026, 2, 7));
    expect(isoDateUtcMs('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    for (const bad of ['2023-02-29', '2026-13-01', '2026-3-7', '07/03/2026', '', '2026-03-07T00:00']) {
      expect(isoDateUtcMs(bad), bad).toBeNull();
      expect(isIsoDate(bad)).toBe(false);
    }
  });
});
