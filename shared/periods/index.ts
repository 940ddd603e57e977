export * from './dates.ts';
export * from './kinds.ts';
export * from './period.ts';
