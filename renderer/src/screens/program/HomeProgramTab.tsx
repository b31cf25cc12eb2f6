import { useEffect, useMemo, useState } from 'react';
import type { LibraryEntry } from '../../../../shared/api/exercises';
import type { ProgramSuggestionView, ProgramVersion } from '../../../../shared/api/programs';
import type { Patient } from '../../../../shared/domain/patient';
import { call } from '../../api/client';
import { useAction, useQuery } from '../../api/hooks';
import { useFormat } from '../../app/clinic';
import { useLeaveGuard } from '../../app/router';
import { Banner } from '../../components/Banner';
import { LoadFailed, Loading } from '../../components/LoadState';
import { DoseDialog } from './DoseDialog';
import { draftFromLibrary, draftOf, moved, sameDraft, toSaveItems, type DraftItem } from './draft';
import { ExercisePicker } from './ExercisePicker';
import { ProgramHistory, ProgramVersionDialog } from './ProgramHistory';
import { ProgramList } from './ProgramList';
import { SuggestionsPanel } from './SuggestionsPanel';
import { HandoutPanel } from '../handout/HandoutPanel';
import '../exercises/exercises.css';
import './program.css';

interface Draft {
  /** The version the builder started from (0: none yet); a save names it so a newer one is not overwritten. */
  base: number;
  /** That version's exercises, to tell an untouched draft from a changed one. */
  baseItems: DraftItem[];
  items: DraftItem[];
}

const draftFrom = (current: ProgramVersion | null): Draft => ({ base: current?.version ?? 0, baseItems: draftOf(current), items: draftOf(current) });

/**
 * The chart's Home program tab: the program in print order (drawing, dose in words, why), exercises
 * added from the library or from what the reassessment suggests, doses edited, the order changed by
 * drag or keyboard, and each save a new version beside the versions before it.
 */
export function HomeProgramTab({ patient }: { patient: Patient }) {
  const program = useQuery('programs.get', { patientId: patient.id });
  const suggestions = useQuery('programs.suggestions', { patientId: patient.id });
  const library = useQuery('exercises.list', {});
  const f = useFormat();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [comment, setComment] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const [picking, setPicking] = useState(false);
  const [openVersion, setOpenVersion] = useState<number | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useAction((d: Draft, note: string) => call('programs.save', { patientId: patient.id, expectedVersion: d.base, items: toSaveItems(d.items), comment: note.trim() || null }));

  const current = program.data?.current ?? null;
  const changed = draft !== null && !sameDraft(draft.items, draft.baseItems);
  const dirty = changed || comment.trim() !== '';
  useLeaveGuard(dirty);

  // A version saved elsewhere replaces an untouched draft; a changed one stays (its save is then refused, not lost).
  useEffect(() => {
    const data = program.data;
    if (!data) return;
    setDraft((d) => (d === null || (d.base !== (data.current?.version ?? 0) && sameDraft(d.items, d.baseItems)) ? draftFrom(data.current) : d));
  }, [program.data]);

  const entries = useMemo(() => new Map((library.data?.exercises ?? []).map((e) => [e.key, e])), [library.data]);
  const inProgram = useMemo(() => new Set(draft?.items.map((i) => i.exerciseKey) ?? []), [draft]);

  if (program.error) return <LoadFailed error={program.error} onRetry={program.refetch} />;
  if (!program.data || !draft) return <Loading label="Opening the home program…" />;

  const update = (items: DraftItem[]) => {
    setSaved(null);
    setDraft({ ...draft, items });
  };
  const add = (e: LibraryEntry, reason: string | null = null) => update([...draft.items, draftFromLibrary(e, reason)]);
  const addSuggestion = (s: ProgramSuggestionView) => {
    const e = entries.get(s.exerciseKey);
    if (e) update([...draft.items, draftFromLibrary(e, s.reason, s.dosage)]);
  };
  const onSave = async () => {
    const result = await save.run(draft, comment);
    if (!result) return;
    program.setData({ current: result.current, versions: result.versions });
    setDraft(draftFrom(result.current));
    setComment('');
    setSaved(result.saved ? `Saved as version ${result.current.version}.` : 'Nothing changed since the current version: no new version was saved.');
  };
  const reload = () => {
    save.reset();
    setDraft(null);
    setComment('');
    program.refetch();
  };
  const conflict = save.error?.code === 'CONFLICT';
  const next = (program.data.versions[0]?.version ?? 0) + 1;

  return (
    <div className="home-program-tab">
      <section className="program-handout" aria-label="Handout">
        <HandoutPanel patientId={patient.id} programVersion={current?.version ?? null} />
      </section>
      <div className="program-layout">
        <section className="program-panel program-main" aria-labelledby="program-title">
          <header className="program-header">
            <div>
              <h2 id="program-title">Home program</h2>
              <p className="muted">
                {current ? `Version ${current.version}, saved ${f.instant(current.savedAt)} by ${current.savedBy}` : 'No home program saved yet.'}
                {dirty && <span className="badge badge-warning program-unsaved">Unsaved changes</span>}
              </p>
            </div>
            <button type="button" className="button" onClick={() => setPicking(true)} disabled={!library.data}>
              Add exercise
            </button>
          </header>
          {saved && <Banner tone="success">{saved}</Banner>}
          {save.error && (
            <Banner tone="error" actions={conflict ? <button type="button" className="button button-small" onClick={reload}>Reload the program</button> : undefined}>
              {save.error.message}
            </Banner>
          )}
          {draft.items.length === 0 ? (
            <p className="empty-state program-empty">No exercises yet. Add one from the library, or from what the reassessment suggests.</p>
          ) : (
            <ProgramList patientId={patient.id} items={draft.items} onMove={(from, to) => update(moved(draft.items, from, to))} onEdit={setEditing} onRemove={(i) => update(draft.items.filter((_, j) => j !== i))} />
          )}
          <div className="program-save">
            <label className="program-comment">
              <span>Comment for this version</span> <span className="field-optional">(optional)</span>
              <input className="input" value={comment} maxLength={300} placeholder="e.g. Side bridge added after the 4-week reassessment" onChange={(e) => setComment(e.target.value)} />
            </label>
            <button type="button" className="button button-primary" disabled={!dirty || save.pending || (draft.items.length === 0 && draft.base === 0)} onClick={() => void onSave()}>
              {save.pending ? 'Saving…' : `Save as version ${next}`}
            </button>
            {changed && (
              <button type="button" className="button button-quiet" onClick={() => update(draft.baseItems)} disabled={save.pending}>
                Undo changes
              </button>
            )}
          </div>
        </section>
        <aside className="program-side">
          <SuggestionsPanel suggestions={suggestions.error ? [] : suggestions.data?.suggestions} inProgram={inProgram} onAdd={addSuggestion} readOnly={!library.data} />
          {suggestions.error && <Banner tone="error">{suggestions.error.message}</Banner>}
          <ProgramHistory versions={program.data.versions} onOpen={setOpenVersion} />
        </aside>
      </div>
      {picking && library.data && <ExercisePicker library={library.data.exercises} inProgram={inProgram} onAdd={(e) => add(e)} onClose={() => setPicking(false)} />}
      {editing !== null && draft.items[editing] && (
        <DoseDialog
          item={draft.items[editing]!}
          onClose={() => setEditing(null)}
          onSave={(item) => {
            update(draft.items.map((x, i) => (i === editing ? item : x)));
            setEditing(null);
          }}
        />
      )}
      {openVersion !== null && <ProgramVersionDialog patientId={patient.id} version={openVersion} onClose={() => setOpenVersion(null)} />}
    </div>
  );
}
