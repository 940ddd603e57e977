export * from './choose.ts';
export * from './limits.ts';
export { XLSX_MEDIA_TYPE } from './media-type.ts';
export * from './problems.ts';
export * from './read.ts';
export type { GridValue, SheetGrid } from './sheet-grid.ts';
