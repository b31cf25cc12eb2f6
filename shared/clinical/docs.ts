import { describeSeconds } from '../units/duration';
import { runPlanCase } from './case';
import { EVIDENCE_GRADES, EVIDENCE_GRADE_LABELS } from './evidence';
import { SAFETY_EXAMPLES, WORKED_EXAMPLES } from './examples';
import { formatJson } from './json';
import { DEFAULT_LADDER, describeSession, stepDurationSeconds } from './ladder';
import { DEFAULT_POLICY } from './policy';
import { MEASURES } from './reassessment';
import { RULE_AREAS, RULE_AREA_TITLES, listRules } from './rules';
import { SOURCES, citeSources } from './sources';
import { CAUDA_EQUINA_FLAGS, SCREEN_FLAGS, SYSTEMIC_FLAGS } from './redFlags';
import { RED_FLAGS } from './runs';

/**
 * docs/clinical-rules.md, written from the same data the engine runs on. A test compares the file
 * with this output, so the document cannot go stale.
 */
export const CLINICAL_DOCS_PATH = 'docs/clinical-rules.md';
export const REGENERATE_COMMAND = 'UPDATE_CLINICAL_DOCS=1 npx vitest run test/unit/clinical/docs.test.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const json = (value: unknown) => ['```json', formatJson(value), '```'].join('\n');

const CASE_FIELDS: readonly (readonly [string, string, string])[] = [
  ['plan.startDate', 'yes', 'First day of the plan (YYYY-MM-DD, clinic time zone). Sets week numbers and cumulative distance.'],
  ['plan.weekStart', 'yes', "First day of the week under review; must fall on the clinic's week-start day. The decision is for the week after it."],
  ['plan.currentStepId', 'yes', 'Ladder rung during the week under review (an `id` from the ladder).'],
  ['policy', 'no', 'Any subset of the clinic policy (see "Clinic policy" above); the rest comes from the defaults. Unknown keys are refused.'],
  ['ladder', 'no', 'The clinic\'s ladder: `[{ id, runSeconds, walkSeconds, repeats, sessionsPerWeek? }]`; the default ladder when absent.'],
  ['distanceUnit', 'no', '`"km"` (default) or `"mi"`: the unit used in reason sentences. Numbers in the output stay in metres and seconds.'],
  ['patient.baselinePain', 'no', "The patient's usual pain, 0–10. Next-morning pain is read against it; without it, against that run's pain before."],
  ['history[]', 'no', 'Stored plan weeks up to and including the week under review: `{ weekStart, stepId, redFlags?, physicianAssessed?, engineDecision?, override? }`.'],
  ['history[].redFlags', 'no', `The week's red-flag screens (check-in, visit note): \`{ ${SCREEN_FLAGS.join(', ')} }\` (booleans, default false). Cauda-equina signs: ${CAUDA_EQUINA_FLAGS.join(', ')}; systemic: ${SYSTEMIC_FLAGS.join(', ')}; running symptoms: ${RED_FLAGS.join(', ')}.`],
  ['history[].physicianAssessed', 'no', 'Systemic findings (keys as above) the patient\'s physician has already assessed for this back pain: noted instead of referred again.'],
  ['history[].override', 'no', '`{ decision, reason, stepId?, by?, date? }`, decision one of progress, hold, regress, stop-and-review. On the week under review it replaces the engine\'s decision; on earlier weeks it is shown, and counted as the decision taken.'],
  ['runs[]', 'no', '`{ date, distanceM, durationS, runSeconds?, walkSeconds?, surface?, pain?: { before, during, after, nextMorning }, rpe?, stepId?, stoppedEarly?, redFlags? }` (a run\'s redFlags: the four running symptoms). Pain 0–10 whole numbers; surface one of grass, trail, track, road, treadmill, sand, mixed, other. Runs after the week under review are ignored.'],
  ['reassessments[]', 'no', '`{ date, measures: [{ code, side, value, device?, position? }] }`; codes and units as in "Reassessment measures". The latest one on or before the end of the week sets the gates, the one before it says which gates lifted, and the earliest is the baseline for improvement. Record the device: an angle gates only beyond the cut-off by more than that device\'s measurement error.'],
];

const OUTPUT_FIELDS: readonly (readonly [string, string])[] = [
  ['decision', '`progress`, `hold`, `review` (keep the rung, reassess before going on), `regress` or `stop-and-review` (no running) — the therapist\'s override when there is one.'],
  ['engineDecision', 'What the rules alone decided.'],
  ['redFlagAction', '`urgent-medical` (a cauda-equina sign: urgent medical assessment today), `stop-and-refer` (refer to the physician), `stop-until-review` (a running symptom) or `null`: the most urgent action the week\'s red flags ask for.'],
  ['fromStepId / toStepId', 'Rung reviewed and rung prescribed (`null` on stop-and-review).'],
  ['prescription', 'Next week: sessions, run/walk seconds and repeats, patient-facing instructions, expected session and weekly distance at the recent speed (metres), the spike-guard cap, surface and speed guidance. `null` on stop-and-review.'],
  ['reasons[]', '`{ ruleId, sentence, source, grade, effect }` — every reason, those for the decision taken first.'],
  ['homeExercises[] / gates[]', 'Mobility gates on the latest reassessment (holding, lifted and why, or within measurement error) and the home exercises the holding ones add.'],
  ['researchContext', 'ASTEROID findings beside the patient\'s figures — context, never a target.'],
  ['metrics', 'Rolling 7/28-day distance, longest recent run, cumulative distance, adherence, soft-surface share, speeds (m/s) and the acute:chronic ratio (information only).'],
  ['overridesInHistory[]', 'Earlier weeks where a therapist overrode the engine, with their reasons.'],
];

export function renderClinicalRulesMarkdown(): string {
  const out: string[] = [];
  const listings = listRules(DEFAULT_POLICY);
  out.push(
    '# Runback clinical rules',
    '',
    '<!-- Generated by renderClinicalRulesMarkdown() in shared/clinical/docs.ts. Do not edit by hand. -->',
    '',
    `> Generated from the rule registry in \`shared/clinical/\`. Regenerate with \`${REGENERATE_COMMAND}\`.`,
    '> A unit test fails when this file differs from what the code would write.',
    '',
    'Every rule the engine applies is listed here with its source and evidence grade. `runback rules` prints the same list with the clinic\'s current policy values (`--policy file.json` to try changes, `--json` for machines).',
    '',
    '## Evidence grades',
    '',
    ...EVIDENCE_GRADES.map((g) => `- **${g}** — ${EVIDENCE_GRADE_LABELS[g]}`),
    '',
    'A figure the clinic changes from its default is shown as clinic policy, whatever its source said. Figures clinical.md marks ⚠️ or ❌ are settings with defaults, never facts.',
    '',
    '## Rules',
  );
  for (const area of RULE_AREAS) {
    const rows = listings.filter((l) => l.area === area);
    out.push('', `### ${RULE_AREA_TITLES[area]}`, '', table(['Rule', 'Statement', 'Value (default policy)', 'Source', 'Grade'], rows.map((l) => [`\`${l.id}\``, l.statement, l.value, l.source, l.grade])));
  }
  out.push('', '## Clinic policy (defaults)', '', 'One zod-validated object (`clinicPolicySchema` in `shared/clinical/policy.ts`). Give any subset; the rest is filled in from these defaults.', '', json(DEFAULT_POLICY));
  out.push(
    '',
    '## Default run-walk ladder',
    '',
    `Sessions of about 30 minutes, ${DEFAULT_POLICY.progression.sessionsPerWeek} a week, run intervals from 15 seconds to 3 minutes, then continuous running (${citeSources(['asteroid-bjsm-2024', 'asteroid-newatlas'])}). ASTEROID's own steps were not published, so the rungs between are clinic policy; the clinic may replace the ladder.`,
    '',
    table(
      ['Rung', 'id', 'Run', 'Walk', 'Repeats', 'Session', 'In words'],
      DEFAULT_LADDER.map((s, i) => [String(i + 1), `\`${s.id}\``, describeSeconds(s.runSeconds), s.walkSeconds ? describeSeconds(s.walkSeconds) : '—', String(s.repeats), describeSeconds(stepDurationSeconds(s)), describeSession(s)]),
    ),
  );
  out.push(
    '',
    '## Reassessment measures',
    '',
    table(
      ['Code', 'Measure', 'Unit', 'Sides', 'Devices', 'Cut-offs', 'Published detectable change', 'Method'],
      MEASURES.map((m) => [
        `\`${m.code}\``,
        m.name,
        m.unit,
        m.sided ? 'left, right' : 'none',
        m.devices.join(', '),
        m.cutoffs.map((c) => `${c.text} (${c.grade})`).join('; '),
        m.publishedDetectableChange ? `${m.publishedDetectableChange.value} — ${m.publishedDetectableChange.basis} (${m.publishedDetectableChange.grade})` : 'none published: clinic policy setting',
        m.method,
      ]),
    ),
  );
  out.push(
    '',
    '## `runback plan` case file',
    '',
    '`runback plan --input case.json` reads one JSON case, validates it (unknown or bad fields are listed, exit code 1) and prints the decision as JSON. Distances are metres, durations seconds, dates `YYYY-MM-DD` in the clinic\'s time zone. The schema is `planCaseSchema` in `shared/clinical/case.ts`.',
    '',
    table(['Field', 'Required', 'Meaning'], CASE_FIELDS),
    '',
    'The output:',
    '',
    table(['Field', 'Meaning'], OUTPUT_FIELDS),
  );
  out.push('', '## Worked examples');
  [...WORKED_EXAMPLES, ...SAFETY_EXAMPLES].forEach((ex, i) => {
    const result = runPlanCase(ex.input);
    if (!result.ok) throw new Error(`Worked example ${i + 1} is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    out.push('', `### ${ex.title}`, '', ex.summary, '', `\`runback plan --input example-${i + 1}.json\` with this case:`, '', json(ex.input), '', 'prints:', '', json(result.decision));
  });
  out.push('', '## Sources', '', 'Each source with what it actually showed: a rule cites a source only for that.', '', table(['id', 'Source', 'What it showed', 'Status'], SOURCES.map((s) => [`\`${s.id}\``, s.citation, s.showed, s.status])), '');
  return out.join('\n');
}
