import { RRule, type Weekday } from 'rrule';
import { addDays, weekdayName } from './clinic-time';

/**
 * Appointment series are stored as an RFC 5545 RRULE over calendar dates (floating: no time zone),
 * plus the wall-clock start time; occurrences are expanded to dates here and turned into instants
 * in the clinic's zone by clinic-time.ts. Keeping the rule (not only the copies) lets staff edit
 * "this and following" or "all" without losing the series or its history.
 */

const BY_ISO_DAY: Record<number, Weekday> = { 1: RRule.MO, 2: RRule.TU, 3: RRule.WE, 4: RRule.TH, 5: RRule.FR, 6: RRule.SA, 7: RRule.SU };

/** Hard stop so a mistyped rule can never create years of appointments. */
export const MAX_OCCURRENCES = 200;

export interface WeeklyRule {
  /** First possible date (YYYY-MM-DD). */
  startsOn: string;
  /** ISO weekdays, 1 = Monday. */
  weekdays: number[];
  intervalWeeks: number;
  /** Either an end date (inclusive) or a number of occurrences. */
  until?: string | null;
  count?: number | null;
}

const utcMidnight = (date: string) => new Date(`${date}T00:00:00.000Z`);

export function toRRule(rule: WeeklyRule): string {
  const r = new RRule({
    freq: RRule.WEEKLY,
    interval: rule.intervalWeeks,
    byweekday: [...new Set(rule.weekdays)].sort().map((d) => BY_ISO_DAY[d]!),
    dtstart: utcMidnight(rule.startsOn),
    wkst: RRule.MO,
    ...(rule.until ? { until: utcMidnight(rule.until) } : {}),
    ...(rule.count ? { count: rule.count } : {}),
  });
  return r.toString();
}

/** Occurrence dates of a rule, optionally only from `from` on (inclusive), at most MAX_OCCURRENCES. */
export function expandRRule(text: string, from?: string): string[] {
  const rule = RRule.fromString(text);
  const dates: string[] = [];
  rule.all((d, i) => {
    if (i >= MAX_OCCURRENCES) return false;
    const date = d.toISOString().slice(0, 10);
    if (!from || date >= from) dates.push(date);
    return true;
  });
  return dates;
}

/** A copy of the rule that stops before `date` (for "this and following" edits and cancels). */
export function endRRuleBefore(text: string, date: string): string {
  const rule = RRule.fromString(text);
  const { count: _count, ...options } = rule.origOptions;
  return new RRule({ ...options, until: utcMidnight(addDays(date, -1)) }).toString();
}

/** "Every week on Tuesday and Thursday, 8 times" — for dialogs and the audit log. */
export function describeRule(rule: WeeklyRule): string {
  const days = [...new Set(rule.weekdays)].sort().map(weekdayName);
  const list = days.length > 1 ? `${days.slice(0, -1).join(', ')} and ${days.at(-1)}` : (days[0] ?? '');
  const every = rule.intervalWeeks === 1 ? 'Every week' : `Every ${rule.intervalWeeks} weeks`;
  const end = rule.count ? `, ${rule.count} times` : rule.until ? `, until ${rule.until}` : '';
  return `${every} on ${list}${end}`;
}

const ISO_FROM_RRULE_DAY = (weekday: number) => weekday + 1; // rrule: 0 = Monday

/** The rule's ISO weekdays and its end (until date or count), for display and edits. */
export function readRRule(text: string): WeeklyRule {
  const o = RRule.fromString(text).origOptions;
  const days = (Array.isArray(o.byweekday) ? o.byweekday : o.byweekday ? [o.byweekday] : []).map((d) =>
    ISO_FROM_RRULE_DAY(typeof d === 'number' ? d : typeof d === 'string' ? 0 : d.weekday),
  );
  return {
    startsOn: (o.dtstart ?? new Date(0)).toISOString().slice(0, 10),
    weekdays: days,
    intervalWeeks: o.interval ?? 1,
    until: o.until ? o.until.toISOString().slice(0, 10) : null,
    count: o.count ?? null,
  };
}

/**
 * The rule for the occurrences from `fromDate` on, moved by `shiftDays` (a Tue/Thu series moved one
 * day later becomes Wed/Fri). `remaining` replaces a COUNT with the number of occurrences left.
 */
export function restartRRule(text: string, fromDate: string, shiftDays: number, remaining: number | null): string {
  const rule = readRRule(text);
  return toRRule({
    startsOn: addDays(fromDate, shiftDays),
    weekdays: rule.weekdays.map((d) => ((((d - 1 + shiftDays) % 7) + 7) % 7) + 1),
    intervalWeeks: rule.intervalWeeks,
    until: rule.until ? addDays(rule.until, shiftDays) : null,
    count: rule.count ? remaining : null,
  });
}
