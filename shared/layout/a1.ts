// A1-style cell addresses. Rows and columns here are 1-based, as in Excel.

export function columnLetter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function address(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** 'B7' → { row: 7, col: 2 }; a range 'B7:K20' gives its top-left cell. */
export function parseAddress(a1: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})(?::.*)?$/.exec(a1.trim().replace(/^.*!/, ''));
  if (!m?.[1] || !m[2]) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  return `${address(top, left)}:${address(bottom, right)}`;
}
