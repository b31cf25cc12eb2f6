import { useState } from 'react';
import type { LibraryEntry } from '../../../../shared/api/exercises';
import { dosageText, EXERCISE_KIND_LABELS, EXERCISE_REGION_LABELS, exerciseSource, exerciseTranslator, type Exercise } from '../../../../shared/clinical/library';
import { EXERCISE_FRAMES } from '../../../../shared/illustration';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { useFormat } from '../../app/clinic';
import { paths } from '../../app/routes';
import { Banner } from '../../components/Banner';
import { useConfirm } from '../../components/ConfirmDialog';
import { ExerciseFrames } from '../../components/ExerciseDrawing';
import { GradeBadge } from '../plan/DecisionView';
import { ExerciseEditor } from './ExerciseEditor';

/** The dose in the words a patient reads on the handout (English on screen). */
const doseWords = (e: Exercise) => dosageText(e.dosage, exerciseTranslator('en', [e]));

function Links({ label, keys, library }: { label: string; keys: string[]; library: LibraryEntry[] }) {
  if (keys.length === 0) return null;
  return (
    <p>
      <strong>{label}:</strong>{' '}
      {keys.map((k, i) => {
        const e = library.find((x) => x.key === k);
        return (
          <span key={k}>
            {i > 0 && ', '}
            {e ? <a href={`#${paths.exercises(k)}`}>{e.exercise.title}</a> : 'an exercise no longer in the library'}
          </span>
        );
      })}
    </p>
  );
}

function History({ entry }: { entry: LibraryEntry }) {
  const history = useQuery('exercises.history', { key: entry.key });
  const format = useFormat();
  if (!history.data || history.data.versions.length < 2) return null;
  return (
    <details className="exercise-history">
      <summary>Versions ({history.data.versions.length})</summary>
      <ol>
        {history.data.versions.map((v) => (
          <li key={v.version}>
            <strong>{v.version === 0 ? 'As shipped with Runback' : `Version ${v.version}`}</strong>
            {v.savedAt && <span className="muted"> — {v.savedBy}, {format.instant(v.savedAt)}</span>}
            <div className="muted">{v.exercise.title} · {doseWords(v.exercise)}</div>
          </li>
        ))}
      </ol>
    </details>
  );
}

export function ExerciseDetail({ entry, library, onClose }: { entry: LibraryEntry; library: LibraryEntry[]; onClose: () => void }) {
  const e = entry.exercise;
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const confirm = useConfirm();
  const frames = entry.illustration ? EXERCISE_FRAMES[entry.illustration] : undefined;
  const source = exerciseSource(e);

  const toggleArchived = async () => {
    setProblem(null);
    if (!entry.archived) {
      const ok = await confirm({ title: `Archive ${e.title}?`, message: 'It leaves the library’s pick list. Programs already printed keep it, and you can bring it back at any time.', confirmLabel: 'Archive', tone: 'danger' });
      if (!ok) return;
    }
    try {
      await call('exercises.setArchived', { key: entry.key, archived: !entry.archived });
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  return (
    <article className="exercise-detail" aria-labelledby="exercise-title">
      <header className="exercise-detail-header">
        <h2 id="exercise-title">{e.title}</h2>
        <button type="button" className="button button-quiet button-small" onClick={onClose} aria-label="Close the exercise">
          ×
        </button>
      </header>
      <p className="exercise-meta">
        {EXERCISE_KIND_LABELS[e.kind]} · {e.regions.map((r) => EXERCISE_REGION_LABELS[r]).join(', ')} ·{' '}
        {entry.origin === 'clinic' ? `Clinic’s own, version ${entry.version}` : entry.version > 0 ? `Clinic’s version ${entry.version} of a Runback exercise` : 'From Runback’s library'}
        {entry.archived && <span className="badge badge-archived">Archived</span>}
      </p>
      {problem && <Banner tone="error">{problem}</Banner>}
      {frames ? <ExerciseFrames frames={frames} title={e.title} /> : <p className="muted">No drawing chosen.</p>}
      <p className="exercise-purpose">{e.purpose}</p>
      <h3>Starting position</h3>
      <p>{e.startingPosition}</p>
      <h3>Steps</h3>
      <ol>{e.steps.map((s, i) => <li key={i}>{s}</li>)}</ol>
      <div className="exercise-columns">
        <section>
          <h3>Cues</h3>
          <ul>{e.cues.map((c, i) => <li key={i}>{c}</li>)}</ul>
        </section>
        <section>
          <h3>Common errors</h3>
          <ul>{e.commonErrors.map((c, i) => <li key={i}>{c}</li>)}</ul>
        </section>
      </div>
      <h3>Dose</h3>
      <p className="exercise-dose">{doseWords(e)}</p>
      <Links label="Easier" keys={e.easier} library={library} />
      <Links label="Harder" keys={e.harder} library={library} />
      {source && e.evidence ? (
        <p className="exercise-source">
          <GradeBadge grade={e.evidence.grade} /> <span className="muted">{source}</span>
        </p>
      ) : (
        <p className="muted">No source in the rules engine: the dose is the clinic’s own choice.</p>
      )}
      <div className="exercise-actions">
        <button type="button" className="button" onClick={() => setEditing(true)} disabled={entry.archived}>
          Edit
        </button>
        <button type="button" className={entry.archived ? 'button' : 'button button-danger-quiet'} onClick={() => void toggleArchived()}>
          {entry.archived ? 'Bring back' : 'Archive'}
        </button>
      </div>
      <History entry={entry} />
      {editing && <ExerciseEditor library={library} entry={entry} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
    </article>
  );
}
