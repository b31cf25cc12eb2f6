import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { contract, isChannelName, type ChannelName } from '../../shared/api/contract';
import { isAllowed } from '../../shared/api/channel';
import { ApiError, type ApiErrorShape, type ApiResult } from '../../shared/api/errors';
import { inImmediateTransaction } from '../db/transaction';
import type { AppServices, AuditNote, HandlerContext, ResolvedSession, Transport } from './context';
import type { Handlers } from './handler';
import { handlers as allHandlers } from './handlers';
import { resolveSession, touchSession } from './sessions';
import { writeAudit } from './audit-writer';
import { fieldErrors } from './field-errors';

export interface Call {
  channel: string;
  input: unknown;
  sessionToken?: string | null;
  transport: Transport;
  /**
   * The command line acts as an admin without a session: whoever can run it can read the data
   * folder anyway. Only the CLI sets this (IPC and web mode never do); its rows name the OS user.
   */
  cliActor?: string;
}

function cliSession(actor: string): ResolvedSession {
  return { id: 0, user: { id: 0, username: `cli:${actor}`.slice(0, 60), displayName: 'Command line', role: 'admin' }, locked: false, token: '' };
}

export type Dispatch = (call: Call) => Promise<ApiResult<unknown>>;

function validationError(error: z.ZodError): ApiErrorShape {
  const fields = fieldErrors(error);
  const first = Object.entries(fields)[0];
  const message = first ? first[1] : 'The request is not valid';
  const more = Object.keys(fields).length - 1;
  return { code: 'VALIDATION', message: more > 0 ? `${message} (and ${more} more)` : message, fields };
}

/**
 * The one dispatcher behind IPC, web mode, the CLI and the tests. For every call: refuse unknown
 * channels → parse the request → (in one IMMEDIATE transaction) resolve the session, check the role,
 * run the handler, check the response, write the audit rows → return data, never a thrown error.
 */
export function createDispatcher(services: AppServices, handlers: Handlers = allHandlers): Dispatch {
  return async function dispatch(call: Call): Promise<ApiResult<unknown>> {
    if (!isChannelName(call.channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `There is no API channel called "${String(call.channel).slice(0, 80)}".` } };
    }
    const name: ChannelName = call.channel;
    const def = contract[name];
    const parsed = def.request.safeParse(call.input ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };

    const now = services.now();
    const notes: AuditNote[] = [];
    try {
      const value = await inImmediateTransaction(
        services.db,
        async (trx) => {
          const session = call.sessionToken
            ? await resolveSession(trx, call.sessionToken, now)
            : call.transport === 'cli' && call.cliActor
              ? cliSession(call.cliActor)
              : null;
          if (def.access !== 'public') {
            if (!session) throw new ApiError('UNAUTHENTICATED', 'Please sign in.');
            if (session.locked) throw new ApiError('LOCKED', 'The screen is locked: sign in again to go on.', { commit: true });
            if (!isAllowed(def.access, session.user.role)) {
              await writeAudit(trx, now, session.user, { action: 'access.forbidden', detail: name });
              throw new ApiError('FORBIDDEN', 'Your role does not allow this.', { commit: true });
            }
            if (session.id > 0) await touchSession(trx, session.id, now);
          }
          const ctx: HandlerContext = {
            db: trx,
            now,
            session,
            user: session?.user ?? { id: 0, username: 'anonymous', displayName: 'Anonymous', role: 'front_desk' },
            transport: call.transport,
            log: services.log,
            importStaging: services.importStaging,
            attachments: services.attachments,
            audit: (note) => notes.push(note),
          };
          // The handler map is typed per channel; the parsed input matches this channel's schema.
          const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
          const raw = await handler(parsed.data, ctx);
          const checked = def.response.safeParse(raw);
          if (!checked.success) {
            throw new Error(`Response of ${name} does not match its schema: ${JSON.stringify(fieldErrors(checked.error))}`);
          }
          if (def.kind === 'write' && notes.length === 0) notes.push({});
          for (const { actor, ...note } of notes) await writeAudit(trx, now, actor ?? session?.user ?? null, { action: name, ...note });
          return checked.data;
        },
        (error) => error instanceof ApiError && error.commit,
      );
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ApiError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
      }
      const ref = randomBytes(4).toString('hex');
      services.log.error(`INTERNAL ${ref} in ${name}`, error);
      return { ok: false, error: { code: 'INTERNAL', message: `Something went wrong and nothing was saved (reference ${ref}).` } };
    }
  };
}
