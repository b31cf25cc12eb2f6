import { describe, expect, it } from 'vitest';
import { backupsToKeep, DEFAULT_RETENTION } from '../../../electron/backup/retention';

const DAY = 86_400_000;

/** One automatic backup a day (at 10:00 UTC) for `days` days, ending on 2026-11-26 (a Thursday). */
function daily(days: number) {
  const end = Date.parse('2026-11-26T10:00:00Z');
  return Array.from({ length: days }, (_, i) => ({ name: `b${i}`, createdAt: new Date(end - i * DAY) }));
}

describe('backup retention (7 daily, 4 weekly, 12 monthly)', () => {
  it('keeps the last 7 days, the newest of each of 4 weeks and of each of 12 months', () => {
    const backups = daily(400);
    const keep = backupsToKeep(backups, DEFAULT_RETENTION);
    const kept = backups.filter((b) => keep.has(b.name)).map((b) => b.createdAt.toISOString().slice(0, 10));
    // 7 days (Nov 20–26); weeks: this one (already kept), then the Sundays ending the 3 weeks before;
    // months: November (kept), then the last day of each of the 11 months before.
    expect(kept).toEqual([
      '2026-11-26', '2026-11-25', '2026-11-24', '2026-11-23', '2026-11-22', '2026-11-21', '2026-11-20',
      '2026-11-15', '2026-11-08',
      '2026-10-31', '2026-09-30', '2026-08-31', '2026-07-31', '2026-06-30', '2026-05-31', '2026-04-30', '2026-03-31', '2026-02-28', '2026-01-31', '2025-12-31',
    ]);
  });

  it('keeps the newest of several backups on one day, and everything when there are few', () => {
    const end = Date.parse('2026-11-26T10:00:00Z');
    const sameDay = [0, 1, 2].map((h) => ({ name: `h${h}`, createdAt: new Date(end - h * 3_600_000) }));
    expect([...backupsToKeep(sameDay, DEFAULT_RETENTION)]).toEqual(['h0']);
    expect(backupsToKeep(daily(5), DEFAULT_RETENTION).size).toBe(5);
    expect(backupsToKeep([], DEFAULT_RETENTION).size).toBe(0);
  });

  it('always keeps the newest backup, even with a rule of nothing weekly or monthly', () => {
    const keep = backupsToKeep(daily(30), { daily: 1, weekly: 0, monthly: 0 });
    expect([...keep]).toEqual(['b0']);
  });
});
