import type { ReactNode } from 'react';
import type { CopyState } from '../../../../shared/charting/copy-forward';
import type { Goal } from '../../../../shared/charting/episode';
import { GOAL_STATUSES, GOAL_STATUS_LABELS, GOAL_TERM_LABELS } from '../../../../shared/charting/episode';
import type { NoteContent, NoteType, ObjectiveRow, RowKind } from '../../../../shared/charting/note-content';
import { EVALUATION_CODE_BY_COMPLEXITY, EVALUATION_COMPLEXITIES } from '../../../../shared/charting/vocab';
import { DischargeReasonOptions } from './noteOptions';
import { NoteDateField } from './NoteDateField';
import { addRow, parseWhole, removeRow, setCopyConfirmed, updateRow } from './noteModel';
import { RowEditor, RowSuggestions } from './RowEditor';

export interface SectionProps {
  content: NoteContent;
  onChange: (next: NoteContent) => void;
  errors: Readonly<Record<string, string>>;
  disabled: boolean;
}

export function NoteSection({ id, letter, title, children, actions }: { id: string; letter: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="note-section" id={id} aria-labelledby={`${id}-title`}>
      <header className="note-section-head">
        <h3 id={`${id}-title`}>
          <span className="note-letter" aria-hidden="true">
            {letter}
          </span>
          {title}
        </h3>
        {actions}
      </header>
      {children}
    </section>
  );
}

function Text({ label, value, onChange, error, disabled, rows = 3, hint, id }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined; disabled: boolean; rows?: number; hint?: string; id?: string }) {
  return (
    <label className={`note-field${error ? ' note-field-invalid' : ''}`}>
      <span className="note-field-label">{label}</span>
      <textarea id={id} rows={rows} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} />
      {hint ? <span className="field-hint">{hint}</span> : null}
      {error ? <span className="field-error">{error}</span> : null}
    </label>
  );
}

function Score({ label, value, onChange, disabled, error }: { label: string; value: number | null; onChange: (v: number | null) => void; disabled: boolean; error?: string | undefined }) {
  return (
    <label className={`note-score${error ? ' note-field-invalid' : ''}`}>
      <span className="note-field-label">{label}</span>
      <input type="number" min={0} max={10} inputMode="numeric" aria-label={`${label} (0–10)`} value={value ?? ''} disabled={disabled} onChange={(e) => onChange(parseWhole(e.target.value) === null ? null : Math.max(0, Math.min(10, parseWhole(e.target.value)!)))} />
      <span aria-hidden="true">/10</span>
    </label>
  );
}

export function SubjectiveSection({ content, onChange, errors, disabled, onInsertRunning, runningBusy, children }: SectionProps & { onInsertRunning: () => void; runningBusy: boolean; children?: ReactNode }) {
  const s = content.subjective;
  const set = (patch: Partial<NoteContent['subjective']>) => onChange({ ...content, subjective: { ...s, ...patch } });
  return (
    <NoteSection id="note-s" letter="S" title="Subjective">
      <div className="note-scores">
        <Score label="Pain now" value={s.painNow} onChange={(painNow) => set({ painNow })} disabled={disabled} error={errors['subjective.painNow']} />
        <Score label="Best" value={s.painBest} onChange={(painBest) => set({ painBest })} disabled={disabled} />
        <Score label="Worst" value={s.painWorst} onChange={(painWorst) => set({ painWorst })} disabled={disabled} />
        <fieldset className="note-flare" disabled={disabled}>
          <legend>Flare since the last visit?</legend>
          {([
            [true, 'Yes'],
            [false, 'No'],
          ] as const).map(([v, label]) => (
            <label key={label} className="check">
              <input type="radio" name="flare" checked={s.flare.occurred === v} onChange={() => set({ flare: { ...s.flare, occurred: v } })} />
              {label}
            </label>
          ))}
        </fieldset>
      </div>
      {errors['subjective.painNow'] ? <p className="field-error">{errors['subjective.painNow']}</p> : null}
      {s.flare.occurred ? <Text label="What was the flare?" value={s.flare.what} onChange={(what) => set({ flare: { ...s.flare, what } })} error={errors['subjective.flare.what']} disabled={disabled} rows={2} /> : null}
      <Text label="In the patient's words" value={s.patientWords} onChange={(patientWords) => set({ patientWords })} disabled={disabled} />
      <div className="note-running">
        <Text label="Running since the last visit" value={s.running} onChange={(running) => set({ running })} disabled={disabled} rows={3} hint="Insert it from the running log and plan (Alt+R), then edit if needed." />
        <button type="button" className="button" onClick={onInsertRunning} disabled={disabled || runningBusy} aria-keyshortcuts="Alt+R">
          {runningBusy ? 'Reading the log…' : 'Insert running since last visit'}
        </button>
      </div>
      {children}
    </NoteSection>
  );
}

export function ObjectiveSection({ content, onChange, errors, disabled, copyStates, copiedFromDate, focusRow }: SectionProps & { copyStates: ReadonlyMap<string, CopyState>; copiedFromDate: (noteId: number) => string | null; focusRow: (rowId: string) => void }) {
  const add = (kind: RowKind) => {
    const next = addRow(content, kind);
    onChange(next.content);
    focusRow(next.rowId);
  };
  const rows = content.objective.rows;
  return (
    <NoteSection
      id="note-o"
      letter="O"
      title="Objective"
      actions={
        <span className="note-add-rows">
          <button type="button" className="button button-small" onClick={() => add('joint')} disabled={disabled} aria-keyshortcuts="Alt+J">
            + Joint mobilisation <kbd>Alt+J</kbd>
          </button>
          <button type="button" className="button button-small" onClick={() => add('soft_tissue')} disabled={disabled} aria-keyshortcuts="Alt+T">
            + Soft tissue <kbd>Alt+T</kbd>
          </button>
          <button type="button" className="button button-small" onClick={() => add('exercise')} disabled={disabled} aria-keyshortcuts="Alt+X">
            + Exercise <kbd>Alt+X</kbd>
          </button>
        </span>
      }
    >
      <RowSuggestions />
      {rows.length === 0 ? <p className="muted">No treatment yet: add a joint mobilisation (Alt+J), soft tissue (Alt+T) or exercise (Alt+X).</p> : null}
      {errors['objective.rows'] ? <p className="field-error">{errors['objective.rows']}</p> : null}
      <ol className="note-rows">
        {rows.map((row, i) => (
          <RowEditor
            key={row.id}
            row={row}
            index={i}
            copyState={copyStates.get(row.id) ?? null}
            copiedFrom={row.copy ? copiedFromDate(row.copy.fromNoteId) : null}
            errors={errors}
            disabled={disabled}
            onChange={(patch: Partial<ObjectiveRow>) => onChange(updateRow(content, row.id, patch))}
            onConfirmCopy={(confirmed) => onChange(setCopyConfirmed(content, row.id, confirmed))}
            onRemove={() => onChange(removeRow(content, row.id))}
          />
        ))}
      </ol>
      {rows.length > 1 ? <p className="field-hint">Alt+↑ / Alt+↓ move the row you are in.</p> : null}
      <Text label="Today's measures" value={content.objective.measures} onChange={(measures) => onChange({ ...content, objective: { ...content.objective, measures } })} disabled={disabled} rows={2} />
    </NoteSection>
  );
}


export function EvaluationSection({ content, onChange, errors, disabled, type }: SectionProps & { type: NoteType }) {
  const e = content.evaluation;
  const set = (patch: Partial<NoteContent['evaluation']>) => onChange({ ...content, evaluation: { ...e, ...patch } });
  if (type === 'daily') return null;
  if (type !== 'initial_evaluation') {
    return (
      <label className="check note-reeval">
        <input type="checkbox" checked={e.billReevaluation} disabled={disabled} onChange={(ev) => set({ billReevaluation: ev.target.checked })} />
        Bill a re-evaluation (97164): a formal re-examination with a change in the plan of care
      </label>
    );
  }
  return (
    <NoteSection id="note-e" letter="E" title="Evaluation">
      <Text label="History" value={e.history} onChange={(history) => set({ history })} error={errors['evaluation.history']} disabled={disabled} rows={4} />
      <Text label="Examination findings" value={e.findings} onChange={(findings) => set({ findings })} disabled={disabled} rows={4} />
      <fieldset className={`note-complexity${errors['evaluation.complexity'] ? ' note-field-invalid' : ''}`} disabled={disabled}>
        <legend>Complexity (picks the evaluation code)</legend>
        {EVALUATION_COMPLEXITIES.map((c) => (
          <label key={c} className="check">
            <input type="radio" name="complexity" checked={e.complexity === c} onChange={() => set({ complexity: c })} />
            {c[0]!.toUpperCase() + c.slice(1)} ({EVALUATION_CODE_BY_COMPLEXITY[c]})
          </label>
        ))}
        {errors['evaluation.complexity'] ? <span className="field-error">{errors['evaluation.complexity']}</span> : null}
      </fieldset>
    </NoteSection>
  );
}

export function AssessmentSection({ content, onChange, errors, disabled, goals, type }: SectionProps & { goals: readonly Goal[]; type: NoteType }) {
  const a = content.assessment;
  const rates = type === 'progress' || type === 'discharge';
  const rating = (goalId: number) => a.goals.find((g) => g.goalId === goalId) ?? { goalId, status: null, comment: '' };
  const setRating = (goalId: number, patch: Partial<NoteContent['assessment']['goals'][number]>) => {
    const others = a.goals.filter((g) => g.goalId !== goalId);
    onChange({ ...content, assessment: { ...a, goals: [...others, { ...rating(goalId), ...patch }].sort((x, y) => goals.findIndex((g) => g.id === x.goalId) - goals.findIndex((g) => g.id === y.goalId)) } });
  };
  return (
    <NoteSection id="note-a" letter="A" title="Assessment">
      {goals.length ? (
        <table className="note-goals">
          <caption className="visually-hidden">Progress toward each goal</caption>
          <thead>
            <tr>
              <th scope="col">Goal</th>
              <th scope="col">{rates ? 'Progress today' : 'Status'}</th>
              {rates ? <th scope="col">Comment</th> : null}
            </tr>
          </thead>
          <tbody>
            {goals.map((g) => (
              <tr key={g.id}>
                <td>
                  <span className="muted">{GOAL_TERM_LABELS[g.term]}:</span> {g.description}
                </td>
                <td>
                  {rates ? (
                    <select value={rating(g.id).status ?? ''} disabled={disabled} aria-label={`Progress on: ${g.description}`} onChange={(e) => setRating(g.id, { status: (e.target.value || null) as (typeof GOAL_STATUSES)[number] | null })}>
                      <option value="">Rate…</option>
                      {GOAL_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {GOAL_STATUS_LABELS[s]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    GOAL_STATUS_LABELS[g.status]
                  )}
                </td>
                {rates ? (
                  <td>
                    <input value={rating(g.id).comment} disabled={disabled} aria-label={`Comment on: ${g.description}`} onChange={(e) => setRating(g.id, { comment: e.target.value })} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {errors['assessment.goals'] ? <p className="field-error">{errors['assessment.goals']}</p> : null}
      <Text label="Assessment" value={a.text} onChange={(text) => onChange({ ...content, assessment: { ...a, text } })} error={errors['assessment.text']} disabled={disabled} rows={4} />
    </NoteSection>
  );
}

export function PlanSection({ content, onChange, errors, disabled, copyState, copiedFrom, type }: SectionProps & { copyState: CopyState | null; copiedFrom: string | null; type: NoteType }) {
  const p = content.plan;
  const set = (patch: Partial<NoteContent['plan']>) => onChange({ ...content, plan: { ...p, ...patch } });
  return (
    <NoteSection
      id="note-p"
      letter="P"
      title="Plan"
      actions={
        copyState ? (
          <span className={`copy-mark copy-mark-${copyState}`}>
            {copyState === 'edited' ? 'Copied, changed today' : `Copied from ${copiedFrom ?? 'an earlier note'}${copyState === 'copied' ? ', unchanged' : ', confirmed'}`}
            {copyState !== 'edited' ? (
              <label className="check">
                <input type="checkbox" checked={copyState === 'confirmed'} disabled={disabled} onChange={(e) => onChange(setCopyConfirmed(content, null, e.target.checked))} aria-label="Plan: still true today" />
                Still true today
              </label>
            ) : null}
          </span>
        ) : null
      }
    >
      <div className="note-plan-grid">
        <NoteDateField label="Next visit" value={p.nextVisit ?? ''} disabled={disabled} error={errors['plan.nextVisit']} onChange={(v) => set({ nextVisit: v || null })} />
        <label className={`note-field${errors['plan.frequency'] ? ' note-field-invalid' : ''}`}>
          <span className="note-field-label">Frequency</span>
          <input value={p.frequency} disabled={disabled} placeholder="e.g. 2× a week for 4 weeks" onChange={(e) => set({ frequency: e.target.value })} />
          {errors['plan.frequency'] ? <span className="field-error">{errors['plan.frequency']}</span> : null}
        </label>
      </div>
      <Text label="Home program changes" value={p.homeProgram} onChange={(homeProgram) => set({ homeProgram })} disabled={disabled} rows={2} />
      <Text label="Run-walk changes" value={p.runWalk} onChange={(runWalk) => set({ runWalk })} disabled={disabled} rows={2} />
      {type === 'discharge' ? <DischargeFields content={content} onChange={onChange} errors={errors} disabled={disabled} /> : null}
    </NoteSection>
  );
}

function DischargeFields({ content, onChange, errors, disabled }: SectionProps) {
  const d = content.discharge;
  return (
    <div className="note-discharge">
      <label className={`note-field${errors['discharge.reason'] ? ' note-field-invalid' : ''}`}>
        <span className="note-field-label">Discharge reason</span>
        <select value={d.reason ?? ''} disabled={disabled} onChange={(e) => onChange({ ...content, discharge: { ...d, reason: (e.target.value || null) as typeof d.reason } })}>
          <DischargeReasonOptions />
        </select>
        {errors['discharge.reason'] ? <span className="field-error">{errors['discharge.reason']}</span> : null}
      </label>
      <Text label="Discharge summary" value={d.summary} onChange={(summary) => onChange({ ...content, discharge: { ...d, summary } })} error={errors['discharge.summary']} disabled={disabled} rows={4} />
    </div>
  );
}
