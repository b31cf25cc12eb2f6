import { useState } from 'react';
import { messageOf } from '../../api/errors';

export type Feedback = { tone: 'success' | 'error'; text: string } | null;

/**
 * Retiring and bringing back a room or an appointment type: which row is being saved, and what to
 * say after (the row keeps its history either way).
 */
export function useActiveToggle<T extends { id: number; name: string; active: boolean }>(save: (item: T) => Promise<unknown>) {
  const [busy, setBusy] = useState<number | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const toggle = async (item: T) => {
    setBusy(item.id);
    setFeedback(null);
    try {
      await save(item);
      setFeedback({ tone: 'success', text: item.active ? `${item.name} is retired.` : `${item.name} is in use again.` });
    } catch (e) {
      setFeedback({ tone: 'error', text: messageOf(e) });
    } finally {
      setBusy(null);
    }
  };
  return { busy, feedback, setFeedback, toggle };
}
