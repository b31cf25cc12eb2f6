/**
 * The patient search's own index tables (migrations 0016 and 0017): derived from `patients` by
 * triggers, never written by a handler, and left out of the clinic's export (`isSearchIndexTable`).
 */

/**
 * The phone and MRN tokens of the search index, one row per patient and distinct token, kept by
 * triggers on patients (migration 0016): a typed number prefix is a range of its primary key, and
 * its matches are put in name order from that range alone.
 */
export interface PatientNumbersTable {
  /** Phone digits whole and their last 10, 7 and 4; the MRN in lower case, its digits and their number. */
  token: string;
  patientId: number;
  /** The patient's name keys and whether they are archived (1) or not (0), as on their row. */
  lastNameKey: string;
  firstNameKey: string;
  archived: number;
}

/**
 * The name words of every patient with their name keys, one row per patient and distinct word, kept
 * by triggers on patients (migration 0017): a typed word is a range of its primary key, and a few
 * hundred matches are sorted from that range alone. Only words the FTS index surely holds too.
 */
export interface PatientNameTokensTable {
  /** A word of the name keys or of a plain-ASCII preferred name (lower case), split at spaces and name marks. */
  token: string;
  lastNameKey: string;
  firstNameKey: string;
  patientId: number;
  /** 1 when the patient is archived, as on their row. */
  archived: number;
  /** All the patient's words here, each after a space, with a space at the end (" jose luis aguayo "). */
  words: string;
}
