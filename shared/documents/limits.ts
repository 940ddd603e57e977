// How long each document setting may be, and what a printed line may not
// hold: plain data, so the web page checks a form with the Worker's own
// limits without bundling zod (settings.ts builds its schema from these).

/**
 * What a printed line may not hold: control characters (a tab, a line
 * break), invisible format characters (a soft hyphen, a direction mark) and
 * line or paragraph separators.
 */
export const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** The one-line settings: at most this many characters each. */
export const LINE_LIMITS = {
  parentBody: 200,
  issuingBody: 200,
  numberSymbol: 40,
  place: 80,
  signerName: 80,
  archiveUnit: 40,
} as const;

/** The list settings: at most `lines` items of at most `chars` characters. */
export const LIST_LIMITS = {
  recipients: { lines: 10, chars: 200 },
  signerLines: { lines: 4, chars: 80 },
  copyTo: { lines: 20, chars: 200 },
} as const;

export type DocumentLine = keyof typeof LINE_LIMITS;
export type DocumentList = keyof typeof LIST_LIMITS;
