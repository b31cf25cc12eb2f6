import { createContext, useContext, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { PatientSort } from '../../../shared/domain/patient';

/** What the patient list remembers while you look at a chart, so Back returns to the same place. */
export interface PatientListMemory {
  query: string;
  includeArchived: boolean;
  /** null: the default (best match while searching, otherwise by name). */
  sort: { key: Exclude<PatientSort, 'relevance'>; direction: 'asc' | 'desc' } | null;
  scrollTop: number;
  highlight: number;
}

export const initialListMemory: PatientListMemory = { query: '', includeArchived: false, sort: null, scrollTop: 0, highlight: 0 };

interface ShellState {
  patientList: RefObject<PatientListMemory>;
  /** Bumped by "/" or Ctrl+K: the patient search takes focus. */
  searchFocusRequest: number;
  requestSearchFocus: () => void;
}

const ShellStateContext = createContext<ShellState | null>(null);

/** Per-session screen state; the shell is keyed on the session, so another user starts clean. */
export function ShellStateProvider({ children }: { children: ReactNode }) {
  const patientList = useRef<PatientListMemory>({ ...initialListMemory });
  const [searchFocusRequest, setRequest] = useState(0);
  const value = useMemo(() => ({ patientList, searchFocusRequest, requestSearchFocus: () => setRequest((n) => n + 1) }), [searchFocusRequest]);
  return <ShellStateContext.Provider value={value}>{children}</ShellStateContext.Provider>;
}

export function useShellState(): ShellState {
  const value = useContext(ShellStateContext);
  if (!value) throw new Error('useShellState outside ShellStateProvider');
  return value;
}
