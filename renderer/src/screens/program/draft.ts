import type { LibraryEntry } from '../../../../shared/api/exercises';
import type { ProgramItem, ProgramVersion } from '../../../../shared/api/programs';
import { dosageText, exerciseTranslator } from '../../../../shared/clinical/library';
import type { ProgramDosage, ProgramItemInput } from '../../../../shared/program/program-item';

/** One exercise of the program being built: what the list shows and what a save sends. */
export type DraftItem = Omit<ProgramItem, 'position' | 'exerciseVersion'>;

export function draftOf(version: ProgramVersion | null): DraftItem[] {
  return (version?.items ?? []).map(({ position: _p, exerciseVersion: _v, ...rest }) => rest);
}

export function draftFromLibrary(e: LibraryEntry, reason: string | null, dosage: ProgramDosage = e.exercise.dosage): DraftItem {
  return { exerciseKey: e.key, title: e.exercise.title, kind: e.exercise.kind, regions: e.exercise.regions, illustration: e.illustration, archived: e.archived, dosage, instructions: null, reason };
}

export function toSaveItems(items: readonly DraftItem[]): ProgramItemInput[] {
  return items.map((i) => ({ exerciseKey: i.exerciseKey, dosage: i.dosage, instructions: i.instructions, reason: i.reason }));
}

/** The list with the item at `from` moved to `to` (both in range). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

export function sameDraft(a: readonly DraftItem[], b: readonly DraftItem[]): boolean {
  return JSON.stringify(toSaveItems(a)) === JSON.stringify(toSaveItems(b));
}

const staffWords = exerciseTranslator('en', []);

/** The dose as staff read it ("3 holds of 30 seconds on each side · once a day, every day"). */
export function doseWords(d: ProgramDosage): string {
  return dosageText(d, staffWords);
}
