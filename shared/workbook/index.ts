export * from './choose.ts';
export * from './limits.ts';
export * from './problems.ts';
export * from './read.ts';
export type { GridValue, SheetGrid } from './sheet-grid.ts';
