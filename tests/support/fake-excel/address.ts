// A1 addresses as Excel reads them: column letters and row numbers, "$"
// ignored, whole columns ("A:A") and whole rows ("1:1"), within Excel's grid
// of 1,048,576 rows by 16,384 columns (Microsoft, "Excel specifications and
// limits", support.microsoft.com/office/1672b34d-7043-467e-8e27-269d656771c3).

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function colLetters(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** A rectangle of cells, 1-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The cells an A1 address covers; no address is the whole sheet, as
 * Worksheet.getRange() with no argument (Office.js reference:
 * Excel.Worksheet.getRange, "If not specified, the entire worksheet range is
 * returned"). Throws InvalidArgument on an address it cannot read.
 */
export function parseRange(a1?: string): Box {
  if (a1 === undefined) return { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COL };
  const [a, b = a] = a1.replace(/\$/g, '').toUpperCase().split(':') as [string, string?];
  const part = (p: string) => {
    const m = /^([A-Z]*)(\d*)$/.exec(p);
    if (!m) throw new Error(`InvalidArgument: bad address ${a1}`);
    return { col: m[1] ? colNumber(m[1]) : 0, row: m[2] ? Number(m[2]) : 0 };
  };
  const p = part(a);
  const q = part(b);
  return {
    top: p.row || 1,
    left: p.col || 1,
    bottom: q.row || MAX_ROW,
    right: q.col || MAX_COL,
  };
}

/** The A1 address of one cell: the key of FakeSheet.cells. */
export const key = (row: number, col: number) => `${colLetters(col)}${row}`;

export const boxAddress = (b: Box) =>
  b.top === b.bottom && b.left === b.right
    ? key(b.top, b.left)
    : `${key(b.top, b.left)}:${key(b.bottom, b.right)}`;

export const inside = (row: number, col: number, b: Box) =>
  row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;

export const intersects = (a: Box, b: Box) =>
  !(a.bottom < b.top || a.top > b.bottom || a.right < b.left || a.left > b.right);

/** A sheet name as a reference writes it: quoted unless plain letters, digits and "_". */
export const quoteSheet = (name: string) => (/^[A-Za-z0-9_]+$/.test(name) ? name : `'${name}'`);
