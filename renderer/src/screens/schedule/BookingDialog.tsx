import { useEffect, useId, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { ResponseData } from '../../../../shared/api/contract';
import type { Appointment, SeriesScope } from '../../../../shared/domain/schedule';
import { formatClockTime, isoWeekday, parseClockTime } from '../../../../shared/schedule/clinic-time';
import { isIsoDate } from '../../../../shared/util/dates';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { useClinic, useClinicToday } from '../../app/clinic';
import { useLeaveGuard } from '../../app/router';
import { Banner } from '../../components/Banner';
import { useConfirm } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { ConflictList, conflictReasons, isConflict } from './ConflictList';
import { PatientFlags } from './PatientFlags';
import { PatientPicker, type PickedPatient } from './PatientPicker';
import { describeRepeat, formatDay, formatDuration, formatMinute, weekdayNames } from './scheduleFormat';
import { shortName } from './scheduleModel';
import { SeriesScopeFields } from './SeriesScopeDialog';

export type ScheduleSettings = ResponseData<'schedule.settings'>;

/** What the grid (or the chart, or the waitlist) already knows when booking starts. */
export interface BookingDraft {
  patient: PickedPatient | null;
  therapistId: number | null;
  roomId: number | null;
  typeId: number | null;
  date: string;
  start: number;
  /** From a drag; undefined = the type's own length. */
  duration?: number;
  note?: string;
  waitlistEntryId?: number;
}

export type BookingMode =
  | { kind: 'new'; draft: BookingDraft }
  | { kind: 'edit'; appointment: Appointment; seriesDescription: string | null; draft?: Partial<BookingDraft>; scope?: SeriesScope };

const form = z
  .object({
    patient: z.object({ id: z.number(), name: z.string(), detail: z.string() }).nullable(),
    therapistId: z.string(),
    roomId: z.string(),
    typeId: z.string(),
    date: z.string(),
    start: z.string(),
    duration: z.string(),
    note: z.string().max(500, 'Note is longer than 500 characters'),
    repeat: z.boolean(),
    weekdays: z.array(z.string()),
    intervalWeeks: z.string(),
    ends: z.enum(['count', 'until']),
    count: z.string(),
    until: z.string(),
    scope: z.enum(['one', 'following', 'all']),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!v.patient) issue('patient', 'Choose a patient');
    if (!v.therapistId) issue('therapistId', 'Choose a therapist');
    if (!v.typeId) issue('typeId', 'Choose an appointment type');
    if (!isIsoDate(v.date)) issue('date', 'Choose a date');
    const start = parseClockTime(v.start);
    if (start === null) issue('start', 'Start must be a time, like 9:30 AM');
    const duration = Number(v.duration);
    if (!v.duration.trim() || !Number.isInteger(duration)) issue('duration', 'Duration is a whole number of minutes');
    else if (duration < 5) issue('duration', 'At least 5 minutes');
    else if (duration > 480) issue('duration', 'At most 8 hours');
    else if (start !== null && start + duration > 24 * 60) issue('duration', 'The appointment would run past midnight');
    if (v.repeat) {
      if (v.weekdays.length === 0) issue('weekdays', 'Choose at least one weekday');
      const every = Number(v.intervalWeeks);
      if (!Number.isInteger(every) || every < 1 || every > 8) issue('intervalWeeks', 'Every 1 to 8 weeks');
      if (v.ends === 'count') {
        const n = Number(v.count);
        if (!Number.isInteger(n) || n < 1 || n > 100) issue('count', 'Between 1 and 100 appointments');
      } else if (!isIsoDate(v.until)) issue('until', 'Choose the last date');
      else if (isIsoDate(v.date) && v.until < v.date) issue('until', 'The last date is before the first');
    }
  });

type BookingValues = z.infer<typeof form>;

const SERVER_FIELDS: Record<string, keyof BookingValues> = {
  therapistId: 'therapistId',
  roomId: 'roomId',
  typeId: 'typeId',
  date: 'date',
  start: 'start',
  durationMinutes: 'duration',
  note: 'note',
  'recurrence.weekdays': 'weekdays',
  'recurrence.intervalWeeks': 'intervalWeeks',
  'recurrence.count': 'count',
  'recurrence.until': 'until',
};

function initialValues(mode: BookingMode, settings: ScheduleSettings): BookingValues {
  const d: Partial<BookingDraft> =
    mode.kind === 'new'
      ? mode.draft
      : {
          patient: { id: mode.appointment.patientId, name: mode.appointment.patientName, detail: mode.appointment.patientPhone ?? '' },
          therapistId: mode.appointment.therapistId,
          roomId: mode.appointment.roomId,
          typeId: mode.appointment.typeId,
          date: mode.appointment.localDate,
          start: mode.appointment.startMinute,
          duration: mode.appointment.endMinute - mode.appointment.startMinute,
          note: mode.appointment.note ?? '',
          ...mode.draft,
        };
  const types = settings.appointmentTypes.filter((t) => t.active);
  const type = types.find((t) => t.id === d.typeId) ?? types.find((t) => t.name === 'Follow-up') ?? types[0];
  const date = d.date ?? '';
  return {
    patient: d.patient ?? null,
    therapistId: d.therapistId ? String(d.therapistId) : '',
    roomId: d.roomId ? String(d.roomId) : '',
    typeId: type ? String(type.id) : '',
    date,
    start: d.start !== undefined ? formatClockTime(d.start) : '',
    duration: String(d.duration ?? type?.durationMinutes ?? 45),
    note: d.note ?? '',
    repeat: false,
    weekdays: isIsoDate(date) ? [String(isoWeekday(date))] : [],
    intervalWeeks: '1',
    ends: 'count',
    count: '8',
    until: '',
    scope: mode.kind === 'edit' ? (mode.scope ?? 'one') : 'one',
  };
}

interface BookingDialogProps {
  mode: BookingMode;
  settings: ScheduleSettings;
  isAdmin: boolean;
  onClose: () => void;
  /** After a booking or a change: what to say, and the date to show. */
  onSaved: (result: { message: string; date: string }) => void;
}

/**
 * Book an appointment (or a weekly series), or change one. The server checks every clash; what it
 * refuses is listed here in its own words and the form keeps what was typed. An admin may
 * double-book on purpose, with a reason. "Find next free slot" lists the therapist's openings.
 */
export function BookingDialog({ mode, settings, isAdmin, onClose, onSaved }: BookingDialogProps) {
  const { locale } = useClinic();
  const today = useClinicToday();
  const confirm = useConfirm();
  const editing = mode.kind === 'edit';
  const appointment = mode.kind === 'edit' ? mode.appointment : null;
  const [defaults] = useState(() => initialValues(mode, settings));
  const { register, handleSubmit, formState, control, setValue, getValues, setError } = useForm<BookingValues>({
    resolver: zodResolver(form),
    mode: 'onTouched',
    defaultValues: defaults,
  });
  const values = useWatch({ control }) as BookingValues;
  const [conflicts, setConflicts] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [overriding, setOverriding] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [overrideError, setOverrideError] = useState<string | null>(null);
  const durationFollowsType = useRef(mode.kind === 'new' && mode.draft.duration === undefined);
  const conflictRef = useRef<HTMLDivElement>(null);
  const overrideId = useId();
  useLeaveGuard(formState.isDirty);

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

  useEffect(() => {
    if (conflicts) conflictRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [conflicts]);

  const close = async () => {
    if (formState.isDirty && !(await confirm({ title: 'Close without saving?', message: 'What you entered in this form will be lost.', confirmLabel: 'Close without saving', cancelLabel: 'Keep editing', tone: 'danger' }))) return;
    onClose();
  };

  const repeatCount = values.repeat && values.ends === 'count' ? Number(values.count) : null;
  const repeatSummary = values.repeat && values.weekdays.length
    ? describeRepeat(
        {
          weekdays: values.weekdays.map(Number),
          intervalWeeks: Number(values.intervalWeeks) || 1,
          count: values.ends === 'count' ? Number(values.count) || null : null,
          until: values.ends === 'until' && isIsoDate(values.until) ? values.until : null,
        },
        locale,
      )
    : null;

  const save = async (v: BookingValues, override?: { reason: string }) => {
    setProblem(null);
    const start = formatClockTime(parseClockTime(v.start)!);
    const base = {
      therapistId: Number(v.therapistId),
      roomId: v.roomId ? Number(v.roomId) : null,
      typeId: Number(v.typeId),
      date: v.date,
      start,
      durationMinutes: Number(v.duration),
      note: v.note.trim() === '' ? null : v.note,
      ...(override ? { override } : {}),
    };
    const therapist = settings.therapists.find((t) => t.id === base.therapistId);
    const when = `${formatDay(v.date, locale, 'short')} at ${formatMinute(parseClockTime(v.start)!, locale)}`;
    try {
      if (appointment) {
        const r = await call('appointments.move', { id: appointment.id, ...base, scope: v.scope });
        const more = r.appointments.length > 1 ? ` (${r.appointments.length} appointments in the series)` : '';
        onSaved({ message: `Saved: ${appointment.patientName}, ${when} with ${shortName(therapist?.displayName ?? '')}${more}.`, date: v.date });
      } else {
        const recurrence = v.repeat
          ? {
              weekdays: v.weekdays.map(Number),
              intervalWeeks: Number(v.intervalWeeks),
              ...(v.ends === 'count' ? { count: Number(v.count) } : { until: v.until }),
            }
          : undefined;
        const waitlistEntryId = mode.kind === 'new' ? mode.draft.waitlistEntryId : undefined;
        const r = await call('appointments.book', {
          patientId: v.patient!.id,
          ...base,
          ...(recurrence ? { recurrence } : {}),
          ...(waitlistEntryId !== undefined ? { waitlistEntryId } : {}),
        });
        const n = r.appointments.length;
        onSaved({
          message: `Booked ${v.patient!.name}, ${when} with ${shortName(therapist?.displayName ?? '')}${n > 1 ? ` — ${n} appointments in the series` : ''}.`,
          date: r.appointments[0]?.localDate ?? v.date,
        });
      }
    } catch (error) {
      if (isConflict(error) && Object.keys(error.fields).some((k) => k.startsWith('conflict.'))) {
        setConflicts(conflictReasons(error));
        return;
      }
      if (isApiCallError(error) && error.code === 'VALIDATION' && Object.keys(error.fields).length) {
        const unplaced: string[] = [];
        let first = true;
        for (const [path, message] of Object.entries(error.fields)) {
          const field = SERVER_FIELDS[path] ?? (path.startsWith('recurrence') ? 'weekdays' : undefined);
          if (field) {
            setError(field, { type: 'server', message }, { shouldFocus: first });
            first = false;
          } else unplaced.push(message);
        }
        if (unplaced.length) setProblem(unplaced.join(' '));
        return;
      }
      setProblem(messageOf(error));
    }
  };

  const onSubmit = handleSubmit(async (v) => {
    setConflicts(null);
    setOverriding(false);
    await save(v);
  });

  const bookAnyway = async () => {
    if (!overrideReason.trim()) {
      setOverrideError('Say why this double-booking is right');
      return;
    }
    setOverrideError(null);
    await save(getValues(), { reason: overrideReason.trim() });
  };

  // Any change to when, who or where makes the old refusal stale.
  const slotKey = `${values.therapistId}|${values.roomId}|${values.date}|${values.start}|${values.duration}|${values.repeat}`;
  const lastSlotKey = useRef(slotKey);
  useEffect(() => {
    if (slotKey === lastSlotKey.current) return;
    lastSlotKey.current = slotKey;
    setConflicts(null);
    setOverriding(false);
  }, [slotKey]);

  const names = weekdayNames(locale, 'short');
  const longNames = weekdayNames(locale, 'long');
  const submitLabel = editing ? 'Save changes' : values.repeat ? (repeatCount && repeatCount > 0 ? `Book ${repeatCount} appointments` : 'Book the series') : 'Book appointment';

  return (
    <Dialog open onClose={() => void close()} title={editing ? 'Change appointment' : 'Book an appointment'} size="wide" className="booking-dialog">
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={editing ? 'Change appointment' : 'Book an appointment'}
        onKeyDown={(ev) => {
          if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === 's') {
            ev.preventDefault();
            void onSubmit();
          }
        }}
      >
        {problem && <Banner tone="error">{problem}</Banner>}
        <div className="form-grid booking-grid">
          {editing ? (
            <div className="field span-6">
              <span className="field-label">Patient</span>
              <div className="patient-chip">
                <div>
                  <div className="patient-chip-name">{appointment!.patientName}</div>
                  {appointment!.patientPhone && <div className="patient-chip-detail">{appointment!.patientPhone}</div>}
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
          <Field label="Date" error={e.date?.message} className="span-2" hint={isIsoDate(values.date) ? formatDay(values.date, locale, 'medium') : undefined}>
            <input type="date" {...register('date')} />
          </Field>
          <Field label="Start" error={e.start?.message} className="span-2">
            <input type="time" step={300} {...register('start')} />
          </Field>
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
              fromDate={isIsoDate(values.date) && values.date > today ? values.date : today}
              therapistName={settings.therapists.find((t) => String(t.id) === values.therapistId)?.displayName ?? null}
              onPick={(slot) => {
                setValue('date', slot.date, { shouldDirty: true, shouldValidate: true });
                setValue('start', formatClockTime(slot.startMinute), { shouldDirty: true, shouldValidate: true });
                if (type) setValue('duration', String(type.durationMinutes), { shouldDirty: true, shouldValidate: true });
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

        {!editing && (
          <fieldset className="form-subsection repeat">
            <legend className="visually-hidden">Repeat</legend>
            <label className="choice">
              <input type="checkbox" {...register('repeat')} /> Repeat (a weekly series)
            </label>
            {values.repeat && (
              <div className="repeat-body">
                <fieldset className="choice-group weekday-choices" aria-describedby={e.weekdays ? `${overrideId}-wd` : undefined}>
                  <legend>On</legend>
                  {names.map((n, i) => (
                    <label key={n} className="choice weekday-choice" title={longNames[i]}>
                      <input type="checkbox" value={String(i + 1)} aria-label={longNames[i]} {...register('weekdays')} />
                      <span aria-hidden="true">{n}</span>
                    </label>
                  ))}
                  {e.weekdays && (
                    <div className="field-error" id={`${overrideId}-wd`}>
                      {e.weekdays.message}
                    </div>
                  )}
                </fieldset>
                <div className="repeat-row">
                  <Field label="Every … weeks" error={e.intervalWeeks?.message} className="repeat-every">
                    <input type="number" min={1} max={8} inputMode="numeric" className="input-short" {...register('intervalWeeks')} />
                  </Field>
                  <fieldset className="choice-group repeat-ends">
                    <legend>Ends</legend>
                    <label className="choice">
                      <input type="radio" value="count" {...register('ends')} /> After
                    </label>
                    <input
                      type="number"
                      min={1}
                      max={100}
                      className="input input-short"
                      aria-label="Number of appointments"
                      aria-invalid={e.count ? true : undefined}
                      disabled={values.ends !== 'count'}
                      {...register('count')}
                    />
                    <span>times</span>
                    <label className="choice">
                      <input type="radio" value="until" {...register('ends')} /> On
                    </label>
                    <input type="date" className="input input-date" aria-label="Last date" aria-invalid={e.until ? true : undefined} disabled={values.ends !== 'until'} {...register('until')} />
                    {(e.count || e.until) && <div className="field-error">{e.count?.message ?? e.until?.message}</div>}
                  </fieldset>
                </div>
                {repeatSummary && (
                  <p className="repeat-summary" role="status" data-testid="repeat-summary">
                    {repeatSummary}
                  </p>
                )}
              </div>
            )}
          </fieldset>
        )}

        {conflicts && (
          <div ref={conflictRef}>
            <ConflictList
              title={editing ? 'This change cannot be saved:' : 'This time cannot be booked:'}
              reasons={conflicts}
              actions={
                isAdmin && !overriding ? (
                  <button type="button" className="button" onClick={() => setOverriding(true)}>
                    Double-book anyway…
                  </button>
                ) : undefined
              }
            />
            {isAdmin && overriding && (
              <div className="override">
                <div className={`field${overrideError ? ' field-invalid' : ''}`}>
                  <label htmlFor={overrideId}>Reason for double-booking</label>
                  <input
                    id={overrideId}
                    value={overrideReason}
                    onChange={(ev) => setOverrideReason(ev.target.value)}
                    autoFocus
                    maxLength={200}
                    aria-invalid={overrideError ? true : undefined}
                    aria-describedby={overrideError ? `${overrideId}-error` : undefined}
                    placeholder="e.g. Short check-in during another patient's exercises"
                  />
                  {overrideError && (
                    <div className="field-error" id={`${overrideId}-error`}>
                      {overrideError}
                    </div>
                  )}
                </div>
                <button type="button" className="button button-danger" onClick={() => void bookAnyway()} disabled={formState.isSubmitting}>
                  {editing ? 'Save anyway' : 'Book anyway'}
                </button>
              </div>
            )}
          </div>
        )}

        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => void close()}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

type Slot = ResponseData<'appointments.findSlots'>['slots'][number];

/** "Find next free slot": the therapist's next openings for this type, by day; one click fills the form. */
function SlotFinder({ therapistId, typeId, fromDate, therapistName, onPick }: { therapistId: number | null; typeId: number | null; fromDate: string; therapistName: string | null; onPick: (s: Slot) => void }) {
  const { locale } = useClinic();
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const key = `${therapistId}|${typeId}`;
  const [shownFor, setShownFor] = useState(key);
  if (shownFor !== key) {
    setShownFor(key);
    setSlots(null);
    setPicked(null);
  }

  const find = async () => {
    if (!therapistId || !typeId) {
      setProblem('Choose a therapist and an appointment type first.');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const r = await call('appointments.findSlots', { therapistId, typeId, fromDate, weeks: 4, limit: 24 });
      setSlots(r.slots);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const byDay = new Map<string, Slot[]>();
  for (const s of slots ?? []) byDay.set(s.date, [...(byDay.get(s.date) ?? []), s]);

  return (
    <div className="slot-finder">
      <button type="button" className="button button-small" onClick={() => void find()} disabled={busy}>
        {busy ? 'Looking…' : 'Find next free slot'}
      </button>
      {problem && <span className="field-error">{problem}</span>}
      {slots && (
        <div className="slot-results" role="group" aria-label={`Free slots${therapistName ? ` for ${therapistName}` : ''}`}>
          {slots.length === 0 && <p className="muted">No free slot in the next 4 weeks{therapistName ? ` for ${shortName(therapistName)}` : ''}.</p>}
          {[...byDay.entries()].slice(0, 5).map(([date, list]) => (
            <div key={date} className="slot-day">
              <span className="slot-date">{formatDay(date, locale, 'short')}</span>
              <span className="slot-times">
                {list.slice(0, 8).map((s) => (
                  <button
                    key={s.startsAt}
                    type="button"
                    className={`slot${picked === s.startsAt ? ' is-picked' : ''}`}
                    aria-pressed={picked === s.startsAt}
                    onClick={() => {
                      setPicked(s.startsAt);
                      onPick(s);
                    }}
                  >
                    {formatMinute(s.startMinute, locale)}
                  </button>
                ))}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
