// Findings as the add-in lists them: errors first, then warnings, each in the
// order a person fixes them (top to bottom, left to right on the sheet).
import type { Finding } from '../../shared/validate/findings.ts';
import type { Lang } from './i18n.ts';

export type { Finding };

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

/** One line per finding, in the chosen language: "G12 — message". */
export function findingLine(f: Finding, lang: Lang): string {
  return f.cell ? `${f.cell} — ${f.message[lang]}` : f.message[lang];
}

/** Findings from an error envelope's details, if it has any that look right. */
export function findingsOf(details: unknown): Finding[] {
  const list = (details as { findings?: unknown } | null | undefined)?.findings;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (f): f is Finding =>
      typeof f === 'object' &&
      f !== null &&
      typeof (f as Finding).cell === 'string' &&
      ((f as Finding).severity === 'error' || (f as Finding).severity === 'warning') &&
      typeof (f as Finding).message?.vi === 'string' &&
      typeof (f as Finding).message?.en === 'string',
  );
}
