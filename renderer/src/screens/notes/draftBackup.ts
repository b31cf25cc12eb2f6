import { noteContentSchema, NOTE_TYPES, type NoteContent, type NoteType } from '../../../../shared/charting/note-content';

/**
 * The last few seconds of a draft, kept on this computer until the server has them: if the window
 * closes, the app crashes or the connection drops between two autosaves, the note reopens with what
 * was typed. An entry is removed as soon as the server holds the same content, so clinical text stays
 * on this computer only while it is unsaved.
 */
export interface DraftBackup {
  noteId: number;
  /** The server revision the edits were made on. */
  baseRevision: number;
  type: NoteType;
  dateOfService: string;
  content: NoteContent;
  /** When it was typed (ISO), to say "your changes from 10:42". */
  at: string;
}

const key = (noteId: number) => `runback.noteDraft.${noteId}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function writeBackup(backup: DraftBackup): void {
  try {
    storage()?.setItem(key(backup.noteId), JSON.stringify(backup));
  } catch {
    // A full or blocked storage only loses the local copy; the autosave still runs.
  }
}

export function readBackup(noteId: number): DraftBackup | null {
  const text = storage()?.getItem(key(noteId));
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as Partial<DraftBackup>;
    const content = noteContentSchema.safeParse(raw.content);
    if (!content.success || raw.noteId !== noteId || typeof raw.baseRevision !== 'number' || !NOTE_TYPES.includes(raw.type as NoteType) || typeof raw.dateOfService !== 'string' || typeof raw.at !== 'string') return null;
    return { noteId, baseRevision: raw.baseRevision, type: raw.type as NoteType, dateOfService: raw.dateOfService, content: content.data, at: raw.at };
  } catch {
    return null;
  }
}

export function clearBackup(noteId: number): void {
  storage()?.removeItem(key(noteId));
}
