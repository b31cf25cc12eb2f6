import { EVIDENCE_GRADES, EVIDENCE_GRADE_LABELS } from './evidence';
import type { RuleListing } from './rules';
import { RULE_AREAS, RULE_AREA_TITLES } from './rules';

/**
 * `runback rules` as text: grouped by area, one block per rule, so a clinician can read the statement,
 * the value in force, the source and the grade without a wide terminal.
 */
export function formatRulesText(listings: readonly RuleListing[]): string {
  const lines: string[] = [];
  const modified = listings.filter((l) => l.modified).length;
  lines.push(`Runback clinical rules — ${listings.length} rules${modified ? `, ${modified} changed from the default policy` : ', default policy'}.`, '', 'Grades:');
  for (const g of EVIDENCE_GRADES) lines.push(`  ${g.padEnd(13)} ${EVIDENCE_GRADE_LABELS[g]}`);
  lines.push('  A setting the clinic changes from its default is graded clinic-policy.', '');
  for (const area of RULE_AREAS) {
    const rows = listings.filter((l) => l.area === area);
    if (!rows.length) continue;
    lines.push(`== ${RULE_AREA_TITLES[area]} ==`, '');
    for (const l of rows) {
      const grade = l.modified && l.grade !== l.defaultGrade ? `${l.grade} (changed by the clinic; ${l.defaultGrade} at the default)` : l.grade;
      lines.push(`${l.id}${l.modified ? '  [changed]' : ''}`, `  ${l.statement}`, `  Value:  ${l.value}`, `  Source: ${l.source}`, `  Grade:  ${grade}`, '');
    }
  }
  return lines.join('\n');
}
