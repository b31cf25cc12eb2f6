/**
 * Canonical JSON: object keys sorted at every level, no whitespace, arrays in order. The same value
 * always gives the same text, so a SHA-256 of it identifies a signed note's content exactly.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('Canonical JSON has no NaN or Infinity');
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What a signed note's hash covers: identity, content, the billed lines, the episode as signed (diagnoses, goals, plan of care), and the signature. */
export interface SignedNotePayload {
  noteId: number;
  patientId: number;
  episodeId: number;
  type: string;
  dateOfService: string;
  content: unknown;
  billing: unknown;
  episode: unknown;
  signedBy: { id: number; name: string };
  signedAt: string;
}

/** What an addendum's hash covers, including the hash of the note it corrects. */
export interface AddendumPayload {
  noteId: number;
  noteHash: string;
  text: string;
  author: { id: number; name: string };
  signedAt: string;
}
