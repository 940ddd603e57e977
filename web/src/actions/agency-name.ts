// An agency in the page's messages as people say it, the code second.
import type { Store } from '../store.ts';

/** An agency as people say it, the code second ("Phòng Tư pháp (P-TP)"), from the completeness table. */
export function nameOf(store: Store, code: string): string {
  const row = store.state.completeness?.agencies.find((r) => r.agency.code === code);
  return row ? `${row.agency.name} (${code})` : code;
}
