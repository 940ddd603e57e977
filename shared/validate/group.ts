// Findings in the order a person fixes them: errors first, then warnings,
// each top to bottom, left to right on the sheet. The task pane, the web page
// and the command line list them alike.
import type { Finding } from './findings.ts';

/** Row-major position of an A1 address ("AB12" → row 12, column 28); unknown cells go first. */
export function cellOrder(cell: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(cell.trim().toUpperCase());
  if (!m) return [0, 0];
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

export function groupFindings(findings: readonly Finding[]): {
  errors: Finding[];
  warnings: Finding[];
} {
  const sorted = [...findings].sort((a, b) => {
    const [ra, ca] = cellOrder(a.cell);
    const [rb, cb] = cellOrder(b.cell);
    return ra - rb || ca - cb;
  });
  return {
    errors: sorted.filter((f) => f.severity === 'error'),
    warnings: sorted.filter((f) => f.severity !== 'error'),
  };
}
