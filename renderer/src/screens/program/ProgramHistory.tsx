import type { ProgramVersionSummary } from '../../../../shared/api/programs';
import { useQuery } from '../../api/hooks';
import { useFormat } from '../../app/clinic';
import { Dialog } from '../../components/Dialog';
import { LoadFailed, Loading } from '../../components/LoadState';
import { draftOf } from './draft';
import { ExerciseThumb, ProgramItemText } from './ProgramList';

const exercises = (n: number) => `${n} ${n === 1 ? 'exercise' : 'exercises'}`;

/** Every saved version, newest first: when, who, how many exercises, the comment; an old one opens read-only. */
export function ProgramHistory({ versions, onOpen }: { versions: readonly ProgramVersionSummary[]; onOpen: (version: number) => void }) {
  const f = useFormat();
  return (
    <section className="program-panel program-history" aria-labelledby="program-history-title">
      <h3 id="program-history-title">Versions</h3>
      {versions.length === 0 ? (
        <p className="muted">No version saved yet.</p>
      ) : (
        <ol className="program-version-list" aria-label="Saved versions">
          {versions.map((v, i) => (
            <li key={v.version} className="program-version">
              <div className="program-version-head">
                <strong>Version {v.version}</strong>
                {i === 0 ? (
                  <span className="badge badge-ok">Current</span>
                ) : (
                  <button type="button" className="button button-small" onClick={() => onOpen(v.version)} aria-label={`Open version ${v.version}`}>
                    Open
                  </button>
                )}
              </div>
              <span className="muted">
                {f.instant(v.savedAt)} · {v.savedBy} · {exercises(v.itemCount)}
              </span>
              {v.comment && <span className="program-version-comment">“{v.comment}”</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** An older version exactly as it was saved, read-only. */
export function ProgramVersionDialog({ patientId, version, onClose }: { patientId: number; version: number; onClose: () => void }) {
  const q = useQuery('programs.version', { patientId, version });
  const f = useFormat();
  const v = q.data;
  return (
    <Dialog open title={`Home program, version ${version}`} size="wide" className="program-version-dialog" onClose={onClose}>
      {q.error ? (
        <LoadFailed error={q.error} onRetry={q.refetch} />
      ) : !v ? (
        <Loading label="Opening the version…" />
      ) : (
        <>
          <p className="muted">
            Saved {f.instant(v.savedAt)} by {v.savedBy} · {exercises(v.itemCount)} · read-only
            {v.comment && <> · “{v.comment}”</>}
          </p>
          {v.items.length === 0 ? (
            <p className="empty-state">This version has no exercises.</p>
          ) : (
            <ol className="program-list program-list-readonly" aria-label={`Exercises in version ${version}`}>
              {draftOf(v).map((item, i) => (
                <li key={item.exerciseKey} className="program-item">
                  <ExerciseThumb item={item} />
                  <ProgramItemText item={item} index={i} />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </Dialog>
  );
}
