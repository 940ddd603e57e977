export * from './cells.ts';
export * from './findings.ts';
export * from './validate.ts';
