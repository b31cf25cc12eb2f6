import { FLOOR_FRAMES } from './poses-floor';
import { STANDING_FRAMES } from './poses-standing';
import type { KeyFrames } from './render';

/** The project's own exercise drawings: a pose model, its key frames per exercise, one renderer to SVG primitives. */
export * from './pose';
export * from './render';

/** Each seeded exercise's start and end positions, by exercise id. */
export const EXERCISE_FRAMES: Readonly<Record<string, KeyFrames>> = { ...FLOOR_FRAMES, ...STANDING_FRAMES };
export * from './svg-text';
