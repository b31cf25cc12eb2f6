import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { decideWindowOpen, hardenWebContents, isNavigationAllowed } from '../../../electron/main/security';
import { APP_ENTRY_URL, externalUrlToOpen, isAppUrl } from '../../../electron/main/urls';

describe('the external-URL rule', () => {
  it.each([
    ['https://pubmed.ncbi.nlm.nih.gov/12345/', 'https://pubmed.ncbi.nlm.nih.gov/12345/'],
    ['HTTPS://Example.org/a?b=c#d', 'https://example.org/a?b=c#d'],
    ['https://example.org', 'https://example.org/'],
  ])('hands %j to the OS browser', (url, expected) => {
    expect(externalUrlToOpen(url)).toBe(expected);
  });

  it.each([
    'http://example.org/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://runback/index.html',
    'mailto:someone@example.org',
    'smb://server/share',
    'ms-settings:privacy',
    'vscode://file/etc/passwd',
    'runback://x',
    'https.evil.com/https://',
    'https.evil:foo',
    'https:',
    'https://',
    'xhttps://example.org',
    ' javascript:alert(1)//https://example.org',
    'https://user:pass@example.org/',
    'https://example.org@evil.example/',
    '//example.org/',
    '/relative',
    '',
    'not a url',
  ])('refuses %j', (url) => {
    expect(externalUrlToOpen(url)).toBeNull();
  });

  it('refuses non-strings', () => {
    expect(externalUrlToOpen(undefined)).toBeNull();
    expect(externalUrlToOpen({ toString: () => 'https://example.org/' })).toBeNull();
  });
});

describe('navigation', () => {
  it('stays inside app://runback', () => {
    expect(isNavigationAllowed(APP_ENTRY_URL)).toBe(true);
    expect(isNavigationAllowed('app://runback/index.html#/patients/3')).toBe(true);
    for (const url of [
      'https://example.org/',
      'app://other/index.html',
      'app://runback.evil/index.html',
      'app://runback:1234/index.html',
      'app://user@runback/index.html',
      'file:///work/main/dist/index.html',
      'http://127.0.0.1:5173/',
      'about:blank',
      'javascript:alert(1)',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(isNavigationAllowed(url), url).toBe(false);
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('window.open is always denied; only https goes to the OS browser', () => {
    expect(decideWindowOpen('https://example.org/')).toEqual({ action: 'deny', openExternally: 'https://example.org/' });
    expect(decideWindowOpen('http://example.org/')).toEqual({ action: 'deny', openExternally: null });
    expect(decideWindowOpen('app://runback/index.html')).toEqual({ action: 'deny', openExternally: null });
  });
});

type Listener = (event: { url?: string; preventDefault: () => void }) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
  const fire = (name: string, url?: string) => {
    const preventDefault = vi.fn();
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    listener({ url, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler?.({ url }), listeners };
}

describe('hardenWebContents', () => {
  it('prevents navigation and redirects away from the app, and every <webview>', () => {
    const openExternal = vi.fn();
    const wc = fakeWebContents();
    hardenWebContents(wc.contents, openExternal);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(wc.fire(name, 'https://example.org/'), name).toBe(true);
      expect(wc.fire(name, 'file:///etc/passwd'), name).toBe(true);
      expect(wc.fire(name, 'app://runback/index.html'), name).toBe(false);
    }
    expect(wc.fire('will-attach-webview')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window and opens only https links externally', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const wc = fakeWebContents();
    hardenWebContents(wc.contents, openExternal);
    expect(wc.open('https://example.org/a')).toEqual({ action: 'deny' });
    expect(wc.open('http://example.org/a')).toEqual({ action: 'deny' });
    expect(wc.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(wc.open('app://runback/index.html')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://example.org/a');
  });

  it('a failing openExternal does not throw into the window-open handler', () => {
    const wc = fakeWebContents();
    hardenWebContents(wc.contents, () => Promise.reject(new Error('no browser')));
    expect(wc.open('https://example.org/')).toEqual({ action: 'deny' });
  });
});
