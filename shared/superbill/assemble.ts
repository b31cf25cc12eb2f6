import { DIAGNOSIS_LETTERS } from './claim-codes';

export interface LetteredDiagnosis {
  letter: string;
  code: string;
  title: string | null;
}

/**
 * One superbill lists the diagnoses once, lettered A–L, though its lines come from visits that
 * point into their own episode's letters (a second episode in the range may letter the same code
 * differently). The list keeps each code once in order of first use (primary first per episode);
 * each line's pointers are re-lettered by code. A pointer to a letter its episode does not have stays
 * as "?" so the completeness check refuses it instead of pointing at the wrong diagnosis.
 */
export function unifyDiagnoses(lines: readonly { diagnoses: readonly LetteredDiagnosis[]; pointers: readonly string[] }[]): { diagnoses: LetteredDiagnosis[]; pointers: string[][] } {
  const list: { code: string; title: string | null }[] = [];
  const indexOf = (code: string) => list.findIndex((d) => d.code === code);
  for (const line of lines) {
    // Only the diagnoses the lines point to go on the superbill, in their episode's order.
    const used = line.diagnoses.filter((d) => line.pointers.includes(d.letter));
    for (const d of used) if (indexOf(d.code) < 0) list.push({ code: d.code, title: d.title });
  }
  const letterAt = (i: number) => DIAGNOSIS_LETTERS[i] ?? `#${i + 1}`;
  const pointers = lines.map((line) =>
    line.pointers.map((p) => {
      const d = line.diagnoses.find((x) => x.letter === p);
      return d ? letterAt(indexOf(d.code)) : '?';
    }),
  );
  return { diagnoses: list.map((d, i) => ({ letter: letterAt(i), code: d.code, title: d.title })), pointers };
}
