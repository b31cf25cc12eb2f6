import type { Device, MeasureDefinition, Side } from '../clinical/reassessment';
import { getMeasure } from '../clinical/reassessment';
import type { StoredMeasure } from '../domain/reassessments';

/** Staff words for the battery's units, devices, sides and results (never the stored keys). */
export const UNIT_SUFFIX: Record<MeasureDefinition['unit'], string> = { deg: '°', cm: ' cm', s: ' s', points: '', result: '' };
export const UNIT_WORDS: Record<MeasureDefinition['unit'], string> = { deg: 'degrees', cm: 'cm', s: 'seconds', points: 'points 0–5', result: 'result' };

export const DEVICE_LABELS: Record<Device, string> = {
  goniometer: 'Goniometer',
  inclinometer: 'Inclinometer',
  'digital-inclinometer': 'Digital inclinometer',
  'tape-measure': 'Tape measure',
  stopwatch: 'Stopwatch',
  visual: 'Observation',
  photograph: 'Photograph',
  other: 'Other',
};

export const SIDE_LABELS: Record<Side, string> = { left: 'Left', right: 'Right', none: '' };

export const RESULT_LABELS: Record<string, string> = { positive: 'Positive', negative: 'Negative', good: 'Good', poor: 'Poor' };

const minus = (s: string) => (s.startsWith('-') ? `−${s.slice(1)}` : s);

/** A stored value in the measure's unit: "12°", "−3°", "45 s", "Positive". */
export function valueText(value: number | string, unit: MeasureDefinition['unit']): string {
  if (typeof value === 'string') return RESULT_LABELS[value] ?? value;
  const s = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${minus(s)}${UNIT_SUFFIX[unit]}`;
}

/** A signed change: "+6.5°", "−3 s". */
export function changeText(difference: number, unit: MeasureDefinition['unit']): string {
  const s = Number.isInteger(difference) ? String(Math.abs(difference)) : Math.abs(difference).toFixed(1);
  return `${difference > 0 ? '+' : difference < 0 ? '−' : '±'}${s}${UNIT_SUFFIX[unit]}`;
}

/** The measure's valid range in words for the field's hint: "−40 to 60°". */
export function rangeText(def: MeasureDefinition): string | null {
  if (!def.range) return null;
  return `${minus(String(def.range[0]))} to ${def.range[1]}${UNIT_SUFFIX[def.unit] || ` ${UNIT_WORDS[def.unit]}`}`;
}

/** One sitting in a line for the visit note: "Modified Thomas test — hip angle: left 12°, right 3° (goniometer); …". */
export function reassessmentLine(measures: readonly StoredMeasure[]): string {
  const groups = new Map<string, StoredMeasure[]>();
  for (const m of measures) groups.set(m.code, [...(groups.get(m.code) ?? []), m]);
  return [...groups.entries()]
    .map(([code, sides]) => {
      const def = getMeasure(code as StoredMeasure['code']);
      const values = sides.map((m) => `${m.side === 'none' ? '' : `${m.side} `}${valueText(m.value, m.unit)}`).join(', ');
      const devices = [...new Set(sides.map((m) => m.device).filter((d) => d !== null))].map((d) => DEVICE_LABELS[d].toLowerCase());
      return `${def.name}: ${values}${devices.length ? ` (${devices.join(', ')})` : ''}`;
    })
    .join('; ');
}

export const GRADE_WORDS = { confirmed: 'published', secondary: 'published (secondary source)', 'clinic-policy': 'clinic policy' } as const;
