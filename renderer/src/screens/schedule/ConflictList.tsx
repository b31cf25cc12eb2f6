import type { ReactNode } from 'react';
import { ApiCallError } from '../../api/errors';

/** Every reason a booking or move was refused, one sentence each (the server names every clash). */
export function conflictReasons(error: unknown): string[] {
  if (!(error instanceof ApiCallError)) return [];
  const listed = Object.entries(error.fields)
    .filter(([k]) => k.startsWith('conflict.'))
    .sort(([a], [b]) => Number(a.slice(9)) - Number(b.slice(9)))
    .map(([, v]) => v);
  return listed.length ? listed : [error.message];
}

export function isConflict(error: unknown): error is ApiCallError {
  return error instanceof ApiCallError && error.code === 'CONFLICT';
}

/** A refusal with its reasons as a list, in plain words, and what can be done next. */
export function ConflictList({ title, reasons, actions }: { title: string; reasons: string[]; actions?: ReactNode }) {
  return (
    <div className="banner banner-error conflict" role="alert">
      <div className="banner-text">
        <p className="conflict-title">{title}</p>
        <ul className="conflict-reasons">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>
      {actions && <div className="banner-actions">{actions}</div>}
    </div>
  );
}
