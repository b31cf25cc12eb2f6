import { useEffect, useRef, useState, type ReactNode } from 'react';
import { describeRow, ROW_KIND_LABELS } from '../../../../shared/charting/describe';
import { GOAL_STATUS_LABELS, GOAL_TERM_LABELS } from '../../../../shared/charting/episode';
import type { NoteRecord } from '../../../../shared/charting/note';
import { NOTE_TYPE_LABELS } from '../../../../shared/charting/note-content';
import { DISCHARGE_REASON_LABELS, EVALUATION_CODE_BY_COMPLEXITY } from '../../../../shared/charting/vocab';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useFormat } from '../../app/clinic';
import { RedFlagsProvider } from '../redflags/RedFlagsProvider';
import { NoteFindings } from './NoteFindings';
import { NoteRedFlags } from './NoteRedFlags';
import { Banner } from '../../components/Banner';
import { usePrintNote } from './noteOptions';
import { BodyChartView } from './BodyChart';
import './notes.css';

function Row({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '' || children === false) return null;
  return (
    <div className="note-read-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * A signed note as it was signed — never editable — with its signature, the hash check, the billing
 * lines and its addenda underneath. Corrections are dated, signed addenda. Also shows another
 * clinician's draft (read-only: only its author writes it).
 */
export function SignedNote({ note, onChanged }: { note: NoteRecord; onChanged: (n: NoteRecord) => void }) {
  const f = useFormat();
  const date = (d: string | null) => (d ? f.date(d) : '');
  const c = note.content;
  const [addendum, setAddendum] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<null | 'addendum'>(null);
  const signed = note.status === 'signed';
  const rating = (goalId: number) => c.assessment.goals.find((g) => g.goalId === goalId);
  const title = useRef<HTMLHeadingElement>(null);
  // Just signed (the editor went away under the focus): keep the keyboard in the note.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) title.current?.focus();
  }, []);

  const addAddendum = async () => {
    setBusy('addendum');
    setProblem(null);
    try {
      onChanged(await call('notes.addendum', { noteId: note.id, text: addendum }));
      setAddendum('');
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  const printing = usePrintNote(note.id);

  return (
    <article className="note-read" aria-labelledby="note-read-title">
      <header className="note-toolbar">
        <div className="note-toolbar-main">
          <h2 id="note-read-title" ref={title} tabIndex={-1}>
            {NOTE_TYPE_LABELS[note.type]} · {date(note.dateOfService)}
          </h2>
          <span className={`badge ${signed ? 'badge-ok' : 'badge-warning'}`}>{signed ? 'Signed and locked' : `Draft by ${note.therapistName}`}</span>
        </div>
        <div className="note-toolbar-actions">
          <button type="button" className="button" onClick={() => void printing.print()} disabled={printing.printing}>
            {printing.printing ? 'Making the PDF…' : 'Print'}
          </button>
        </div>
      </header>
      {problem || printing.error ? <Banner tone="error">{problem ?? printing.error}</Banner> : null}
      {note.integrity === 'mismatch' ? <Banner tone="error">This note no longer matches the hash it was signed with: the stored record was changed outside Runback. Tell the clinic's administrator.</Banner> : null}
      {!signed ? <Banner tone="info">Only {note.therapistName} can change or sign this draft.</Banner> : null}

      <section className="note-read-section">
        <h3>Episode</h3>
        <dl>
          <Row label="Diagnoses">
            {note.episode.diagnoses.map((d) => (
              <span key={d.code} className="dx-line">
                {d.letter}. {d.code} {d.title ?? '(not checked)'}
              </span>
            ))}
          </Row>
          <Row label="Plan of care">
            {note.episode.planOfCare.visitsPerWeek && note.episode.planOfCare.weeks ? `${note.episode.planOfCare.visitsPerWeek}× a week for ${note.episode.planOfCare.weeks} weeks` : ''}
            {note.episode.planOfCare.certStart && note.episode.planOfCare.certEnd ? `, certified ${date(note.episode.planOfCare.certStart)} – ${date(note.episode.planOfCare.certEnd)}` : ''}
          </Row>
        </dl>
      </section>
      <section className="note-read-section">
        <h3>Subjective</h3>
        <dl>
          <Row label="Pain (0–10)">{[c.subjective.painNow !== null && `now ${c.subjective.painNow}`, c.subjective.painBest !== null && `best ${c.subjective.painBest}`, c.subjective.painWorst !== null && `worst ${c.subjective.painWorst}`].filter(Boolean).join(', ')}</Row>
          <Row label="Patient reports">{c.subjective.patientWords}</Row>
          <Row label="Flare since last visit">{c.subjective.flare.occurred === null ? '' : `${c.subjective.flare.occurred ? 'Yes' : 'No'}${c.subjective.flare.what ? ` — ${c.subjective.flare.what}` : ''}`}</Row>
          <Row label="Running">{c.subjective.running}</Row>
        </dl>
        {note.type === 'initial_evaluation' || note.type === 'progress' ? (
          <RedFlagsProvider patientId={note.patientId}>
            <NoteRedFlags noteId={note.id} editable={false} />
          </RedFlagsProvider>
        ) : null}
      </section>
      <NoteFindings noteId={note.id} />
      {note.type === 'initial_evaluation' ? (
        <section className="note-read-section">
          <h3>Evaluation</h3>
          <dl>
            <Row label="History">{c.evaluation.history}</Row>
            <Row label="Findings">{c.evaluation.findings}</Row>
            <Row label="Complexity">{c.evaluation.complexity ? `${c.evaluation.complexity} (${EVALUATION_CODE_BY_COMPLEXITY[c.evaluation.complexity]})` : ''}</Row>
          </dl>
        </section>
      ) : null}
      {c.bodyChart.length || note.bodyChartBefore ? (
        <section className="note-read-section body-compare">
          {note.bodyChartBefore ? <BodyChartView marks={note.bodyChartBefore.marks} title={`${NOTE_TYPE_LABELS[note.bodyChartBefore.type]}, ${date(note.bodyChartBefore.date)}`} /> : null}
          <BodyChartView marks={c.bodyChart} title={note.bodyChartBefore ? 'This visit' : 'Body chart'} />
        </section>
      ) : null}
      <section className="note-read-section">
        <h3>Objective</h3>
        {(['joint', 'soft_tissue', 'exercise'] as const).map((kind) => {
          const rows = c.objective.rows.filter((r) => r.kind === kind);
          return rows.length ? (
            <div key={kind}>
              <h4>{ROW_KIND_LABELS[kind]}</h4>
              <ul>
                {rows.map((r) => (
                  <li key={r.id}>
                    {describeRow(r)}
                    {'response' in r && r.response ? ` — response: ${r.response}` : ''}
                    {r.copy?.confirmed ? <span className="muted"> (carried forward, confirmed unchanged)</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null;
        })}
        <dl>
          <Row label="Today's measures">{c.objective.measures}</Row>
        </dl>
      </section>
      <section className="note-read-section">
        <h3>Assessment</h3>
        <ul>
          {note.episode.goals.map((g) => (
            <li key={g.id}>
              {GOAL_TERM_LABELS[g.term]}: {g.description}
              {rating(g.id)?.status ? ` — ${GOAL_STATUS_LABELS[rating(g.id)!.status!]}` : ''}
              {rating(g.id)?.comment ? `: ${rating(g.id)!.comment}` : ''}
            </li>
          ))}
        </ul>
        <p className="note-read-text">{c.assessment.text}</p>
      </section>
      <section className="note-read-section">
        <h3>Plan</h3>
        <dl>
          <Row label="Next visit">{date(c.plan.nextVisit)}</Row>
          <Row label="Frequency">{c.plan.frequency}</Row>
          <Row label="Home program">{c.plan.homeProgram}</Row>
          <Row label="Run-walk">{c.plan.runWalk}</Row>
          {note.type === 'discharge' ? <Row label="Discharge">{`${c.discharge.reason ? DISCHARGE_REASON_LABELS[c.discharge.reason] : ''}${c.discharge.summary ? ` — ${c.discharge.summary}` : ''}`}</Row> : null}
        </dl>
      </section>
      {note.billing ? (
        <section className="note-read-section">
          <h3>Billing</h3>
          <p>{note.billing.sentence}</p>
          <ul className="billing-lines">
            {[...note.billing.lines, ...note.billing.unbilled].map((l) => (
              <li key={l.code} className={l.units ? 'billing-line' : 'billing-line billing-line-unbilled'}>
                <div className="billing-line-head">
                  <strong>{l.code}</strong> {l.label}
                  <span className="billing-figures">
                    {l.units} unit{l.units === 1 ? '' : 's'} · {l.modifiers.join(' ')}
                    {l.pointers.length ? ` · Dx ${l.pointers.join('')}` : ''}
                  </span>
                </div>
                <p className="billing-sentence">{l.sentence}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {signed ? (
        <section className="note-signature" aria-label="Signature">
          <p>
            <strong>
              Electronically signed by {note.signedByName} on {note.signedAt ? f.instant(note.signedAt) : ''}
            </strong>
          </p>
          <p className="note-hash">
            SHA-256 <code>{note.contentHash}</code> · {note.integrity === 'verified' ? 'matches the stored note' : 'does not match the stored note'}
          </p>
        </section>
      ) : null}
      {note.addendaList.length ? (
        <section className="note-read-section" aria-label="Addenda">
          <h3>Addenda</h3>
          {note.addendaList.map((a) => (
            <div key={a.id} className="note-addendum">
              <p>
                <strong>
                  {f.instant(a.signedAt)} · {a.authorName}
                </strong>
              </p>
              <p className="note-read-text">{a.text}</p>
              <p className="note-hash">
                SHA-256 <code>{a.hash}</code>
              </p>
            </div>
          ))}
        </section>
      ) : null}
      {signed ? (
        <form
          className="note-addendum-form"
          onSubmit={(e) => {
            e.preventDefault();
            void addAddendum();
          }}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
              e.preventDefault();
              if (addendum.trim()) void addAddendum();
            }
          }}
        >
          <label className="note-field">
            <span className="note-field-label">Add an addendum (dated and signed; the note above stays as it was)</span>
            <textarea rows={3} value={addendum} onChange={(e) => setAddendum(e.target.value)} />
          </label>
          <button type="submit" className="button button-primary" disabled={!addendum.trim() || busy !== null}>
            {busy === 'addendum' ? 'Signing…' : 'Sign addendum'} <kbd>Ctrl+Enter</kbd>
          </button>
        </form>
      ) : null}
    </article>
  );
}
