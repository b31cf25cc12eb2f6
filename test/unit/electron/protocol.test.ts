import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Toolchain P3: never let a main-process module reach the real electron package.
vi.mock('electron', () => ({}));

import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../electron/main/csp';
import { APP_SCHEME_PRIVILEGES, contentType, handleAppRequest, registerAppScheme, resolveDistPath, serveAppScheme } from '../../../electron/main/protocol';

let root: string;
let dist: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'runback-protocol-'));
  dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Runback</title>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dist, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(dist, 'assets', 'logo mark.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // Files just outside dist/ that a traversal would try to reach.
  writeFileSync(join(root, 'secret.txt'), 'patient data');
  mkdirSync(join(root, 'dist-evil'));
  writeFileSync(join(root, 'dist-evil', 'x.js'), 'evil()');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveDistPath (the traversal guard)', () => {
  it('maps / and /index.html to index.html and assets to their files', () => {
    expect(resolveDistPath(dist, '/')).toBe(join(dist, 'index.html'));
    expect(resolveDistPath(dist, '')).toBe(join(dist, 'index.html'));
    expect(resolveDistPath(dist, '/index.html')).toBe(join(dist, 'index.html'));
    expect(resolveDistPath(dist, '/assets/index-abc123.js')).toBe(join(dist, 'assets', 'index-abc123.js'));
    expect(resolveDistPath(dist, '/assets/logo%20mark.svg')).toBe(join(dist, 'assets', 'logo mark.svg'));
  });

  it.each([
    ['/../secret.txt'],
    ['/assets/../../secret.txt'],
    ['/%2e%2e/secret.txt'],
    ['/%2E%2E/secret.txt'],
    ['/.%2e/secret.txt'],
    ['/assets/%2e%2e/%2e%2e/secret.txt'],
    ['/..%2fsecret.txt'],
    ['/..%2Fsecret.txt'],
    ['/assets%2f..%2f..%2fsecret.txt'],
    ['/..%5csecret.txt'],
    ['/..\\secret.txt'],
    ['/../dist-evil/x.js'],
    ['/%2e%2e%2fdist-evil%2fx.js'],
    ['/./index.html'],
    ['//etc/passwd'],
    ['/assets//index-abc123.js'],
    ['/%2fetc%2fpasswd'],
    ['/C:/Windows/win.ini'],
    ['/C%3a%5cWindows%5cwin.ini'],
    ['/index.html%00.png'],
    ['/index.html\0'],
    ['/%E0%A4%A'],
    ['relative/index.html'],
  ])('refuses %j', (pathname) => {
    expect(resolveDistPath(dist, pathname)).toBeNull();
  });

  it('checks containment after resolving, even for names that merely start like dist', () => {
    // dist-evil/ sits beside dist/: a prefix check on strings would let it through.
    for (const p of ['/../dist-evil/x.js', '/assets/../../dist-evil/x.js']) expect(resolveDistPath(dist, p)).toBeNull();
    expect(resolveDistPath(dist, '/assets/index-abc123.js')?.startsWith(join(dist, 'assets'))).toBe(true);
  });
});

describe('handleAppRequest', () => {
  const get = (url: string, method = 'GET') => handleAppRequest(dist, { url, method });

  it('serves index.html and assets with the right MIME types and the CSP header', async () => {
    const index = await get('app://runback/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('<title>Runback</title>');

    const root = await get('app://runback/');
    expect(root.status).toBe(200);

    const js = await get('app://runback/assets/index-abc123.js?v=1#x');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');

    const css = await get('app://runback/assets/index-abc123.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const svg = await get('app://runback/assets/logo%20mark.svg');
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
  });

  it.each([
    ['app://runback/../secret.txt'],
    ['app://runback/%2e%2e/secret.txt'],
    ['app://runback/..%2fsecret.txt'],
    ['app://runback/assets/..%2f..%2fsecret.txt'],
    ['app://runback/..%5csecret.txt'],
    ['app://runback/index.html%00'],
    ['app://runback/missing.js'],
    ['app://runback/assets'],
    ['app://runback/assets/'],
    ['app://other/index.html'],
    ['app://runback:8080/index.html'],
    ['file:///etc/passwd'],
    ['not a url'],
  ])('answers 404 (with the CSP) for %j', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).not.toContain('patient data');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://runback/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://runback/index.html', 'POST')).status).toBe(405);
  });
});

describe('scheme registration', () => {
  it('registers app: as standard and secure, without bypassing CSP', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeFalsy();
    expect(APP_SCHEME_PRIVILEGES.privileges?.allowServiceWorkers).toBeFalsy();
    expect(APP_SCHEME_PRIVILEGES.privileges?.corsEnabled).toBeFalsy();
  });

  it('protocol.handle serves from dist', async () => {
    const handle = vi.fn();
    serveAppScheme({ handle }, dist);
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = handle.mock.calls[0]?.[1] as (r: { url: string; method: string }) => Promise<Response>;
    expect((await handler({ url: 'app://runback/index.html', method: 'GET' })).status).toBe(200);
    expect((await handler({ url: 'app://runback/%2e%2e/secret.txt', method: 'GET' })).status).toBe(404);
  });
});

describe('content types and the CSP', () => {
  it('knows the bundle’s file types and falls back to octet-stream', () => {
    expect(contentType('a.woff2')).toBe('font/woff2');
    expect(contentType('A.PNG')).toBe('image/png');
    expect(contentType('a.json')).toBe('application/json; charset=utf-8');
    expect(contentType('a.unknown')).toBe('application/octet-stream');
  });

  it('the CSP is strict: no unsafe-inline, no unsafe-eval, nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data: blob:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});
