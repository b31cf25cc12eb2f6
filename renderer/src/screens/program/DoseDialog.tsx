import { useState, type FormEvent } from 'react';
import { programItemInputSchema, PROGRAM_LIMITS, type ProgramDosage } from '../../../../shared/program/program-item';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { doseWords, type DraftItem } from './draft';

type Kind = ProgramDosage['kind'];

/** Every number the three dose shapes use, kept while the kind changes (switching back loses nothing). */
interface Numbers {
  sets: string;
  reps: string;
  holdSeconds: string;
  holds: string;
  seconds: string;
  timesPerDay: string;
  daysPerWeek: string;
}

function numbersOf(d: ProgramDosage): Numbers {
  const s = (n: number | null | undefined, fallback: number) => String(n ?? fallback);
  return {
    sets: s('sets' in d ? d.sets : null, 2),
    reps: s(d.kind === 'reps' ? d.reps : null, 10),
    holdSeconds: d.kind === 'reps' && d.holdSeconds ? String(d.holdSeconds) : '',
    holds: s(d.kind === 'hold' ? d.holds : null, 3),
    seconds: s(d.kind !== 'reps' ? d.seconds : null, 30),
    timesPerDay: String(d.timesPerDay),
    daysPerWeek: String(d.daysPerWeek),
  };
}

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

function dosageOf(kind: Kind, n: Numbers, perSide: boolean): unknown {
  const frequency = { perSide, timesPerDay: num(n.timesPerDay), daysPerWeek: num(n.daysPerWeek) };
  if (kind === 'reps') return { kind, sets: num(n.sets), reps: num(n.reps), holdSeconds: n.holdSeconds.trim() ? num(n.holdSeconds) : null, ...frequency };
  if (kind === 'hold') return { kind, holds: num(n.holds), seconds: num(n.seconds), ...frequency };
  return { kind, sets: num(n.sets), seconds: num(n.seconds), ...frequency };
}

/** The dose of one exercise for this patient, a note printed under it, and why it is there. */
export function DoseDialog({ item, onClose, onSave }: { item: DraftItem; onClose: () => void; onSave: (item: DraftItem) => void }) {
  const [kind, setKind] = useState<Kind>(item.dosage.kind);
  const [numbers, setNumbers] = useState<Numbers>(() => numbersOf(item.dosage));
  const [perSide, setPerSide] = useState(item.dosage.perSide);
  const [instructions, setInstructions] = useState(item.instructions ?? '');
  const [reason, setReason] = useState(item.reason ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const initial = JSON.stringify([item.dosage.kind, numbersOf(item.dosage), item.dosage.perSide, item.instructions ?? '', item.reason ?? '']);
  const dirty = JSON.stringify([kind, numbers, perSide, instructions, reason]) !== initial;

  const parsed = programItemInputSchema.safeParse({ exerciseKey: item.exerciseKey, dosage: dosageOf(kind, numbers, perSide), instructions, reason });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path.at(-1)), i.message.replace(/ is required$/, ' is a number')])));
      return;
    }
    onSave({ ...item, dosage: parsed.data.dosage, instructions: parsed.data.instructions, reason: parsed.data.reason });
  };

  const field = (key: keyof Numbers, label: string, max: number, optional = false) => (
    <Field label={label} error={errors[key]} optional={optional} hint={`1 to ${max}`} className="span-2">
      <input className="input input-short" type="number" inputMode="numeric" min={1} max={max} step={1} value={numbers[key]} onChange={(e) => setNumbers({ ...numbers, [key]: e.target.value })} />
    </Field>
  );

  return (
    <FormDialog open title={`Dose: ${item.title}`} onSubmit={submit} submitLabel="Use this dose" dirty={dirty} onClose={onClose} discard={{ title: 'Close without changing the dose?' }} status={parsed.success ? doseWords(parsed.data.dosage) : undefined}>
      <div className="form-grid program-dose-grid">
        <Field label="Done as" className="span-3">
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="reps">Sets of repetitions</option>
            <option value="hold">Holds (a stretch)</option>
            <option value="time">Sets of a timed effort</option>
          </select>
        </Field>
        <label className="choice program-per-side span-3">
          <input type="checkbox" checked={perSide} onChange={(e) => setPerSide(e.target.checked)} /> On each side (the amount is per side)
        </label>
        {kind !== 'hold' && field('sets', 'Sets', PROGRAM_LIMITS.sets)}
        {kind === 'reps' && field('reps', 'Repetitions', PROGRAM_LIMITS.reps)}
        {kind === 'reps' && field('holdSeconds', 'Hold each (seconds)', PROGRAM_LIMITS.seconds, true)}
        {kind === 'hold' && field('holds', 'Holds', PROGRAM_LIMITS.holds)}
        {kind !== 'reps' && field('seconds', kind === 'hold' ? 'Seconds each hold' : 'Seconds each set', PROGRAM_LIMITS.seconds)}
        {field('timesPerDay', 'Times a day', PROGRAM_LIMITS.timesPerDay)}
        {field('daysPerWeek', 'Days a week', PROGRAM_LIMITS.daysPerWeek)}
        <Field label="Note for the patient" optional error={errors.instructions} className="span-6">
          <textarea className="input" rows={2} maxLength={PROGRAM_LIMITS.instructions} value={instructions} onChange={(e) => setInstructions(e.target.value)} />
        </Field>
        <Field label="Why it is in the program" optional error={errors.reason} className="span-6">
          <textarea className="input" rows={2} maxLength={PROGRAM_LIMITS.reason} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </div>
    </FormDialog>
  );
}
