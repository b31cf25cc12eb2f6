import { useCallback, useEffect, useRef, useState } from 'react';
import { keepPreviousData, useQuery as useTanstackQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelName, RequestInput, ResponseData } from '../../../shared/api/contract';
import { areaOf } from './areas';
import { call } from './client';
import { ApiCallError } from './errors';

export interface QueryState<T> {
  data: T | undefined;
  /** Why the data could not be loaded (only while there is none to show: a failed refresh keeps the last answer). */
  error: ApiCallError | null;
  /** True until the first answer for this input arrives. */
  loading: boolean;
  /** True while asking (the first time or again); the data on screen stays meanwhile. */
  fetching: boolean;
  /** Ask again (a "Try again" button). */
  refetch: () => void;
  /** Replace the data with what a save returned, without asking again. */
  setData: (data: T) => void;
}

function toApiError(channel: ChannelName, error: unknown): ApiCallError {
  return error instanceof ApiCallError ? error : new ApiCallError(channel, 'INTERNAL', 'Something went wrong in this window. Try again.');
}

/** The cache key of a read: its area first, so a write can make the whole area stale (areas.ts). */
export function queryKeyOf<K extends ChannelName>(channel: K, input: RequestInput<K>): readonly unknown[] {
  return [areaOf(channel), channel, input ?? {}];
}

/**
 * Reads one channel through the query cache (TanStack Query): the same input on two screens is one
 * request; a write in a related area (areas.ts) makes it ask again; the answer for an old input is
 * never shown for a new one, while the previous answer stays on screen until the new one arrives.
 */
export function useQuery<K extends ChannelName>(channel: K, input: RequestInput<K>, options: { enabled?: boolean } = {}): QueryState<ResponseData<K>> {
  const enabled = options.enabled ?? true;
  const client = useQueryClient();
  const key = queryKeyOf(channel, input);
  const q = useTanstackQuery({
    queryKey: key,
    queryFn: () => call(channel, input),
    enabled,
    placeholderData: keepPreviousData,
  });
  const keyJson = JSON.stringify(key);
  const { refetch } = q;
  const again = useCallback(() => void refetch(), [refetch]);
  const setData = useCallback((data: ResponseData<K>) => client.setQueryData(JSON.parse(keyJson) as unknown[], data), [client, keyJson]);
  const data = q.data as ResponseData<K> | undefined;
  return {
    data,
    error: q.error && data === undefined ? toApiError(channel, q.error) : null,
    loading: enabled && q.isPending,
    fetching: q.isFetching,
    refetch: again,
    setData,
  };
}

/**
 * Runs a write (or any one-off call) and tracks pending and error for the button and banner that
 * go with it. `run` resolves to the result, or to undefined when it failed (the error is in state).
 */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const actionRef = useRef(action);
  useEffect(() => {
    actionRef.current = action;
  });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    setPending(true);
    setError(null);
    try {
      return await actionRef.current(...args);
    } catch (e) {
      if (mounted.current) setError(e instanceof ApiCallError ? e : new ApiCallError(null, 'INTERNAL', 'Something went wrong in this window. Try again.'));
      return undefined;
    } finally {
      if (mounted.current) setPending(false);
    }
  }, []);
  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, reset };
}
