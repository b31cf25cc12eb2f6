import { z } from 'zod';
import { UNIT_RULES } from './billing/eightMinuteRule';
import { WEEKDAYS } from './calendar';

/**
 * The clinic policy: every threshold the rules engine uses, in one zod-validated object whose
 * defaults come from clinical.md. Where clinical.md marks a figure ⚠️ or ❌ the default is a clinic
 * choice, shown as "clinic policy" by the rule registry (rules.ts), never as evidence. Any value the
 * clinic changes from its default is shown as clinic policy too, whatever its source said.
 *
 * Nested objects use `prefault({})` so a partial override (e.g. `{ pain: { amberMax: 4 } }`) fills
 * every other field from its default.
 */

const painScore = (label: string) =>
  z.number({ error: `${label} must be a number from 0 to 10` }).int(`${label} must be a whole number`).min(0).max(10);
const positive = (label: string) => z.number({ error: `${label} must be a number` }).positive(`${label} must be above 0`);

export const SURFACES = ['grass', 'trail', 'track', 'road', 'treadmill', 'sand', 'mixed', 'other'] as const;
export type Surface = (typeof SURFACES)[number];

export const CAUTION_WINDOW_ACTIONS = ['note', 'hold'] as const;

const painPolicySchema = z
  .strictObject({
    /** During/after-run pain at or below this is green (pain-monitoring model: ≤3/10 "safe"). */
    greenMax: painScore('pain.greenMax').default(3),
    /** Above greenMax and at or below this is amber (4–5/10 "acceptable"); above it is red. */
    amberMax: painScore('pain.amberMax').default(5),
    /** Next-morning rise above the patient's baseline that counts as "not settled" (amber → hold). */
    nextMorningAmberRise: painScore('pain.nextMorningAmberRise').min(1).default(1),
    /** Next-morning rise that counts as "worse at 24 h" (red → regress); default = NPRS MDC of 2 (Childs 2005). */
    nextMorningRedRise: painScore('pain.nextMorningRedRise').min(1).default(2),
    /** Rise in the week's peak run pain over last week's that counts as a rising trend (→ hold). */
    weekTrendRise: painScore('pain.weekTrendRise').min(1).default(1),
    /** Progress only when every session of the week has its during and next-morning scores. */
    requireScoresToProgress: z.boolean().default(true),
    /**
     * Pain during or straight after a run at or above this is a severe flare: stop and review (no
     * source sets it). Not tied to amberMax: a stored policy must stay valid, and a stop is the safe side.
     */
    severeFlarePeak: painScore('pain.severeFlarePeak').min(1).default(8),
    /** Next-morning rise above usual at or above this is a severe flare: stop and review (no source sets it). */
    severeFlareNextMorningRise: painScore('pain.severeFlareNextMorningRise').min(1).default(5),
  })
  .refine((p) => p.greenMax < p.amberMax, { message: 'pain.greenMax must be below pain.amberMax', path: ['greenMax'] })
  .refine((p) => p.nextMorningAmberRise <= p.nextMorningRedRise, {
    message: 'pain.nextMorningAmberRise must not exceed pain.nextMorningRedRise',
    path: ['nextMorningAmberRise'],
  });

const progressionPolicySchema = z.strictObject({
  /** Sessions completed at a rung before it may be left upwards (Trials 2023: "at least twice"). */
  minSessionsAtStep: z.number().int().min(1).max(12).default(2),
  /** Weeks stepped back in a row before another step back becomes stop-and-review. */
  maxConsecutiveRegressions: z.number().int().min(1).max(12).default(2),
  /** Holds in a row on one rung after which the decision becomes review (this week counts). */
  reviewAfterHolds: z.number().int().min(2).max(12).default(3),
  /** Hold the first week a new surface appears (clinical.md §2.5 synthesis). */
  holdOnNewSurface: z.boolean().default(true),
  /** Sessions a week when a ladder rung does not say (ASTEROID: 3 a week). */
  sessionsPerWeek: z.number().int().min(1).max(7).default(3),
});

const spikeGuardPolicySchema = z.strictObject({
  /** No planned session longer than this % of the longest run in the look-back (Frandsen 2025: >110% raised risk). */
  maxPercentOfLongest: z.number().min(100).max(200).default(110),
  lookbackDays: z.number().int().min(7).max(90).default(30),
});

const cautionWindowPolicySchema = z
  .strictObject({
    /** Off by default: the week-6 flare-up belief was not found in ASTEROID's published results (❌). */
    enabled: z.boolean().default(false),
    fromWeek: z.number().int().min(1).max(52).default(5),
    toWeek: z.number().int().min(1).max(52).default(7),
    /** 'hold' turns a progress into a hold inside the window; 'note' only adds a labelled note. */
    action: z.enum(CAUTION_WINDOW_ACTIONS).default('hold'),
  })
  .refine((c) => c.fromWeek <= c.toWeek, { message: 'cautionWindow.fromWeek must not be after toWeek', path: ['fromWeek'] });

const gatesPolicySchema = z.strictObject({
  thomas: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** Hip angle above horizontal (degrees, + = thigh above) that shows short one-joint hip flexors. */
      hipAngleAboveDeg: z.number().min(-30).max(30).default(0),
      /** Knee angle below which two-joint hip flexors are short. */
      kneeAngleBelowDeg: z.number().min(0).max(120).default(67),
    })
    .prefault({}),
  aslr: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** ASLR sum (0–10) from which the test is positive (Mens 2001: 1–10 positive). */
      positiveFromScore: z.number().int().min(1).max(10).default(1),
    })
    .prefault({}),
  proneInstability: z.strictObject({ enabled: z.boolean().default(true) }).prefault({}),
  singleLegSquat: z.strictObject({ enabled: z.boolean().default(true) }).prefault({}),
  /**
   * Questionnaires worse than the episode's baseline hold the plan (outcomeGate.ts). The defaults are
   * the confirmed minimal important changes, published for improvement; reading them for worsening is
   * the clinic's choice.
   */
  outcomes: z
    .strictObject({
      enabled: z.boolean().default(true),
      nprsWorsePoints: positive('gates.outcomes.nprsWorsePoints').max(10).default(2),
      odiWorsePoints: positive('gates.outcomes.odiWorsePoints').max(100).default(10),
      modifiedOdiWorsePoints: positive('gates.outcomes.modifiedOdiWorsePoints').max(100).default(6),
    })
    .prefault({}),
});

/** Change beyond which a reassessment measure has really changed (see reassessment.ts for the basis of each). */
const detectableChangePolicySchema = z.strictObject({
  thomas_hip_angle: positive('detectableChange.thomas_hip_angle').default(5),
  // MDC90 derived from the published SEM of 7° (Peeler & Anderson 2008): 1.645 × √2 × 7.
  thomas_knee_angle: positive('detectableChange.thomas_knee_angle').default(16.3),
  hip_ir: positive('detectableChange.hip_ir').default(5),
  hip_er: positive('detectableChange.hip_er').default(5),
  thoracic_rotation: positive('detectableChange.thoracic_rotation').default(6.3),
  modified_schober: positive('detectableChange.modified_schober').default(1),
  slr: positive('detectableChange.slr').default(5),
  aslr: positive('detectableChange.aslr').default(2),
  mcgill_flexor: positive('detectableChange.mcgill_flexor').default(10),
  biering_sorensen: positive('detectableChange.biering_sorensen').default(10),
  side_bridge: positive('detectableChange.side_bridge').default(10),
});
export type DetectableChangeKey = keyof z.output<typeof detectableChangePolicySchema>;

/**
 * The error of one reading, by device, for the angles that gate the plan: a gate fires only beyond
 * the cut-off by more than this. `unrecorded` applies when no device was recorded (use the largest).
 */
const deviceErrorSchema = (key: string, d: Record<'goniometer' | 'inclinometer' | 'digital-inclinometer' | 'photograph' | 'unrecorded', number>) =>
  z
    .strictObject({
      goniometer: z.number().min(0).max(30).default(d.goniometer),
      inclinometer: z.number().min(0).max(30).default(d.inclinometer),
      'digital-inclinometer': z.number().min(0).max(30).default(d['digital-inclinometer']),
      photograph: z.number().min(0).max(30).default(d.photograph),
      unrecorded: z.number().min(0).max(30).default(d.unrecorded),
    })
    .refine((e) => e.unrecorded >= Math.max(e.goniometer, e.inclinometer, e['digital-inclinometer'], e.photograph), {
      message: `measurementError.${key}.unrecorded must be at least the largest device error`,
      path: ['unrecorded'],
    })
    .prefault({});

const measurementErrorPolicySchema = z.strictObject({
  // No published error for the Thomas hip angle: devices differ by 3–5° (Roach 2013); goniometer
  // reliability is poor (ICC 0.51–0.54), photographs and digital inclinometers better. Clinic policy.
  thomas_hip_angle: deviceErrorSchema('thomas_hip_angle', { goniometer: 5, inclinometer: 4, 'digital-inclinometer': 3, photograph: 3, unrecorded: 5 }),
  // The published standard error of the knee angle is 7° (Peeler & Anderson 2008).
  thomas_knee_angle: deviceErrorSchema('thomas_knee_angle', { goniometer: 7, inclinometer: 7, 'digital-inclinometer': 7, photograph: 7, unrecorded: 7 }),
});
export type MeasurementErrorKey = keyof z.output<typeof measurementErrorPolicySchema>;

const outcomesPolicySchema = z.strictObject({
  odi: z
    .strictObject({
      /** Unanswered sections (not counting "not applicable") after which an ODI is not scored (❌ no source). */
      maxMissingSections: z.number().int().min(0).max(5).default(1),
      micPoints: positive('outcomes.odi.micPoints').default(10),
      micPercent: positive('outcomes.odi.micPercent').default(30),
      /** ⚠️ the scoring-sheet copies disagree (5 or 10 points). */
      mdcPoints: positive('outcomes.odi.mdcPoints').default(10),
    })
    .prefault({}),
  modifiedOdi: z
    .strictObject({
      mcidPoints: positive('outcomes.modifiedOdi.mcidPoints').default(6),
      mdcPoints: positive('outcomes.modifiedOdi.mdcPoints').default(12.68),
    })
    .prefault({}),
  nprs: z
    .strictObject({
      mdcPoints: positive('outcomes.nprs.mdcPoints').default(2),
      micPoints: positive('outcomes.nprs.micPoints').default(2),
      micPercent: positive('outcomes.nprs.micPercent').default(30),
    })
    .prefault({}),
  psfs: z
    .strictObject({
      mdcAverage: positive('outcomes.psfs.mdcAverage').default(2),
      mdcSingle: positive('outcomes.psfs.mdcSingle').default(3),
    })
    .prefault({}),
  rmdq: z
    .strictObject({
      /** Upper end of the published 4–5 points, so a flagged change is beyond error at either end. */
      mdcPoints: positive('outcomes.rmdq.mdcPoints').default(5),
      micPoints: positive('outcomes.rmdq.micPoints').default(5),
      micPercent: positive('outcomes.rmdq.micPercent').default(30),
    })
    .prefault({}),
});

const metricsPolicySchema = z.strictObject({
  /** Used only to split a run-walk session's distance into its running part (≈5 km/h; no source). */
  assumedWalkingSpeedMps: z.number().min(0.5).max(2.5).default(1.4),
  /** Surfaces counted as "soft" in the soft-surface share. */
  softSurfaces: z.array(z.enum(SURFACES)).default(['grass', 'trail']),
  /** Window for the patient's recent speed (expected distances, spike-guard estimate). */
  recentSpeedWindowDays: z.number().int().min(7).max(120).default(28),
});

/** Visit notes: the payer's rule for timed units and when progress notes and recertification fall due. */
const documentationPolicySchema = z.strictObject({
  /** CMS total-time 8-minute rule (Medicare) or the CPT midpoint rule per code (some commercial payers). */
  unitRule: z.enum(UNIT_RULES).default('cms-8-minute'),
  /** Medicare: a progress report at least every 10 treatment days (the evaluation day counts as the first). */
  progressNoteEveryVisits: z.number().int().min(2).max(30).default(10),
  /** …or after this many days since the last report, whichever comes first (no source: clinic policy). */
  progressNoteEveryDays: z.number().int().min(7).max(90).default(30),
  /** List plans of care whose certification ends within this many days (no source: clinic policy). */
  recertifyWithinDays: z.number().int().min(1).max(60).default(14),
});

/** When the battery and the questionnaires fall due (clinic policy: no source sets a cadence). */
const reassessmentDuePolicySchema = z.strictObject({
  /** Re-test this many weeks after the last one (the baseline is always due at an episode's start). */
  everyWeeks: z.number().int().min(1).max(26).default(4),
  /** Also due when a progress note is due. */
  atProgressNote: z.boolean().default(true),
  /** Also due at discharge (a discharge note is being written). */
  atDischarge: z.boolean().default(true),
});

export const clinicPolicySchema = z.strictObject({
  weekStartsOn: z.enum(WEEKDAYS).default('monday'),
  pain: painPolicySchema.prefault({}),
  progression: progressionPolicySchema.prefault({}),
  spikeGuard: spikeGuardPolicySchema.prefault({}),
  cautionWindow: cautionWindowPolicySchema.prefault({}),
  gates: gatesPolicySchema.prefault({}),
  detectableChange: detectableChangePolicySchema.prefault({}),
  measurementError: measurementErrorPolicySchema.prefault({}),
  outcomes: outcomesPolicySchema.prefault({}),
  metrics: metricsPolicySchema.prefault({}),
  documentation: documentationPolicySchema.prefault({}),
  reassessmentDue: reassessmentDuePolicySchema.prefault({}),
});

export type ClinicPolicy = z.output<typeof clinicPolicySchema>;
/** What a clinic stores or a case file gives: any subset; the rest comes from the defaults. */
export type ClinicPolicyInput = z.input<typeof clinicPolicySchema>;

export const DEFAULT_POLICY: ClinicPolicy = clinicPolicySchema.parse({});

/** A policy leaf by dot path ("pain.amberMax"), for the rule listing. */
export function policyValueAt(policy: ClinicPolicy, path: string): unknown {
  let node: unknown = policy;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Every leaf path of a policy object (arrays count as leaves). */
export function policyLeafPaths(policy: ClinicPolicy = DEFAULT_POLICY): string[] {
  const out: string[] = [];
  const walk = (node: unknown, prefix: string) => {
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    } else out.push(prefix);
  };
  walk(policy, '');
  return out;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
