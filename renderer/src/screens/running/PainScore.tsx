import type { PainZone } from '../../../../shared/clinical/pain';
import { ZONE_MARKS, ZONE_WORDS } from './runFormat';
import './PainScore.css';

/**
 * One pain score, coloured by the clinic's zone and marked with a shape and a word for the zone, so
 * it reads without colour (and in grey on paper).
 */
export function PainScore({ label, score, zone }: { label: string; score: number | null; zone: PainZone | null }) {
  if (score === null)
    return (
      <span className="pain pain-none" title={`${label}: not recorded`}>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{label}: not recorded</span>
      </span>
    );
  const words = zone ? `${label}: ${score} of 10, ${ZONE_WORDS[zone]}` : `${label}: ${score} of 10`;
  return (
    <span className={`pain${zone ? ` pain-${zone}` : ''}`} title={words}>
      {zone && (
        <span className="pain-mark" aria-hidden="true">
          {ZONE_MARKS[zone]}
        </span>
      )}
      <span aria-hidden="true">{score}</span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}

/** The key to the marks, shown once above the log. */
export function PainLegend({ greenMax, amberMax }: { greenMax: number; amberMax: number }) {
  return (
    <p className="pain-legend">
      <span className="pain-legend-title">Pain zones (clinic policy):</span>
      <span className="pain pain-green">
        <span className="pain-mark" aria-hidden="true">
          {ZONE_MARKS.green}
        </span>
        0–{greenMax} fine
      </span>
      <span className="pain pain-amber">
        <span className="pain-mark" aria-hidden="true">
          {ZONE_MARKS.amber}
        </span>
        {greenMax + 1}–{amberMax} acceptable
      </span>
      <span className="pain pain-red">
        <span className="pain-mark" aria-hidden="true">
          {ZONE_MARKS.red}
        </span>
        over {amberMax} too much
      </span>
      <span className="pain-legend-note">Next morning is read against the patient’s usual pain.</span>
    </p>
  );
}
