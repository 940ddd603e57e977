// Agencies and periods in messages as people say them, the code second:
// "Phòng Tư pháp (P-TP)", "Quý I năm 2026 (2026-Q1)". Names come from D1,
// where the coordinator renames agencies.
import { periodName } from '../../../shared/periods/index.ts';

/** "Phòng Tư pháp (P-TP)" from an agency row; the code alone when the name is missing. */
export function agencyNamed(a: { code: string; name?: string | null }): string {
  return a.name ? `${a.name} (${a.code})` : a.code;
}

/** A period's name in each language, the code second (shared/periods periodName). */
export const periodNamed = periodName;
