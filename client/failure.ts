// What an action that went wrong shows, in both apps: the API's code and
// words (with any findings and the sheet they are about), or, for an error
// raised in the browser itself (Excel, the page), the app's own words around
// its message; and whether trying again as it is can be safe.
import type { Bilingual } from '../shared/text/bilingual.ts';
import type { Finding } from '../shared/validate/findings.ts';
import { ApiFailure } from './request.ts';

export interface Failure {
  code: string;
  text: Bilingual;
  findings: Finding[];
  /** The sheet the findings are about, when the API names it (uploads). */
  sheet: string | null;
  retryable: boolean;
  /** The other side's own words (Excel's error text), shown small under the advice. */
  detail?: string;
}

/**
 * The failure `e` explained: an ApiFailure as the API said it; anything else
 * as `local.code` with `local.text(message)`, worth a retry (Excel or the
 * browser may have been busy).
 */
export function failureOf(
  e: unknown,
  local: { code: string; text: (detail: string) => Bilingual },
): Failure {
  if (e instanceof ApiFailure) {
    return {
      code: e.code,
      text: e.text,
      findings: e.findings,
      sheet: e.sheet,
      retryable: e.retryable,
    };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { code: local.code, text: local.text(detail), findings: [], sheet: null, retryable: true };
}

/** A failure found before anything was sent (an empty field): nothing to retry. */
export function refusal(code: string, text: Bilingual): Failure {
  return { code, text, findings: [], sheet: null, retryable: false };
}
