import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { computeBilling } from '../../../../shared/charting/billing-lines';
import type { Episode } from '../../../../shared/charting/episode';
import type { NoteRecord } from '../../../../shared/charting/note';
import { NOTE_TYPE_LABELS, type NoteContent, type RowKind } from '../../../../shared/charting/note-content';
import { clinicPolicySchema } from '../../../../shared/clinical/policy';
import { call } from '../../api/client';
import { sessionStore } from '../../api/session';
import { useQuery } from '../../api/hooks';
import { isApiCallError, messageOf } from '../../api/errors';
import { useFormat } from '../../app/clinic';
import type { ClinicFormat } from '../../../../shared/format/clinic-format';
import { useRouter } from '../../app/router';
import { paths } from '../../app/routes';
import { Banner } from '../../components/Banner';
import { useConfirm } from '../../components/ConfirmDialog';
import { BillingPanel } from './BillingPanel';
import { BodyChartEditor, BodyChartView } from './BodyChart';
import { clearBackup, readBackup, type DraftBackup } from './draftBackup';
import { EpisodeForm } from './EpisodeForm';
import { NoteDateField } from './NoteDateField';
import { NoteFindings } from './NoteFindings';
import { NoteRedFlags } from './NoteRedFlags';
import { RedFlagsProvider } from '../redflags/RedFlagsProvider';
import { addRow, copyStates, moveRow, setCopyConfirmed, sourcesOf } from './noteModel';
import { AssessmentSection, EvaluationSection, NoteSection, ObjectiveSection, PlanSection, SubjectiveSection } from './NoteSections';
import { SignedNote } from './SignedNote';
import { NoteTypeOptions, usePrintNote } from './noteOptions';
import { useAutosave, type DraftState, type SaveStatus } from './useAutosave';
import './notes.css';

/** A note in the chart: the editor for one's own draft, the signed record (with addenda) otherwise. */
export function NoteScreen({ patientId, noteId }: { patientId: number; noteId: number }) {
  const note = useQuery('notes.get', { id: noteId });
  if (!note.data) {
    return note.error ? (
      <Banner tone="error" actions={<button type="button" className="button" onClick={note.refetch}>Try again</button>}>
        {note.error.message}
      </Banner>
    ) : (
      <div className="loading-block" role="status">
        <span className="spinner" aria-hidden="true" /> Opening the note…
      </div>
    );
  }
  if (note.data.canEdit) return <NoteEditor key={note.data.id} patientId={patientId} initial={note.data} onReplaced={note.setData} />;
  return <SignedNote key={`${note.data.id}:${note.data.addenda}`} note={note.data} onChanged={note.setData} />;
}

function statusText(s: SaveStatus, f: ClinicFormat): string {
  switch (s.kind) {
    case 'saved':
      return s.at ? `Draft saved ${f.time(s.at)}` : 'Draft';
    case 'pending':
      return 'Changes not saved yet…';
    case 'saving':
      return 'Saving…';
    case 'retrying':
      return `Not saved yet: ${s.message}`;
    case 'conflict':
      return s.message;
  }
}

function CopyInfo({ dates, copied }: { dates: string[]; copied: number }) {
  const from = `Started from the note of ${dates.join(', ')}`;
  return (
    <p className={copied ? 'note-copy-info' : 'note-copy-info is-done'}>
      {copied === 0 ? `${from}: every copied part has been changed or confirmed.` : `${from}: ${copied} ${copied === 1 ? 'part is' : 'parts are'} still exactly as copied — change or confirm ${copied === 1 ? 'it' : 'each'} before signing.`}
    </p>
  );
}

function restoredBackup(note: NoteRecord): { draft: DraftState; backup: DraftBackup | null; stale: DraftBackup | null } {
  const base: DraftState = { type: note.type, dateOfService: note.dateOfService, content: note.content };
  const backup = readBackup(note.id);
  if (!backup || JSON.stringify({ type: backup.type, dateOfService: backup.dateOfService, content: backup.content }) === JSON.stringify(base)) return { draft: base, backup: null, stale: null };
  // Typed on the version the server still holds: nothing else happened since, so it comes straight back.
  if (backup.baseRevision === note.revision) return { draft: { type: backup.type, dateOfService: backup.dateOfService, content: backup.content }, backup, stale: null };
  return { draft: base, backup: null, stale: backup };
}

function NoteEditor({ patientId, initial, onReplaced }: { patientId: number; initial: NoteRecord; onReplaced: (n: NoteRecord) => void }) {
  const f = useFormat();
  const { navigate } = useRouter();
  const confirm = useConfirm();
  const [{ draft: firstDraft, backup, stale }] = useState(() => restoredBackup(initial));
  const [draft, setDraft] = useState<DraftState>(firstDraft);
  const [staleBackup, setStaleBackup] = useState(stale);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [untouched, setUntouched] = useState<{ key: string; text: string }[]>([]);
  const [untouchedLead, setUntouchedLead] = useState('');
  const [busy, setBusy] = useState<null | 'sign' | 'running' | 'discard'>(null);
  const episodes = useQuery('episodes.list', { patientId });
  const policy = useQuery('policy.get', {});
  const root = useRef<HTMLDivElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const signButton = useRef<HTMLButtonElement>(null);
  const autosave = useAutosave({ noteId: initial.id, revision: initial.revision, draft, enabled: true });
  const content = draft.content;
  // A refused signing lists what is still as copied: the keyboard goes straight to confirming it.
  useEffect(() => {
    if (untouched.length) confirmButton.current?.focus();
  }, [untouched.length]);
  const setContent = useCallback((next: NoteContent) => setDraft((d) => ({ ...d, content: next })), []);
  const episode: Episode | null = episodes.data?.episodes.find((e) => e.id === initial.episodeId) ?? null;
  const goals = episode?.goals ?? initial.episode.goals;
  const diagnoses = episode?.diagnoses ?? initial.episode.diagnoses;
  const sources = useMemo(() => sourcesOf(initial), [initial]);
  const states = useMemo(() => copyStates(content, sources), [content, sources]);
  const unitRule = useMemo(() => clinicPolicySchema.safeParse(policy.data?.policy ?? {}).data?.documentation.unitRule ?? 'cms-8-minute', [policy.data]);
  const billing = useMemo(() => computeBilling({ type: draft.type, content, diagnoses, unitRule }), [draft.type, content, diagnoses, unitRule]);
  const dateOf = (id: number) => {
    const s = sources.get(id);
    return s ? f.date(s.date) : null;
  };

  const focusRow = (rowId: string) => window.setTimeout(() => root.current?.querySelector<HTMLElement>(`[data-row-id="${rowId}"] .note-row-fields :is(select, input)`)?.focus(), 0);
  const add = (kind: RowKind) => {
    const next = addRow(content, kind);
    setContent(next.content);
    focusRow(next.rowId);
  };

  const insertRunning = async () => {
    setBusy('running');
    try {
      await autosave.flush().catch(() => undefined);
      const summary = await call('notes.runningSummary', { noteId: initial.id });
      setDraft((d) => ({ ...d, content: { ...d.content, subjective: { ...d.content.subjective, running: summary.text } } }));
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const sign = async () => {
    setBusy('sign');
    setProblem(null);
    setErrors({});
    setUntouched([]);
    try {
      const revision = await autosave.flush();
      const signed = await call('notes.sign', { id: initial.id, revision });
      clearBackup(initial.id);
      onReplaced(signed);
    } catch (e) {
      if (isApiCallError(e) && e.code === 'CONFLICT' && Object.keys(e.fields).some((k) => k.startsWith('copies.'))) {
        // Listed once, with the way out, rather than as an error.
        setUntouched(Object.entries(e.fields).map(([key, text]) => ({ key: key.slice('copies.'.length), text })));
        setUntouchedLead(e.message.split(' — ')[0]!);
      } else {
        setProblem(messageOf(e));
        if (isApiCallError(e)) setErrors(e.fields);
      }
    } finally {
      setBusy(null);
    }
  };

  const confirmUntouched = () => {
    let next = content;
    for (const u of untouched) next = setCopyConfirmed(next, u.key === 'plan' ? null : u.key, true);
    setContent(next);
    setUntouched([]);
    setProblem(null);
    // The list goes away under the focus: the next key is most likely "sign".
    window.setTimeout(() => signButton.current?.focus(), 0);
  };

  const printing = usePrintNote(initial.id, autosave.flush);

  const discard = async () => {
    const ok = await confirm({ title: 'Discard this draft?', message: <p>The draft leaves the chart and the lists (it is kept, marked discarded, in the record). A new note can be started for the visit.</p>, confirmLabel: 'Discard draft', tone: 'danger' });
    if (!ok) return;
    setBusy('discard');
    try {
      const revision = await autosave.flush();
      await call('notes.discard', { id: initial.id, revision });
      clearBackup(initial.id);
      await navigate(paths.patient(patientId, 'notes'), { force: true });
    } catch (e) {
      setProblem(messageOf(e));
      setBusy(null);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || sessionStore.isLocked() || document.querySelector('dialog[open]')) return;
    const key = e.key.toLowerCase();
    const run = (f: () => void) => {
      e.preventDefault();
      f();
    };
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') return run(() => void sign());
    if ((e.ctrlKey || e.metaKey) && key === 's') return run(() => void autosave.flush().catch(() => undefined));
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.code === 'KeyJ') return run(() => add('joint'));
    if (e.code === 'KeyT') return run(() => add('soft_tissue'));
    if (e.code === 'KeyX') return run(() => add('exercise'));
    if (e.code === 'KeyR') return run(() => void insertRunning());
    const section = { Digit1: 'note-s', Digit2: 'note-o', Digit3: 'note-a', Digit4: 'note-p' }[e.code];
    if (section) return run(() => root.current?.querySelector<HTMLElement>(`#${section} :is(input, textarea, select, button)`)?.focus());
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const rowId = (e.target as HTMLElement).closest<HTMLElement>('[data-row-id]')?.dataset.rowId;
      if (rowId) run(() => {
        setContent(moveRow(content, rowId, e.key === 'ArrowUp' ? -1 : 1));
        focusRow(rowId);
      });
    }
  };

  // The editor's keys work wherever the focus is on the page (also right after it opens).
  const keys = useRef(onKeyDown);
  keys.current = onKeyDown;
  useEffect(() => {
    const listener = (e: globalThis.KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
  // Opened from the schedule or the chart: the cursor starts in the first thing a therapist writes.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) root.current?.querySelector<HTMLElement>('#note-s input')?.focus();
  }, []);

  const disabled = busy === 'sign' || busy === 'discard' || autosave.status.kind === 'conflict';
  return (
    <div className="note-editor" ref={root}>
      <header className="note-toolbar">
        <div className="note-toolbar-main">
          <select aria-label="Note type" value={draft.type} disabled={disabled} onChange={(e) => setDraft((d) => ({ ...d, type: e.target.value as DraftState['type'] }))}>
            <NoteTypeOptions />
          </select>
          <NoteDateField
            label="Date of service"
            className="note-toolbar-date"
            required
            value={draft.dateOfService}
            disabled={disabled || initial.appointmentId !== null}
            error={errors.dateOfService}
            onChange={(dateOfService) => setDraft((d) => ({ ...d, dateOfService }))}
          />
          <span className={`note-save-status note-save-${autosave.status.kind}`} role="status" aria-live="polite">
            {statusText(autosave.status, f)}
          </span>
        </div>
        <div className="note-toolbar-actions">
          <button type="button" className="button" onClick={() => void printing.print()} disabled={busy !== null || printing.printing}>
            {printing.printing ? 'Making the PDF…' : 'Print'}
          </button>
          <button type="button" className="button" onClick={() => void discard()} disabled={busy !== null}>
            Discard draft
          </button>
          <button type="button" ref={signButton} className="button button-primary" onClick={() => void sign()} disabled={busy !== null || autosave.status.kind === 'conflict'} aria-keyshortcuts="Control+Enter">
            {busy === 'sign' ? 'Signing…' : 'Sign and lock'} <kbd>Ctrl+Enter</kbd>
          </button>
        </div>
      </header>
      {backup ? <Banner tone="info">Restored what you typed at {f.time(backup.at)}, before it reached the server: it is being saved now.</Banner> : null}
      {staleBackup ? (
        <Banner
          tone="warning"
          actions={
            <>
              <button type="button" className="button" onClick={() => {
                setDraft({ type: staleBackup.type, dateOfService: staleBackup.dateOfService, content: staleBackup.content });
                setStaleBackup(null);
              }}>
                Use those changes
              </button>
              <button type="button" className="button" onClick={() => {
                clearBackup(initial.id);
                setStaleBackup(null);
              }}>
                Keep the saved note
              </button>
            </>
          }
        >
          Changes typed at {f.time(staleBackup.at)} never reached the server, and the note was saved again since (in another window).
        </Banner>
      ) : null}
      {autosave.status.kind === 'conflict' ? (
        <Banner tone="error" actions={<button type="button" className="button" onClick={() => window.location.reload()}>Reload the note</button>}>
          {autosave.status.message} What you typed here is kept on this computer until you reload.
        </Banner>
      ) : null}
      {problem || printing.error ? <Banner tone="error">{problem ?? printing.error}</Banner> : null}
      {untouched.length ? (
        <section className="untouched-copies" aria-label="Rows still as copied">
          <p>{untouchedLead}:</p>
          <ul>
            {untouched.map((u) => (
              <li key={u.key}>{u.text}</li>
            ))}
          </ul>
          <button type="button" className="button button-primary" onClick={confirmUntouched} ref={confirmButton}>
            Confirm all {untouched.length} as still true today
          </button>
        </section>
      ) : null}
      {initial.copySources.length && untouched.length === 0 ? <CopyInfo dates={initial.copySources.map((s) => f.date(s.date))} copied={[...states.values()].filter((s) => s === 'copied').length} /> : null}

      {draft.type === 'initial_evaluation' ? (
        <NoteSection id="note-episode" letter="◎" title="Episode of care">
          {episodes.data ? <EpisodeForm patientId={patientId} episode={episode} onSaved={() => episodes.refetch()} /> : <p className="muted">Loading the episode…</p>}
          {['episode.diagnoses', 'episode.goals', 'episode.planOfCare'].map((k) => (errors[k] ? <p key={k} className="field-error">{errors[k]}</p> : null))}
        </NoteSection>
      ) : null}
      <SubjectiveSection content={content} onChange={setContent} errors={errors} disabled={disabled} onInsertRunning={() => void insertRunning()} runningBusy={busy === 'running'}>
        {draft.type === 'initial_evaluation' || draft.type === 'progress' ? (
          <RedFlagsProvider patientId={patientId}>
            <NoteRedFlags noteId={initial.id} editable={!disabled} />
          </RedFlagsProvider>
        ) : null}
      </SubjectiveSection>
      <NoteFindings noteId={initial.id} />
      <EvaluationSection content={content} onChange={setContent} errors={errors} disabled={disabled} type={draft.type} />
      {draft.type !== 'daily' ? (
        <NoteSection id="note-body" letter="◍" title="Body chart">
          {initial.bodyChartBefore ? (
            <div className="body-compare">
              <BodyChartView marks={initial.bodyChartBefore.marks} title={`${NOTE_TYPE_LABELS[initial.bodyChartBefore.type]}, ${f.date(initial.bodyChartBefore.date)}`} />
              <div>
                <h4>This visit</h4>
                <BodyChartEditor marks={content.bodyChart} onChange={(bodyChart) => setContent({ ...content, bodyChart })} disabled={disabled} />
              </div>
            </div>
          ) : (
            <BodyChartEditor marks={content.bodyChart} onChange={(bodyChart) => setContent({ ...content, bodyChart })} disabled={disabled} />
          )}
        </NoteSection>
      ) : null}
      <ObjectiveSection content={content} onChange={setContent} errors={errors} disabled={disabled} copyStates={states} copiedFromDate={dateOf} focusRow={focusRow} />
      <AssessmentSection content={content} onChange={setContent} errors={errors} disabled={disabled} goals={goals} type={draft.type} />
      <PlanSection content={content} onChange={setContent} errors={errors} disabled={disabled} copyState={states.get('plan') ?? null} copiedFrom={content.plan.copy ? dateOf(content.plan.copy.fromNoteId) : null} type={draft.type} />
      <BillingPanel billing={billing} diagnoses={diagnoses} content={content} onChange={setContent} disabled={disabled} />
    </div>
  );
}
