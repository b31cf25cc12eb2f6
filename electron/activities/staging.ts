import { randomBytes } from 'node:crypto';
import type { ParsedFile } from '../../shared/running/parsed-file';
import { expandActivityFile, type PendingActivityFile } from './index';

/** A staged import is forgotten after this long without use (nothing was written for it anyway). */
const STAGE_TTL_MS = 2 * 3_600_000;

export interface StagedItem {
  itemId: string;
  pending: PendingActivityFile;
  /** Filled in when previewed: one file (a multisport FIT) can hold several activities. */
  parsed: ParsedFile[] | null;
}

/** What identifies one recording of an activity apart from its bytes: what the device recorded, not how detection split it. */
export interface RecordedSpan {
  /** Start instant, ms since the epoch. */
  ms: number;
  /** Elapsed time, seconds. */
  durationS: number;
  distanceM: number;
}

/** What the preview has seen so far, so a second copy of one activity in the same import is called a duplicate. */
export interface BatchSeen {
  /** Identity (content hash + leg) → the file name that first had it. */
  identities: Map<string, string>;
  /** Start, elapsed time and distance of every activity ready so far, for the same run in other bytes (a FIT and its GPX export). */
  starts: Array<RecordedSpan & { fileName: string }>;
}

export interface Stage {
  id: string;
  patientId: number;
  userId: number;
  files: StagedItem[];
  /** How many files have been read so far. */
  cursor: number;
  seen: BatchSeen;
  touchedAt: number;
}

/**
 * Imports in progress, held in memory between "preview" and "commit": the files a user handed over,
 * read a few at a time so a long import shows progress and can be cancelled. Nothing is written to
 * the database until commit, so a cancelled or crashed import leaves no trace. Once an activity is
 * previewed its samples are dropped (the preview keeps its intervals and totals), so a
 * 1,000-activity import does not hold 1,000 tracks.
 */
export class ImportStaging {
  private readonly stages = new Map<string, Stage>();

  create(patientId: number, userId: number, files: { name: string; bytes: Uint8Array }[], now: number): Stage {
    this.sweep(now);
    const items: StagedItem[] = [];
    for (const f of files) {
      for (const pending of expandActivityFile(f.name, f.bytes)) items.push({ itemId: String(items.length), pending, parsed: null });
    }
    const stage: Stage = { id: randomBytes(12).toString('base64url'), patientId, userId, files: items, cursor: 0, seen: { identities: new Map(), starts: [] }, touchedAt: now };
    this.stages.set(stage.id, stage);
    return stage;
  }

  /** The stage, if it exists and belongs to this user. */
  get(id: string, userId: number, now: number): Stage | null {
    this.sweep(now);
    const stage = this.stages.get(id);
    if (!stage || stage.userId !== userId) return null;
    stage.touchedAt = now;
    return stage;
  }

  discard(id: string): boolean {
    return this.stages.delete(id);
  }

  private sweep(now: number) {
    for (const [id, s] of this.stages) if (now - s.touchedAt > STAGE_TTL_MS) this.stages.delete(id);
  }
}

/** Drops the samples of a previewed activity; what commit needs (totals, intervals) stays. */
export function withoutSamples(parsed: ParsedFile): ParsedFile {
  if (parsed.ok) return { ...parsed, activity: { ...parsed.activity, samples: [] } };
  const r = parsed.reason;
  if (r.code === 'NOT_A_RUN' || r.code === 'NOT_ON_FOOT') return { ...parsed, reason: { ...r, activity: { ...r.activity, samples: [] } } };
  return parsed;
}
