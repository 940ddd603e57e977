// A value read from a file or a request, cut for quoting in a message or an
// error's details: a sheet's metadata cell, a sheet name or a zip entry name
// can be a million characters long, and one shared string can be quoted once
// per sheet (issue 16: a 33 KB upload drew a 110 MB answer).

/** How many characters of a found value a message quotes by default. */
export const CLIP_CHARS = 60;

/**
 * `v` as text (`undefined`/`null`: ""), its first `n` characters (UTF-16
 * code units, never half a surrogate pair) then "…" when longer.
 */
export function clip(v: unknown, n = CLIP_CHARS): string {
  const s = String(v ?? '');
  if (s.length <= n) return s;
  // Not half of an astral character (an emoji): a lone surrogate is not text.
  const end = /[\uD800-\uDBFF]/.test(s[n - 1] ?? '') ? n - 1 : n;
  return `${s.slice(0, end)}…`;
}
