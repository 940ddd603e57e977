export * from './a1.ts';
export * from './columns.ts';
export * from './metadata.ts';
export * from './rules.ts';
export * from './sheet.ts';
