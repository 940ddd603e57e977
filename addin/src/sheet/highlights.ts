// Which cells "Kiểm tra" marks: one entry per cell with findings, coloured by
// the worst severity there. Cells next to each other in a column become one
// range so that a sheet full of mistakes stays a handful of rules.
import { address, parseAddress } from '../../../shared/layout/a1.ts';
import type { Finding } from '../../../shared/validate/findings.ts';

export const HIGHLIGHT = { error: '#FDE7E9', warning: '#FFF4CE' } as const;

export interface Highlight {
  range: string;
  severity: 'error' | 'warning';
}

export function highlightsFor(findings: readonly Finding[]): Highlight[] {
  const worst = new Map<string, 'error' | 'warning'>();
  for (const f of findings) {
    const at = parseAddress(f.cell);
    if (!at) continue;
    const key = address(at.row, at.col);
    if (worst.get(key) !== 'error') worst.set(key, f.severity);
  }
  const cells = [...worst].map(([a, severity]) => ({
    ...(parseAddress(a) ?? { row: 0, col: 0 }),
    severity,
  }));
  cells.sort((a, b) => a.col - b.col || a.row - b.row);
  const out: Highlight[] = [];
  let run: { col: number; top: number; bottom: number; severity: 'error' | 'warning' } | null =
    null;
  const flush = () => {
    if (!run) return;
    const top = address(run.top, run.col);
    out.push({
      range: run.top === run.bottom ? top : `${top}:${address(run.bottom, run.col)}`,
      severity: run.severity,
    });
  };
  for (const c of cells) {
    if (run && c.col === run.col && c.row === run.bottom + 1 && c.severity === run.severity) {
      run.bottom = c.row;
    } else {
      flush();
      run = { col: c.col, top: c.row, bottom: c.row, severity: c.severity };
    }
  }
  flush();
  return out;
}
