import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { NoteStatus } from '../../../../shared/charting/note-content';
import type { Role } from '../../../../shared/domain/roles';
import type { Appointment } from '../../../../shared/domain/schedule';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { messageOf } from '../../api/errors';
import { useRouter } from '../../app/router';
import { paths } from '../../app/routes';
import './scheduleNotes.css';

/**
 * The schedule and visit notes: which appointments of the range shown have a note and in what state
 * (for the marks on the grid), and the one-click "Write note" in an appointment's details.
 */
type Marks = ReadonlyMap<number, NoteStatus>;
const NoteMarksContext = createContext<{ marks: Marks; refetch: () => void }>({ marks: new Map(), refetch: () => {} });

export function NoteMarksProvider({ from, to, children }: { from: string; to: string; children: ReactNode }) {
  const q = useQuery('notes.forRange', { from, to });
  const value = useMemo(() => ({ marks: new Map((q.data?.marks ?? []).map((m) => [m.appointmentId, m.status])) as Marks, refetch: q.refetch }), [q.data, q.refetch]);
  return <NoteMarksContext.Provider value={value}>{children}</NoteMarksContext.Provider>;
}

export function useNoteMarks() {
  return useContext(NoteMarksContext);
}

/** Whether the visit still needs its note signed: a draft, or a visit that happened with no note. */
export function noteOutstanding(a: Pick<Appointment, 'id' | 'status'>, marks: Marks): 'draft' | 'missing' | null {
  if (a.status !== 'arrived' && a.status !== 'completed') return null;
  const status = marks.get(a.id);
  if (status === 'draft') return 'draft';
  return status === 'signed' ? null : 'missing';
}

/** The grid's mark for an appointment whose note is not signed yet (words in the block's name too). */
export function NoteMark({ appointment, tiny }: { appointment: Appointment; tiny: boolean }) {
  const { marks } = useNoteMarks();
  const outstanding = noteOutstanding(appointment, marks);
  if (!outstanding) return null;
  const text = outstanding === 'draft' ? 'Note unsigned' : 'No note yet';
  return (
    <span className="appt-note-mark" title={text}>
      ✎{tiny ? '' : ` ${text}`}
    </span>
  );
}

export function noteMarkWords(a: Appointment, marks: Marks): string | null {
  const outstanding = noteOutstanding(a, marks);
  return outstanding === 'draft' ? 'note unsigned' : outstanding === 'missing' ? 'no note yet' : null;
}

/**
 * One click from a checked-in or completed appointment to its note: the note already started, or a
 * new one (a follow-up starts from the last signed note, an evaluation opens the episode).
 */
export function NoteAction({ appointment, role, userId, onOpened }: { appointment: Appointment; role: Role; userId: number; onOpened: () => void }) {
  const { navigate } = useRouter();
  const { marks } = useNoteMarks();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (role === 'front_desk' || (appointment.status !== 'arrived' && appointment.status !== 'completed')) return null;
  if (role === 'therapist' && appointment.therapistId !== userId) return null;
  const status = marks.get(appointment.id);
  const open = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const note = await call('notes.start', { patientId: appointment.patientId, appointmentId: appointment.id });
      onOpened();
      await navigate(paths.note(appointment.patientId, note.id));
    } catch (e) {
      setProblem(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className={`button${status === 'signed' ? '' : ' button-primary'}`} disabled={busy} onClick={() => void open()}>
        {busy ? 'Opening…' : status === 'signed' ? 'Open note' : status === 'draft' ? 'Continue note' : 'Write note'}
      </button>
      {problem ? <span className="field-error">{problem}</span> : null}
    </>
  );
}
