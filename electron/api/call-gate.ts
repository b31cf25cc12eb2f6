import type { ApiResult } from '../../shared/api/errors';
import type { Call, Dispatch } from './dispatcher';

export const CLOSING_MESSAGE = 'Runback is closing this data folder: nothing was done. Open it again to go on.';

/**
 * Keeps the database open for as long as a call is using it. Closing the app (quitting the desktop
 * app, Ctrl+C on `runback serve`, a test's teardown) waits for the calls already running to finish —
 * however slow the machine makes them — and refuses new ones with UNAVAILABLE. Without it, a call
 * still in flight found its connection closed under it and failed with INTERNAL.
 */
export class CallGate {
  private readonly running = new Set<Promise<ApiResult<unknown>>>();
  private closing = false;

  guard(dispatch: Dispatch): Dispatch {
    return (call: Call) => {
      if (this.closing) return Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: CLOSING_MESSAGE } });
      const running = dispatch(call);
      this.running.add(running);
      void running.finally(() => this.running.delete(running));
      return running;
    };
  }

  /** How many calls are running now. */
  get size(): number {
    return this.running.size;
  }

  /** Refuses new calls and resolves once every running call has answered. */
  async close(): Promise<void> {
    this.closing = true;
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
