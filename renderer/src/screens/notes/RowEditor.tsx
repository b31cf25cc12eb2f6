import type { ReactNode } from 'react';
import type { CopyState } from '../../../../shared/charting/copy-forward';
import type { ObjectiveRow } from '../../../../shared/charting/note-content';
import { rowCode } from '../../../../shared/charting/billing-lines';
import {
  EXERCISE_CATEGORIES,
  EXERCISE_CATEGORY_LABELS,
  EXERCISE_SUGGESTIONS,
  JOINT_REGION_LABELS,
  JOINT_REGIONS,
  JOINT_TECHNIQUE_LABELS,
  JOINT_TECHNIQUES,
  MAITLAND_GRADE_MEANINGS,
  MAITLAND_GRADE_SHORT,
  MAITLAND_GRADES,
  MUSCLE_GROUPS,
  normalizeSegment,
  POSITION_LABELS,
  POSITIONS,
  SIDE_LABELS,
  SIDES,
  SOFT_TISSUE_TECHNIQUE_LABELS,
  SOFT_TISSUE_TECHNIQUES,
  SPINAL_REGIONS,
  SPINAL_SEGMENTS,
  TECHNIQUES_BY_REGION,
} from '../../../../shared/charting/vocab';
import { ROW_KIND_LABELS } from '../../../../shared/charting/describe';
import { parseWhole, rowField } from './noteModel';
import './RowEditor.css';

interface RowEditorProps {
  row: ObjectiveRow;
  index: number;
  copyState: CopyState | null;
  /** The copied-from note's date in words, for the mark. */
  copiedFrom: string | null;
  errors: Readonly<Record<string, string>>;
  disabled: boolean;
  onChange: (patch: Partial<ObjectiveRow>) => void;
  onConfirmCopy: (confirmed: boolean) => void;
  onRemove: () => void;
}

/** A labelled control in a row: compact, with the server's message tied to it. */
function Cell({ label, error, className, children }: { label: string; error?: string | undefined; className?: string; children: ReactNode }) {
  return (
    <label className={`row-cell${className ? ` ${className}` : ''}${error ? ' row-cell-invalid' : ''}`}>
      <span className="row-cell-label">{label}</span>
      {children}
      {error ? <span className="row-cell-error">{error}</span> : null}
    </label>
  );
}

const options = <T extends string>(values: readonly T[], labels: Record<T, string>, empty = '—') => [
  <option key="" value="">
    {empty}
  </option>,
  ...values.map((v) => (
    <option key={v} value={v}>
      {labels[v]}
    </option>
  )),
];

/** One treatment row, every field reachable with Tab and filled by typing (selects jump by letter). */
export function RowEditor({ row, index, copyState, copiedFrom, errors, disabled, onChange, onConfirmCopy, onRemove }: RowEditorProps) {
  const err = (field: string) => errors[rowField(row.id, field)];
  const name = `Row ${index + 1}`;
  const minutes = (
    <Cell label="Minutes" error={err('minutes')} className="row-minutes">
      <input type="number" min={0} max={240} inputMode="numeric" value={row.minutes ?? ''} disabled={disabled} aria-label={`${name}: minutes`} onChange={(e) => onChange({ minutes: parseWhole(e.target.value) })} />
    </Cell>
  );
  const side = (
    <Cell label="Side">
      <select value={row.side ?? ''} disabled={disabled} aria-label={`${name}: side`} onChange={(e) => onChange({ side: (e.target.value || null) as ObjectiveRow['side'] })}>
        {options(SIDES, SIDE_LABELS)}
      </select>
    </Cell>
  );
  let fields: ReactNode;
  if (row.kind === 'joint') {
    const spinal = row.region !== null && SPINAL_REGIONS.includes(row.region);
    const segments = spinal ? SPINAL_SEGMENTS[row.region as 'lumbar' | 'thoracic' | 'cervical'] : [];
    const ordered = row.region ? [...TECHNIQUES_BY_REGION[row.region], ...JOINT_TECHNIQUES.filter((t) => !TECHNIQUES_BY_REGION[row.region!].includes(t))] : JOINT_TECHNIQUES;
    fields = (
      <>
        <Cell label="Region" error={err('region')}>
          <select value={row.region ?? ''} disabled={disabled} aria-label={`${name}: region`} onChange={(e) => onChange({ region: (e.target.value || null) as typeof row.region })}>
            {options(JOINT_REGIONS, JOINT_REGION_LABELS)}
          </select>
        </Cell>
        {spinal ? (
          <Cell label="Segment" error={err('segment')} className="row-segment">
            <input
              list={`segments-${row.region}`}
              value={row.segment ?? ''}
              disabled={disabled}
              placeholder={row.region === 'lumbar' ? 'L4–L5' : row.region === 'thoracic' ? 'T6–T7' : 'C5–C6'}
              aria-label={`${name}: segment`}
              onChange={(e) => onChange({ segment: e.target.value || null })}
              onBlur={(e) => {
                const normal = row.region ? normalizeSegment(row.region, e.target.value) : null;
                if (normal && normal !== row.segment) onChange({ segment: normal });
              }}
            />
            <datalist id={`segments-${row.region}`}>
              {segments.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </Cell>
        ) : null}
        <Cell label="Technique" error={err('technique')}>
          <select value={row.technique ?? ''} disabled={disabled} aria-label={`${name}: technique`} onChange={(e) => onChange({ technique: (e.target.value || null) as typeof row.technique })}>
            {options(ordered, JOINT_TECHNIQUE_LABELS)}
          </select>
        </Cell>
        {row.technique === 'other' ? (
          <Cell label="Describe" error={err('techniqueOther')}>
            <input value={row.techniqueOther} disabled={disabled} aria-label={`${name}: technique described`} onChange={(e) => onChange({ techniqueOther: e.target.value })} />
          </Cell>
        ) : null}
        <Cell label="Grade" error={err('grade')} className="row-grade">
          <select value={row.grade ?? ''} disabled={disabled} aria-label={`${name}: grade`} title={row.grade ? MAITLAND_GRADE_MEANINGS[row.grade] : undefined} onChange={(e) => onChange({ grade: (e.target.value || null) as typeof row.grade })}>
            <option value="">—</option>
            {MAITLAND_GRADES.map((g) => (
              <option key={g} value={g}>
                {g} — {MAITLAND_GRADE_SHORT[g]}
              </option>
            ))}
          </select>
        </Cell>
        {side}
        <Cell label="Position">
          <select value={row.position ?? ''} disabled={disabled} aria-label={`${name}: position`} onChange={(e) => onChange({ position: (e.target.value || null) as typeof row.position })}>
            {options(POSITIONS, POSITION_LABELS)}
          </select>
        </Cell>
        {minutes}
        <Cell label="Response" className="row-wide">
          <input value={row.response} disabled={disabled} aria-label={`${name}: response`} placeholder="e.g. extension pain 4 → 2/10" onChange={(e) => onChange({ response: e.target.value })} />
        </Cell>
      </>
    );
  } else if (row.kind === 'soft_tissue') {
    fields = (
      <>
        <Cell label="Muscle group" error={err('muscleGroup')} className="row-wide">
          <input list="muscle-groups" value={row.muscleGroup} disabled={disabled} aria-label={`${name}: muscle group`} onChange={(e) => onChange({ muscleGroup: e.target.value })} />
        </Cell>
        <Cell label="Technique" error={err('technique')}>
          <select value={row.technique ?? ''} disabled={disabled} aria-label={`${name}: technique`} onChange={(e) => onChange({ technique: (e.target.value || null) as typeof row.technique })}>
            {options(SOFT_TISSUE_TECHNIQUES, SOFT_TISSUE_TECHNIQUE_LABELS)}
          </select>
        </Cell>
        {side}
        {minutes}
        <Cell label="Response" className="row-wide">
          <input value={row.response} disabled={disabled} aria-label={`${name}: response`} onChange={(e) => onChange({ response: e.target.value })} />
        </Cell>
      </>
    );
  } else {
    const num = (label: string, key: 'sets' | 'reps' | 'holdSeconds', max: number) => (
      <Cell label={label} className="row-number">
        <input type="number" min={0} max={max} inputMode="numeric" value={row[key] ?? ''} disabled={disabled} aria-label={`${name}: ${label.toLowerCase()}`} onChange={(e) => onChange({ [key]: parseWhole(e.target.value) })} />
      </Cell>
    );
    fields = (
      <>
        <Cell label="Kind">
          <select value={row.category} disabled={disabled} aria-label={`${name}: kind of exercise`} onChange={(e) => onChange({ category: e.target.value as typeof row.category })}>
            {EXERCISE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {EXERCISE_CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </Cell>
        <Cell label="Exercise" error={err('name')} className="row-wide">
          <input list="exercise-names" value={row.name} disabled={disabled} aria-label={`${name}: exercise`} onChange={(e) => onChange({ name: e.target.value })} />
        </Cell>
        {num('Sets', 'sets', 50)}
        {num('Reps', 'reps', 500)}
        {num('Hold (s)', 'holdSeconds', 600)}
        <Cell label="Load">
          <input value={row.load} disabled={disabled} aria-label={`${name}: load`} placeholder="e.g. red band" onChange={(e) => onChange({ load: e.target.value })} />
        </Cell>
        {side}
        {minutes}
      </>
    );
  }
  return (
    <li className={`note-row note-row-${row.kind}${copyState === 'copied' ? ' note-row-copied' : ''}`} data-row-id={row.id}>
      <div className="note-row-head">
        <span className="note-row-kind">
          {index + 1}. {ROW_KIND_LABELS[row.kind]} <span className="muted">· {rowCode(row)}</span>
        </span>
        {copyState ? (
          <span className={`copy-mark copy-mark-${copyState}`}>
            {copyState === 'copied' ? `Copied from ${copiedFrom ?? 'an earlier note'}, unchanged` : copyState === 'confirmed' ? `Copied from ${copiedFrom ?? 'an earlier note'}, confirmed` : 'Copied, changed today'}
            {copyState !== 'edited' ? (
              <label className="check">
                <input type="checkbox" checked={copyState === 'confirmed'} disabled={disabled} onChange={(e) => onConfirmCopy(e.target.checked)} aria-label={`${name}: still true today`} />
                Still true today
              </label>
            ) : null}
          </span>
        ) : null}
        <button type="button" className="button button-small" disabled={disabled} onClick={onRemove} aria-label={`Remove row ${index + 1}`}>
          Remove
        </button>
      </div>
      <div className="note-row-fields">{fields}</div>
    </li>
  );
}

/** The suggestion lists the free-text row fields share (one copy per editor). */
export function RowSuggestions() {
  return (
    <>
      <datalist id="muscle-groups">
        {MUSCLE_GROUPS.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      <datalist id="exercise-names">
        {EXERCISE_SUGGESTIONS.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
    </>
  );
}
