import { useCallback, useEffect, useRef, useState } from 'react';
import type { BillingSummary } from '../../../../shared/charting/billing-lines';
import type { NoteContent, NoteType } from '../../../../shared/charting/note-content';
import { call } from '../../api/client';
import { ApiCallError, messageOf } from '../../api/errors';
import { sessionStore } from '../../api/session';
import { clearBackup, writeBackup } from './draftBackup';

export type SaveStatus =
  | { kind: 'saved'; at: string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** The server did not take it (locked screen, connection): kept here and tried again. */
  | { kind: 'retrying'; message: string }
  /** Another window saved a newer version: autosave stops so neither overwrites the other. */
  | { kind: 'conflict'; message: string };

export interface DraftState {
  type: NoteType;
  dateOfService: string;
  content: NoteContent;
}

const RETRY_MS = 4000;

/**
 * Saves a draft while it is written: a short pause after typing, when the window is hidden, and on
 * demand (before signing). Saves never overlap and always name the revision they were made on. Every
 * change is also kept on this computer until the server has it (draftBackup.ts).
 */
export function useAutosave(options: { noteId: number; revision: number; draft: DraftState; enabled: boolean; delayMs?: number; onSaved?: (billing: BillingSummary) => void }) {
  const { noteId, draft, enabled } = options;
  const delay = options.delayMs ?? 1200;
  const revision = useRef(options.revision);
  const latest = useRef(draft);
  const savedJson = useRef(JSON.stringify(draft));
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopped = useRef(false);
  const onSaved = useRef(options.onSaved);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: null });

  useEffect(() => {
    onSaved.current = options.onSaved;
  });

  const saveOnce = useCallback(async (): Promise<void> => {
    const sending = latest.current;
    const json = JSON.stringify(sending);
    if (json === savedJson.current || stopped.current) return;
    setStatus({ kind: 'saving' });
    try {
      const r = await call('notes.saveDraft', { id: noteId, revision: revision.current, type: sending.type, dateOfService: sending.dateOfService, content: sending.content });
      revision.current = r.revision;
      savedJson.current = json;
      onSaved.current?.(r.billing);
      if (JSON.stringify(latest.current) === json) {
        clearBackup(noteId);
        setStatus({ kind: 'saved', at: r.updatedAt });
      } else setStatus({ kind: 'pending' });
    } catch (error) {
      if (error instanceof ApiCallError && (error.code === 'CONFLICT' || error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) {
        stopped.current = true;
        setStatus({ kind: 'conflict', message: messageOf(error) });
        return;
      }
      setStatus({ kind: 'retrying', message: error instanceof ApiCallError && error.code === 'LOCKED' ? 'The screen is locked: your changes are kept here and saved after you sign in again.' : messageOf(error) });
      throw error;
    }
  }, [noteId]);

  /** Saves now (waiting for a save already under way) and resolves with the revision the server holds. */
  const flush = useCallback(async (): Promise<number> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (inFlight.current) await inFlight.current.catch(() => undefined);
    if (JSON.stringify(latest.current) !== savedJson.current) {
      const p = saveOnce();
      inFlight.current = p;
      try {
        await p;
      } finally {
        inFlight.current = null;
      }
    }
    return revision.current;
  }, [saveOnce]);

  const schedule = useCallback(
    (ms: number) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        // Nothing can be saved while the screen is locked; look again a little later.
        if (sessionStore.isLocked()) return schedule(RETRY_MS);
        flush().catch(() => schedule(RETRY_MS));
      }, ms);
    },
    [flush],
  );

  useEffect(() => {
    latest.current = draft;
    if (!enabled || stopped.current) return;
    const json = JSON.stringify(draft);
    if (json === savedJson.current) return;
    writeBackup({ noteId, baseRevision: revision.current, ...draft, at: new Date().toISOString() });
    setStatus((s) => (s.kind === 'retrying' ? s : { kind: 'pending' }));
    schedule(delay);
  }, [draft, enabled, noteId, delay, schedule]);

  // A hidden window (another app, a closed laptop) saves at once; so does leaving the note.
  useEffect(() => {
    if (!enabled) return undefined;
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush().catch(() => schedule(RETRY_MS));
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      if (timer.current) clearTimeout(timer.current);
      if (!stopped.current && JSON.stringify(latest.current) !== savedJson.current) void flush().catch(() => undefined);
    };
  }, [enabled, flush, schedule]);

  /** After a reload from the server (another window's version): start again from it. */
  const reset = useCallback((next: { revision: number; draft: DraftState }) => {
    revision.current = next.revision;
    latest.current = next.draft;
    savedJson.current = JSON.stringify(next.draft);
    stopped.current = false;
    clearBackup(noteId);
    setStatus({ kind: 'saved', at: null });
  }, [noteId]);

  return { status, flush, reset, revision: () => revision.current, dirty: () => JSON.stringify(latest.current) !== savedJson.current };
}
