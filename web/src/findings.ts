// Findings as the add-in lists them: errors first, then warnings, each in the
// order a person fixes them (top to bottom, left to right on the sheet).
import type { Finding } from '../../shared/validate/findings.ts';
import type { Lang } from './i18n.ts';

export { findingsOf } from '../../client/request.ts';

export { cellOrder, groupFindings } from '../../shared/validate/group.ts';
export type { Finding };

/** One line per finding, in the chosen language: "G12 — message". */
export function findingLine(f: Finding, lang: Lang): string {
  return f.cell ? `${f.cell} — ${f.message[lang]}` : f.message[lang];
}
