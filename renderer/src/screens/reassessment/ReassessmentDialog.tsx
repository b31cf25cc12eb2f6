import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Device, MeasureCode, MeasureDefinition, Side } from '../../../../shared/clinical/reassessment';
import { MEASURES } from '../../../../shared/clinical/reassessment';
import type { MeasureEntry, ReassessmentRecord } from '../../../../shared/domain/reassessments';
import { measureEntrySchema } from '../../../../shared/domain/reassessments';
import { call } from '../../api/client';
import { isApiCallError, messageOf } from '../../api/errors';
import { useClinicToday, useFormat } from '../../app/clinic';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { DEVICE_LABELS, RESULT_LABELS, UNIT_WORDS, rangeText } from './reassessmentFormat';
import { noteChoice, VisitNoteField } from './VisitNoteField';
import './ReassessmentDialog.css';

type Values = Record<string, string>;

const sidesOf = (def: MeasureDefinition): Side[] => (def.sided ? ['left', 'right'] : ['none']);
const valueKey = (code: MeasureCode, side: Side) => `v_${code}_${side}`;
const deviceKey = (code: MeasureCode) => `d_${code}`;
const commentKey = (code: MeasureCode) => `c_${code}`;

/** Typed text → a number the way staff type it ("−3", "12,5"), or null. */
function parseNumber(text: string): number | null {
  const t = text.trim().replace('−', '-').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** The form's values as the battery's entries; the messages of the shared schema for any that do not fit. */
function toEntries(values: Values): { entries: MeasureEntry[]; keys: string[]; errors: Record<string, string> } {
  const entries: MeasureEntry[] = [];
  const keys: string[] = [];
  const errors: Record<string, string> = {};
  for (const def of MEASURES) {
    for (const side of sidesOf(def)) {
      const key = valueKey(def.code, side);
      const text = (values[key] ?? '').trim();
      if (!text) continue;
      const value = def.kind === 'numeric' ? parseNumber(text) : (text as MeasureEntry['value']);
      if (value === null) {
        errors[key] = `Enter a number (${UNIT_WORDS[def.unit]})`;
        continue;
      }
      const entry: MeasureEntry = { code: def.code, side, value, device: (values[deviceKey(def.code)] || null) as Device | null, comment: values[commentKey(def.code)] ?? '' };
      const parsed = measureEntrySchema.safeParse(entry);
      if (!parsed.success) errors[key] = parsed.error.issues[0]!.message;
      entries.push(entry);
      keys.push(key);
    }
  }
  return { entries, keys, errors };
}

interface Props {
  patientId: number;
  lastDevices: Partial<Record<MeasureCode, Device>>;
  /** The record a correction replaces (its values filled in), or null for a new reassessment. */
  correcting: ReassessmentRecord | null;
  onClose: () => void;
  onSaved: (saved: ReassessmentRecord) => void;
}

/** The battery as one keyboard form, in its fixed order: left and right side by side, the device once per measure. */
export function ReassessmentDialog({ patientId, lastDevices, correcting, onClose, onSaved }: Props) {
  const f = useFormat();
  const today = useClinicToday();
  const defaults = useMemo(() => {
    const v: Values = { date: f.dateForTyping(correcting?.assessedOn ?? today), comment: correcting?.comment ?? '', note: correcting ? (correcting.noteId === null ? 'none' : String(correcting.noteId)) : '' };
    for (const def of MEASURES) {
      v[deviceKey(def.code)] = lastDevices[def.code] ?? def.devices[0]!;
      v[commentKey(def.code)] = '';
      for (const side of sidesOf(def)) v[valueKey(def.code, side)] = '';
    }
    for (const m of correcting?.measures ?? []) {
      v[valueKey(m.code, m.side)] = typeof m.value === 'number' ? String(m.value) : m.value;
      if (m.device) v[deviceKey(m.code)] = m.device;
      if (m.comment) v[commentKey(m.code)] = m.comment;
    }
    return v;
  }, [correcting, f, lastDevices, today]);
  const form = useForm<Values>({ defaultValues: defaults });
  const { register, handleSubmit, formState, setError, setFocus } = form;
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => setFocus(valueKey(MEASURES[0]!.code, 'left')), 0);
    return () => window.clearTimeout(timer);
  }, [setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    const assessedOn = f.parseTypedDate(values.date ?? '');
    if (!assessedOn) return setError('date', { message: `Type the date as ${f.typedDatePattern}` }, { shouldFocus: true });
    const { entries, keys, errors } = toEntries(values);
    const bad = Object.entries(errors);
    if (bad.length) {
      bad.forEach(([key, message], i) => setError(key, { type: 'validate', message }, { shouldFocus: i === 0 }));
      return setProblem('Nothing was saved: check the fields marked below.');
    }
    if (!entries.length) return setProblem('Enter at least one measure: a partial battery is fine.');
    try {
      const saved = await call('reassessments.record', { patientId, assessedOn, noteId: noteChoice(values.note), comment: values.comment ?? '', replacesId: correcting?.id ?? null, measures: entries });
      onSaved(saved);
    } catch (error) {
      if (isApiCallError(error) && error.code === 'VALIDATION') {
        const unplaced: string[] = [];
        for (const [path, message] of Object.entries(error.fields)) {
          const m = /^measures\.(\d+)\./.exec(path);
          const key = m ? keys[Number(m[1])] : path === 'assessedOn' ? 'date' : null;
          if (key) setError(key, { type: 'server', message });
          else unplaced.push(message);
        }
        setProblem(unplaced.length ? unplaced.join(' ') : error.message);
      } else setProblem(messageOf(error));
    }
  });
  const err = (key: string) => formState.errors[key]?.message;
  const dateText = form.watch('date');
  const dateIso = f.parseTypedDate(dateText ?? '');

  return (
    <FormDialog
      open
      size="wide"
      title={correcting ? `Correct the reassessment of ${f.date(correcting.assessedOn)}` : 'Record a reassessment'}
      className="reassessment-dialog"
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel={formState.isSubmitting ? 'Saving…' : 'Save reassessment'}
      submitting={formState.isSubmitting}
      dirty={formState.isDirty}
      problem={problem}
      discard={{ title: 'Discard this reassessment?', message: 'The measures you typed are not saved.', confirmLabel: 'Discard' }}
      status={
        <span className="form-shortcut">
          Leave a measure empty to skip it · <kbd>Ctrl</kbd>+<kbd>S</kbd> saves
        </span>
      }
    >
      <div className="reassessment-head">
        <Field label="Date" error={err('date')} hint={dateIso ? f.date(dateIso, 'long') : f.typedDatePattern}>
          <input {...register('date')} autoComplete="off" inputMode="numeric" />
        </Field>
        <VisitNoteField patientId={patientId} date={dateIso} registration={register('note')} />
        <Field label="Comment" optional>
          <input {...register('comment')} autoComplete="off" maxLength={500} />
        </Field>
      </div>
      <div className="battery" role="group" aria-label="Battery">
        <div className="battery-row battery-header" aria-hidden="true">
          <span>Measure</span>
          <span>Left</span>
          <span>Right</span>
          <span>Device</span>
          <span>Comment</span>
        </div>
        {MEASURES.map((def) => (
          <MeasureRow key={def.code} def={def} register={register} err={err} />
        ))}
      </div>
    </FormDialog>
  );
}

function MeasureRow({ def, register, err }: { def: MeasureDefinition; register: ReturnType<typeof useForm<Values>>['register']; err: (key: string) => string | undefined }) {
  const range = rangeText(def);
  const cutoff = def.cutoffs[0]?.text;
  const input = (side: Side) => {
    const key = valueKey(def.code, side);
    const label = `${def.name}${side === 'none' ? '' : ` — ${side}`}`;
    const control =
      def.kind === 'numeric' ? (
        <input {...register(key)} aria-label={label} autoComplete="off" inputMode="decimal" className="battery-value" />
      ) : (
        <select {...register(key)} aria-label={label} className="battery-value">
          <option value="">—</option>
          {(def.kind === 'positive-negative' ? ['positive', 'negative'] : ['good', 'poor']).map((r) => (
            <option key={r} value={r}>
              {RESULT_LABELS[r]}
            </option>
          ))}
        </select>
      );
    return (
      <span className={`battery-cell${err(key) ? ' field-invalid' : ''}`}>
        {control}
        {err(key) && <span className="field-error">{err(key)}</span>}
      </span>
    );
  };
  return (
    <div className="battery-row">
      <span className="battery-name">
        <strong>{def.name}</strong>
        <small>
          {UNIT_WORDS[def.unit]}
          {range ? ` · ${range}` : ''}
          {cutoff ? ` · ${cutoff}` : ''}
        </small>
      </span>
      {def.sided ? (
        <>
          {input('left')}
          {input('right')}
        </>
      ) : (
        <span className="battery-both">{input('none')}</span>
      )}
      <select {...register(deviceKey(def.code))} aria-label={`${def.name} — device`}>
        {def.devices.map((d) => (
          <option key={d} value={d}>
            {DEVICE_LABELS[d]}
          </option>
        ))}
      </select>
      <input {...register(commentKey(def.code))} aria-label={`${def.name} — comment`} autoComplete="off" maxLength={500} />
    </div>
  );
}
