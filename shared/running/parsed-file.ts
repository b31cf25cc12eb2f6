import type { ImportedActivity, ImportRefusal } from './activity';
import type { ActivityAnalysis } from './analysis';

// Beside activity.ts rather than in it: the analysis reads an ImportedActivity, and a parsed file
// carries the analysis, so the two types in one file would import each other.

/** One activity found in a file: a FIT with two sessions or a zip gives several. */
export type ParsedFile =
  | { ok: true; sourceName: string; archiveName?: string; activity: ImportedActivity; warnings: string[]; analysis: ActivityAnalysis }
  | { ok: false; sourceName: string; archiveName?: string; reason: ImportRefusal };
