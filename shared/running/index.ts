export * from './activity';
export * from './geo';
export * from './run-walk-segmentation';
export * from './sport';
