import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ApiCallError } from '../api/errors';

/**
 * Puts a server's field messages next to the fields they belong to. `prefix` is the request's
 * nesting the form does not have (patients.update sends { patient: {...} }, so its messages come
 * as "patient.dateOfBirth"). Returns what did not land on a field, for a banner above the form.
 */
export function applyServerErrors<T extends FieldValues>(
  error: ApiCallError,
  setError: UseFormSetError<T>,
  fieldNames: readonly string[],
  options: { prefix?: string } = {},
): { unplaced: string[]; placed: number } {
  const known = new Set(fieldNames);
  const unplaced: string[] = [];
  let placed = 0;
  for (const [rawPath, message] of Object.entries(error.fields)) {
    if (rawPath.startsWith('_')) continue; // data for the screen (e.g. _duplicate), not a message
    const path = options.prefix && rawPath.startsWith(options.prefix) ? rawPath.slice(options.prefix.length) : rawPath;
    if (known.has(path)) {
      setError(path as Path<T>, { type: 'server', message }, { shouldFocus: placed === 0 });
      placed++;
    } else {
      unplaced.push(message);
    }
  }
  return { unplaced, placed };
}

/** Every leaf path of an object of default values ("clinic.name", "admin.username", …). */
export function leafPaths(values: object, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) out.push(...leafPaths(value as object, path));
    else out.push(path);
  }
  return out;
}
