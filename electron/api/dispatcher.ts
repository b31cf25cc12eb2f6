import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { contract, isChannelName, type ChannelName } from '../../shared/api/contract';
import { isAllowed, type ChannelDef } from '../../shared/api/channel';
import { ApiError, type ApiErrorShape, type ApiResult } from '../../shared/api/errors';
import type { DB } from '../db/schema';
import { DatabaseBusyError, inImmediateTransaction, inReadTransaction } from '../db/transaction';
import type { AppServices, AuditNote, HandlerContext, ResolvedSession, Transport } from './context';
import { AfterCommit, type Handlers } from './handler';
import { handlers as allHandlers } from './handlers';
import { activityDue, resolveSession } from './sessions';
import { openCallScope } from './call-scope';
import { bookkeepingIn, DeferredBookkeeping, type Bookkeeping } from './bookkeeping';
import { CallSample, checkResponse } from './response-check';
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
  return {
    id: 0,
    user: { id: 0, username: `cli:${actor}`.slice(0, 60), displayName: 'Command line', role: 'admin' },
    locked: false,
    idleLocked: false,
    lastActiveAt: '',
    token: '',
  };
}

export type Dispatch = (call: Call) => Promise<ApiResult<unknown>>;

function validationError(error: z.ZodError): ApiErrorShape {
  const fields = fieldErrors(error);
  const first = Object.entries(fields)[0];
  const message = first ? first[1] : 'The request is not valid';
  const more = Object.keys(fields).length - 1;
  return { code: 'VALIDATION', message: more > 0 ? `${message} (and ${more} more)` : message, fields };
}

const keepCommitted = (error: unknown) => error instanceof ApiError && error.commit;

interface Run {
  name: ChannelName;
  def: ChannelDef;
  input: unknown;
  call: Call;
  now: Date;
  /** The dispatcher's count of calls per channel: which responses a sampled check looks at. */
  checked: CallSample;
}

/**
 * One call inside its transaction: resolve the session, check the role, run the handler, check the
 * response, and hand the lock, activity and audit rows it owes to `books`.
 */
async function runCall(services: AppServices, handlers: Handlers, db: Kysely<DB>, books: Bookkeeping, { name, def, input, call, now, checked }: Run): Promise<unknown> {
  openCallScope(db);
  const session = call.sessionToken
    ? await resolveSession(db, call.sessionToken, now)
    : call.transport === 'cli' && call.cliActor
      ? cliSession(call.cliActor)
      : null;
  if (session?.idleLocked) await books.lockSession(session.id, session.lastActiveAt);
  // A screen handed to a patient reaches its own few channels and nothing else, public ones included.
  if (session?.kiosk && def.access !== 'patient-kiosk') {
    await books.audit(session.user, { action: 'access.forbidden', detail: name, entity: 'patient', entityId: session.kiosk.patientId });
    throw new ApiError('FORBIDDEN', 'This screen is handed to a patient: hand it back to a staff member first.', { commit: true });
  }
  if (def.access !== 'public') {
    if (!session) throw new ApiError('UNAUTHENTICATED', 'Please sign in.');
    if (session.locked) throw new ApiError('LOCKED', 'The screen is locked: sign in again to go on.', { commit: true });
    if (!session.kiosk && !isAllowed(def.access, session.user.role)) {
      await books.audit(session.user, { action: 'access.forbidden', detail: name });
      throw new ApiError('FORBIDDEN', 'Your role does not allow this.', { commit: true });
    }
    if (activityDue(session, now)) await books.touchSession(session.id);
  }
  const notes: AuditNote[] = [];
  const ctx: HandlerContext = {
    db,
    now,
    session,
    user: session?.user ?? { id: 0, username: 'anonymous', displayName: 'Anonymous', role: 'front_desk' },
    transport: call.transport,
    log: services.log,
    importStaging: services.importStaging,
    backups: services.backups,
    appDb: services.db,
    attachments: services.attachments,
    audit: (note) => notes.push(note),
  };
  // The handler map is typed per channel; the parsed input matches this channel's schema.
  const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
  let raw: unknown;
  try {
    raw = await handler(input, ctx);
  } catch (error) {
    // A refusal that keeps its writes (e.g. a superbill refused for a Medicare patient) keeps its audit rows too.
    if (keepCommitted(error)) for (const { actor, ...note } of notes) await books.audit(actor ?? session?.user ?? null, { action: name, ...note });
    throw error;
  }
  // Work that must wait for the commit (a backup, a restore) is checked when it has run.
  const value = raw instanceof AfterCommit ? raw : checkResponse(name, def.response, raw, services.responseChecks, checked);
  if (def.kind === 'write' && notes.length === 0) notes.push({});
  for (const { actor, ...note } of notes) await books.audit(actor ?? session?.user ?? null, { action: name, ...note });
  return value;
}

/**
 * A read runs on a read-only connection in a read transaction: it never takes or waits for the
 * write lock. What it owes (an access-log row, the session's activity every few seconds, an idle
 * lock) is written after it, in one short write transaction; most reads owe nothing.
 */
async function runRead(services: AppServices, handlers: Handlers, run: Run): Promise<unknown> {
  const books = new DeferredBookkeeping(run.now);
  try {
    const value = await services.readers.use((reader) => inReadTransaction(reader, (trx) => runCall(services, handlers, trx, books, run)));
    await books.flush(services.db, services.lockWait);
    return value;
  } catch (error) {
    // LOCKED and FORBIDDEN keep their writes (the lock, the refusal's audit row), as a write call's do.
    if (keepCommitted(error)) await books.flush(services.db, services.lockWait);
    throw error;
  }
}

/**
 * A write runs in one IMMEDIATE transaction with everything it owes. Its time is taken once it holds
 * the write lock, not when it asked: a write that waited behind a slow one (a busy machine) still
 * stamps a time no earlier than what is already committed, so the record's times follow its order.
 */
function runWrite(services: AppServices, handlers: Handlers, run: Run): Promise<unknown> {
  return inImmediateTransaction(
    services.db,
    (trx) => {
      const now = services.now();
      return runCall(services, handlers, trx, bookkeepingIn(trx, now), { ...run, now });
    },
    {
      keep: keepCommitted,
      lockWait: services.lockWait,
    },
  );
}

/**
 * The one dispatcher behind IPC, web mode, the CLI and the tests. For every call: refuse unknown
 * channels → parse the request → resolve the session, check the role, run the handler, check the
 * response, write the audit rows (reads in a read transaction, writes in one IMMEDIATE transaction)
 * → return data, never a thrown error.
 */
export function createDispatcher(services: AppServices, handlers: Handlers = allHandlers): Dispatch {
  const checked = new CallSample();
  return async function dispatch(call: Call): Promise<ApiResult<unknown>> {
    if (!isChannelName(call.channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `There is no API channel called "${String(call.channel).slice(0, 80)}".` } };
    }
    const name: ChannelName = call.channel;
    const def: ChannelDef = contract[name];
    const parsed = def.request.safeParse(call.input ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };

    const run: Run = { name, def, input: parsed.data, call, now: services.now(), checked };
    try {
      const value = def.kind === 'write' ? await runWrite(services, handlers, run) : await runRead(services, handlers, run);
      if (value instanceof AfterCommit) return { ok: true, value: checkResponse(name, def.response, await (value as AfterCommit<unknown>).work(), services.responseChecks, checked) };
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ApiError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
      }
      if (error instanceof DatabaseBusyError) {
        services.log.info(`UNAVAILABLE in ${name}: ${error.message}`);
        return {
          ok: false,
          error: { code: 'UNAVAILABLE', message: 'The clinic database is busy: another Runback program has been writing to it for a minute. Nothing was saved; try again in a moment.' },
        };
      }
      const ref = randomBytes(4).toString('hex');
      services.log.error(`INTERNAL ${ref} in ${name}`, error);
      return { ok: false, error: { code: 'INTERNAL', message: `Something went wrong and nothing was saved (reference ${ref}).` } };
    }
  };
}
