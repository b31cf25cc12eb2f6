import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelName, RequestInput, ResponseData } from '../../../shared/api/contract';
import { call } from './client';
import { ApiCallError } from './errors';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiCallError | null;
  loading: boolean;
  /** Ask again (after a save elsewhere, or from a "Try again" button). */
  refetch: () => void;
  /** Replace the data with what a save returned, without asking again. */
  setData: (data: T) => void;
}

function toApiError(channel: ChannelName, error: unknown): ApiCallError {
  return error instanceof ApiCallError ? error : new ApiCallError(channel, 'INTERNAL', 'Something went wrong in this window. Try again.');
}

/**
 * Reads one channel. Asks again when the input changes (compared by value) or on refetch; an answer
 * that arrives after the input changed is dropped.
 */
export function useQuery<K extends ChannelName>(channel: K, input: RequestInput<K>, options: { enabled?: boolean } = {}): QueryState<ResponseData<K>> {
  const enabled = options.enabled ?? true;
  const inputJson = JSON.stringify(input ?? {});
  const [nonce, setNonce] = useState(0);
  const [state, setState] = useState<{ data: ResponseData<K> | undefined; error: ApiCallError | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: enabled,
  });

  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    call(channel, JSON.parse(inputJson) as RequestInput<K>).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => current && setState((s) => ({ ...s, error: toApiError(channel, error), loading: false })),
    );
    return () => {
      current = false;
    };
  }, [channel, inputJson, nonce, enabled]);

  const refetch = useCallback(() => setNonce((n) => n + 1), []);
  const setData = useCallback((data: ResponseData<K>) => setState({ data, error: null, loading: false }), []);
  return { ...state, refetch, setData };
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
