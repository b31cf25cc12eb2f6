/**
 * The clinical rules engine: running metrics, pain monitoring, the run-walk planner, outcome scoring,
 * reassessment change and billing units. Pure: no I/O, no clock; every rule cites its source.
 */
export * from './evidence';
export * from './sources';
export * from './calendar';
export * from './policy';
export * from './rules';
export * from './rulesText';
export * from './runs';
export * from './redFlags';
export * from './history';
export * from './ladder';
export * from './metrics';
export * from './pain';
export * from './reassessment';
export * from './gates';
export * from './exercises';
export * from './library';
export * from './researchContext';
export * from './prescription';
export * from './planner';
export * from './case';
export * from './examples';
export * from './docs';
export * from './json';
export * from './outcomes';
export * from './billing';
export * from './documentation';
export * from './reassessmentDue';
