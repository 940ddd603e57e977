// The zod schema of every text field a request carries: one mechanism, so
// each enters storage the same way (issue 12: "text in, NFC out").
import * as z from 'zod';
import {
  hasUnusableCharacter,
  loneSurrogateAt,
  UNUSABLE_CHARACTER_MESSAGE,
} from './well-formed.ts';

/**
 * A string refused when it holds a lone UTF-16 surrogate (well-formed.ts)
 * or NUL, U+FFFE or U+FFFF, then normalized to NFC, so the same words typed on a Mac (NFD) and on
 * Windows (NFC) are stored alike. Chain `.trim()`, `.min()`, `.max()` after
 * it: they then see the NFC form.
 */
export const text = () =>
  z
    .string()
    .refine((s) => loneSurrogateAt(s) < 0, {
      error:
        'Văn bản có ký tự hỏng (nửa cặp UTF-16 đơn lẻ) / The text holds a broken character (a lone UTF-16 surrogate)',
      abort: true,
    })
    .refine((s) => !hasUnusableCharacter(s), { error: UNUSABLE_CHARACTER_MESSAGE, abort: true })
    .normalize('NFC');
