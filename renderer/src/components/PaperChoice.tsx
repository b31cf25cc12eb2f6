import { useId } from 'react';
import { paperForLocale, type Paper } from '../../../shared/format/paper';

export type { Paper };

/** The paper a print dialog starts on, from the screen's locale (the rule the handout uses too). */
export const defaultPaper = (locale: string): Paper => paperForLocale(locale);

/** The paper size of a printed document, chosen in every print dialog the same way. */
export function PaperChoice({ value, onChange }: { value: Paper; onChange: (paper: Paper) => void }) {
  const name = `${useId()}-paper`;
  return (
    <fieldset className="choice-group field">
      <legend>Paper</legend>
      <label className="choice">
        <input type="radio" name={name} checked={value === 'letter'} onChange={() => onChange('letter')} /> US Letter
      </label>
      <label className="choice">
        <input type="radio" name={name} checked={value === 'a4'} onChange={() => onChange('a4')} /> A4
      </label>
    </fieldset>
  );
}
