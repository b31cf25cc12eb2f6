import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { decidePermission, installPermissionHandlers, PERMISSION_RULES } from '../../../electron/main/permissions';

const APP = 'app://runback';

describe('the permission decision', () => {
  it('denies every permission in the table except clipboard-sanitized-write, each with a reason', () => {
    const allowed = Object.entries(PERMISSION_RULES).filter(([, rule]) => rule.allow).map(([name]) => name);
    expect(allowed).toEqual(['clipboard-sanitized-write']);
    for (const [name, rule] of Object.entries(PERMISSION_RULES)) {
      expect(rule.reason.length, name).toBeGreaterThan(10);
      if (name !== 'clipboard-sanitized-write') expect(decidePermission(name, APP).allow, name).toBe(false);
    }
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'usb', 'serial', 'display-capture', 'unknown'])(
    'denies %s even to the app itself',
    (permission) => {
      const decision = decidePermission(permission, APP);
      expect(decision.allow).toBe(false);
      expect(decision.reason).not.toBe('');
    },
  );

  it('denies names it has never heard of', () => {
    expect(decidePermission('quantum-teleport', APP)).toEqual({ allow: false, reason: expect.stringContaining('not in the permission table') });
    expect(decidePermission('__proto__', APP).allow).toBe(false);
    expect(decidePermission('toString', APP).allow).toBe(false);
  });

  it('grants clipboard writes only to the app’s own origin', () => {
    expect(decidePermission('clipboard-sanitized-write', APP).allow).toBe(true);
    expect(decidePermission('clipboard-sanitized-write', 'app://runback/index.html').allow).toBe(true);
    for (const origin of ['https://example.org', 'file://', 'app://other', 'null', '', null, undefined]) {
      expect(decidePermission('clipboard-sanitized-write', origin).allow, String(origin)).toBe(false);
    }
  });
});

describe('installPermissionHandlers', () => {
  it('wires the decision into request, check, device and display-media handlers', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      setDisplayMediaRequestHandler: vi.fn(),
    };
    installPermissionHandlers(session);

    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl: string },
    ) => void;
    const callback = vi.fn();
    request(null, 'media', callback, { requestingUrl: 'app://runback/index.html' });
    request(null, 'clipboard-sanitized-write', callback, { requestingUrl: 'app://runback/index.html' });
    request(null, 'clipboard-sanitized-write', callback, { requestingUrl: 'https://example.org/' });
    expect(callback.mock.calls).toEqual([[false], [true], [false]]);

    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (wc: unknown, permission: string, origin: string) => boolean;
    expect(check(null, 'geolocation', APP)).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', APP)).toBe(true);

    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean;
    expect(device()).toBe(false);

    const display = session.setDisplayMediaRequestHandler.mock.calls[0]?.[0] as (req: unknown, cb: (s: unknown) => void) => void;
    const displayCallback = vi.fn();
    display({}, displayCallback);
    expect(displayCallback).toHaveBeenCalledWith(null);
  });
});
