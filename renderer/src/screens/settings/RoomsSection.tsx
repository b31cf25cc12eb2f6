import { useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { roomInputSchema, type Room } from '../../../../shared/domain/schedule';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { activeColumns, useActiveToggle } from './useActiveToggle';
import { Banner } from '../../components/Banner';
import { DataTable, type DataTableColumn } from '../../components/DataTable/DataTable';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { applyServerErrors } from '../../forms/serverErrors';

const roomForm = roomInputSchema.pick({ name: true });
type RoomForm = z.input<typeof roomForm>;

/** Add a room or rename one. */
function RoomDialog({ room, onClose, onSaved }: { room: Room | null; onClose: () => void; onSaved: (message: string) => void }) {
  const { register, handleSubmit, formState, setError } = useForm<RoomForm, unknown, z.output<typeof roomForm>>({ resolver: zodResolver(roomForm), mode: 'onTouched', defaultValues: { name: room?.name ?? '' } });
  const [problem, setProblem] = useState<string | null>(null);
  const onSubmit = handleSubmit(async ({ name }) => {
    setProblem(null);
    try {
      await call('rooms.save', room ? { id: room.id, name, active: room.active } : { name, active: true });
      onSaved(room ? `Renamed to ${name}.` : `${name} added.`);
      onClose();
    } catch (e) {
      if (isApiCallError(e) && e.code === 'VALIDATION' && applyServerErrors(e, setError, ['name']).placed) return;
      setProblem(messageOf(e));
    }
  });
  return (
    <FormDialog open size="narrow" title={room ? `Rename ${room.name}` : 'Add a room'} onClose={onClose} onSubmit={onSubmit} submitLabel={room ? 'Rename' : 'Add room'} submitting={formState.isSubmitting} dirty={formState.isDirty} problem={problem}>
      <Field label="Room name" error={formState.errors.name?.message} hint="As staff say it, e.g. Treatment 4">
        <input {...register('name')} maxLength={60} autoComplete="off" />
      </Field>
    </FormDialog>
  );
}

/** Admins: the rooms. A retired room keeps its history but can no longer be booked. */
export function RoomsSection({ rooms }: { rooms: Room[] }) {
  const id = useId();
  const [editing, setEditing] = useState<Room | 'new' | null>(null);
  const { busy, feedback, setFeedback, toggle } = useActiveToggle((r: Room) => call('rooms.save', { id: r.id, name: r.name, active: !r.active }));

  const columns = useMemo<DataTableColumn<Room>[]>(
    () => [
      { id: 'name', accessorFn: (r) => r.name, header: 'Name', enableSorting: true, size: 200, meta: { rowHeader: true, grow: 2 }, cell: (i) => i.row.original.name },
      ...activeColumns<Room>('Rename…', setEditing, busy, toggle),
    ],
    [busy, toggle],
  );

  return (
    <section className="form-section" aria-labelledby={`${id}-title`}>
      <div className="section-header">
        <h2 className="form-section-title" id={`${id}-title`}>
          Rooms
        </h2>
        <span className="spacer" />
        <button type="button" className="button button-small" onClick={() => setEditing('new')}>
          <span aria-hidden="true">+</span> Add a room
        </button>
      </div>
      <p className="form-section-note">A retired room keeps its history but can no longer be booked.</p>
      {feedback && <Banner tone={feedback.tone}>{feedback.text}</Banner>}
      <DataTable label="Rooms" columns={columns} data={rooms} getRowId={(r) => String(r.id)} rowClassName={(r) => (r.active ? undefined : 'is-inactive')} empty={<p className="muted">No rooms yet — add the first one.</p>} />
      {editing && <RoomDialog room={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={(text) => setFeedback({ tone: 'success', text })} />}
    </section>
  );
}
