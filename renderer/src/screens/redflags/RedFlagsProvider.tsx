import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ClinicContact } from '../../../../shared/clinical/redFlags';
import type { RedFlagScreenRecord } from '../../../../shared/domain/redFlags';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { PendingUrgentAlerts, UrgentAlertDialog } from './RedFlagOutcome';

interface RedFlagsState {
  /** The patient's screens, newest first (undefined while loading). */
  screens: readonly RedFlagScreenRecord[] | undefined;
  clinic: ClinicContact | undefined;
  error: string | null;
  /** A screen was just saved: show it at once, open its urgent alert, and fetch the list again. */
  saved: (screen: RedFlagScreenRecord) => void;
  acknowledge: (screen: RedFlagScreenRecord) => Promise<void>;
}

const RedFlagsContext = createContext<RedFlagsState | null>(null);

export function useRedFlags(): RedFlagsState {
  const value = useContext(RedFlagsContext);
  if (!value) throw new Error('useRedFlags outside a RedFlagsProvider');
  return value;
}

/**
 * One patient's red-flag screens for a screen that asks them (the plan tab now, the visit note
 * later): loads them once, keeps any urgent alert not yet acknowledged on top as a banner, and owns
 * the alert dialog, which opens by itself when a screen with a cauda-equina sign is saved.
 */
export function RedFlagsProvider({ patientId, children }: { patientId: number; children: ReactNode }) {
  const query = useQuery('redFlags.list', { patientId });
  const [open, setOpen] = useState<RedFlagScreenRecord | null>(null);
  const { data, setData, refetch } = query;

  const saved = useCallback(
    (screen: RedFlagScreenRecord) => {
      if (data) setData({ ...data, screens: [screen, ...data.screens.filter((s) => s.id !== screen.id)] });
      refetch();
      if (screen.needsAcknowledgement && screen.triage.action === 'urgent-medical') setOpen(screen);
    },
    [data, setData, refetch],
  );

  const acknowledge = useCallback(
    async (screen: RedFlagScreenRecord) => {
      const updated = await call('redFlags.acknowledge', { screenId: screen.id });
      if (data) setData({ ...data, screens: data.screens.map((s) => (s.id === updated.id ? updated : s)) });
      setOpen(null);
    },
    [data, setData],
  );

  const value = useMemo<RedFlagsState>(
    () => ({ screens: data?.screens, clinic: data?.clinic, error: query.error?.message ?? null, saved, acknowledge }),
    [data, query.error, saved, acknowledge],
  );

  return (
    <RedFlagsContext.Provider value={value}>
      {data && <PendingUrgentAlerts screens={data.screens} onOpen={setOpen} />}
      {children}
      {data && <UrgentAlertDialog screen={open} clinic={data.clinic} onClose={() => setOpen(null)} onAcknowledge={acknowledge} />}
    </RedFlagsContext.Provider>
  );
}
