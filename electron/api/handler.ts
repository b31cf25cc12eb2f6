import type { ChannelName, RequestData, ResponseData } from '../../shared/api/contract';
import type { HandlerContext } from './context';

export type Handler<K extends ChannelName> = (input: RequestData<K>, ctx: HandlerContext) => Promise<ResponseData<K>>;

export type Handlers = { [K in ChannelName]: Handler<K> };

/** One area's slice of handlers; index.ts merges the slices and the compiler checks none is missing. */
export function defineHandlers<K extends ChannelName>(slice: { [P in K]: Handler<P> }): { [P in K]: Handler<P> } {
  return slice;
}
