import { useEffect, useMemo, useState } from 'react';
import { EXERCISE_KIND_LABELS, EXERCISE_REGION_LABELS } from '../../../../shared/clinical/library';
import { EXERCISE_FRAMES } from '../../../../shared/illustration';
import { useQuery } from '../../api/hooks';
import { useRouter } from '../../app/router';
import { paths } from '../../app/routes';
import { ExerciseFrames } from '../../components/ExerciseDrawing';
import { LoadFailed, Loading } from '../../components/LoadState';
import { ExerciseDetail } from './ExerciseDetail';
import { ExerciseEditor } from './ExerciseEditor';
import { ExerciseFilterBar, filterCount, useExerciseFilter } from './ExerciseFilters';
import './exercises.css';

/**
 * The exercise library: search, filter by kind and region, the exercises as cards with their drawing,
 * the one picked open beside the list. Therapists and admins add the clinic's own and edit any (each
 * save a new version); archived ones are hidden unless asked for.
 */
export function ExerciseLibraryScreen({ selectedKey }: { selectedKey?: string }) {
  const library = useQuery('exercises.list', {});
  const { navigate } = useRouter();
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
  const filter = useExerciseFilter(all, showArchived);
  const { shown } = filter;
  const selected = all.find((e) => e.key === selectedKey) ?? null;

  if (library.error) return <div className="page"><LoadFailed error={library.error} onRetry={library.refetch} /></div>;
  if (!library.data) return <div className="page"><Loading label="Opening the exercise library…" /></div>;

  return (
    <div className="page exercise-library">
      <header className="page-header">
        <h1>Exercises</h1>
        <span className="page-count">{filterCount(filter)}</span>
        <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
          Add exercise
        </button>
      </header>
      <ExerciseFilterBar filter={filter}>
        <label className="exercise-archived">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived
        </label>
      </ExerciseFilterBar>
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
