import { Banner } from './Banner';

/** What a screen shows while its data is on the way. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading-block" role="status">
      <span className="spinner" aria-hidden="true" /> {label}
    </div>
  );
}

/** What a screen shows when its data could not be loaded: the reason and a way to try again. */
export function LoadFailed({ error, onRetry }: { error: { message: string }; onRetry: () => void }) {
  return (
    <Banner
      tone="error"
      actions={
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      }
    >
      {error.message}
    </Banner>
  );
}
