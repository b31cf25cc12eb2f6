import { useState } from 'react';
import type { Episode } from '../../../../shared/charting/episode';
import type { NoteType } from '../../../../shared/charting/note-content';
import type { Patient } from '../../../../shared/domain/patient';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { messageOf } from '../../api/errors';
import { useAuth } from '../../api/session';
import { useFormat } from '../../app/clinic';
import { useRouter } from '../../app/router';
import { paths } from '../../app/routes';
import { Banner } from '../../components/Banner';
import { AttachmentsPanel } from './AttachmentsPanel';
import { EpisodeForm } from './EpisodeForm';
import { DischargeEpisode } from './DischargeEpisode';
import { NoteTypeOptions } from './noteOptions';
import { NotesTable } from './NotesTable';
import { DISCHARGE_REASON_LABELS } from '../../../../shared/charting/vocab';
import './notes.css';

/** Start a note from the chart: the type (the suggested one preselected) and whether to copy forward. */
function NewNote({ patientId, episode }: { patientId: number; episode: Episode | null }) {
  const { navigate } = useRouter();
  const [type, setType] = useState<NoteType | ''>('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const note = await call('notes.start', { patientId, ...(type ? { type } : {}) });
      await navigate(paths.note(patientId, note.id));
    } catch (e) {
      setProblem(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <div className="new-note">
      <select aria-label="Type of note" value={type} onChange={(e) => setType(e.target.value as NoteType | '')}>
          <option value="">{episode ? 'Next note (suggested type)' : 'Initial evaluation (no open episode)'}</option>
          <NoteTypeOptions />
        </select>
      <button type="button" className="button button-primary" onClick={() => void start()} disabled={busy}>
        {busy ? 'Starting…' : 'New note'}
      </button>
      {problem ? <span className="field-error">{problem}</span> : null}
    </div>
  );
}

/**
 * The chart's Notes tab: the current episode (what is due, its goals and plan of care), every visit
 * note newest first, and attached documents. The front desk sees the notes' dates, types, status,
 * therapist and billed lines only — no content, no episode, no documents.
 */
export function NotesTab({ patient }: { patient: Patient }) {
  const auth = useAuth();
  const clinical = auth.phase === 'signedIn' && auth.user.role !== 'front_desk';
  const f = useFormat();
  const notes = useQuery('notes.list', { patientId: patient.id });
  const episodes = useQuery('episodes.list', { patientId: patient.id }, { enabled: clinical });
  const [editing, setEditing] = useState(false);
  const open = episodes.data?.episodes.find((e) => e.status === 'open') ?? null;
  const earlier = episodes.data?.episodes.filter((e) => e.status === 'discharged') ?? [];
  const date = (d: string) => f.date(d);

  return (
    <div className="notes-tab">
      {clinical ? (
        <section className="episode-card" aria-labelledby="episode-title">
          <header className="episode-card-head">
            <h2 id="episode-title">{open ? `Episode of care since ${date(open.startDate)}` : 'No open episode of care'}</h2>
            <NewNote patientId={patient.id} episode={open} />
          </header>
          {episodes.error ? <Banner tone="error">{episodes.error.message}</Banner> : null}
          {open ? (
            <>
              {open.due.map((d) => (
                <Banner key={d.ruleId} tone="warning">
                  {d.sentence}
                </Banner>
              ))}
              <p className="episode-summary">
                {open.diagnoses.map((d) => `${d.letter}. ${d.code}${d.title ? ` ${d.title}` : ''}`).join(' · ') || 'No diagnoses yet.'}
                {open.planOfCare.certEnd ? ` Certified to ${date(open.planOfCare.certEnd)}.` : ''} {open.visits} visit{open.visits === 1 ? '' : 's'}.
              </p>
              <div className="episode-card-actions">
                <button type="button" className="button" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
                  {editing ? 'Close the episode form' : 'Edit episode'}
                </button>
                <DischargeEpisode episode={open} onDone={() => episodes.refetch()} />
              </div>
              {editing ? <EpisodeForm patientId={patient.id} episode={open} onSaved={() => episodes.refetch()} /> : null}
            </>
          ) : (
            <p className="muted">An initial evaluation opens the next episode (New note).</p>
          )}
          {earlier.length ? (
            <details className="episode-history">
              <summary>Earlier episodes ({earlier.length})</summary>
              <ul>
                {earlier.map((e) => (
                  <li key={e.id}>
                    {date(e.startDate)} – {e.discharge ? date(e.discharge.date) : '…'}: {e.diagnoses.map((d) => d.code).join(', ') || 'no diagnoses'}
                    {e.discharge ? ` · discharged: ${DISCHARGE_REASON_LABELS[e.discharge.reason].toLowerCase()}` : ''} · {e.visits} visit{e.visits === 1 ? '' : 's'}
                    {e.discharge?.summary ? <span className="muted"> — {e.discharge.summary}</span> : null}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="notes-title">
        <h2 id="notes-title">Visit notes</h2>
        <NotesTable
          patientId={patient.id}
          notes={notes.data?.notes}
          clinical={clinical}
          loading={notes.loading}
          error={notes.error}
          onRetry={notes.refetch}
          empty={`No notes yet${clinical ? ': start one with New note, or from a checked-in appointment on the schedule.' : '.'}`}
        />
      </section>
      {clinical ? <AttachmentsPanel patientId={patient.id} episodeId={open?.id ?? null} /> : null}
    </div>
  );
}
