import { useEffect, useRef } from 'react';
import './UndoToast.css';

export interface UndoToastState {
  id: number;
  message: string;
  onUndo: () => void;
}

/**
 * "Run deleted. Undo" for a few seconds at the bottom of the screen, then gone. Announced politely;
 * the Undo button is reachable from the keyboard (and Ctrl+Z while it shows).
 */
export function UndoToast({ toast, onDone, seconds = 8 }: { toast: UndoToastState | null; onDone: () => void; seconds?: number }) {
  const doneRef = useRef(onDone);
  useEffect(() => {
    doneRef.current = onDone;
  });
  useEffect(() => {
    if (!toast) return undefined;
    const timer = window.setTimeout(() => doneRef.current(), seconds * 1000);
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !(event.target instanceof HTMLInputElement) && !(event.target instanceof HTMLTextAreaElement)) {
        event.preventDefault();
        toast.onUndo();
        doneRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, [toast, seconds]);

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast" key={toast.id}>
          <span>{toast.message}</span>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              toast.onUndo();
              onDone();
            }}
          >
            Undo
          </button>
        </div>
      )}
    </div>
  );
}
