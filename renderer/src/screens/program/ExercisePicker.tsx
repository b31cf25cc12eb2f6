import type { LibraryEntry } from '../../../../shared/api/exercises';
import { EXERCISE_KIND_LABELS, EXERCISE_REGION_LABELS } from '../../../../shared/clinical/library';
import { Dialog } from '../../components/Dialog';
import { ExerciseFilterBar, filterCount, useExerciseFilter } from '../exercises/ExerciseFilters';
import { doseWords } from './draft';
import { ExerciseThumb } from './ProgramList';

/**
 * "Add exercise": the library with its search and filters (archived ones are not offered); each
 * card adds the exercise at its default dose, and the dialog stays open to add more.
 */
export function ExercisePicker({ library, inProgram, onAdd, onClose }: { library: readonly LibraryEntry[]; inProgram: ReadonlySet<string>; onAdd: (e: LibraryEntry) => void; onClose: () => void }) {
  const filter = useExerciseFilter(library, false);
  return (
    <Dialog
      open
      title="Add an exercise to the program"
      size="wide"
      className="program-picker"
      onClose={onClose}
      footer={
        <div className="form-actions">
          <span className="muted">{filterCount(filter)}</span>
          <button type="button" className="button button-primary" onClick={onClose}>
            Done
          </button>
        </div>
      }
    >
      <ExerciseFilterBar filter={filter} />
      <ul className="program-picker-list" aria-label="Library exercises">
        {filter.shown.length === 0 && <li className="empty-state">No exercise matches. Clear the search or the filters.</li>}
        {filter.shown.map((e) => {
          const added = inProgram.has(e.key);
          return (
            <li key={e.key} className="program-picker-card">
              <ExerciseThumb item={{ illustration: e.illustration, title: e.exercise.title }} />
              <span className="program-item-title">{e.exercise.title}</span>
              <span className="exercise-card-tags">
                {EXERCISE_KIND_LABELS[e.exercise.kind]} · {e.exercise.regions.map((r) => EXERCISE_REGION_LABELS[r]).join(', ')}
              </span>
              <span className="program-item-dose">{doseWords(e.exercise.dosage)}</span>
              <button type="button" className="button button-small" disabled={added} onClick={() => onAdd(e)} aria-label={added ? `${e.exercise.title} is in the program` : `Add ${e.exercise.title}`}>
                {added ? 'In the program' : 'Add'}
              </button>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
