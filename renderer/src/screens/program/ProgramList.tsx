import { useRef, useState, type KeyboardEvent } from 'react';
import { EXERCISE_KIND_LABELS } from '../../../../shared/clinical/library';
import { EXERCISE_FRAMES } from '../../../../shared/illustration';
import { ExerciseFrames } from '../../components/ExerciseDrawing';
import { doseWords, type DraftItem } from './draft';
import { ExercisePhotoButton } from './ExercisePhotoButton';

export function ExerciseThumb({ item }: { item: Pick<DraftItem, 'illustration' | 'title'> }) {
  const frames = item.illustration ? EXERCISE_FRAMES[item.illustration] : undefined;
  return <div className="program-thumb">{frames ? <ExerciseFrames frames={frames} title={item.title} size="small" /> : <div className="exercise-no-drawing">No drawing</div>}</div>;
}

/** What the row says about the exercise: title, kind, dose in words, the note and the reason. */
export function ProgramItemText({ item, index }: { item: DraftItem; index: number }) {
  return (
    <div className="program-item-text">
      <span className="program-item-title">
        <span className="program-item-number">{index + 1}.</span> {item.title}
        {item.archived && <span className="badge badge-archived">Archived in the library</span>}
      </span>
      <span className="program-item-kind">{EXERCISE_KIND_LABELS[item.kind]}</span>
      <span className="program-item-dose">{doseWords(item.dosage)}</span>
      {item.instructions && <span className="program-item-note">Note for the patient: {item.instructions}</span>}
      {item.reason && <span className="program-item-reason">Why: {item.reason}</span>}
    </div>
  );
}

interface Props {
  /** The patient whose photos of an exercise print in place of its drawing. */
  patientId: number;
  items: readonly DraftItem[];
  onMove: (from: number, to: number) => void;
  onEdit: (index: number) => void;
  onRemove: (index: number) => void;
}

/**
 * The program in print order. Reordering works three ways: drag a row by its handle, the Up and Down
 * buttons, or Alt+ArrowUp / Alt+ArrowDown on a focused row; each move is announced for screen readers
 * and focus stays on the moved exercise.
 */
export function ProgramList({ patientId, items, onMove, onEdit, onRemove }: Props) {
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const rows = useRef<(HTMLLIElement | null)[]>([]);

  const move = (from: number, to: number, refocus: 'row' | 'keep' = 'row') => {
    if (to < 0 || to >= items.length || from === to) return;
    onMove(from, to);
    setAnnouncement(`${items[from]!.title} moved to position ${to + 1} of ${items.length}.`);
    if (refocus === 'row') requestAnimationFrame(() => rows.current[to]?.focus());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>, i: number) => {
    if (e.target !== e.currentTarget || !e.altKey) return;
    if (e.key === 'ArrowUp') {
      e.preventDefault();
      move(i, i - 1);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      move(i, i + 1);
    }
  };

  return (
    <>
      <p id="program-reorder-help" className="visually-hidden">
        To reorder, focus an exercise and press Alt with the up or down arrow, use the Up and Down buttons, or drag it by its handle.
      </p>
      <ol className="program-list" aria-label="Exercises in the program" aria-describedby="program-reorder-help">
        {items.map((item, i) => (
          <li
            key={item.exerciseKey}
            ref={(el) => {
              rows.current[i] = el;
            }}
            tabIndex={0}
            aria-label={`${i + 1}. ${item.title}`}
            className={`program-item${dragging === i ? ' is-dragging' : ''}${over === i && dragging !== null && dragging !== i ? ' is-drop-target' : ''}`}
            onKeyDown={(e) => onKeyDown(e, i)}
            draggable
            onDragStart={(e) => {
              setDragging(i);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', item.exerciseKey);
            }}
            onDragOver={(e) => {
              if (dragging === null) return;
              e.preventDefault();
              setOver(i);
            }}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== null) move(dragging, i, 'keep');
              setDragging(null);
              setOver(null);
            }}
            onDragEnd={() => {
              setDragging(null);
              setOver(null);
            }}
          >
            <span className="program-drag-handle" aria-hidden="true" title="Drag to reorder">
              ⋮⋮
            </span>
            <ExerciseThumb item={item} />
            <ProgramItemText item={item} index={i} />
            <div className="program-item-actions">
              <button type="button" className="button button-small" onClick={() => move(i, i - 1, 'keep')} disabled={i === 0} aria-label={`Move ${item.title} up`}>
                Up
              </button>
              <button type="button" className="button button-small" onClick={() => move(i, i + 1, 'keep')} disabled={i === items.length - 1} aria-label={`Move ${item.title} down`}>
                Down
              </button>
              <button type="button" className="button button-small" onClick={() => onEdit(i)} aria-label={`Edit the dose of ${item.title}`}>
                Edit dose
              </button>
              <ExercisePhotoButton patientId={patientId} exerciseKey={item.exerciseKey} exerciseTitle={item.title} />
              <button type="button" className="button button-small button-danger-quiet" onClick={() => onRemove(i)} aria-label={`Remove ${item.title}`}>
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </>
  );
}
