/**
 * Shapes of what goes on a claim line (NUCC 1500 Claim Form instructions, items 21 and 24D/24E).
 * These check the form of a code, not whether a payer covers it.
 */

/** CPT: five digits (Category I), or four digits and F or T (Category II / III). */
export function cptShapeProblem(code: string): string | null {
  const v = code.trim();
  if (!v) return 'no procedure code';
  return /^\d{5}$/.test(v) || /^\d{4}[FT]$/.test(v) ? null : `procedure code "${v}" is not a CPT code (5 digits, e.g. 97110)`;
}

/** A modifier is two letters or digits (24D holds up to four of them). */
export function modifierShapeProblem(modifier: string): string | null {
  return /^[A-Z0-9]{2}$/.test(modifier.trim()) ? null : `modifier "${modifier.trim()}" is not two letters or digits (e.g. GP, 59)`;
}

export const MAX_MODIFIERS_PER_LINE = 4;
/** Item 21 lists up to twelve diagnoses, lettered A–L. */
export const DIAGNOSIS_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'] as const;
/** Item 24E: up to four diagnosis pointers per line, primary first. */
export const MAX_POINTERS_PER_LINE = 4;

/**
 * Why a line's diagnosis pointers are refused (null when fine): at least one, at most four, each a
 * letter A–L that names one of the diagnoses listed, none twice.
 */
export function pointerProblem(pointers: readonly string[], listedLetters: readonly string[]): string | null {
  if (pointers.length === 0) return 'no diagnosis pointer';
  if (pointers.length > MAX_POINTERS_PER_LINE) return `${pointers.length} diagnosis pointers (at most ${MAX_POINTERS_PER_LINE})`;
  const bad = pointers.filter((p) => !(DIAGNOSIS_LETTERS as readonly string[]).includes(p));
  if (bad.length) return `diagnosis pointer ${bad.map((p) => `"${p}"`).join(', ')} is not a letter A–L`;
  const missing = pointers.filter((p) => !listedLetters.includes(p));
  if (missing.length) return `diagnosis pointer ${missing.join(', ')} names no listed diagnosis`;
  if (new Set(pointers).size !== pointers.length) return 'a diagnosis pointer is given twice';
  return null;
}
