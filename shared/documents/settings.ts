// What the district's documents say about who issues them, to whom and who
// signs: the lines of a Decree 30/2020 report's header, recipients, signature
// and "Nơi nhận". The plan (2022) predates the 2025 reorganisation (Lý Sơn is
// now a special zone, reports go to UBND tỉnh Quảng Ngãi), so none of this is
// code: the coordinator sets it, and what is unset prints as a dotted blank
// for the clerk to fill by hand, never an invented value.
import * as z from 'zod';
import { text } from '../text/schema.ts';
import { CONTROL, LINE_LIMITS as LINE, LIST_LIMITS as LIST } from './limits.ts';

/** One printed line: visible text on one line (no control, invisible format or line-separator characters). */
const line = (max = 200) =>
  text()
    .trim()
    .max(max)
    .refine((s) => !CONTROL.test(s), {
      error:
        'Một dòng, không có ký tự điều khiển hay ký tự ẩn / One line, no control or invisible characters',
    });
/** A line, or null for "not set" ('' after trimming is not set too). */
const optionalLine = (max = 200) =>
  line(max)
    .nullable()
    .transform((s) => (s ? s : null));

/**
 * The document settings (DOMAIN.md, "The report document"): each line as it
 * prints, or null where the coordinator has not set it.
 */
export const DocumentSettingsSchema = z
  .object({
    /** The parent body, upper case, over the issuing body ("ỦY BAN NHÂN DÂN TỈNH …"); often none. */
    parentBody: optionalLine(LINE.parentBody),
    /** The issuing body ("ỦY BAN NHÂN DÂN …"). */
    issuingBody: optionalLine(LINE.issuingBody),
    /** The symbol after the number: "Số: 05/BC-UBND" has "BC-UBND". */
    numberSymbol: optionalLine(LINE.numberSymbol),
    /** The place of the date line: "Lý Sơn, ngày … tháng … năm …". */
    place: optionalLine(LINE.place),
    /** "Kính gửi:": one recipient, or several (one per line). */
    recipients: z.array(line(LIST.recipients.chars)).max(LIST.recipients.lines),
    /** The signature block's lines above the signature, e.g. "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
    signerLines: z.array(line(LIST.signerLines.chars)).max(LIST.signerLines.lines),
    /** The signer's full name. */
    signerName: optionalLine(LINE.signerName),
    /** "Nơi nhận:" items between "- Như trên;" (added when there are recipients) and "- Lưu: VT, …". */
    copyTo: z.array(line(LIST.copyTo.chars)).max(LIST.copyTo.lines),
    /** The unit in "- Lưu: VT, <unit>." */
    archiveUnit: optionalLine(LINE.archiveUnit),
  })
  .strict();

export type DocumentSettings = z.infer<typeof DocumentSettingsSchema>;

/** Nothing set: every line prints as a dotted blank. */
export const EMPTY_DOCUMENT_SETTINGS: DocumentSettings = {
  parentBody: null,
  issuingBody: null,
  numberSymbol: null,
  place: null,
  recipients: [],
  signerLines: [],
  signerName: null,
  copyTo: [],
  archiveUnit: null,
};

/** What an unset line prints as: dots to write on by hand. */
export const DOTTED = '……………………';

/** `value` as it prints: itself, or the dotted blank when not set. */
export function orDotted(value: string | null | undefined): string {
  return value ? value : DOTTED;
}
