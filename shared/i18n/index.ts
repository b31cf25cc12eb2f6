/** Patient-facing words in the patient's language: the tables and the lookup that reports what is missing. */
export * from './languages';
export * from './translate';
export * from './dosage-phrases';
export * from './exercises-es';
export * from './plan-phrases';
