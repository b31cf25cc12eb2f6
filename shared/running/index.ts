export * from './activity';
export * from './geo';
export * from './run-walk-segmentation';
export * from './run-walk-detection';
export * from './sport';
