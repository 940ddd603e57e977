// Text the page shortens for display. Dates and numbers are
// shared/text/vi-format.ts's; countdowns client/deadline.ts's.

/** "1a2b…9f0e": a content hash short enough to read aloud, whole on hover. */
export function shortHash(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-8)}` : hash;
}

/** A long text (a task's content in a list) cut to `max` characters with "…"; tables show it whole. */
export function clip(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
