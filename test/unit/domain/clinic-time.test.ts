import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantToLocal } from '../../../shared/schedule/clinic-time';

/** The wall clock as @date-fns/tz's TZDate reads it: what instantToLocal's quarter-hour cache must equal. */
function reference(ms: number, timeZone: string) {
  const t = new TZDate(ms, timeZone);
  const date = `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
  return { date, minute: t.getHours() * 60 + t.getMinutes(), weekday: t.getDay() === 0 ? 7 : t.getDay() };
}

// Whole-hour, half-hour (Lord Howe's half-hour DST, Newfoundland), 45-minute (Kathmandu, Chatham) zones.
const ZONES = ['America/Chicago', 'Europe/London', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/Sao_Paulo', 'UTC'];

describe('instantToLocal', () => {
  it('reads any instant from 1970 to 2060 as the time-zone database does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2060, 0, 1) }), fc.constantFrom(...ZONES), (ms, zone) => {
        expect(instantToLocal(new Date(ms), zone)).toEqual(reference(ms, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('minute by minute across daylight-saving changes, both ways', () => {
    const around = [
      ['America/Chicago', Date.UTC(2026, 2, 8, 8, 0)],
      ['America/Chicago', Date.UTC(2026, 10, 1, 7, 0)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15, 0)],
      ['Australia/Lord_Howe', Date.UTC(2026, 9, 3, 15, 30)],
      ['Pacific/Chatham', Date.UTC(2026, 8, 26, 14, 0)],
      ['America/St_Johns', Date.UTC(2026, 2, 8, 5, 30)],
    ] as const;
    for (const [zone, change] of around) {
      for (let m = -90; m <= 90; m++) {
        const ms = change + m * 60_000 + 17_000;
        expect(instantToLocal(new Date(ms).toISOString(), zone), `${zone} ${new Date(ms).toISOString()}`).toEqual(reference(ms, zone));
      }
    }
  });
});
