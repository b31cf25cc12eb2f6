import type { z } from 'zod';
import type { Role } from '../domain/roles';

/**
 * Who may call a channel: anyone (before sign-in: setup and sign-in itself), any signed-in user,
 * only the listed roles, or only a patient holding a questionnaire handed to them ('patient-kiosk':
 * those sessions may call nothing else, and staff sessions may not call these).
 */
export type Access = 'public' | 'signed-in' | 'patient-kiosk' | readonly Role[];

export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  /** One line for docs and the audit viewer. */
  summary: string;
  request: Req;
  response: Res;
  access: Access;
  /** Writes are always audited; reads are audited when they touch a patient's record. */
  kind: 'read' | 'write';
}

export function channel<Req extends z.ZodType, Res extends z.ZodType>(def: ChannelDef<Req, Res>): ChannelDef<Req, Res> {
  return def;
}

export function isAllowed(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null || access === 'patient-kiosk') return false;
  if (access === 'signed-in') return true;
  return access.includes(role);
}
