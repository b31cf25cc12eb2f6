import { useState, type InputHTMLAttributes, type Ref } from 'react';
import { formatClockTime } from '../../../shared/schedule/clinic-time';
import { isIsoDate } from '../../../shared/util/dates';
import { useFormat } from '../app/clinic';

type TextInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'defaultValue'>;

interface TypedInputProps extends TextInputProps {
  /** The value in its stored form, '' for none, or the text as typed while it is not one yet. */
  value: string;
  onChange: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A text field that reads and writes a value the way the clinic writes it, and hands the form the
 * stored form. What is typed stays as typed until the field is left (then it is written out in full);
 * text that is not a value yet goes to the form as it is, so the form's check can name the problem.
 */
function TypedInput({ value, onChange, onBlur, ref, toText, parse, ...rest }: TypedInputProps & { toText: (stored: string) => string; parse: (text: string) => string | null }) {
  const [text, setText] = useState(() => toText(value));
  const [seen, setSeen] = useState(value);
  // A value set from outside (a slot picked, the day moved): show it, unless it is what was typed.
  if (value !== seen) {
    setSeen(value);
    if ((parse(text) ?? text) !== value) setText(toText(value));
  }
  return (
    <input
      {...rest}
      ref={ref}
      type="text"
      autoComplete="off"
      spellCheck={false}
      value={text}
      onChange={(event) => {
        const typed = event.target.value;
        setText(typed);
        const stored = typed.trim() === '' ? '' : (parse(typed) ?? typed);
        setSeen(stored);
        onChange(stored);
      }}
      onBlur={(event) => {
        const stored = parse(text);
        if (stored !== null) setText(toText(stored));
        onBlur?.(event);
      }}
    />
  );
}

/** A calendar date typed in the clinic's order (03/07/1985, 07/03/1985 or 1985-03-07); the form gets YYYY-MM-DD. */
export function DateInput(props: TypedInputProps) {
  const format = useFormat();
  return (
    <TypedInput
      inputMode="numeric"
      placeholder={format.typedDatePattern}
      {...props}
      toText={(stored) => (isIsoDate(stored) ? format.dateForTyping(stored) : stored)}
      parse={(text) => format.parseTypedDate(text)}
    />
  );
}

/** A time of day on the clinic's clock ("9:30 AM" or "09:30"; either is understood); the form gets HH:MM. */
export function TimeInput(props: TypedInputProps) {
  const format = useFormat();
  const toText = (stored: string) => {
    const minute = /^\d{2}:\d{2}$/.test(stored) ? format.parseTypedTime(stored) : null;
    return minute === null ? stored : format.minute(minute);
  };
  return (
    <TypedInput
      placeholder={format.typedTimeExample}
      {...props}
      toText={toText}
      parse={(text) => {
        const minute = format.parseTypedTime(text);
        return minute === null ? null : formatClockTime(minute);
      }}
    />
  );
}
