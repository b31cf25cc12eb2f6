import { useState, type KeyboardEvent } from 'react';
import { BODY_REGIONS, BODY_VIEWS, bodyRegion, type BodyRegionId, type BodyView } from '../../../../shared/charting/body-chart';
import { BODY_OUTLINE, BODY_VIEWBOX, intensityFill, VIEW_SIDE_MARKS } from '../../../../shared/charting/body-outline';
import type { BodyMark } from '../../../../shared/charting/note-content';
import { PAIN_QUALITIES, PAIN_QUALITY_LABELS } from '../../../../shared/charting/vocab';
import { toggleMark, updateMark } from './noteModel';
import './BodyChart.css';

const describe = (m: BodyMark | undefined) => (m ? `${m.intensity}/10${m.qualities.length ? `, ${m.qualities.map((q) => PAIN_QUALITY_LABELS[q].toLowerCase()).join(', ')}` : ''}` : 'not marked');

function Figure({ view, marks, onToggle, selected, label }: { view: BodyView; marks: readonly BodyMark[]; onToggle?: (region: BodyRegionId) => void; selected?: BodyRegionId | null; label: string }) {
  const sides = VIEW_SIDE_MARKS[view];
  const onKey = (region: BodyRegionId) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onToggle?.(region);
    }
  };
  return (
    <figure className="body-figure">
      <svg viewBox={`0 0 ${BODY_VIEWBOX.width} ${BODY_VIEWBOX.height}`} role={onToggle ? 'group' : 'img'} aria-label={label}>
        {BODY_REGIONS.filter((r) => r.view === view).map((r) => {
          const mark = marks.find((m) => m.region === r.id);
          const d = BODY_OUTLINE[view][r.id]!;
          return onToggle ? (
            <path
              key={r.id}
              d={d}
              className={`body-region${mark ? ' body-region-marked' : ''}${selected === r.id ? ' body-region-selected' : ''}`}
              style={mark ? { fill: intensityFill(mark.intensity) } : undefined}
              role="checkbox"
              aria-checked={Boolean(mark)}
              aria-label={`${r.label}: ${describe(mark)}`}
              tabIndex={0}
              onClick={() => onToggle(r.id)}
              onKeyDown={onKey(r.id)}
            >
              <title>{`${r.label}: ${describe(mark)}`}</title>
            </path>
          ) : (
            <path key={r.id} d={d} className={`body-region${mark ? ' body-region-marked' : ''}`} style={mark ? { fill: intensityFill(mark.intensity) } : undefined}>
              <title>{`${r.label}: ${describe(mark)}`}</title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <span>{sides.left}</span> {view === 'front' ? 'Front' : 'Back'} <span>{sides.right}</span>
      </figcaption>
    </figure>
  );
}

/** A front/back body outline; marked regions are shaded by intensity. Read-only (for comparing charts). */
export function BodyChartView({ marks, title }: { marks: readonly BodyMark[]; title: string }) {
  return (
    <div className="body-chart">
      <h4>{title}</h4>
      <div className="body-figures">
        {BODY_VIEWS.map((v) => (
          <Figure key={v} view={v} marks={marks} label={`${title}, ${v}`} />
        ))}
      </div>
      <ul className="body-mark-list">
        {marks.length === 0 ? <li className="muted">No areas marked.</li> : marks.map((m) => <li key={m.region}>{`${bodyRegion(m.region).label}: ${describe(m)}`}</li>)}
      </ul>
    </div>
  );
}

/**
 * Where it hurts: click or press Enter on a region to mark it (again to clear it), then set its
 * intensity (0–10) and quality. Every region is a labelled checkbox for the keyboard and screen readers.
 */
export function BodyChartEditor({ marks, onChange, disabled }: { marks: readonly BodyMark[]; onChange: (marks: BodyMark[]) => void; disabled?: boolean }) {
  const [selected, setSelected] = useState<BodyRegionId | null>(null);
  const toggle = (region: BodyRegionId) => {
    if (disabled) return;
    const next = toggleMark(marks, region);
    setSelected(next.some((m) => m.region === region) ? region : null);
    onChange(next);
  };
  return (
    <div className="body-chart body-chart-editor">
      <div className="body-figures">
        {BODY_VIEWS.map((v) => (
          <Figure key={v} view={v} marks={marks} onToggle={toggle} selected={selected} label={`Body chart, ${v}: choose where it hurts`} />
        ))}
      </div>
      <div className="body-mark-editor">
        {marks.length === 0 ? <p className="muted">Click a region (or Tab to it and press Enter) to mark where it hurts.</p> : null}
        {marks.map((m) => {
          const label = bodyRegion(m.region).label;
          return (
            <fieldset key={m.region} className={`body-mark${selected === m.region ? ' body-mark-selected' : ''}`} disabled={disabled}>
              <legend>{label}</legend>
              <label className="inline-field">
                Intensity
                <input
                  type="number"
                  min={0}
                  max={10}
                  value={m.intensity}
                  aria-label={`${label}: intensity 0 to 10`}
                  onChange={(e) => onChange(updateMark(marks, m.region, { intensity: Math.max(0, Math.min(10, Math.round(Number(e.target.value) || 0))) }))}
                />
                /10
              </label>
              <span className="body-qualities" role="group" aria-label={`${label}: quality`}>
                {PAIN_QUALITIES.map((q) => (
                  <label key={q} className="check">
                    <input
                      type="checkbox"
                      checked={m.qualities.includes(q)}
                      onChange={(e) => onChange(updateMark(marks, m.region, { qualities: e.target.checked ? [...m.qualities, q] : m.qualities.filter((x) => x !== q) }))}
                    />
                    {PAIN_QUALITY_LABELS[q]}
                  </label>
                ))}
              </span>
              <button type="button" className="button button-small" onClick={() => toggle(m.region)} aria-label={`Clear ${label}`}>
                Clear
              </button>
            </fieldset>
          );
        })}
      </div>
    </div>
  );
}
