import { addDays } from '../clinical/calendar';
import type { Ladder } from '../clinical/ladder';
import type { Translator } from '../i18n/translate';
import type { CalendarWeek, RunWalkCalendar } from './handout-parts';

/*
 * THROWAWAY (branch handout): a stand-in with the agreed name and result shape so the handout can be
 * built and tested. The real calendar (planner prescription week by week, surface and pace hints) comes
 * from branch photos-lang and replaces this file at merge.
 */

export const CALENDAR_PHRASES_EN = {
  'calendar.intro': 'One row per week. Your therapist reviews your log each week and may change the next week.',
  'calendar.week': 'Week {n} · from {date}',
  'calendar.session': 'Run {run} s, walk {walk} s — {repeats} times ({minutes} min)',
  'calendar.surface': 'Flat and soft: grass, track or trail',
  'calendar.pace': 'Easy: you can talk in full sentences',
  'calendar.condition': 'If last week went well',
} as const;
export const CALENDAR_PHRASES_ES: Record<keyof typeof CALENDAR_PHRASES_EN, string> = {
  'calendar.intro': 'Una fila por semana. Su fisioterapeuta revisa su registro cada semana y puede cambiar la siguiente.',
  'calendar.week': 'Semana {n} · desde el {date}',
  'calendar.session': 'Correr {run} s, caminar {walk} s — {repeats} veces ({minutes} min)',
  'calendar.surface': 'Llano y blando: césped, pista o sendero',
  'calendar.pace': 'Suave: puede hablar con frases completas',
  'calendar.condition': 'Si la semana pasada fue bien',
};

export interface CalendarPlan {
  ladder: Ladder;
  sessionsPerWeek: number;
  /** The plan's weeks so far (the last one is the current prescription). */
  weeks: { weekStart: string; stepId: string }[];
}

export function buildRunWalkCalendar(plan: CalendarPlan | null, t: Translator, formatDate: (iso: string) => string): RunWalkCalendar | null {
  const last = plan?.weeks.at(-1);
  if (!plan || !last) return null;
  const at = Math.max(0, plan.ladder.findIndex((s) => s.id === last.stepId));
  const weeks: CalendarWeek[] = [0, 1, 2, 3].map((i) => {
    const s = plan.ladder[Math.min(at + i, plan.ladder.length - 1)]!;
    const weekStart = addDays(last.weekStart, 7 * i);
    const totalMinutes = Math.round(((s.runSeconds + s.walkSeconds) * s.repeats) / 60);
    return {
      weekStart,
      label: t.text('calendar.week', { n: i + 1, date: formatDate(weekStart) }),
      sessionsPerWeek: s.sessionsPerWeek ?? plan.sessionsPerWeek,
      runSeconds: s.runSeconds,
      walkSeconds: s.walkSeconds,
      repeats: s.repeats,
      totalMinutes,
      sessionText: t.text('calendar.session', { run: s.runSeconds, walk: s.walkSeconds, repeats: s.repeats, minutes: totalMinutes }),
      surface: t.text('calendar.surface'),
      pace: t.text('calendar.pace'),
      condition: i === 0 ? null : t.text('calendar.condition'),
    };
  });
  return { weeks, intro: t.text('calendar.intro') };
}
