import type { Generated } from 'kysely';

/** Charting's tables (migration 0006): episodes of care, their goals, visit notes, addenda, attachments. */
export interface EpisodesTable {
  id: Generated<number>;
  patientId: number;
  startDate: string;
  referralType: 'self' | 'physician';
  referralName: string | null;
  referralNpi: string | null;
  referralDate: string | null;
  /** The referring physician's letter address, phone and fax (migration 0014); the address is whole or absent. */
  referralAddressLine1: string | null;
  referralAddressLine2: string | null;
  referralCity: string | null;
  referralRegion: string | null;
  referralPostalCode: string | null;
  referralPhone: string | null;
  referralFax: string | null;
  onsetDate: string | null;
  mechanism: string | null;
  /** JSON [{letter, code, title, checked}], primary first (A–L). */
  diagnosesJson: Generated<string>;
  visitsPerWeek: number | null;
  weeks: number | null;
  certStart: string | null;
  certEnd: string | null;
  /** Null while the episode is open (the patient's current one). */
  dischargedOn: string | null;
  dischargeReason: string | null;
  dischargeSummary: string | null;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
}

export interface EpisodeGoalsTable {
  id: Generated<number>;
  episodeId: number;
  term: 'short' | 'long';
  description: string;
  targetDate: string | null;
  status: Generated<'not_met' | 'partly' | 'met'>;
  sortOrder: number;
  /** A goal taken out of the episode stays for the notes that rated it. */
  removedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NotesTable {
  id: Generated<number>;
  patientId: number;
  episodeId: number;
  appointmentId: number | null;
  authorId: number;
  noteType: 'initial_evaluation' | 'daily' | 'progress' | 'discharge';
  dateOfService: string;
  status: Generated<'draft' | 'signed' | 'discarded'>;
  /** Bumped on every draft save; a save naming an older revision is refused (another window saved). */
  revision: Generated<number>;
  /** The SOAP content (shared/charting/note-content.ts), canonical JSON once signed. */
  contentJson: string;
  /** The computed billing lines (BillingSummary): kept current on drafts, frozen at signing. */
  billingJson: string | null;
  /** The billed lines without their sentences (Billed), for lists and receipts. */
  billedJson: string | null;
  /** The episode as signed (diagnoses the lines point to, goals, plan of care): EpisodeSnapshot. */
  episodeJson: string | null;
  copiedFromNoteId: number | null;
  signedAt: string | null;
  signedBy: number | null;
  signedByName: string | null;
  /** SHA-256 (hex) of the canonical signed payload (shared/charting/canonical.ts). */
  contentHash: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NoteAddendaTable {
  id: Generated<number>;
  noteId: number;
  authorId: number;
  authorName: string;
  text: string;
  signedAt: string;
  contentHash: string;
}

export interface AttachmentsTable {
  id: Generated<number>;
  patientId: number;
  episodeId: number | null;
  kind: 'referral' | 'imaging' | 'outside_notes' | 'other';
  title: string;
  fileName: string;
  mimeType: 'application/pdf' | 'image/jpeg' | 'image/png';
  sizeBytes: number;
  /** The file's SHA-256 (hex); the file is DATA_DIR/attachments/<first two>/<hash>. */
  sha256: string;
  uploadedBy: number;
  uploadedAt: string;
  removedAt: string | null;
  removedBy: number | null;
  removedReason: string | null;
}
