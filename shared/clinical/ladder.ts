import { z } from 'zod';
import { describeSeconds } from '../units/duration';

/**
 * The run-walk ladder: data the clinic can edit. One rung = run seconds, walk seconds, repeats
 * (walkSeconds 0 and repeats 1 = continuous running).
 *
 * The default ladder follows ASTEROID's shape — 3 sessions a week of about 30 minutes (✅ Neason 2024;
 * ANZCTR), run intervals from 15 s up to 3 min with walking shortened as runners progress (⚠️ New
 * Atlas news report only) — then continuous running. ASTEROID's own week-by-week steps were not
 * published in anything we could read (❌), so the rungs in between are clinic policy: every rung
 * here is 30 minutes, and running time never falls from one rung to the next.
 */
export const ladderStepSchema = z
  .strictObject({
    id: z
      .string()
      .trim()
      .min(1, 'A ladder step needs an id')
      .max(40)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'A ladder step id uses lower-case letters, digits and dashes'),
    runSeconds: z.number().int().min(5, 'runSeconds must be at least 5').max(7200),
    walkSeconds: z.number().int().min(0).max(1800),
    repeats: z.number().int().min(1).max(60),
    /** Overrides the policy's sessions per week for this rung. */
    sessionsPerWeek: z.number().int().min(1).max(7).optional(),
  })
  .refine((s) => s.walkSeconds > 0 || s.repeats === 1, {
    message: 'A continuous rung (walkSeconds 0) has repeats 1',
    path: ['repeats'],
  });
export type LadderStep = z.output<typeof ladderStepSchema>;

export const ladderSchema = z
  .array(ladderStepSchema)
  .min(1, 'The ladder needs at least one step')
  .max(60)
  .superRefine((steps, ctx) => {
    const seen = new Set<string>();
    steps.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', message: `Ladder step id "${s.id}" is used twice`, path: [i, 'id'] });
      seen.add(s.id);
    });
  });
export type Ladder = z.output<typeof ladderSchema>;

const step = (runSeconds: number, walkSeconds: number, repeats: number): LadderStep => ({
  id: walkSeconds === 0 ? `run-${runSeconds / 60}-min` : `rw-${runSeconds}-${walkSeconds}`,
  runSeconds,
  walkSeconds,
  repeats,
});

export const DEFAULT_LADDER: Ladder = [
  step(15, 105, 15),
  step(30, 90, 15),
  step(45, 75, 15),
  step(60, 60, 15),
  step(90, 60, 12),
  step(120, 60, 10),
  step(150, 50, 9),
  step(180, 45, 8),
  step(180, 20, 9),
  step(1800, 0, 1),
];

export function stepDurationSeconds(s: Pick<LadderStep, 'runSeconds' | 'walkSeconds' | 'repeats'>): number {
  return (s.runSeconds + s.walkSeconds) * s.repeats;
}

export function stepRunSeconds(s: Pick<LadderStep, 'runSeconds' | 'repeats'>): number {
  return s.runSeconds * s.repeats;
}

export function isContinuous(s: Pick<LadderStep, 'walkSeconds'>): boolean {
  return s.walkSeconds === 0;
}

/** Patient-facing words (6th-grade level): "Run 15 seconds, walk 1 minute 45 seconds, 15 times (30 minutes)". */
export function describeSession(s: Pick<LadderStep, 'runSeconds' | 'walkSeconds' | 'repeats'>): string {
  if (isContinuous(s)) return `Run ${describeSeconds(s.runSeconds * s.repeats)} without walking breaks`;
  const times = s.repeats === 1 ? 'once' : `${s.repeats} times`;
  return `Run ${describeSeconds(s.runSeconds)}, walk ${describeSeconds(s.walkSeconds)}, ${times} (${describeSeconds(stepDurationSeconds(s))})`;
}

export function stepIndex(ladder: Ladder, id: string): number {
  return ladder.findIndex((s) => s.id === id);
}
