export * from './cpt';
export * from './eightMinuteRule';
export * from './icd10';
export * from './modifiers';
