/** Episodes of care, visit notes (SOAP, billing lines, copy forward, signing), the body chart and attachments. */
export * from './vocab';
export * from './body-chart';
export * from './body-outline';
export * from './episode';
export * from './note-content';
export * from './billing-lines';
export * from './canonical';
export * from './copy-forward';
export * from './describe';
export * from './sign-check';
export * from './running-summary';
export * from './note';
export * from './attachment';
