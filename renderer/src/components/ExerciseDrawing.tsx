import { renderKeyFrames, TONE_COLOURS, type Drawing, type KeyFrames } from '../../../shared/illustration';

/** One frame of the project's own exercise drawing; the handout PDF draws the same marks with react-pdf. */
export function DrawingSvg({ drawing, label, className }: { drawing: Drawing; label: string; className?: string }) {
  return (
    <svg viewBox={`0 0 ${drawing.width} ${drawing.height}`} role="img" aria-label={label} className={className}>
      {drawing.marks.map((m, i) => {
        const colour = TONE_COLOURS[m.tone];
        const paint = m.fill ? { fill: colour, stroke: 'none' } : { fill: 'none', stroke: colour, strokeWidth: m.width, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const };
        return m.kind === 'circle' ? <circle key={i} cx={m.cx} cy={m.cy} r={m.r} {...paint} /> : <path key={i} d={m.d} {...paint} />;
      })}
    </svg>
  );
}

/** An exercise's start and end positions side by side, labelled for the reader and for screen readers. */
export function ExerciseFrames({ frames, title, size = 'large' }: { frames: KeyFrames; title: string; size?: 'large' | 'small' }) {
  const { start, end } = renderKeyFrames(frames);
  return (
    <div className={`exercise-frames exercise-frames-${size}`}>
      <figure>
        <DrawingSvg drawing={start} label={`${title}: starting position`} />
        {size === 'large' && <figcaption>Start</figcaption>}
      </figure>
      <figure>
        <DrawingSvg drawing={end} label={`${title}: end position, the arrow shows the movement`} />
        {size === 'large' && <figcaption>End</figcaption>}
      </figure>
    </div>
  );
}
