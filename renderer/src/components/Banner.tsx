import type { ReactNode } from 'react';

/** A message above a form or list. Errors are announced (role=alert); notes and successes politely. */
export function Banner({ tone, children, actions }: { tone: 'error' | 'warning' | 'info' | 'success'; children: ReactNode; actions?: ReactNode }) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="banner-text">{children}</div>
      {actions && <div className="banner-actions">{actions}</div>}
    </div>
  );
}
