import type { Session } from 'electron';
import { isAppOrigin } from './urls';

type CheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
/** Every permission name Electron can ask about (taken from Electron's own types). */
export type PermissionName = Parameters<CheckHandler>[1];

export interface PermissionRule {
  allow: boolean;
  reason: string;
}

const NOT_NEEDED = 'Runback never uses this.';
const HARDWARE = 'Runback talks to no devices from the page; device files (FIT, GPX) are imported by choosing a file.';
const PRIVACY = 'Would expose the workstation or the people at it; a clinic record needs none of it.';

/**
 * Deny by default. The table names every permission Electron knows (the compiler insists, so an
 * Electron upgrade that adds one fails the typecheck until someone decides) with the reason for the
 * decision. Anything not in the table — a name from a newer Chromium — is denied too.
 *
 * The one exception, 'clipboard-sanitized-write', lets the page put plain text on the clipboard
 * (navigator.clipboard.writeText for "copy" buttons: a phone number, a plan summary). It is
 * write-only and sanitized by Chromium, and only our own app:// origin gets it. Reading the
 * clipboard stays denied: a page that can read it can see whatever else was copied on the workstation.
 */
export const PERMISSION_RULES: Readonly<Record<PermissionName, PermissionRule>> = Object.freeze({
  'clipboard-sanitized-write': { allow: true, reason: 'Copy buttons write plain text to the clipboard; write-only and sanitized.' },
  'clipboard-read': { allow: false, reason: 'Reading the clipboard would expose whatever else was copied on this workstation.' },
  'deprecated-sync-clipboard-read': { allow: false, reason: 'Reading the clipboard would expose whatever else was copied on this workstation.' },
  media: { allow: false, reason: 'No camera or microphone: Runback records no audio or video.' },
  'display-capture': { allow: false, reason: 'Screen capture could leak other patients’ records.' },
  'captured-surface-control': { allow: false, reason: 'Screen capture could leak other patients’ records.' },
  geolocation: { allow: false, reason: PRIVACY },
  'geolocation-approximate': { allow: false, reason: PRIVACY },
  'idle-detection': { allow: false, reason: 'The app locks itself with its own inactivity timer; it needs no OS idle signal.' },
  notifications: { allow: false, reason: 'Reminders are shown inside the app; OS notifications could show patient names on a shared screen.' },
  openExternal: { allow: false, reason: 'External links go only through the window-open handler, which opens https links after parsing them.' },
  fullscreen: { allow: false, reason: 'Pages may not take over the screen; the window can be maximised from its own controls.' },
  'automatic-fullscreen': { allow: false, reason: 'Pages may not take over the screen; the window can be maximised from its own controls.' },
  pointerLock: { allow: false, reason: NOT_NEEDED },
  keyboardLock: { allow: false, reason: NOT_NEEDED },
  fileSystem: { allow: false, reason: 'Files are opened and saved through the app’s own dialogs, not the File System Access API.' },
  'local-fonts': { allow: false, reason: 'Fonts are bundled; listing local fonts fingerprints the workstation.' },
  'persistent-storage': { allow: false, reason: 'The clinic record lives in the SQLite database, not in browser storage.' },
  'storage-access': { allow: false, reason: NOT_NEEDED },
  'top-level-storage-access': { allow: false, reason: NOT_NEEDED },
  'background-fetch': { allow: false, reason: NOT_NEEDED },
  'background-sync': { allow: false, reason: NOT_NEEDED },
  'periodic-background-sync': { allow: false, reason: NOT_NEEDED },
  'payment-handler': { allow: false, reason: 'Payments are recorded, not taken, in the app.' },
  'web-app-installation': { allow: false, reason: NOT_NEEDED },
  'web-printing': { allow: false, reason: 'Printing goes through the app’s own print path (PDF), not the Web Printing API.' },
  'window-management': { allow: false, reason: PRIVACY },
  'screen-wake-lock': { allow: false, reason: NOT_NEEDED },
  'system-wake-lock': { allow: false, reason: NOT_NEEDED },
  'speaker-selection': { allow: false, reason: NOT_NEEDED },
  mediaKeySystem: { allow: false, reason: 'No DRM media.' },
  midi: { allow: false, reason: HARDWARE },
  midiSysex: { allow: false, reason: HARDWARE },
  hid: { allow: false, reason: HARDWARE },
  serial: { allow: false, reason: HARDWARE },
  usb: { allow: false, reason: HARDWARE },
  nfc: { allow: false, reason: HARDWARE },
  'smart-card': { allow: false, reason: HARDWARE },
  sensors: { allow: false, reason: HARDWARE },
  'hand-tracking': { allow: false, reason: HARDWARE },
  ar: { allow: false, reason: HARDWARE },
  vr: { allow: false, reason: HARDWARE },
  'local-network': { allow: false, reason: 'The page talks to nothing but the app; web mode uses its own server.' },
  'local-network-access': { allow: false, reason: 'The page talks to nothing but the app; web mode uses its own server.' },
  'loopback-network': { allow: false, reason: 'The page talks to nothing but the app; web mode uses its own server.' },
  unknown: { allow: false, reason: 'Unknown permissions are denied.' },
});

export interface PermissionDecision {
  allow: boolean;
  reason: string;
}

/**
 * The one decision both handlers use. Granted only when the table allows the permission AND the
 * request comes from the app's own origin.
 */
export function decidePermission(permission: string, requestingOrigin: string | null | undefined): PermissionDecision {
  const rule = Object.prototype.hasOwnProperty.call(PERMISSION_RULES, permission)
    ? PERMISSION_RULES[permission as PermissionName]
    : undefined;
  if (!rule) return { allow: false, reason: `"${permission}" is not in the permission table, so it is denied.` };
  if (!rule.allow) return { allow: false, reason: rule.reason };
  if (!isAppOrigin(requestingOrigin)) return { allow: false, reason: 'Only the app’s own pages may be granted a permission.' };
  return { allow: true, reason: rule.reason };
}

/** Installs the decision on a session: requests, checks, and device access (always refused). */
export function installPermissionHandlers(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setDisplayMediaRequestHandler'>,
): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(decidePermission(permission, details.requestingUrl).allow);
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => decidePermission(permission, requestingOrigin).allow);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
}
