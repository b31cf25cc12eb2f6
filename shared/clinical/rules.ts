import type { EvidenceGrade, Reason, ReasonEffect } from './evidence';
import type { ClinicPolicy } from './policy';
import { DEFAULT_POLICY, policyValueAt, sameValue } from './policy';
import type { SourceId } from './sources';
import { citeSources } from './sources';

/**
 * The rule registry: every clinical rule the engine applies, with a one-line statement, its sources
 * (sources.ts, copied from clinical.md with their status), its evidence grade at the default policy and
 * the policy settings it reads. `runback rules` and docs/clinical-rules.md are printed from this list,
 * and every reason the engine gives names one of these ids.
 */
export const RULE_AREAS = ['metrics', 'pain', 'red-flags', 'planner', 'gates', 'research-context', 'reassessment', 'outcomes', 'billing', 'documentation'] as const;
export type RuleArea = (typeof RULE_AREAS)[number];

export const RULE_AREA_TITLES: Record<RuleArea, string> = {
  metrics: 'Running metrics',
  pain: 'Pain monitoring',
  'red-flags': 'Red flags and review (serious pathology, running symptoms, plans not improving)',
  planner: 'Run-walk planner',
  gates: 'Mobility gates',
  'research-context': 'Research context (shown beside a plan, never a target)',
  reassessment: 'Reassessment measures',
  outcomes: 'Outcome measures',
  billing: 'Billing units and codes',
  documentation: 'Visit notes and plans of care',
};

export interface Rule {
  id: string;
  area: RuleArea;
  statement: string;
  sourceIds: readonly SourceId[];
  /** The grade while every policy setting the rule reads is at its default. */
  grade: EvidenceGrade;
  policyPaths: readonly string[];
  /** For rules fixed by their source (no setting): the figure, for the listing. */
  fixedValue?: string;
}

const r = (id: string, area: RuleArea, grade: EvidenceGrade, sourceIds: SourceId[], statement: string, policyPaths: string[] = [], fixedValue?: string): Rule => ({
  id,
  area,
  grade,
  sourceIds,
  statement,
  policyPaths,
  ...(fixedValue === undefined ? {} : { fixedValue }),
});

const mdcRule = (code: string, grade: EvidenceGrade, sourceIds: SourceId[], what: string) =>
  r(`reassessment.mdc.${code}`, 'reassessment', grade, sourceIds, `A change in ${what} counts only when it reaches this detectable change; smaller changes are within measurement error.`, [`detectableChange.${code}`]);

export const RULES: readonly Rule[] = [
  // Running metrics (clinical.md §1, §2.2–2.3)
  r('metrics.speed-pace', 'metrics', 'clinic-policy', ['clinic-policy'], 'Speed and pace are distance ÷ time for the whole session; running-only speed is exact for continuous runs and, for run-walk sessions, estimated by removing the walking time at an assumed walking speed.', ['metrics.assumedWalkingSpeedMps']),
  r('metrics.weeks', 'metrics', 'clinic-policy', ['clinic-policy'], 'Weekly totals, adherence and plan weeks use clinic weeks that start on the configured day.', ['weekStartsOn']),
  r('metrics.recent-speed', 'metrics', 'clinic-policy', ['clinic-policy'], "The patient's recent speed (median over the recent window) sets next week's expected session and weekly distances.", ['metrics.recentSpeedWindowDays']),
  r('metrics.adherence', 'metrics', 'secondary', ['asteroid-bjsm-2024'], 'Adherence is sessions done ÷ sessions prescribed over complete plan weeks, each week capped at its prescription (ASTEROID reported 70%, about 2.1 of 3 sessions a week).'),
  r('metrics.soft-surfaces', 'metrics', 'clinic-policy', ['clinic-policy'], 'The soft-surface share counts distance on the surfaces the clinic calls soft, among runs whose surface is recorded.', ['metrics.softSurfaces']),
  r('metrics.longest-recent-run', 'metrics', 'confirmed', ['frandsen-2025'], 'The longest run in the look-back window is the reference for the single-session spike guard.', ['spikeGuard.lookbackDays']),
  r('metrics.acwr-information-only', 'metrics', 'confirmed', ['gabbett-2016', 'impellizzeri-2020', 'frandsen-2025'], 'The acute:chronic workload ratio is shown as information only and never drives a decision: it is a statistical artefact in re-analysis and did not flag risk in runners.', [], 'information only'),
  // Pain monitoring (clinical.md §2.1). Running under pain monitoring was studied in Achilles
  // tendinopathy, not back pain: the zones come from a handout and the rest is the clinic's reading.
  r('pain.monitoring-model', 'pain', 'secondary', ['silbernagel-2007', 'pain-monitoring-goom'], 'Running carries on under pain monitoring instead of rest. That approach did no harm in Achilles tendinopathy; it has not been tested in low back pain, so every pain threshold below is a handout figure or clinic policy.'),
  r('pain.zones', 'pain', 'secondary', ['pain-monitoring-goom'], 'Pain during or straight after a run at or below the green ceiling is fine, up to the amber ceiling is acceptable, above it is too much (the handout\'s ≤3 / 4–5 / >5 out of 10).', ['pain.greenMax', 'pain.amberMax']),
  r('pain.next-morning', 'pain', 'clinic-policy', ['pain-monitoring-goom', 'childs-2005'], "Next-morning pain is compared with the patient's usual pain (else with pain before that run): a small rise means not settled (hold), a larger rise means worse at 24 hours (step back). The handout says reduce the load when pain is worse next day; the figures are the clinic's, the default larger rise matching the NPRS measurement error so that smaller rises may be noise.", ['pain.nextMorningAmberRise', 'pain.nextMorningRedRise']),
  r('pain.week-trend', 'pain', 'clinic-policy', ['trials-2023'], "Pain should not increase: when the week's peak run pain rises over last week's by this much, hold. The return-to-run table says do not progress with increased pain; comparing weekly peaks is the clinic's reading.", ['pain.weekTrendRise']),
  r('pain.scores-required', 'pain', 'clinic-policy', ['clinic-policy'], 'A session without its during and next-morning pain scores cannot show that the load was tolerated, so the plan does not progress on it.', ['pain.requireScoresToProgress']),
  r('pain.severe-flare', 'pain', 'clinic-policy', ['clinic-policy'], 'A severe flare — pain at or above this during or straight after a run, or next-morning pain this far above usual — stops the progression for a therapist’s review; a step back is not enough. No source sets the figures.', ['pain.severeFlarePeak', 'pain.severeFlareNextMorningRise']),
  // Red flags for serious spinal pathology (clinical.md §8) and running symptoms (§2.5)
  r('redflag.screen', 'red-flags', 'secondary', ['george-2021-cpg', 'finucane-2020'], 'Screen for serious spinal pathology at plan start, at every weekly check-in and in the visit note, each question answered yes or no with the date and who asked; a plan starts only when the screen needs no referral and the therapist has reviewed any running symptom.'),
  r('redflag.cauda-equina', 'red-flags', 'confirmed', ['ces-pathway-2023', 'finucane-2020'], 'Any sign of cauda equina syndrome — new bladder or bowel dysfunction, saddle numbness, new sexual dysfunction, leg weakness that is getting worse or symptoms in both legs — means urgent medical assessment the same day (the emergency department if after hours; the national pathway sends a suspected case straight to an emergency department for an MRI), said to the patient in plain words, and no running; the therapist acknowledges the alert. It is never downgraded and nothing else in the week changes it.', [], 'urgent, same day'),
  r('redflag.fracture', 'red-flags', 'secondary', ['downie-2013', 'verhagen-2016', 'finucane-2020'], "A recent significant injury, or long-term steroid use or osteoporosis, stops the running plan and refers the patient to their physician (these raise the likelihood of spinal fracture; the stop-and-refer action is the framework's, as summarised).", [], 'stop and refer'),
  r('redflag.malignancy', 'red-flags', 'secondary', ['downie-2013', 'verhagen-2016', 'finucane-2020'], "A history of cancer (the most useful single flag for spinal malignancy) or unexplained weight loss (listed by most guidelines) stops the running plan and refers the patient to their physician.", [], 'stop and refer'),
  r('redflag.infection', 'red-flags', 'secondary', ['finucane-2020'], 'Fever or feeling generally unwell with back pain stops the running plan and refers the patient to their physician — the same day if they are unwell.', [], 'stop and refer'),
  r('redflag.physician-assessed', 'red-flags', 'clinic-policy', ['finucane-2020'], "A systemic finding the patient's physician has already assessed for this back pain (recorded with who and when) is noted instead of referred again; the framework leaves the action to clinical reasoning. Cauda-equina signs are never treated this way.", [], 'noted'),
  r('redflag.rest-or-night-pain', 'red-flags', 'secondary', ['runnershub', 'verhagen-2016'], 'Pain persisting at rest or at night stops running until a therapist has reviewed (it needs review, and guidelines list it for several serious causes).'),
  r('redflag.new-leg-symptoms', 'red-flags', 'secondary', ['runnershub'], 'New symptoms in one leg (pain, pins and needles, numbness or weakness) stop running until a therapist has reviewed: neurological signs need review. Symptoms in both legs or weakness that is getting worse are cauda-equina signs.'),
  r('redflag.swelling', 'red-flags', 'clinic-policy', ['trials-2023'], 'Swelling stops running until a therapist has reviewed — stricter than the return-to-run table, which says do not progress with swelling.'),
  r('redflag.limp', 'red-flags', 'clinic-policy', ['clinic-policy'], 'A limp stops running until a therapist has reviewed. No cited source lists a limp; this is the clinic\'s rule.'),
  r('planner.not-improving', 'red-flags', 'clinic-policy', ['runnershub'], 'Symptoms not improving over time need review: after this many weeks stepped back in a row, another step back becomes stop-and-review.', ['progression.maxConsecutiveRegressions']),
  r('planner.stalled', 'red-flags', 'clinic-policy', ['runnershub'], 'A plan that does not move is not improving: after this many holds in a row on one rung the decision becomes review — reassess, and consider stepping back or changing the plan — with the count in the reason.', ['progression.reviewAfterHolds']),
  // Planner (clinical.md §1, §2.2, §2.4, §2.5)
  r('planner.default-ladder', 'planner', 'clinic-policy', ['asteroid-bjsm-2024', 'asteroid-newatlas'], "The default ladder runs from 15-second run intervals up to 3 minutes, walking shortened as the runner progresses, then 30 minutes' continuous running, all in sessions of about 30 minutes; ASTEROID's own steps were not published, so the rungs in between are clinic policy.", [], '10 rungs, 30 min each'),
  r('planner.sessions-per-week', 'planner', 'confirmed', ['asteroid-bjsm-2024', 'asteroid-protocol-2023'], 'Prescribe this many sessions a week unless a rung says otherwise (ASTEROID: 3 × 30 minutes a week for 12 weeks).', ['progression.sessionsPerWeek']),
  r('planner.min-sessions', 'planner', 'confirmed', ['trials-2023'], 'Complete each rung at least this many times before progressing.', ['progression.minSessionsAtStep']),
  r('planner.one-rung', 'planner', 'secondary', ['trials-2023', 'vitallife'], 'Progress and regress move one rung at a time: never skip a rung, never go below the first or past the last.'),
  r('planner.progress', 'planner', 'secondary', ['trials-2023', 'pain-monitoring-goom', 'clinical-md-2-5'], 'Progress one rung when the rung was done often enough, pain stayed green, the next mornings settled, and no red flag, gate or hold applies.'),
  r('planner.regress-on-red', 'planner', 'secondary', ['physiotivity', 'trials-2023', 'vitallife'], 'Pain above the amber ceiling, or next-morning pain worse at 24 hours, steps back one rung.'),
  r('planner.hold', 'planner', 'secondary', ['trials-2023', 'pain-monitoring-goom', 'clinical-md-2-5'], 'Repeat the rung when any rule calls for a hold (acceptable-zone pain, a next morning not settled, a rising trend, too few sessions, missing scores, a new surface, an active gate, the caution window) and none calls for a step back or a stop.'),
  r('planner.no-runs', 'planner', 'clinic-policy', ['clinic-policy'], 'With no run logged in the week there is nothing to judge tolerance on: repeat the rung.'),
  r('planner.new-surface', 'planner', 'clinic-policy', ['clinical-md-2-5'], 'The first week on a new surface is a hold week.', ['progression.holdOnNewSurface']),
  r('planner.spike-guard', 'planner', 'confirmed', ['frandsen-2025'], "No planned session may be longer than this percentage of the longest run in the look-back window; a longer one is shortened (fewer repeats).", ['spikeGuard.maxPercentOfLongest', 'spikeGuard.lookbackDays']),
  r('planner.spike-guard-no-reference', 'planner', 'clinic-policy', ['clinic-policy'], 'With no run in the look-back window the spike guard has no reference: the rung is prescribed as written and the first sessions set the reference.'),
  r('planner.top-of-ladder', 'planner', 'clinic-policy', ['clinic-policy'], 'At the last rung the plan holds: continuous running is the end of the ladder; the next step is the therapist\'s.'),
  r('planner.caution-window', 'planner', 'clinic-policy', ['clinic-policy'], "The clinic's caution window (flare-ups around week 6) is clinic policy only: ASTEROID's published results do not report it. When enabled it holds progression, or only adds a note, in those plan weeks.", ['cautionWindow.enabled', 'cautionWindow.fromWeek', 'cautionWindow.toWeek', 'cautionWindow.action']),
  r('planner.override', 'planner', 'clinic-policy', ['clinic-policy'], "A therapist's override, with its reason, replaces the engine's decision for that week and is shown beside it.", []),
  r('planner.rest-day', 'planner', 'confirmed', ['trials-2023'], 'Leave at least one rest day between runs.', [], '≥1 day'),
  r('planner.surface', 'planner', 'confirmed', ['trials-2023', 'samanna-2026'], 'Suggest level surfaces without hills; grass where available is research context only.'),
  r('planner.speed-guidance', 'planner', 'confirmed', ['trials-2023', 'physiotivity'], 'Run at an easy, conversational pace, about 3–5 out of 10 effort; the ASTEROID speed band is research context, not a target.', [], 'RPE 3–5/10'),
  // Mobility gates (clinical.md §3, §6)
  r('gate.thomas', 'gates', 'clinic-policy', ['thomas-bmc-2021', 'acsm-bandy'], 'A modified Thomas hip-extension deficit (hip angle above the cut-off, + = thigh above horizontal) or short two-joint hip flexors (knee angle below the cut-off), beyond measurement error, holds the interval progression and adds the hip-flexor stretch.', ['gates.thomas.enabled', 'gates.thomas.hipAngleAboveDeg', 'gates.thomas.kneeAngleBelowDeg']),
  r('gate.aslr', 'gates', 'clinic-policy', ['mens-2001', 'george-2021-cpg', 'mcgill-big3'], 'A positive active straight-leg raise holds the interval progression and adds trunk endurance work (McGill curl-up, side bridge, bird dog).', ['gates.aslr.enabled', 'gates.aslr.positiveFromScore']),
  r('gate.prone-instability', 'gates', 'clinic-policy', ['delitto-2012', 'hicks-2005', 'george-2021-cpg', 'mcgill-big3'], 'A positive prone instability test holds the interval progression and adds specific trunk activation (McGill curl-up, side bridge, bird dog).', ['gates.proneInstability.enabled']),
  r('gate.single-leg-squat', 'gates', 'clinic-policy', ['sls-rrp-2012', 'exercise-handouts'], 'A poor single-leg squat holds the interval progression and adds hip and lateral trunk work (glute bridge, side bridge).', ['gates.singleLegSquat.enabled']),
  r('gate.measurement-error', 'gates', 'clinic-policy', ['roach-2013', 'peeler-2008'], 'An angle gates the plan only when it passes the cut-off by more than the measurement error of the device recorded (the largest when no device is recorded); a finding within that error is reported, not acted on. No error is published for the Thomas hip angle: its figures are the clinic\'s, from the 3–5° gap between devices; the knee angle\'s default is its published 7° standard error.', [
    'measurementError.thomas_hip_angle.goniometer',
    'measurementError.thomas_hip_angle.inclinometer',
    'measurementError.thomas_hip_angle.digital-inclinometer',
    'measurementError.thomas_hip_angle.photograph',
    'measurementError.thomas_hip_angle.unrecorded',
    'measurementError.thomas_knee_angle.goniometer',
    'measurementError.thomas_knee_angle.inclinometer',
    'measurementError.thomas_knee_angle.digital-inclinometer',
    'measurementError.thomas_knee_angle.photograph',
    'measurementError.thomas_knee_angle.unrecorded',
  ]),
  r('gate.outcomes-worse', 'gates', 'clinic-policy', ['clinic-policy', 'childs-2005', 'ostelo-2008', 'fritz-irrgang-2001'], "When the latest pain rating (NPRS), ODI or modified ODI of the episode is worse than its baseline by at least this many points, hold the interval progression and review. The defaults are the confirmed minimal important changes (NPRS 2, ODI 10, modified ODI 6 points), published for improvement; holding the plan on a worsening of that size is the clinic's reading, not a finding.", ['gates.outcomes.enabled', 'gates.outcomes.nprsWorsePoints', 'gates.outcomes.odiWorsePoints', 'gates.outcomes.modifiedOdiWorsePoints']),
  r('gate.lift', 'gates', 'clinic-policy', ['clinic-policy'], 'A gate lifts — and the reasons say so — when the finding is back within normal, within measurement error of the cut-off, or improved since the first reassessment by at least its detectable change.', ['detectableChange.thomas_hip_angle', 'detectableChange.thomas_knee_angle', 'detectableChange.aslr']),
  // Research context (clinical.md §0–1)
  r('research.asteroid-volume', 'research-context', 'confirmed', ['samanna-2026'], 'ASTEROID subgroup: cumulative running of 28.6–46.1 km over 12 weeks went with more favourable disc T2 (hypothesis-generating; the clinic\'s 2.4–3.8 km/week is its own conversion).', [], '28.6–46.1 km / 12 weeks'),
  r('research.asteroid-speed', 'research-context', 'confirmed', ['samanna-2026'], 'ASTEROID subgroup: mean running speed 10.5–11.7 km/h went with more favourable disc T2 (hypothesis-generating).', [], '10.5–11.7 km/h'),
  r('research.asteroid-grass', 'research-context', 'confirmed', ['samanna-2026'], 'ASTEROID subgroup: running on grass went with more favourable disc T2 (hypothesis-generating).'),
  r('research.belavy-speed', 'research-context', 'confirmed', ['belavy-2017'], 'Cross-sectional: disc hydration was most associated with loading at about 2 m/s (≈7.2 km/h), slower than the ASTEROID band.', [], '≈2 m/s'),
  // Reassessment (clinical.md §3)
  r('reassessment.device', 'reassessment', 'confirmed', ['roach-2013'], 'Record the device with every angle and use the same one at each visit: inclinometer and goniometer differ by about 3–5°.'),
  r('reassessment.change', 'reassessment', 'confirmed', ['jat-2012-thoracic', 'peeler-2008'], 'A change is improved or worse only when it reaches the measure\'s detectable change; otherwise it is within measurement error. Categorical tests change when the result flips.'),
  r('reassessment.due', 'reassessment', 'clinic-policy', ['clinic-policy'], 'The battery and the questionnaires are due at the start of an episode of care (baseline), again this many weeks after the last, when a progress note is due, and at discharge (each of the last two can be turned off).', ['reassessmentDue.everyWeeks', 'reassessmentDue.atProgressNote', 'reassessmentDue.atDischarge']),
  mdcRule('thomas_hip_angle', 'clinic-policy', ['clinic-policy'], 'the modified Thomas hip angle (degrees; no published MDC)'),
  mdcRule('thomas_knee_angle', 'clinic-policy', ['clinic-policy', 'peeler-2008'], 'the modified Thomas knee angle (degrees; no published MDC — the default is the MDC90 derived from the published SEM of 7°)'),
  mdcRule('hip_ir', 'clinic-policy', ['clinic-policy'], 'hip internal rotation (degrees; no published MDC)'),
  mdcRule('hip_er', 'clinic-policy', ['clinic-policy'], 'hip external rotation (degrees; no published MDC)'),
  mdcRule('thoracic_rotation', 'confirmed', ['jat-2012-thoracic'], 'thoracic rotation (degrees; upper end of the inter-tester MDC 2.8–6.3°)'),
  mdcRule('modified_schober', 'clinic-policy', ['clinic-policy', 'tousignant-2005'], 'the modified Schober excursion (cm; MDC not confirmed)'),
  mdcRule('slr', 'clinic-policy', ['clinic-policy'], 'the straight-leg raise (degrees; no published MDC)'),
  mdcRule('aslr', 'clinic-policy', ['clinic-policy'], 'the active straight-leg raise (points; no published MDC)'),
  mdcRule('mcgill_flexor', 'clinic-policy', ['clinic-policy', 'mcgill-1999'], 'the flexor endurance hold (seconds; reliability >0.97 but no published MDC)'),
  mdcRule('biering_sorensen', 'clinic-policy', ['clinic-policy', 'mcgill-1999'], 'the Biering-Sørensen hold (seconds; no published MDC)'),
  mdcRule('side_bridge', 'clinic-policy', ['clinic-policy', 'mcgill-1999'], 'the side-bridge hold (seconds; no published MDC)'),
  // Outcome measures (clinical.md §4)
  r('odi.score', 'outcomes', 'confirmed', ['odi-scoring'], 'ODI % = sum of answered section scores ÷ (5 × answered sections) × 100; each unanswered or not-applicable section lowers the denominator by 5.', [], '16/50 → 32%; 16/45 → 35.6%'),
  r('odi.bands', 'outcomes', 'confirmed', ['odi-scoring'], 'ODI bands: 0–20 minimal, 21–40 moderate, 41–60 severe, 61–80 crippled, 81–100 bed-bound or exaggerating.', [], '20/40/60/80'),
  r('odi.missing-limit', 'outcomes', 'clinic-policy', ['clinic-policy'], 'An ODI with more unanswered sections than this is not scored (no source sets the limit).', ['outcomes.odi.maxMissingSections']),
  r('odi.mic', 'outcomes', 'confirmed', ['ostelo-2008'], 'An ODI improvement is clinically important at this many points or this percentage of baseline.', ['outcomes.odi.micPoints', 'outcomes.odi.micPercent']),
  r('odi.mdc', 'outcomes', 'clinic-policy', ['odi-mdc-sheets'], 'An ODI change smaller than this is within measurement error (the published copies disagree: 5 or 10 points).', ['outcomes.odi.mdcPoints']),
  r('modified-odi.mcid', 'outcomes', 'confirmed', ['fritz-irrgang-2001'], 'Modified ODI (employment/homemaking instead of sex life): MCID and MDC as published.', ['outcomes.modifiedOdi.mcidPoints', 'outcomes.modifiedOdi.mdcPoints']),
  r('nprs.mdc', 'outcomes', 'confirmed', ['childs-2005'], 'An NPRS change smaller than the MDC is within measurement error.', ['outcomes.nprs.mdcPoints']),
  r('nprs.mic', 'outcomes', 'confirmed', ['ostelo-2008', 'childs-2005'], 'An NPRS improvement is clinically important at this many points or this percentage.', ['outcomes.nprs.micPoints', 'outcomes.nprs.micPercent']),
  r('nprs.recovered', 'outcomes', 'confirmed', ['kamper-2010'], 'NPRS 0 best identifies patient-perceived recovery.', [], '0'),
  r('psfs.score', 'outcomes', 'confirmed', ['stratford-1995'], 'PSFS = mean of the activity scores (0 unable … 10 pre-injury level), up to 3 activities (some versions 5).', [], 'mean, 1–5 activities'),
  r('psfs.mdc', 'outcomes', 'confirmed', ['stratford-1995'], 'PSFS MDC (90%): for the average score, and for a single activity; no LBP-specific MCID is confirmed.', ['outcomes.psfs.mdcAverage', 'outcomes.psfs.mdcSingle']),
  r('rmdq.score', 'outcomes', 'confirmed', ['rmdq-scoring'], 'Roland-Morris = number of the 24 items ticked; not-applicable items score 0.', [], '0–24'),
  r('rmdq.mdc', 'outcomes', 'confirmed', ['stratford-1996'], 'Roland-Morris MDC (90%) is 4–5 points (the upper end is used); scores below 4 or above 20 cannot show improvement or deterioration reliably.', ['outcomes.rmdq.mdcPoints']),
  r('rmdq.mic', 'outcomes', 'confirmed', ['ostelo-2008'], 'A Roland-Morris improvement is clinically important at this many points or this percentage.', ['outcomes.rmdq.micPoints', 'outcomes.rmdq.micPercent']),
  r('rmdq.recovered', 'outcomes', 'confirmed', ['kamper-2010'], 'Roland-Morris ≤2 best identifies patient-perceived recovery.', [], '≤2'),
  r('startback.groups', 'outcomes', 'confirmed', ['keele-sbst'], 'STarT Back: total ≤3 low risk; total ≥4 with distress subscale (items 5–9) ≤3 medium, 4–5 high; item 9 counts only for "very much" or "extremely".', [], '≤3 / sub ≤3 / sub ≥4'),
  // Billing (clinical.md §5)
  r('billing.eight-minute', 'billing', 'confirmed', ['cms-8-minute'], 'CMS 8-minute rule: total timed minutes of the day → units = floor(total ÷ 15), plus one when the remainder is 8 minutes or more.', [], '8–22 → 1, 23–37 → 2, 38–52 → 3, 53–67 → 4, 68–82 → 5, 83–97 → 6'),
  r('billing.assign-most-minutes', 'billing', 'confirmed', ['cms-8-minute'], 'Units go to codes by most minutes: full 15-minute units first, then the remaining units to the codes with the most minutes left.'),
  r('billing.midpoint', 'billing', 'confirmed', ['cpt-midpoint'], 'Payers using the CPT midpoint rule bill each timed code on its own: a unit when at least 8 of its 15 minutes were given.'),
  r('billing.untimed', 'billing', 'confirmed', ['cms-8-minute', 'cpt-descriptors'], 'Untimed codes (evaluations and re-evaluation) bill 1 unit and are left out of the timed total.', [], '1 unit'),
  r('icd10.m54-5', 'billing', 'confirmed', ['icd10-m545'], 'M54.5 was deleted on 1 Oct 2021: use M54.50, M54.51 (vertebrogenic, imaging-defined) or M54.59.'),
  r('icd10.m51-36-37', 'billing', 'secondary', ['icd10-fy2025'], 'From 1 Oct 2024 M51.36 and M51.37 are no longer billable: use the six-character codes M51.360–M51.369 and M51.370–M51.379.'),
  r('icd10.incomplete', 'billing', 'secondary', ['icd10-m545', 'icd10-fy2025'], 'A heading that has full codes beneath it (M54, M54.4, M51.3) is not billable, as the M54.5 and M51.36 expansions show: choose the full code.'),
  r('billing.unit-rule', 'billing', 'confirmed', ['cms-8-minute', 'cpt-midpoint'], "Timed units follow the clinic's payer rule: the CMS 8-minute rule on the day's total timed minutes, or the CPT midpoint rule per code.", ['documentation.unitRule']),
  r('billing.gp-modifier', 'billing', 'confirmed', ['pt-modifiers'], 'GP goes on every line of a PT plan of care, evaluations included.', [], 'GP on every line'),
  r('billing.distinct-97140-97530', 'billing', 'confirmed', ['pt-modifiers'], '97140 billed with 97530 on the same day is an NCCI edit pair: suggest 59 on 97140 (either code of the pair may carry it), kept only when the services were distinct.', [], '59 on 97140'),
  r('billing.distinct-97140-evaluation', 'billing', 'clinic-policy', ['clinic-policy'], '97140 billed with an evaluation or re-evaluation (97161–97164) on the same day: suggest 59 on 97140. The pair is the clinic\'s list from common billing guidance; the sources read show only 97140 with 97530.', [], '59 on 97140'),
  r('billing.diagnosis-pointers', 'billing', 'confirmed', ['pt-superbill'], 'Each line points to up to 4 of the episode\'s diagnoses by letter (A–L, at most 12 diagnoses, primary first).', [], 'A–L, ≤4 per line'),
  r('billing.superbill-complete', 'billing', 'confirmed', ['superbill-fields', 'pt-superbill', 'pt-modifiers'], 'A superbill prints only when every required field is there and well formed: the patient\'s name, birth date and address; the clinic\'s name, address, phone, billing NPI (check digit) and EIN (NN-NNNNNNN, an IRS prefix); each rendering therapist\'s NPI and credentials; place of service 11; diagnoses lettered A–L; every line with GP, a pointer, units and a charge. Otherwise it is refused with the list of what is missing.', [], 'all fields or refused'),
  r('billing.medicare-no-superbill', 'billing', 'confirmed', ['medicare-no-opt-out', 'medicare-abn'], 'No self-submit superbill for a patient whose primary coverage is Medicare Part B: a PT cannot opt out of Medicare and must submit the claim for covered services. The app offers the ABN (CMS-R-131) reminder instead: given before a service Medicare may not pay for, signed, a copy to the patient.', [], 'refused'),
  // Visit notes and plans of care (clinical.md §9)
  r('documentation.progress-note-visits', 'documentation', 'confirmed', ['medicare-cadence'], 'A progress note is due by this treatment day counted from the last report (the evaluation day counts as the first): the next visit is written as a progress note.', ['documentation.progressNoteEveryVisits']),
  r('documentation.progress-note-days', 'documentation', 'clinic-policy', ['clinic-policy'], 'A progress note is also due once this many days have passed since the last report, whichever comes first.', ['documentation.progressNoteEveryDays']),
  r('documentation.certification-90-days', 'documentation', 'confirmed', ['medicare-cadence'], 'A plan of care is certified for at most 90 days; then it is recertified.', [], '90 days'),
  r('documentation.recertify-soon', 'documentation', 'clinic-policy', ['clinic-policy'], 'Plans of care whose certification ends within this many days (or has ended) are listed as due for recertification.', ['documentation.recertifyWithinDays']),
  r('documentation.discharge-note', 'documentation', 'confirmed', ['medicare-cadence'], 'Each episode of care ends with a discharge note, with the reason and a summary.'),
  r('documentation.no-cloned-notes', 'documentation', 'confirmed', ['cloned-notes'], 'Rows copied forward from an earlier note stay marked as copied until the therapist changes or confirms them; signing lists any still untouched, because payers deny cloned notes.'),
];

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

export function getRule(id: string): Rule {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`Unknown rule id ${id}`);
  return rule;
}

/** True when the clinic has changed any setting the rule reads. */
export function isRuleModified(rule: Rule, policy: ClinicPolicy): boolean {
  return rule.policyPaths.some((p) => !sameValue(policyValueAt(policy, p), policyValueAt(DEFAULT_POLICY, p)));
}

/** A rule's grade under a policy: a changed setting is the clinic's figure, not the source's. */
export function effectiveGrade(rule: Rule, policy: ClinicPolicy): EvidenceGrade {
  return isRuleModified(rule, policy) ? 'clinic-policy' : rule.grade;
}

export function makeReason(ruleId: string, sentence: string, effect: ReasonEffect, policy: ClinicPolicy): Reason {
  const rule = getRule(ruleId);
  return { ruleId, sentence, source: citeSources(rule.sourceIds), grade: effectiveGrade(rule, policy), effect };
}

export interface RuleListing {
  id: string;
  area: RuleArea;
  statement: string;
  source: string;
  grade: EvidenceGrade;
  defaultGrade: EvidenceGrade;
  /** "pain.greenMax = 3" per setting, or the fixed figure. */
  value: string;
  modified: boolean;
}

function show(v: unknown): string {
  return Array.isArray(v) ? v.join(', ') : String(v);
}

/** Every rule with the value it runs with under `policy`, for `runback rules` and the docs. */
export function listRules(policy: ClinicPolicy = DEFAULT_POLICY): RuleListing[] {
  return RULES.map((rule) => {
    const modified = isRuleModified(rule, policy);
    const value = rule.policyPaths.length
      ? rule.policyPaths
          .map((p) => {
            const v = policyValueAt(policy, p);
            const d = policyValueAt(DEFAULT_POLICY, p);
            return sameValue(v, d) ? `${p} = ${show(v)}` : `${p} = ${show(v)} (default ${show(d)})`;
          })
          .join('; ')
      : (rule.fixedValue ?? '—');
    return { id: rule.id, area: rule.area, statement: rule.statement, source: citeSources(rule.sourceIds), grade: effectiveGrade(rule, policy), defaultGrade: rule.grade, value, modified };
  });
}
