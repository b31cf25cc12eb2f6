/**
 * Which automatic backups to keep: the newest of each of the last `daily` days that have one, of
 * each of the last `weekly` weeks (Monday to Sunday) and of each of the last `monthly` months
 * (grandfather-father-son). Days, weeks and months are UTC: the rule only spaces files out.
 */
export interface RetentionRule {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionRule = { daily: 7, weekly: 4, monthly: 12 };

const DAY_MS = 86_400_000;

function dayIndex(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS);
}

/** 1970-01-01 was a Thursday: shifting by 3 days starts each bucket on a Monday. */
function weekIndex(at: Date): number {
  return Math.floor((dayIndex(at) + 3) / 7);
}

function monthIndex(at: Date): number {
  return at.getUTCFullYear() * 12 + at.getUTCMonth();
}

/** The names to keep; everything else in `backups` may go. The newest backup is always kept. */
export function backupsToKeep<T extends { name: string; createdAt: Date }>(backups: readonly T[], rule: RetentionRule): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
  const keep = new Set<string>();
  const pick = (bucketOf: (at: Date) => number, count: number) => {
    const seen = new Set<number>();
    for (const b of newestFirst) {
      if (seen.size >= count) break;
      const bucket = bucketOf(b.createdAt);
      if (seen.has(bucket)) continue;
      seen.add(bucket);
      keep.add(b.name);
    }
  };
  pick(dayIndex, rule.daily);
  pick(weekIndex, rule.weekly);
  pick(monthIndex, rule.monthly);
  if (newestFirst[0]) keep.add(newestFirst[0].name);
  return keep;
}
