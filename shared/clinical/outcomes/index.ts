export * from './change';
export * from './odi';
export * from './nprs';
export * from './psfs';
export * from './rolandMorris';
export * from './startBack';
