import { useEffect, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { formatClockTime, parseClockTime } from '../../../../shared/schedule/clinic-time';
import { isIsoDate } from '../../../../shared/util/dates';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { useClinic, useClinicToday } from '../../app/clinic';
import { DateInput, TimeInput } from '../../components/ClinicInputs';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { baseRequest, bookingFormSchema, formFieldOf, initialValues, recurrenceOf, type BookingMode, type BookingValues, type ScheduleSettings } from './bookingForm';
import { BookingRefusal, type Refused } from './BookingRefusal';
import { conflictReasons, isConflict } from './ConflictList';
import { PatientFlags } from './PatientFlags';
import { PatientPicker } from './PatientPicker';
import { RepeatFields } from './RepeatFields';
import { formatDay, formatDuration, formatMinute } from './scheduleFormat';
import { shortName } from './scheduleModel';
import { SeriesScopeFields } from './SeriesScopeDialog';
import { SlotFinder } from './SlotFinder';

export type { BookingDraft, BookingMode, ScheduleSettings } from './bookingForm';

export interface BookingSaved {
  /** What to say on the schedule (the dates left out of a series named in words). */
  message: string;
  /** The date to show. */
  date: string;
  /** The appointment that gets the keyboard focus on the grid. */
  appointmentId: number | null;
}

interface BookingDialogProps {
  mode: BookingMode;
  settings: ScheduleSettings;
  isAdmin: boolean;
  onClose: () => void;
  onSaved: (result: BookingSaved) => void;
}

/**
 * Book an appointment (or a weekly series), or change one. The server checks every clash; what it
 * refuses is listed here in its own words and the form keeps what was typed: a series can book the
 * dates that fit; an admin may double-book on purpose, with a reason. "Find next free slot" lists
 * openings where the therapist, the room and the patient are all free.
 */
export function BookingDialog({ mode, settings, isAdmin, onClose, onSaved }: BookingDialogProps) {
  const { locale, format } = useClinic();
  const today = useClinicToday();
  const editing = mode.kind === 'edit';
  const appointment = mode.kind === 'edit' ? mode.appointment : null;
  const [defaults] = useState(() => initialValues(mode, settings));
  const { register, handleSubmit, formState, control, setValue, getValues, setError } = useForm<BookingValues>({
    resolver: zodResolver(bookingFormSchema(format)),
    mode: 'onTouched',
    defaultValues: defaults,
  });
  const values = useWatch({ control }) as BookingValues;
  const [refused, setRefused] = useState<Refused | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const durationFollowsType = useRef(mode.kind === 'new' && mode.draft.duration === undefined);

  const activeTypes = settings.appointmentTypes.filter((t) => t.active || t.id === appointment?.typeId);
  const activeRooms = settings.rooms.filter((r) => r.active || r.id === appointment?.roomId);
  const type = settings.appointmentTypes.find((t) => String(t.id) === values.typeId);
  const e = formState.errors;

  // A new type brings its own length, unless the length was chosen (a drag, or typed).
  const typeId = values.typeId;
  useEffect(() => {
    if (!durationFollowsType.current) return;
    const t = settings.appointmentTypes.find((x) => String(x.id) === typeId);
    if (t) setValue('duration', String(t.durationMinutes));
  }, [typeId, settings.appointmentTypes, setValue]);

  const save = async (v: BookingValues, extra: { override?: { reason: string }; skipConflicting?: boolean } = {}) => {
    setProblem(null);
    setBusy(true);
    const base = { ...baseRequest(v), ...(extra.override ? { override: extra.override } : {}) };
    const therapist = shortName(settings.therapists.find((t) => t.id === base.therapistId)?.displayName ?? '');
    const when = `${formatDay(v.date, locale, 'short')} at ${formatMinute(parseClockTime(v.start)!, locale)}`;
    try {
      if (appointment) {
        const r = await call('appointments.move', { id: appointment.id, ...base, scope: v.scope });
        const more = r.appointments.length > 1 ? ` (${r.appointments.length} appointments in the series)` : '';
        onSaved({ message: `Saved: ${appointment.patientName}, ${when} with ${therapist}${more}.`, date: v.date, appointmentId: appointment.id });
        return;
      }
      const recurrence = recurrenceOf(v);
      const waitlistEntryId = mode.kind === 'new' ? mode.draft.waitlistEntryId : undefined;
      const r = await call('appointments.book', {
        patientId: v.patient!.id,
        ...base,
        ...(recurrence ? { recurrence } : {}),
        ...(waitlistEntryId !== undefined ? { waitlistEntryId } : {}),
        ...(extra.skipConflicting ? { skipConflicting: true } : {}),
      });
      const n = r.appointments.length;
      const left = r.skipped.length
        ? ` Not booked (they clash): ${r.skipped.map((s) => `${format.day(s.date, 'short')} — ${s.reasons.join(' ')}`).join('; ')}`
        : '';
      onSaved({
        message: `Booked ${v.patient!.name}, ${when} with ${therapist}${n > 1 ? ` — ${n} appointments in the series` : ''}.${left}`,
        date: r.appointments[0]?.localDate ?? v.date,
        appointmentId: r.appointments[0]?.id ?? null,
      });
    } catch (error) {
      if (isConflict(error) && Object.keys(error.fields).some((k) => k.startsWith('conflict.'))) {
        const fitting = error.fields._fitting;
        const dates = error.fields._dates;
        setRefused({ reasons: conflictReasons(error), fitting: fitting === undefined ? null : Number(fitting), dates: dates === undefined ? null : Number(dates) });
        return;
      }
      if (isApiCallError(error) && error.code === 'VALIDATION' && Object.keys(error.fields).length) {
        const unplaced: string[] = [];
        let first = true;
        for (const [path, message] of Object.entries(error.fields)) {
          const field = formFieldOf(path);
          if (field) {
            setError(field, { type: 'server', message }, { shouldFocus: first });
            first = false;
          } else unplaced.push(message);
        }
        if (unplaced.length) setProblem(unplaced.join(' '));
        return;
      }
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = handleSubmit(async (v) => {
    setRefused(null);
    await save(v);
  });

  // Any change to when, who or where makes the old refusal stale.
  const slotKey = `${values.therapistId}|${values.roomId}|${values.date}|${values.start}|${values.duration}|${values.repeat}|${values.weekdays.join()}|${values.count}|${values.until}|${values.ends}`;
  const lastSlotKey = useRef(slotKey);
  useEffect(() => {
    if (slotKey === lastSlotKey.current) return;
    lastSlotKey.current = slotKey;
    setRefused(null);
  }, [slotKey]);

  const repeatCount = values.repeat && values.ends === 'count' ? Number(values.count) : null;
  const submitLabel = editing ? 'Save changes' : values.repeat ? (repeatCount && repeatCount > 0 ? `Book ${repeatCount} appointments` : 'Book the series') : 'Book appointment';
  const title = editing ? 'Change appointment' : 'Book an appointment';

  return (
    <FormDialog
      open
      title={title}
      className="booking-dialog"
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel={submitLabel}
      submitting={formState.isSubmitting || busy}
      dirty={formState.isDirty}
      problem={problem}
    >
      <div className="form-grid booking-grid">
        {editing ? (
          <div className="field span-6">
            <span className="field-label">Patient</span>
            <div className="patient-chip">
              <div>
                <div className="patient-chip-name">{appointment!.patientName}</div>
                {appointment!.patientPhone && <div className="patient-chip-detail nowrap">{appointment!.patientPhone}</div>}
              </div>
            </div>
          </div>
        ) : (
          <div className="span-6">
            <Controller
              control={control}
              name="patient"
              render={({ field }) => (
                <PatientPicker
                  label="Patient"
                  value={field.value}
                  onChange={(p) => field.onChange(p)}
                  error={e.patient?.message}
                  autoFocus={!field.value}
                  extra={field.value ? <PatientFlags patientId={field.value.id} /> : null}
                />
              )}
            />
          </div>
        )}
        <Field label="Therapist" error={e.therapistId?.message} className="span-2">
          <select {...register('therapistId')}>
            <option value="">Choose…</option>
            {settings.therapists.map((t) => (
              <option key={t.id} value={t.id}>
                {t.displayName}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Room" error={e.roomId?.message} className="span-2">
          <select {...register('roomId')}>
            <option value="">No room</option>
            {activeRooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
                {r.active ? '' : ' (retired)'}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Appointment type" error={e.typeId?.message} className="span-2">
          <select {...register('typeId')}>
            <option value="">Choose…</option>
            {activeTypes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({formatDuration(t.durationMinutes)})
              </option>
            ))}
          </select>
        </Field>
        <Controller
          control={control}
          name="date"
          render={({ field }) => (
            <Field label="Date" error={e.date?.message} className="span-2" hint={isIsoDate(field.value) ? formatDay(field.value, locale, 'medium') : format.typedDatePattern}>
              <DateInput {...field} />
            </Field>
          )}
        />
        <Controller
          control={control}
          name="start"
          render={({ field }) => (
            <Field label="Start" error={e.start?.message} className="span-2">
              <TimeInput {...field} />
            </Field>
          )}
        />
        <Field label="Duration (minutes)" error={e.duration?.message} className="span-2" hint={type ? `Usually ${formatDuration(type.durationMinutes)}` : undefined}>
          <input
            type="number"
            inputMode="numeric"
            min={5}
            max={480}
            step={5}
            {...register('duration', {
              onChange: () => {
                durationFollowsType.current = false;
              },
            })}
          />
        </Field>
        <div className="span-6">
          <SlotFinder
            therapistId={Number(values.therapistId) || null}
            typeId={Number(values.typeId) || null}
            roomId={Number(values.roomId) || null}
            patientId={values.patient?.id ?? appointment?.patientId ?? null}
            durationMinutes={Number(values.duration) || null}
            fromDate={isIsoDate(values.date) && values.date > today ? values.date : today}
            therapistName={settings.therapists.find((t) => String(t.id) === values.therapistId)?.displayName ?? null}
            roomName={settings.rooms.find((r) => String(r.id) === values.roomId)?.name ?? null}
            onPick={(slot) => {
              setValue('date', slot.date, { shouldDirty: true, shouldValidate: true });
              setValue('start', formatClockTime(slot.startMinute), { shouldDirty: true, shouldValidate: true });
            }}
          />
        </div>
        <Field label="Note" optional error={e.note?.message} className="span-6">
          <textarea rows={2} className="textarea-short" {...register('note')} placeholder="For the front desk and the therapist" />
        </Field>
      </div>

      {editing && appointment!.seriesId !== null && (
        <fieldset className="form-subsection">
          <legend>Which appointments change?</legend>
          {mode.kind === 'edit' && mode.seriesDescription && <p className="muted">{mode.seriesDescription}</p>}
          <SeriesScopeFields register={register('scope')} />
        </fieldset>
      )}

      {!editing && <RepeatFields register={register} control={control} values={values} errors={e} />}

      {refused && (
        <BookingRefusal
          refused={refused}
          editing={editing}
          isAdmin={isAdmin}
          busy={busy}
          onOverride={(reason) => void save(getValues(), { override: { reason } })}
          onBookFitting={() => void save(getValues(), { skipConflicting: true })}
        />
      )}
    </FormDialog>
  );
}
