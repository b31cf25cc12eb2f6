import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { PlanWeekRecord, RunPlanRecord } from '../../../../shared/domain/running';
import { OVERRIDE_DECISIONS } from '../../../../shared/clinical/history';
import { describeSession, type Ladder } from '../../../../shared/clinical/ladder';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { DECISION_LABELS, DECISION_MARKS } from './planFormat';

const overrideSchema = z.object({
  decision: z.enum(OVERRIDE_DECISIONS, { error: 'Choose a decision' }),
  stepId: z.string(),
  reason: z.string().trim().min(3, 'Give the reason for overriding').max(500, 'Keep the reason under 500 characters'),
});
type OverrideValues = z.input<typeof overrideSchema>;

/** Override the planner's decision for a week: a decision, optionally a rung, and the reason (required). */
export function OverrideDialog({ week, ladder, onClose, onDone }: { week: PlanWeekRecord | null; ladder: Ladder; onClose: () => void; onDone: (plan: RunPlanRecord) => void }) {
  return week ? <OverrideForm week={week} ladder={ladder} onClose={onClose} onDone={onDone} /> : null;
}

function OverrideForm({ week, ladder, onClose, onDone }: { week: PlanWeekRecord; ladder: Ladder; onClose: () => void; onDone: (plan: RunPlanRecord) => void }) {
  const engine = week.engineDecision ?? 'hold';
  const form = useForm<OverrideValues, unknown, z.output<typeof overrideSchema>>({
    resolver: zodResolver(overrideSchema),
    mode: 'onTouched',
    // No decision chosen for you: an override is a deliberate choice.
    defaultValues: { stepId: '', reason: '' },
  });
  const { register, handleSubmit, formState, watch } = form;
  const [problem, setProblem] = useState<string | null>(null);
  const decision = watch('decision');
  const onSubmit = handleSubmit(async (v) => {
    setProblem(null);
    try {
      onDone(await call('plans.override', { weekId: week.id, decision: v.decision, stepId: v.decision === 'stop-and-review' || v.stepId === '' ? null : v.stepId, reason: v.reason }));
    } catch (e) {
      setProblem(messageOf(e));
    }
  });
  return (
    <FormDialog
      open
      title="Override the planner’s decision"
      formLabel="Override"
      className="override-form"
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel="Override"
      submitting={formState.isSubmitting}
      dirty={formState.isDirty}
      problem={problem}
    >
      <p className="muted">The planner said {DECISION_LABELS[engine].toLowerCase()}. Both its decision and yours are kept in the plan’s history, with your reason.</p>
      <fieldset className="choice-group" aria-describedby={formState.errors.decision ? 'override-decision-error' : undefined}>
        <legend>Your decision</legend>
        {OVERRIDE_DECISIONS.map((d) => (
          <label key={d} className="choice">
            <input type="radio" value={d} {...register('decision')} />
            <span>
              <span aria-hidden="true">{DECISION_MARKS[d]} </span>
              {DECISION_LABELS[d]}
            </span>
          </label>
        ))}
        {formState.errors.decision && (
          <div id="override-decision-error" className="field-error choice-error">
            {formState.errors.decision.message}
          </div>
        )}
      </fieldset>
      {decision !== 'stop-and-review' && (
        <Field label="Next week’s step" optional hint="Leave as it is to follow from the decision (one rung up, the same, or one rung down)">
          <select {...register('stepId')}>
            <option value="">Follow from the decision</option>
            {ladder.map((s, i) => (
              <option key={s.id} value={s.id}>
                Rung {i + 1}: {describeSession(s)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label="Reason" error={formState.errors.reason?.message} hint="Shown beside the decision in the plan’s history">
        <textarea {...register('reason')} rows={3} />
      </Field>
    </FormDialog>
  );
}

const endSchema = z.object({ reason: z.string().trim().min(3, 'Say why the plan ends').max(300, 'Keep the reason under 300 characters') });

/** End the plan (discharge, a change of approach) with the reason. */
export function EndPlanDialog({ plan, open, onClose, onDone }: { plan: RunPlanRecord; open: boolean; onClose: () => void; onDone: (plan: RunPlanRecord) => void }) {
  return open ? <EndPlanForm plan={plan} onClose={onClose} onDone={onDone} /> : null;
}

function EndPlanForm({ plan, onClose, onDone }: { plan: RunPlanRecord; onClose: () => void; onDone: (plan: RunPlanRecord) => void }) {
  const form = useForm<z.input<typeof endSchema>, unknown, z.output<typeof endSchema>>({ resolver: zodResolver(endSchema), mode: 'onTouched', defaultValues: { reason: '' } });
  const [problem, setProblem] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async ({ reason }) => {
    setProblem(null);
    try {
      onDone(await call('plans.end', { planId: plan.id, reason }));
    } catch (e) {
      setProblem(messageOf(e));
    }
  });
  return (
    <FormDialog
      open
      title="End the run-walk plan"
      formLabel="End plan"
      size="narrow"
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel="End plan"
      submitDanger
      submitting={form.formState.isSubmitting}
      dirty={form.formState.isDirty}
      problem={problem}
    >
      <p className="muted">The plan’s weeks and decisions stay in the record. A new plan can be started afterwards.</p>
      <Field label="Reason" error={form.formState.errors.reason?.message} hint="e.g. discharged: running 30 minutes continuously without pain">
        <textarea {...form.register('reason')} rows={3} />
      </Field>
    </FormDialog>
  );
}
