import type { ChannelName, RequestData, ResponseData } from '../../shared/api/contract';
import type { HandlerContext } from './context';

/**
 * Work that must run after the call's transaction has committed, on the app's connection but in no
 * transaction of its own making (a backup copied from another connection, a restore written in
 * through SQLite's backup API). The handler checks and audits inside the transaction and returns
 * this; the dispatcher runs `work` once the transaction is over and answers with what it gives.
 */
export class AfterCommit<T> {
  constructor(readonly work: () => Promise<T>) {}
}

export type Handler<K extends ChannelName> = (input: RequestData<K>, ctx: HandlerContext) => Promise<ResponseData<K> | AfterCommit<ResponseData<K>>>;

export type Handlers = { [K in ChannelName]: Handler<K> };

/** One area's slice of handlers; index.ts merges the slices and the compiler checks none is missing. */
export function defineHandlers<K extends ChannelName>(slice: { [P in K]: Handler<P> }): { [P in K]: Handler<P> } {
  return slice;
}
