import { useId } from 'react';

export type Paper = 'letter' | 'a4';

/** US Letter where the locale is American or Canadian (or the Philippines, Mexico…), otherwise A4. */
export function defaultPaper(locale: string): Paper {
  const region = (() => {
    try {
      return new Intl.Locale(locale).maximize().region ?? '';
    } catch {
      return '';
    }
  })();
  return ['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PR'].includes(region) ? 'letter' : 'a4';
}

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
