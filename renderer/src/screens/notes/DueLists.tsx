import { useState } from 'react';
import type { DueLists as Due } from '../../../../shared/charting/note';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { messageOf } from '../../api/errors';
import { useRouter } from '../../app/router';
import { paths } from '../../app/routes';
import { Banner } from '../../components/Banner';
import './DueLists.css';

/** A visit with no note yet: one click starts it (from the appointment, so it carries its date). */
function StartFromAppointment({ item }: { item: Due['unsigned'][number] }) {
  const { navigate } = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          call('notes.start', { patientId: item.patientId, appointmentId: item.appointmentId })
            .then((note) => navigate(paths.note(item.patientId, note.id)))
            .catch((e: unknown) => setProblem(messageOf(e)));
        }}
      >
        {item.patientName}
      </button>
      {problem ? <span className="field-error"> {problem}</span> : null}
    </>
  );
}

/**
 * What a therapist still has to write: unsigned notes (oldest first, visits without any note among
 * them), patients whose progress note is due, and plans of care whose certification ends soon.
 */
export function DueLists({ therapistId = null, showTherapist = false }: { therapistId?: number | null; showTherapist?: boolean }) {
  const due = useQuery('notes.due', { therapistId });
  if (due.error) return <Banner tone="error">{due.error.message}</Banner>;
  if (!due.data) return <p className="muted">Looking for what is due…</p>;
  const { unsigned, progressNotes, certifications } = due.data;
  const who = (name: string) => (showTherapist ? <span className="muted"> · {name}</span> : null);
  return (
    <div className="due-lists">
      <section aria-labelledby="due-unsigned">
        <h2 id="due-unsigned">Notes to sign ({unsigned.length})</h2>
        {unsigned.length === 0 ? <p className="muted">Every visit’s note is signed.</p> : null}
        <ul>
          {unsigned.map((u) => (
            <li key={`${u.noteId ?? 'a'}-${u.appointmentId ?? 'n'}`}>
              {u.noteId !== null ? <a href={`#${paths.note(u.patientId, u.noteId)}`}>{u.patientName}</a> : <StartFromAppointment item={u} />} — {u.sentence}
              {who(u.therapistName)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="due-progress">
        <h2 id="due-progress">Progress notes due ({progressNotes.length})</h2>
        {progressNotes.length === 0 ? <p className="muted">No progress note is due.</p> : null}
        <ul>
          {progressNotes.map((p) => (
            <li key={p.episodeId}>
              <a href={`#${paths.patient(p.patientId, 'notes')}`}>{p.patientName}</a>
              {p.overdue ? <span className="badge badge-danger"> overdue</span> : null} — {p.sentences.join(' ')}
              {who(p.therapistName)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="due-recert">
        <h2 id="due-recert">Plans of care to recertify ({certifications.length})</h2>
        {certifications.length === 0 ? <p className="muted">No plan of care needs recertifying soon.</p> : null}
        <ul>
          {certifications.map((c) => (
            <li key={c.episodeId}>
              <a href={`#${paths.patient(c.patientId, 'notes')}`}>{c.patientName}</a> — {c.sentence}
              {who(c.therapistName)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
