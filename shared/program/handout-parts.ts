/**
 * The patient-facing parts of a home-program handout that come from the running plan and the clinic's
 * pain policy (issue #14). Every string here is already in the patient's language: a handout is
 * stored whole when printed and reprinted from what was stored, so nothing is looked up again.
 *
 * Built in shared/program/run-walk-calendar.ts and shared/program/patient-rules.ts; printed by
 * electron/print/home-program.tsx.
 */

/** One week of the run-walk calendar. */
export interface CalendarWeek {
  /** The clinic week's first day, 'YYYY-MM-DD' (for tests and ordering; the label is what prints). */
  weekStart: string;
  /** e.g. "Week 2 · from Mon 14 Dec", in the patient's language and the clinic's date format. */
  label: string;
  sessionsPerWeek: number;
  runSeconds: number;
  /** 0 for continuous running. */
  walkSeconds: number;
  repeats: number;
  totalMinutes: number;
  /** e.g. "Run 45 s, walk 1 min 15 s — 15 times (30 min)". */
  sessionText: string;
  surface: string;
  pace: string;
  /** Null for the week the plan prescribes now; for later weeks, the condition to move on (e.g. "if last week went well"). */
  condition: string | null;
}

export interface RunWalkCalendar {
  /** Four weeks, the first being the week the plan has prescribed (or the next week it will). */
  weeks: CalendarWeek[];
  /** One line above the calendar (e.g. how to read it, and that the therapist reviews each week). */
  intro: string;
}

/** One light of the pain traffic light: when it applies (with the clinic's thresholds) and what to do. */
export interface PainLight {
  zone: 'green' | 'amber' | 'red';
  title: string;
  when: string;
  what: string;
}

export interface PainRules {
  heading: string;
  lights: [PainLight, PainLight, PainLight];
}

/** When to stop and call the clinic (red flags in lay words), and whom to call. */
export interface LayRedFlags {
  heading: string;
  intro: string;
  items: string[];
  /** What to do: call the clinic (its phone filled in) or emergency services. */
  action: string;
}
