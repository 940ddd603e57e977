// The machine-readable identity of a progress sheet, kept in one visible,
// locked cell above the table. One cell (not a hidden sheet, a named range or
// document properties) so that it survives copying the sheet to another
// workbook, saving from LibreOffice or WPS, and uploading as .xlsx.
//
//   Mã mẫu biểu (không sửa / do not edit): plan=58-KH-UBND-2022; agency=P-TP; period=2026-Q1; layout=1

export const META_PREFIX = 'Mã mẫu biểu (không sửa / do not edit):';

/**
 * How the metadata cell looks wherever a sheet is made (the add-in, the .xlsx
 * template): small, italic, mid grey (RGB hex), so the code line stays in the
 * sheet for the validator and the upload reader but does not dominate the
 * printout (issue 14). Points for `size`.
 */
export const META_LOOK = { size: 8, italic: true, color: '808080' } as const;

export interface SheetMetadata {
  plan: string;
  agency: string;
  period: string;
  layout: number;
}

export function formatMetadata(m: SheetMetadata): string {
  return `${META_PREFIX} plan=${m.plan}; agency=${m.agency}; period=${m.period}; layout=${m.layout}`;
}

/** True when a cell looks like a metadata cell, even a damaged one. */
export function looksLikeMetadata(value: unknown): value is string {
  return typeof value === 'string' && /\bplan\s*=/.test(value) && /\blayout\s*=/.test(value);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FIELD = '[^;\\s]+';
/** The whole cell as formatMetadata writes it, and nothing else. */
const EXACT = new RegExp(
  `^${escapeRegExp(META_PREFIX)} plan=${FIELD}; agency=${FIELD}; period=${FIELD}; layout=\\d+$`,
);

/**
 * True when the whole cell (trimmed, NFC) is a metadata cell as
 * formatMetadata writes it. Text the product writes elsewhere on the sheet
 * (the title with the agency's name, the plan's text) may contain "plan=" and
 * "layout=" (an agency renamed so), but never is this whole cell.
 */
export function isExactMetadata(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= MAX_METADATA_LENGTH &&
    EXACT.test(value.trim().normalize('NFC'))
  );
}

/**
 * Longer than any metadata cell formatMetadata writes (about 100
 * characters), with room to spare: a longer cell is not normalized, since
 * every cell above the metadata cell is tested and one shared string may
 * fill them all (issue 16's third test round: 118 s from a 35 KB file).
 */
const MAX_METADATA_LENGTH = 1_000;

/**
 * The metadata cell among `cells` (in reading order, row by row): the first
 * exact one (isExactMetadata), else the first that only looks like one (a
 * damaged cell, reported field by field). So a title or name that imitates
 * the metadata never stands in for the sheet's own intact cell, wherever it
 * is. Null when none looks like one.
 */
export function pickMetadataCell<T>(cells: Iterable<T>, text: (cell: T) => unknown): T | null {
  let damaged: T | null = null;
  for (const cell of cells) {
    const value = text(cell);
    if (isExactMetadata(value)) return cell;
    if (damaged === null && looksLikeMetadata(value)) damaged = cell;
  }
  return damaged;
}

/** The fields found in a metadata cell; absent keys are undefined. */
export function parseMetadata(value: string): Partial<Record<keyof SheetMetadata, string>> {
  const out: Partial<Record<keyof SheetMetadata, string>> = {};
  for (const m of value.matchAll(/\b(plan|agency|period|layout)\s*=\s*([^;\s]*)/g)) {
    const key = m[1] as keyof SheetMetadata;
    if (out[key] === undefined) out[key] = m[2] ?? '';
  }
  return out;
}
