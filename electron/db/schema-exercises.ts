import type { Generated } from 'kysely';

/** The clinic's own and edited exercises (migration 0012, issue #14); seeded ones live in code. */
export interface ExercisesTable {
  id: Generated<number>;
  exerciseKey: string;
  origin: 'seeded' | 'clinic';
  createdBy: number;
  createdAt: string;
  archivedAt: string | null;
  archivedBy: number | null;
}

/** One saved version of an exercise; never updated or deleted. */
export interface ExerciseVersionsTable {
  id: Generated<number>;
  exerciseId: number;
  version: number;
  bodyJson: string;
  createdBy: number;
  createdAt: string;
}
