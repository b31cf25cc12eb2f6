import { useEffect, useMemo, useState } from 'react';
import type { LibraryEntry } from '../../../../shared/api/exercises';
import { EXERCISE_KIND_LABELS, EXERCISE_KINDS, EXERCISE_REGION_LABELS, EXERCISE_REGIONS, type ExerciseKind, type ExerciseRegion } from '../../../../shared/clinical/library';
import { EXERCISE_FRAMES } from '../../../../shared/illustration';
import { useQuery } from '../../api/hooks';
import { useRouter } from '../../app/router';
import { paths } from '../../app/routes';
import { ExerciseFrames } from '../../components/ExerciseDrawing';
import { LoadFailed, Loading } from '../../components/LoadState';
import { ExerciseDetail } from './ExerciseDetail';
import { ExerciseEditor } from './ExerciseEditor';
import './exercises.css';

/** Lower-cased, accents folded, so "cafe" finds "Café" and "puente" finds "Puente". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function matches(e: LibraryEntry, words: string[]): boolean {
  const hay = fold([e.exercise.title, e.exercise.purpose, ...e.exercise.cues, EXERCISE_KIND_LABELS[e.exercise.kind], ...e.exercise.regions.map((r) => EXERCISE_REGION_LABELS[r])].join(' '));
  return words.every((w) => hay.includes(w));
}

/**
 * The exercise library: search, filter by kind and region, the exercises as cards with their drawing,
 * the one picked open beside the list. Therapists and admins add the clinic's own and edit any (each
 * save a new version); archived ones are hidden unless asked for.
 */
export function ExerciseLibraryScreen({ selectedKey }: { selectedKey?: string }) {
  const library = useQuery('exercises.list', {});
  const { navigate } = useRouter();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<ExerciseKind | null>(null);
  const [region, setRegion] = useState<ExerciseRegion | ''>('');
  const [showArchived, setShowArchived] = useState(false);
  const [adding, setAdding] = useState(false);
  // Opened once the add dialog has closed: while it is open its unsaved-changes guard would stop the move.
  const [added, setAdded] = useState<string | null>(null);
  useEffect(() => {
    if (added && !adding) {
      void navigate(paths.exercises(added));
      setAdded(null);
    }
  }, [added, adding, navigate]);

  const all = useMemo(() => library.data?.exercises ?? [], [library.data]);
  const shown = useMemo(() => {
    const words = fold(search).split(/\s+/).filter(Boolean);
    return all.filter((e) => (showArchived || !e.archived) && (!kind || e.exercise.kind === kind) && (!region || e.exercise.regions.includes(region)) && matches(e, words));
  }, [all, search, kind, region, showArchived]);
  const selected = all.find((e) => e.key === selectedKey) ?? null;

  if (library.error) return <div className="page"><LoadFailed error={library.error} onRetry={library.refetch} /></div>;
  if (!library.data) return <div className="page"><Loading label="Opening the exercise library…" /></div>;

  return (
    <div className="page exercise-library">
      <header className="page-header">
        <h1>Exercises</h1>
        <span className="page-count">{shown.length === all.filter((e) => showArchived || !e.archived).length ? `${shown.length} exercises` : `${shown.length} of ${all.filter((e) => showArchived || !e.archived).length} exercises`}</span>
        <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
          Add exercise
        </button>
      </header>
      <div className="exercise-filters" role="search">
        <label className="exercise-search">
          <span className="visually-hidden">Search exercises</span>
          <input type="search" placeholder="Search by name, cue or region" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <div className="exercise-kinds" role="group" aria-label="Kind">
          <button type="button" className="button button-small" aria-pressed={kind === null} onClick={() => setKind(null)}>
            All
          </button>
          {EXERCISE_KINDS.map((k) => (
            <button key={k} type="button" className="button button-small" aria-pressed={kind === k} onClick={() => setKind(kind === k ? null : k)}>
              {EXERCISE_KIND_LABELS[k]}
            </button>
          ))}
        </div>
        <label className="exercise-region">
          Region{' '}
          <select value={region} onChange={(e) => setRegion(e.target.value as ExerciseRegion | '')}>
            <option value="">Any</option>
            {EXERCISE_REGIONS.map((r) => (
              <option key={r} value={r}>
                {EXERCISE_REGION_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="exercise-archived">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived
        </label>
      </div>
      <div className="exercise-body">
        <ul className="exercise-list" aria-label="Exercises">
          {shown.length === 0 && <li className="empty-state">No exercise matches. Clear the search or the filters.</li>}
          {shown.map((e) => (
            <li key={e.key}>
              <a href={`#${paths.exercises(e.key)}`} className={`exercise-card${e.key === selectedKey ? ' is-selected' : ''}`} aria-current={e.key === selectedKey ? 'true' : undefined}>
                {e.illustration && EXERCISE_FRAMES[e.illustration] ? <ExerciseFrames frames={EXERCISE_FRAMES[e.illustration]!} title={e.exercise.title} size="small" /> : <div className="exercise-no-drawing">No drawing</div>}
                <span className="exercise-card-title">{e.exercise.title}</span>
                <span className="exercise-card-tags">
                  {EXERCISE_KIND_LABELS[e.exercise.kind]} · {e.exercise.regions.map((r) => EXERCISE_REGION_LABELS[r]).join(', ')}
                  {e.origin === 'clinic' && <span className="badge">Clinic’s own</span>}
                  {e.origin === 'seeded' && e.version > 0 && <span className="badge">Clinic’s version</span>}
                  {e.archived && <span className="badge badge-archived">Archived</span>}
                </span>
              </a>
            </li>
          ))}
        </ul>
        {selected ? (
          <ExerciseDetail key={selected.key} entry={selected} library={all} onClose={() => void navigate(paths.exercises())} />
        ) : (
          <div className="exercise-detail exercise-detail-empty">
            <p>Choose an exercise to see how it is done, its dose and its versions.</p>
          </div>
        )}
      </div>
      {adding && <ExerciseEditor library={all} entry={null} onClose={() => setAdding(false)} onSaved={(e) => setAdded(e.key)} />}
    </div>
  );
}
