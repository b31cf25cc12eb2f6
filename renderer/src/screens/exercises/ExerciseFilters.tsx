import { useMemo, useState } from 'react';
import type { LibraryEntry } from '../../../../shared/api/exercises';
import { EXERCISE_KIND_LABELS, EXERCISE_KINDS, EXERCISE_REGION_LABELS, EXERCISE_REGIONS, type ExerciseKind, type ExerciseRegion } from '../../../../shared/clinical/library';

/** Lower-cased, accents folded, so "cafe" finds "Café" and "puente" finds "Puente". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function matches(e: LibraryEntry, words: string[]): boolean {
  const hay = fold([e.exercise.title, e.exercise.purpose, ...e.exercise.cues, EXERCISE_KIND_LABELS[e.exercise.kind], ...e.exercise.regions.map((r) => EXERCISE_REGION_LABELS[r])].join(' '));
  return words.every((w) => hay.includes(w));
}

export interface ExerciseFilter {
  search: string;
  setSearch: (s: string) => void;
  kind: ExerciseKind | null;
  setKind: (k: ExerciseKind | null) => void;
  region: ExerciseRegion | '';
  setRegion: (r: ExerciseRegion | '') => void;
  /** The entries that pass the search, kind and region (archived ones as `includeArchived` says). */
  shown: LibraryEntry[];
  /** How many there are to search among. */
  among: number;
}

/** The library's search and filters: the exercise library screen and the home program's picker share them. */
export function useExerciseFilter(all: readonly LibraryEntry[], includeArchived: boolean): ExerciseFilter {
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<ExerciseKind | null>(null);
  const [region, setRegion] = useState<ExerciseRegion | ''>('');
  const pool = useMemo(() => all.filter((e) => includeArchived || !e.archived), [all, includeArchived]);
  const shown = useMemo(() => {
    const words = fold(search).split(/\s+/).filter(Boolean);
    return pool.filter((e) => (!kind || e.exercise.kind === kind) && (!region || e.exercise.regions.includes(region)) && matches(e, words));
  }, [pool, search, kind, region]);
  return { search, setSearch, kind, setKind, region, setRegion, shown, among: pool.length };
}

/** "12 exercises", or "3 of 26 exercises" while a filter is on. */
export function filterCount(f: ExerciseFilter): string {
  return f.shown.length === f.among ? `${f.among} exercises` : `${f.shown.length} of ${f.among} exercises`;
}

/** The search box, the kind buttons and the region choice; `children` adds more (e.g. "Show archived"). */
export function ExerciseFilterBar({ filter: f, children }: { filter: ExerciseFilter; children?: React.ReactNode }) {
  return (
    <div className="exercise-filters" role="search">
      <label className="exercise-search">
        <span className="visually-hidden">Search exercises</span>
        <input className="input" type="search" placeholder="Search by name, cue or region" value={f.search} onChange={(e) => f.setSearch(e.target.value)} />
      </label>
      <div className="exercise-kinds" role="group" aria-label="Kind">
        <button type="button" className="button button-small" aria-pressed={f.kind === null} onClick={() => f.setKind(null)}>
          All
        </button>
        {EXERCISE_KINDS.map((k) => (
          <button key={k} type="button" className="button button-small" aria-pressed={f.kind === k} onClick={() => f.setKind(f.kind === k ? null : k)}>
            {EXERCISE_KIND_LABELS[k]}
          </button>
        ))}
      </div>
      <label className="exercise-region">
        Region{' '}
        <select className="input" value={f.region} onChange={(e) => f.setRegion(e.target.value as ExerciseRegion | '')}>
          <option value="">Any</option>
          {EXERCISE_REGIONS.map((r) => (
            <option key={r} value={r}>
              {EXERCISE_REGION_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      {children}
    </div>
  );
}
