import { useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { appointmentTypeInputSchema, type AppointmentType } from '../../../../shared/domain/schedule';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { activeColumns, useActiveToggle } from './useActiveToggle';
import { Banner } from '../../components/Banner';
import { DataTable, type DataTableColumn } from '../../components/DataTable/DataTable';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { applyServerErrors } from '../../forms/serverErrors';
import { formatDuration } from '../schedule/scheduleFormat';

const typeForm = appointmentTypeInputSchema.pick({ name: true, colour: true }).extend({ durationMinutes: z.coerce.number({ error: 'Duration is required' }).pipe(appointmentTypeInputSchema.shape.durationMinutes) });
type TypeForm = z.input<typeof typeForm>;

/** Add an appointment type or change one: its name, usual length and colour on the schedule. */
function TypeDialog({ type, onClose, onSaved }: { type: AppointmentType | null; onClose: () => void; onSaved: (message: string) => void }) {
  const { register, handleSubmit, formState, setError } = useForm<TypeForm, unknown, z.output<typeof typeForm>>({
    resolver: zodResolver(typeForm),
    mode: 'onTouched',
    defaultValues: { name: type?.name ?? '', durationMinutes: type?.durationMinutes ?? 45, colour: type?.colour ?? '#2f6f8f' },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const onSubmit = handleSubmit(async (v) => {
    setProblem(null);
    try {
      await call('appointmentTypes.save', { ...(type ? { id: type.id, active: type.active } : { active: true }), ...v });
      onSaved(type ? `${v.name} saved.` : `${v.name} added.`);
      onClose();
    } catch (e) {
      if (isApiCallError(e) && e.code === 'VALIDATION' && applyServerErrors(e, setError, ['name', 'durationMinutes', 'colour']).placed) return;
      setProblem(messageOf(e));
    }
  });
  const e = formState.errors;
  return (
    <FormDialog open title={type ? `Change ${type.name}` : 'Add an appointment type'} onClose={onClose} onSubmit={onSubmit} submitLabel={type ? 'Save type' : 'Add type'} submitting={formState.isSubmitting} dirty={formState.isDirty} problem={problem}>
      <div className="form-grid">
        <Field label="Name" error={e.name?.message} className="span-4">
          <input {...register('name')} maxLength={60} autoComplete="off" placeholder="e.g. Gait retraining" />
        </Field>
        <Field label="Usual length (minutes)" error={e.durationMinutes?.message} hint="The length a booking starts with" className="span-2">
          <input {...register('durationMinutes')} type="number" inputMode="numeric" min={5} max={480} step={5} />
        </Field>
        <Field label="Colour on the schedule" error={e.colour?.message} hint="The type’s name is always written too, so the schedule reads in grey print." className="span-6">
          <input {...register('colour')} type="color" className="colour-input" />
        </Field>
      </div>
    </FormDialog>
  );
}

/** Admins: appointment types (the usual length when booking; the colour marks the type, its name is always written too). */
export function AppointmentTypesSection({ types }: { types: AppointmentType[] }) {
  const id = useId();
  const [editing, setEditing] = useState<AppointmentType | 'new' | null>(null);
  const { busy, feedback, setFeedback, toggle } = useActiveToggle((t: AppointmentType) => call('appointmentTypes.save', { id: t.id, name: t.name, durationMinutes: t.durationMinutes, colour: t.colour, active: !t.active }));

  const columns = useMemo<DataTableColumn<AppointmentType>[]>(
    () => [
      {
        id: 'name',
        accessorFn: (t) => t.name,
        header: 'Name',
        enableSorting: true,
        size: 200,
        meta: { rowHeader: true, grow: 2 },
        cell: ({ row: { original: t } }) => (
          <span className="type-name">
            <span className="type-swatch" style={{ background: t.colour }} aria-hidden="true" />
            {t.name}
          </span>
        ),
      },
      { id: 'length', accessorFn: (t) => t.durationMinutes, header: 'Usual length', enableSorting: true, size: 110, cell: (i) => formatDuration(i.row.original.durationMinutes) },
      ...activeColumns<AppointmentType>('Change…', setEditing, busy, toggle),
    ],
    [busy, toggle],
  );

  return (
    <section className="form-section" aria-labelledby={`${id}-title`}>
      <div className="section-header">
        <h2 className="form-section-title" id={`${id}-title`}>
          Appointment types
        </h2>
        <span className="spacer" />
        <button type="button" className="button button-small" onClick={() => setEditing('new')}>
          <span aria-hidden="true">+</span> Add a type
        </button>
      </div>
      <p className="form-section-note">The usual length is where a booking starts; the colour marks the type on the schedule (its name is always written too).</p>
      {feedback && <Banner tone={feedback.tone}>{feedback.text}</Banner>}
      <DataTable label="Appointment types" columns={columns} data={types} getRowId={(t) => String(t.id)} rowClassName={(t) => (t.active ? undefined : 'is-inactive')} empty={<p className="muted">No appointment types yet — add one.</p>} />
      {editing && <TypeDialog type={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={(text) => setFeedback({ tone: 'success', text })} />}
    </section>
  );
}
