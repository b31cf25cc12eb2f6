import type { ReactNode } from 'react';
import type { ChannelName } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import { createClient, setClient } from '../../../renderer/src/api/client';
import { sessionStore } from '../../../renderer/src/api/session';
import type { Transport } from '../../../renderer/src/api/transport';
import { ClinicContext, clinicInfoOf, type ClinicInfo } from '../../../renderer/src/app/clinic';
import { RouterProvider } from '../../../renderer/src/app/router';
import { ConfirmProvider } from '../../../renderer/src/components/ConfirmDialog';
import { QueryProvider } from '../../../renderer/src/api/QueryProvider';

export const testClinic: ClinicInfo = clinicInfoOf(
  {
    user: { id: 1, username: 'dana', displayName: 'Dana Whitfield', role: 'admin' },
    clinicName: 'Lakeshore Run & Spine',
    timeZone: 'America/Chicago',
    distanceUnit: 'mi',
    idleLockMinutes: 10,
    country: 'US',
    dateOrder: 'MDY',
    timeFormat: '12h',
    weekStartsOn: 'monday',
  },
  () => {},
);

/** A fake server: answers per channel; records every call. */
export function fakeServer(answers: Partial<Record<ChannelName, (input: unknown) => ApiResult<unknown>>>) {
  const calls: { channel: ChannelName; input: unknown }[] = [];
  const transport = (async (channel: ChannelName, input: unknown) => {
    calls.push({ channel, input });
    const answer = answers[channel];
    if (!answer) return { ok: false, error: { code: 'INTERNAL', message: `no fake answer for ${channel}` } };
    return answer(input);
  }) as unknown as Transport;
  sessionStore.begin({ sessionToken: 'test-session', user: testClinic.user, idleLockMinutes: 10 });
  setClient(createClient({ transport, session: sessionStore }));
  return { calls };
}

/** The same clinic writing dates day first on a 24-hour clock (a UK clinic). */
export const dayFirstClinic: ClinicInfo = clinicInfoOf({ ...testClinic, country: 'GB', dateOrder: 'DMY', timeFormat: '24h', distanceUnit: 'km' }, () => {});

export function SignedInProviders({ children, clinic = testClinic }: { children: ReactNode; clinic?: ClinicInfo }) {
  return (
    <QueryProvider>
      <ClinicContext.Provider value={clinic}>
      <ConfirmProvider>
        <RouterProvider>{children}</RouterProvider>
        </ConfirmProvider>
      </ClinicContext.Provider>
    </QueryProvider>
  );
}

