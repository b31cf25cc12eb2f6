/** Error codes that cross the API boundary as data (never as thrown exceptions or stacks). */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'LOCKED',
  'UNKNOWN_CHANNEL',
  /** Not now, through no fault of the request: the app is closing, or another program holds the database. Nothing was done. */
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  /** Field path (dot-joined) → plain-language message, for forms. */
  fields?: Record<string, string>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/**
 * An expected failure a handler raises on purpose. `commit` keeps the transaction's writes (a failed
 * sign-in must still count the attempt and be audited); by default everything is rolled back.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly commit: boolean;
  constructor(code: ErrorCode, message: string, options: { fields?: Record<string, string>; commit?: boolean } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = options.fields;
    this.commit = options.commit ?? false;
  }
}

/** HTTP status used by web mode for each code (the body is the ApiResult either way). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  LOCKED: 423,
  UNKNOWN_CHANNEL: 404,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};
