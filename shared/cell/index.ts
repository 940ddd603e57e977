export { foldLookAlikes, foreignLetters, type LookAlike } from './look-alike.ts';
export {
  type CellReading,
  formulaOf,
  type HostCell,
  isExcelError,
  printable,
  readCell,
} from './read-cell.ts';
