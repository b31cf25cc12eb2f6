import type { UseFormRegisterReturn } from 'react-hook-form';
import { NOTE_TYPE_LABELS } from '../../../../shared/charting/note-content';
import { useQuery } from '../../api/hooks';
import { useFormat } from '../../app/clinic';
import { Field } from '../../components/Field';

/** The select's value as the API takes it: '' the note of that day (the server finds it), 'none' no note, else the note's id. */
export function noteChoice(value: string | undefined): number | null | undefined {
  if (!value) return undefined;
  if (value === 'none') return null;
  return Number(value);
}

/**
 * Which visit note the findings belong to: by default the patient's note of the date typed above
 * (if there is one), or any of the patient's recent notes, or none.
 */
export function VisitNoteField({ patientId, date, registration }: { patientId: number; date: string | null; registration: UseFormRegisterReturn }) {
  const f = useFormat();
  const notes = useQuery('notes.list', { patientId });
  const usable = (notes.data?.notes ?? []).filter((n) => n.status !== 'discarded').slice(0, 30);
  const sameDay = date ? usable.find((n) => n.dateOfService === date) : undefined;
  const label = (n: (typeof usable)[number]) => `${f.date(n.dateOfService)} · ${NOTE_TYPE_LABELS[n.type]} · ${n.therapistName}${n.status === 'draft' ? ' (draft)' : ''}`;
  return (
    <Field label="Visit note" hint={sameDay ? `That day’s note: ${label(sameDay)}` : date ? 'No note that day: the findings stand on their own.' : undefined}>
      <select {...registration}>
        <option value="">That day’s note, if any</option>
        {usable.map((n) => (
          <option key={n.id} value={String(n.id)}>
            {label(n)}
          </option>
        ))}
        <option value="none">No note</option>
      </select>
    </Field>
  );
}
