import { useState } from 'react';
import { isIsoDate } from '../../../../shared/util/dates';
import { useFormat } from '../../app/clinic';
import { DateInput } from '../../components/ClinicInputs';

interface NoteDateFieldProps {
  label: string;
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  /** A whole date, or '' when the field is emptied; text that is not a date yet is not handed on. */
  onChange: (value: string) => void;
  disabled?: boolean;
  /** The server's word on this field. */
  error?: string | undefined;
  /** An empty field is not allowed (the date of service): emptying it keeps the last date. */
  required?: boolean;
  /** The label for screen readers only (a goal's row already says what it is). */
  hideLabel?: boolean;
  className?: string;
}

/**
 * A date in a note or an episode, typed in the clinic's order (DateInput). What is not a date yet
 * stays as typed and says so beside the field, and the note keeps its last whole date meanwhile:
 * an autosave never sends half a date.
 */
export function NoteDateField({ label, value, onChange, disabled, error, required, hideLabel, className }: NoteDateFieldProps) {
  const f = useFormat();
  const [unreadable, setUnreadable] = useState(false);
  const message = unreadable ? `Not a date yet: type it as ${f.typedDatePattern}` : error;
  return (
    <label className={`note-field${message ? ' note-field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <span className={hideLabel ? 'visually-hidden' : 'note-field-label'}>{label}</span>
      <DateInput
        value={value}
        disabled={disabled}
        aria-invalid={message ? true : undefined}
        onChange={(typed) => {
          const whole = typed === '' || isIsoDate(typed);
          setUnreadable(!whole || (required === true && typed === ''));
          if (whole && !(required && typed === '')) onChange(typed);
        }}
      />
      {message ? <span className="field-error">{message}</span> : null}
    </label>
  );
}
