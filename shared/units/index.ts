/** One place for every unit the app shows: distance, pace, speed and elapsed time. */
export * from './distance';
export * from './pace';
export * from './duration';
