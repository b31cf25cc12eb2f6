import type { CSSProperties } from 'react';
import type { AppointmentType } from '../../../../shared/domain/schedule';
import './ScheduleLegend.css';

/** What the colours, marks and shading mean, and the keys that move around the schedule. */
export function ScheduleLegend({ types, canBook }: { types: AppointmentType[]; canBook: boolean }) {
  return (
    <footer className="sched-footer">
      <ul className="legend" aria-label="Legend">
        {types.map((t) => (
          <li key={t.id} className="legend-item">
            <span className="legend-swatch legend-type" style={{ '--type-colour': t.colour } as CSSProperties} aria-hidden="true" />
            {t.name}
          </li>
        ))}
        <li className="legend-item">
          <span className="legend-mark is-arrived">✓</span> Arrived
        </li>
        <li className="legend-item">
          <span className="legend-mark legend-cancelled">Abc</span> Cancelled
        </li>
        <li className="legend-item">
          <span className="legend-mark is-late">Late</span> Late cancel
        </li>
        <li className="legend-item">
          <span className="legend-mark is-no-show">No-show</span>
        </li>
        <li className="legend-item">
          <span className="appt-note-mark">✎</span> Note not signed
        </li>
        <li className="legend-item">
          <span className="legend-swatch legend-blocked" aria-hidden="true" /> Blocked
        </li>
        <li className="legend-item">
          <span className="legend-swatch legend-closed" aria-hidden="true" /> Not working
        </li>
      </ul>
      <p className="shortcuts" aria-label="Keyboard shortcuts">
        <kbd>←</kbd>
        <kbd>→</kbd> previous / next · <kbd>T</kbd> today · <kbd>D</kbd> day · <kbd>W</kbd> week
        {canBook && (
          <>
            {' '}
            · <kbd>N</kbd> new appointment · drag to book, <kbd>Shift</kbd>-drag to block time
          </>
        )}
      </p>
    </footer>
  );
}
