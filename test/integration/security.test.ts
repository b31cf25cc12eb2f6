import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract } from '../../shared/api/contract';
import { createWebServer, listen } from '../../electron/server/server';
import { resolveInside } from '../../electron/app/static-files';
import { channelSamples, sampleIds, type SampleIds } from './channel-samples';
import { createTestApp, PASSWORDS, PATIENT, type TestApp } from './harness';

const TOKEN = 'test-launch-token-0123456789abcdef';

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('web mode security', () => {
  let t: TestApp;
  let server: Server;
  let port: number;
  let staticDir: string;
  let ids: SampleIds;
  const api = (channel: string, body: object, headers: Record<string, string> = {}) =>
    send(port, {
      method: 'POST',
      path: `/api/${channel}`,
      headers: { 'content-type': 'application/json', host: `127.0.0.1:${port}`, 'x-runback-token': TOKEN, ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    t = await createTestApp();
    staticDir = mkdtempSync(join(tmpdir(), 'runback-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Runback</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(staticDir, '..', 'outside-secret.txt'), 'secret');
    server = createWebServer({ dispatch: t.dispatch, staticDir, token: TOKEN });
    port = await listen(server, 0);
    const patient = await t.ok('patients.create', PATIENT, t.sessions.admin);
    ids = await sampleIds(t, patient.id);
  });
  afterAll(async () => {
    server.close();
    await t.dispose();
    rmSync(staticDir, { recursive: true, force: true });
    rmSync(join(staticDir, '..', 'outside-secret.txt'), { force: true });
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('answers every /api/ request without the launch token with 401, before anything else', async () => {
    for (const channel of [...CHANNEL_NAMES, 'no.such.channel']) {
      const r = await send(port, { method: 'POST', path: `/api/${channel}`, headers: { host: 'evil.example:80', 'content-type': 'text/plain' }, body: 'not json' });
      expect(r.status, channel).toBe(401);
    }
    const wrong = await api('setup.status', {}, { 'x-runback-token': `${TOKEN}x` });
    expect(wrong.status).toBe(401);
    const get = await send(port, { path: '/api/setup.status' });
    expect(get.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding), on the API and on pages', async () => {
    const r = await api('setup.status', {}, { host: `attacker.example:${port}` });
    expect(r.status).toBe(403);
    expect((await send(port, { path: '/', headers: { host: `attacker.example:${port}` } })).status).toBe(403);
    expect((await send(port, { path: '/', headers: { host: `127.0.0.1:${port + 1}` } })).status).toBe(403);
    expect((await send(port, { path: '/', headers: { host: `localhost:${port}` } })).status).toBe(200);
  });

  it('still requires sign-in after the token', async () => {
    const r = await api('patients.list', {});
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('sends a JSON answer whole, its length in the head (not in chunks)', async () => {
    const r = await api('setup.status', {});
    expect(r.status).toBe(200);
    expect(r.headers['transfer-encoding']).toBeUndefined();
    expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(r.body));
  });

  it('front desk calling an admin channel gets FORBIDDEN', async () => {
    const signIn = JSON.parse((await api('auth.signIn', { username: 'desk', password: PASSWORDS.front_desk })).body) as { value: { sessionToken: string } };
    const adminChannels = CHANNEL_NAMES.filter((c) => Array.isArray(contract[c].access) && !(contract[c].access as readonly string[]).includes('front_desk'));
    expect(adminChannels.length).toBeGreaterThan(3);
    for (const channel of adminChannels) {
      const r = await api(channel, channelSamples(t, ids)[channel], { 'x-runback-session': signIn.value.sessionToken });
      const body = JSON.parse(r.body) as { ok: boolean; error?: { code: string } };
      expect([r.status, body.error?.code], channel).toEqual([403, 'FORBIDDEN']);
    }
  });

  it('refuses unknown channels, non-POST, non-JSON and malformed bodies', async () => {
    expect((await api('patients.delete', {})).status).toBe(404);
    expect((await api('__proto__', {})).status).toBe(404);
    expect((await send(port, { method: 'PUT', path: '/api/setup.status', headers: { host: `127.0.0.1:${port}`, 'x-runback-token': TOKEN } })).status).toBe(405);
    expect((await send(port, { method: 'POST', path: '/api/setup.status', headers: { host: `127.0.0.1:${port}`, 'x-runback-token': TOKEN, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    const bad = await send(port, { method: 'POST', path: '/api/setup.status', headers: { host: `127.0.0.1:${port}`, 'x-runback-token': TOKEN, 'content-type': 'application/json' }, body: '{nope' });
    expect(bad.status).toBe(400);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const index = await send(port, { path: '/', headers: { host: `127.0.0.1:${port}` } });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect((await send(port, { path: '/assets/app.js', headers: { host: `127.0.0.1:${port}` } })).headers['content-type']).toContain('javascript');
    for (const path of ['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/assets/..%2f..%2foutside-secret.txt', '/%2e%2e%5coutside-secret.txt', '/assets/%00.js', '/nope.html']) {
      const r = await send(port, { path, headers: { host: `127.0.0.1:${port}` } });
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('secret');
    }
  });

  it('the path guard refuses every escape', () => {
    const root = '/srv/app/dist';
    expect(resolveInside(root, '/index.html')).toBe('/srv/app/dist/index.html');
    expect(resolveInside(root, '/assets/a.js')).toBe('/srv/app/dist/assets/a.js');
    for (const p of ['/../x', '/%2e%2e/x', '/a/../../x', '/..%2fx', '/%00', '/a\\..\\x', '/%E0%A4%A', '/']) expect(resolveInside(root, p), p).toBeNull();
  });
});
