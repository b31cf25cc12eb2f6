import type { ChannelName } from '../../../shared/api/contract';
import type { ErrorCode } from '../../../shared/api/errors';

/** The contract's error codes plus one the client adds itself: the other side did not answer. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

/** What every failed `call()` throws: the server's code, plain-language message and field messages. */
export class ApiCallError extends Error {
  readonly code: ClientErrorCode;
  /** Dotted field path → message ("clinic.name" → "Clinic name is required"). Empty when none. */
  readonly fields: Readonly<Record<string, string>>;
  readonly channel: ChannelName | null;

  constructor(channel: ChannelName | null, code: ClientErrorCode, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiCallError';
    this.channel = channel;
    this.code = code;
    this.fields = fields;
  }
}

export function isApiCallError(error: unknown): error is ApiCallError {
  return error instanceof ApiCallError;
}

/** A message fit for the screen, whatever was thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  return 'Something went wrong in this window. Nothing was saved; try again.';
}
