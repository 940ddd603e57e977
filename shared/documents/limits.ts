// How long each document setting may be, and what a printed line may not
// hold: plain data, so the web page checks a form with the Worker's own
// limits without bundling zod (settings.ts builds its schema from these).

/** What a printed line may not hold (shared/text/one-line.ts, the rule agency names follow too). */
export { INVISIBLE_OR_CONTROL as CONTROL } from '../text/one-line.ts';

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
