import { useEffect, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiCallError } from './errors';
import { onWrite } from './client';
import { staleAfter, type Area } from './areas';
import { sessionStore } from './session';

/** Answers that asking again will not change. */
const FINAL_CODES = new Set(['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED', 'LOCKED', 'CONFLICT']);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Others book and chart too: look again when the window comes back (not while locked).
        refetchOnWindowFocus: () => !sessionStore.isLocked(),
        retry: (count, error) => count < 1 && !(error instanceof ApiCallError && FINAL_CODES.has(error.code)),
        staleTime: 0,
        gcTime: 5 * 60_000,
      },
    },
  });
}

/** After a write, every cached read of the areas it can change is asked again (on screen now, or when next shown). */
export function invalidateAfterWrite(client: QueryClient, channel: Parameters<typeof staleAfter>[0]): Promise<void> {
  const areas = new Set<Area>(staleAfter(channel));
  return client.invalidateQueries({ predicate: (q) => areas.has(q.queryKey[0] as Area) });
}

/**
 * One query cache per signed-in session (SignedInApp is keyed on the session, so the next user starts
 * with nothing cached), listening to every successful write made through `call`.
 */
export function QueryProvider({ children, client: given }: { children: ReactNode; client?: QueryClient }) {
  const [client] = useState(() => given ?? createQueryClient());
  useEffect(() => onWrite((channel) => void invalidateAfterWrite(client, channel)), [client]);
  useEffect(() => () => client.clear(), [client]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
