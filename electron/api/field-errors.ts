import type { z } from 'zod';

/**
 * zod issues → { "legalLastName": "Legal last name is required", … } (first message per field). Its own
 * module: the dispatcher and handlers (clinic-policy) both use it, and handlers must not import the
 * dispatcher that imports them.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
