import type { WebContents } from 'electron';
import { externalUrlToOpen, isAppUrl } from './urls';

/** A page may move only within app://runback; everything else is stopped where it starts. */
export function isNavigationAllowed(url: unknown): boolean {
  return isAppUrl(url);
}

export interface WindowOpenDecision {
  action: 'deny';
  /** The parsed https URL to give to the operating system's browser, or null. */
  openExternally: string | null;
}

/** New windows are never created; a parsed https: link is handed to the OS browser instead. */
export function decideWindowOpen(url: unknown): WindowOpenDecision {
  return { action: 'deny', openExternally: externalUrlToOpen(url) };
}

type OpenExternal = (url: string) => Promise<void> | void;

/**
 * Applied to EVERY webContents the app creates (app 'web-contents-created'), the main window
 * included: no navigation or redirect away from app://runback, no <webview>, no new windows.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  const stopForeign = (event: { url: string; preventDefault(): void }) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => stopForeign(event));
  contents.on('will-frame-navigate', (event) => stopForeign(event));
  contents.on('will-redirect', (event) => stopForeign(event));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally !== null) {
      void Promise.resolve(openExternal(decision.openExternally)).catch(() => undefined);
    }
    return { action: 'deny' };
  });
}
