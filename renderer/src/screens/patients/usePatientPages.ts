import { useCallback, useEffect, useRef, useState } from 'react';
import type { PatientSort, PatientSummary } from '../../../../shared/domain/patient';
import { call } from '../../api/client';
import { ApiCallError } from '../../api/errors';

/**
 * Rows fetched per request: several screenfuls (a row is 38 px), well under the contract's 500. A
 * search's first page is asked for at every keystroke, so it is no bigger than it needs to be.
 */
export const PAGE_SIZE = 100;

export interface ListParams {
  query: string;
  includeArchived: boolean;
  sort: PatientSort;
  direction: 'asc' | 'desc';
}

interface Cache {
  key: string;
  params: ListParams;
  total: number;
  capped: boolean;
  pages: Map<number, PatientSummary[]>;
  loading: Set<number>;
}

export interface PatientPages {
  /** null until the first page of these params has arrived. */
  total: number | null;
  /** A search matched more than `total` (the server counts no further): "1,000+ matches". */
  capped: boolean;
  /** The params the rows on screen belong to (the previous ones until the new first page arrives). */
  shownKey: string | null;
  shownParams: ListParams | null;
  /** A row, or undefined while its page is on its way. */
  row: (index: number) => PatientSummary | undefined;
  /**
   * Ask for the first page of these params now, from the keystroke's own event, before React draws it
   * (the render that follows takes it instead of asking again). Only what the render asks for is shown.
   */
  askNow: (params: ListParams) => void;
  /** Fetch the pages covering rows start..end (inclusive) that are not here yet. */
  ensureRange: (start: number, end: number) => void;
  loading: boolean;
  error: ApiCallError | null;
  retry: () => void;
}

/** Same id, same fields (all plain values). */
function sameSummary(a: PatientSummary, b: PatientSummary): boolean {
  const keys = Object.keys(b) as (keyof PatientSummary)[];
  return keys.length === Object.keys(a).length && keys.every((k) => a[k] === b[k]);
}

/**
 * A new answer's rows, each patient that the rows shown already hold unchanged given as the object
 * shown: consecutive keystrokes mostly bring the same patients back, and a row whose data is the same
 * object is not drawn again (see DataTableRow).
 */
export function keepUnchanged(shownPages: Iterable<PatientSummary[]>, rows: PatientSummary[]): PatientSummary[] {
  const before = new Map<number, PatientSummary>();
  for (const page of shownPages) for (const p of page) before.set(p.id, p);
  return rows.map((row) => {
    const old = before.get(row.id);
    return old && sameSummary(old, row) ? old : row;
  });
}

/**
 * The patient list, a page at a time: the first page of a search brings the total (which sizes the
 * scroll area); further pages are fetched as they scroll into view and kept. Until a new search's
 * first page arrives, the previous rows stay on screen (no flash of emptiness while typing).
 */
export function usePatientPages(params: ListParams, enabled = true): PatientPages {
  const key = JSON.stringify(params);
  const [shown, setShown] = useState<Cache | null>(null);
  const [, setTick] = useState(0);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [loadingFirst, setLoadingFirst] = useState(true);
  const [nonce, setNonce] = useState(0);
  const shownRef = useRef<Cache | null>(null);

  const fetchPage = useCallback((params: ListParams, page: number) => call('patients.list', { ...params, offset: page * PAGE_SIZE, limit: PAGE_SIZE }), []);
  // First pages asked for before their render (askNow), by params; the render's effect takes its own.
  const asked = useRef(new Map<string, ReturnType<typeof fetchPage>>());
  const askNow = useCallback(
    (params: ListParams) => {
      if (!enabled) return;
      const key = JSON.stringify(params);
      if (asked.current.has(key)) return;
      const answer = fetchPage(params, 0);
      asked.current.set(key, answer);
      // One its render never took (typed past it at once): dropped when settled, a failure included.
      const drop = () => {
        if (asked.current.get(key) === answer) asked.current.delete(key);
      };
      answer.then(drop, drop);
    },
    [enabled, fetchPage],
  );

  // A new search (or sort, or archive toggle): fetch its first page; show it when it arrives.
  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    const p = JSON.parse(key) as ListParams;
    // New params are loading already (the rows shown are another key's): only a retry of the params
    // shown needs saying so, and saying it at every keystroke would draw the screen once more for nothing.
    if (shownRef.current?.key === key) setLoadingFirst(true);
    // The answer the keystroke already asked for, if it did (a retry finds none and asks again).
    const early = asked.current.get(key);
    asked.current.delete(key);
    (early ?? fetchPage(p, 0)).then(
      (result) => {
        if (!current) return;
        const cache: Cache = { key, params: p, total: result.total, capped: result.capped, pages: new Map([[0, keepUnchanged(shownRef.current?.pages.values() ?? [], result.rows)]]), loading: new Set() };
        shownRef.current = cache;
        setShown(cache);
        setError(null);
        setLoadingFirst(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(e instanceof ApiCallError ? e : new ApiCallError('patients.list', 'INTERNAL', 'The patient list could not be loaded.'));
        setLoadingFirst(false);
      },
    );
    return () => {
      current = false;
    };
  }, [key, enabled, nonce, fetchPage]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      const cache = shownRef.current;
      if (!cache || cache.total === 0) return;
      const last = Math.min(end, cache.total - 1);
      for (let page = Math.floor(Math.max(0, start) / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
        if (cache.pages.has(page) || cache.loading.has(page)) continue;
        cache.loading.add(page);
        fetchPage(cache.params, page).then(
          (result) => {
            cache.loading.delete(page);
            cache.pages.set(page, result.rows);
            if (shownRef.current === cache) setTick((t) => t + 1);
          },
          () => {
            // Leave the page missing: it is asked for again when it next scrolls into view.
            cache.loading.delete(page);
          },
        );
      }
    },
    [fetchPage],
  );

  const row = useCallback((index: number) => shown?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], [shown]);

  return {
    total: shown?.total ?? null,
    capped: shown?.capped ?? false,
    shownKey: shown?.key ?? null,
    shownParams: shown?.params ?? null,
    row,
    askNow,
    ensureRange,
    loading: loadingFirst || shown?.key !== key,
    error,
    retry: () => setNonce((n) => n + 1),
  };
}
