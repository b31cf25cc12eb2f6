import type { ApiResult } from '../../shared/api/errors';

/** The demo builds its clinic through the API; a refused call is a bug in the demo, so it stops. */
export async function must<T>(call: Promise<ApiResult<unknown>>, what: string): Promise<T> {
  const r = await call;
  if (!r.ok) throw new Error(`demo: ${what}: ${r.error.message}`);
  return r.value as T;
}
