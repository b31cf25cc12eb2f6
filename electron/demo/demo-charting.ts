import { Faker, base, en } from '@faker-js/faker';
import type { NoteRecord } from '../../shared/charting/note';
import type { NoteContent, NoteType } from '../../shared/charting/note-content';
import type { RunningSummary } from '../../shared/charting/running-summary';
import type { Episode } from '../../shared/charting/episode';
import { addDays } from '../../shared/clinical/calendar';
import { localToInstant } from '../../shared/schedule/clinic-time';
import type { Dispatch } from '../api/dispatcher';
import { must } from './demo-api';
import { demoDischarge, demoEpisode, demoEvaluation, demoFollowUp } from './demo-note-content';

interface Ctx {
  dispatch: Dispatch;
  setNow(date: Date): Promise<void>;
  /** A session per therapist id (each writes their own notes). */
  sessions: Map<number, string>;
  admin: string;
  today: string;
  timeZone: string;
  seed: number;
  /** Patients with a run-walk history: their notes get the running summary. */
  runners: readonly number[];
}

interface Visit {
  id: number | null;
  /** Set for visits whose note type is decided up front (an earlier, finished episode). */
  type?: NoteType;
  patientId: number;
  therapistId: number;
  date: string;
  endsAt: string;
  typeName: string;
  status: string;
}

export interface DemoChartingResult {
  notes: number;
  drafts: number;
  addenda: number;
  discharged: number;
}

/**
 * Charts the demo schedule's visits through the same API a therapist uses: an initial evaluation at
 * each patient's first visit (episode, diagnoses, goals, plan of care, body chart), daily notes by
 * copy forward with two rows changed and the rest confirmed, progress notes at reassessment visits,
 * the running summary for runners, most notes signed soon after the visit, the latest few left as
 * drafts, one addendum and one discharge. Regular patients' care began a few weeks before the
 * schedule's window, so some are due a progress note today.
 */
export async function createDemoCharting(c: Ctx): Promise<DemoChartingResult> {
  const f = new Faker({ locale: [en, base] });
  f.seed(c.seed * 3571 + 11);
  const call = <T>(channel: string, input: unknown, session: string, what: string) => must<T>(c.dispatch({ channel, input, sessionToken: session, transport: 'cli' }), what);
  const range = await call<{ appointments: { id: number; patientId: number; therapistId: number; localDate: string; endsAt: string; typeName: string; status: string }[] }>(
    'appointments.range',
    { from: addDays(c.today, -28), to: addDays(c.today, 42), includeCancelled: false },
    c.admin,
    'range',
  );
  const past = range.appointments.filter((a) => a.status === 'arrived' || a.status === 'completed');
  const byPatient = new Map<number, Visit[]>();
  for (const a of past) byPatient.set(a.patientId, [...(byPatient.get(a.patientId) ?? []), { id: a.id, patientId: a.patientId, therapistId: a.therapistId, date: a.localDate, endsAt: a.endsAt, typeName: a.typeName, status: a.status }]);

  // Regulars (4+ visits in the window) began care earlier: an evaluation and a few visits before it, without appointments.
  for (const visits of byPatient.values()) {
    if (visits.length < 4) continue;
    const first = visits[0]!;
    const lead = Array.from({ length: 4 }, (_, i) => addDays(first.date, -7 * (4 - i) + (i % 2)));
    visits.unshift(...lead.map((date) => ({ ...first, id: null, date, endsAt: localToInstant(date, 10 * 60, c.timeZone), typeName: 'Follow-up', status: 'completed' })));
  }
  // One regular came once before, months ago: that episode was evaluated, treated and discharged.
  const returning = [...byPatient.entries()].find(([, v]) => v.length >= 8);
  if (returning) {
    const [first] = returning[1];
    const earlier = (['initial_evaluation', 'daily', 'daily', 'progress', 'discharge'] as const).map((type, i) => {
      const date = addDays(first!.date, -210 + i * 7);
      return { ...first!, id: null, type, date, endsAt: localToInstant(date, 10 * 60, c.timeZone), typeName: 'Follow-up', status: 'completed' };
    });
    returning[1].unshift(...earlier);
  }

  const result: DemoChartingResult = { notes: 0, drafts: 0, addenda: 0, discharged: 0 };
  let addendumNote: { id: number; session: string; date: string } | null = null;
  for (const [patientId, visits] of byPatient) {
    let episode: Episode | null = null;
    for (const [i, v] of visits.entries()) {
      const session = c.sessions.get(v.therapistId);
      if (!session) continue;
      const last = i === visits.length - 1;
      const writtenAt = new Date(Date.parse(v.endsAt) + f.number.int({ min: 5, max: 50 }) * 60_000);
      await c.setNow(writtenAt < new Date(localToInstant(c.today, 12 * 60, c.timeZone)) ? writtenAt : new Date(localToInstant(c.today, 12 * 60, c.timeZone)));
      const previous = visits[i - 1];
      const newEpisode = i === 0 || previous?.type === 'discharge';
      const type: NoteType = v.type ?? (newEpisode ? 'initial_evaluation' : (/reassess/i.test(v.typeName) && i >= 3) || (i === 9 && patientId % 2 === 0) ? 'progress' : 'daily');
      const start = { patientId, appointmentId: v.id, type, copyForward: type !== 'initial_evaluation', ...(v.id === null ? { dateOfService: v.date } : {}) };
      const note = await call<NoteRecord>('notes.start', start, session, 'start note');
      if (type === 'initial_evaluation') episode = await call<Episode>('episodes.save', { id: note.episodeId, patientId, episode: demoEpisode(f, v.date) }, session, 'episode');
      const goals = (episode?.goals ?? []).map((g) => g.id);
      const running = c.runners.includes(patientId) && type !== 'initial_evaluation' ? (await call<RunningSummary>('notes.runningSummary', { noteId: note.id }, session, 'running summary')).text : null;
      const content: NoteContent | object =
        type === 'initial_evaluation' ? demoEvaluation(f) : type === 'discharge' ? demoDischarge(f, note.content, goals) : demoFollowUp(f, note.content, type, goals, running);
      const saved = await call<{ revision: number }>('notes.saveDraft', { id: note.id, revision: note.revision, content }, session, 'save draft');
      result.notes++;
      // The latest visit of about one patient in five, and visits still in progress, are not signed yet.
      if (v.type === undefined && ((last && f.datatype.boolean(0.2)) || v.status === 'arrived')) {
        result.drafts++;
        continue;
      }
      await call('notes.sign', { id: note.id, revision: saved.revision }, session, 'sign');
      if (type === 'discharge') result.discharged++;
      if (!addendumNote && type === 'initial_evaluation' && v.date < addDays(c.today, -2)) addendumNote = { id: note.id, session, date: v.date };
    }
  }
  if (addendumNote) {
    await c.setNow(new Date(localToInstant(addDays(addendumNote.date, 1), 8 * 60 + 15, c.timeZone)));
    await call('notes.addendum', { noteId: addendumNote.id, text: 'Late entry: the patient also reported occasional left buttock pins and needles after runs longer than 40 minutes; neurological screen normal.' }, addendumNote.session, 'addendum');
    result.addenda++;
  }
  return result;
}
