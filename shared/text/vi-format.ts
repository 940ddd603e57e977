// Dates and numbers as Vietnamese documents print them: dd/mm/yyyy, times in
// Vietnam's zone, a decimal comma and dots between thousands. One module for
// the Worker (merged workbook, error messages), the progress sheet's layout,
// the task pane and the web page: it lives in shared/ because the Worker may
// import nothing else, and it needs no Intl locale data, so every runtime
// (Excel's webview, workerd, Node) prints the same text.

/** Vietnam's offset from UTC: UTC+7 all year, no daylight saving. */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "17/03/2026" from an ISO date ("2026-03-17") or the date part of an ISO
 * timestamp. The date is taken as written, not moved to another zone.
 */
export function viDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The ISO date ("2026-12-16") of a date typed day first, as Vietnamese
 * write it: "16/12/2026", "16/12/26" is not accepted (the century is
 * ambiguous), "1/2/2027", "16-12-2026" and "16.12.2026" are; spaces around
 * are ignored. null when it is not a real calendar date (31/02, 00/12).
 */
export function parseViDate(text: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/**
 * "14/03/2026 09:05": an instant (ISO timestamp) in Vietnam's time (UTC+7).
 * Text that is not a timestamp comes back unchanged.
 */
export function viDateTime(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  const t = new Date(ms + VN_OFFSET_MS);
  return `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${pad(
    t.getUTCHours(),
  )}:${pad(t.getUTCMinutes())}`;
}

/**
 * A number the Vietnamese way, with `fractionDigits` digits after a decimal
 * comma and a dot between thousands: viNumber(1234.5, 1) = "1.234,5",
 * viNumber(10, 1) = "10,0", viNumber(-0.25, 2) = "-0,25".
 * Rounding is JavaScript's toFixed.
 */
export function viNumber(value: number, fractionDigits = 0): string {
  const [whole = '', fraction] = Math.abs(value).toFixed(fractionDigits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = value < 0 && /[1-9]/.test(whole + (fraction ?? '')) ? '-' : '';
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped},${fraction}`;
}
