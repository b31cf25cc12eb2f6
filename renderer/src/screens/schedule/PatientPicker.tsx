import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { PatientSummary } from '../../../../shared/domain/patient';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { useClinic, useClinicToday } from '../../app/clinic';
import { birthAndAge, patientDisplayName } from '../patients/patientFormat';
import './PatientPicker.css';

export interface PickedPatient {
  id: number;
  name: string;
  /** "Mar 7, 1985 (41) · (312) 555-0101 · RB000007": enough to tell two Maria Garcias apart. */
  detail: string;
}

const DEBOUNCE_MS = 150;
const LIMIT = 8;

export function pickedFromSummary(p: PatientSummary, today: string, locale: string): PickedPatient {
  const { date, age } = birthAndAge(p, today, locale);
  return { id: p.id, name: patientDisplayName(p), detail: [`${date} (${age})`, p.phone, p.mrn].filter(Boolean).join(' · ') };
}

interface PickerProps {
  label: string;
  value: PickedPatient | null;
  onChange: (p: PickedPatient | null) => void;
  error?: string | undefined;
  autoFocus?: boolean;
  /** Shown under the chosen patient (their cancellation flags, for instance). */
  extra?: React.ReactNode;
}

/**
 * Find a patient as you type (name, date of birth, phone or MRN; best match first), with the date of
 * birth and phone beside each name. ↑/↓ choose, Enter takes the highlighted patient, Esc clears.
 */
export function PatientPicker({ label, value, onChange, error, autoFocus, extra }: PickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const { locale } = useClinic();
  const today = useClinicToday();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PickedPatient[]>([]);
  const [total, setTotal] = useState(0);
  const [capped, setCapped] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults([]);
      setTotal(0);
      return undefined;
    }
    let current = true;
    const t = window.setTimeout(() => {
      call('patients.list', { query: q, limit: LIMIT }).then(
        (r) => {
          if (!current) return;
          setResults(r.rows.map((p) => pickedFromSummary(p, today, locale)));
          setTotal(r.total);
          setCapped(r.capped);
          setHighlight(0);
          setProblem(null);
        },
        (e: unknown) => current && setProblem(messageOf(e)),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(t);
    };
  }, [query, today, locale]);

  const choose = (p: PickedPatient) => {
    onChange(p);
    setQuery('');
    setOpen(false);
    window.setTimeout(() => changeRef.current?.focus(), 0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setHighlight((h) => Math.min(h + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setHighlight((h) => Math.max(h - 1, 0));
    } else if (e.key === 'Enter') {
      const p = results[highlight];
      if (open && p) {
        e.preventDefault();
        choose(p);
      }
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      e.stopPropagation();
      setQuery('');
      setOpen(false);
    }
  };

  if (value) {
    return (
      <div className="field patient-picked">
        <span className="field-label" id={`${id}-label`}>
          {label}
        </span>
        <div className="patient-chip" aria-labelledby={`${id}-label`} role="group">
          <div>
            <div className="patient-chip-name">{value.name}</div>
            <div className="patient-chip-detail">{value.detail}</div>
            {extra}
          </div>
          <button
            type="button"
            ref={changeRef}
            className="button button-small"
            onClick={() => {
              onChange(null);
              window.setTimeout(() => inputRef.current?.focus(), 0);
            }}
          >
            Change<span className="visually-hidden"> patient</span>
          </button>
        </div>
      </div>
    );
  }

  const showList = open && query.trim() !== '';
  return (
    <div className={`field patient-picker${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && results[highlight] ? `${listId}-${highlight}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder="Name, date of birth, phone or MRN"
        value={query}
        autoFocus={autoFocus}
        data-autofocus={autoFocus ? true : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onFocus={() => query && setOpen(true)}
      />
      {showList && (
        <ul className="picker-list" id={listId} role="listbox" aria-label="Matching patients">
          {problem && <li className="picker-empty">{problem}</li>}
          {!problem && results.length === 0 && <li className="picker-empty">No patient matches “{query.trim()}”.</li>}
          {results.map((p, i) => (
            <li
              key={p.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === highlight}
              className={`picker-option${i === highlight ? ' is-highlighted' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(p)}
              onMouseEnter={() => setHighlight(i)}
            >
              <span className="picker-name">{p.name}</span>
              <span className="picker-detail">{p.detail}</span>
            </li>
          ))}
          {total > results.length && (
            <li className="picker-more">
              {total - results.length}
              {capped ? '+' : ''} more — keep typing to narrow it down
            </li>
          )}
        </ul>
      )}
      {error && (
        <div id={errorId} className="field-error">
          {error}
        </div>
      )}
    </div>
  );
}
