// The Decree 30/2020 frame of the "Tổng hợp" sheet (DOMAIN.md, "The report
// document"): the header block, "Kính gửi:", and the signature block beside
// "Nơi nhận:". Every line comes from the coordinator's document settings
// (shared/documents); an unset one prints as a dotted blank to fill by hand,
// never an invented name.
import { DOTTED, type DocumentSettings, orDotted } from '../../../../shared/documents/index.ts';
import type { Cell, Row, Style } from '../../xlsx/types.ts';
import { cell, placeDateLine } from '../common.ts';
import { S } from './styles.ts';

/** The blank the clerk writes the document's number in: "Số: ……/BC-UBND". */
const NUMBER_BLANK = '……';
/** The signature and seal's space between the signer's title and name: empty rows (about 63 pt). */
const SIGNATURE_SPACE_ROWS = 4;
/** "Kính gửi:" right-aligned in B, a space before the recipients in C (a cell has no indent here). */
const TO_LABEL = 'Kính gửi: ';

/** Two blocks side by side, left in A–D and right in E–I, one line a row from `r`; the next row. */
function sideBySide(
  rows: Row[],
  merges: string[],
  r: number,
  left: readonly (readonly [string, Style] | null)[],
  right: readonly (readonly [string, Style] | null)[],
): number {
  const n = Math.max(left.length, right.length);
  for (let i = 0; i < n; i++, r++) {
    const l = left[i];
    const rt = right[i];
    const cells: Cell[] = [];
    cells[0] = l ? cell(l[0], l[1]) : cell(null);
    cells[4] = rt ? cell(rt[0], rt[1]) : cell(null);
    rows.push({ index: r, cells });
    merges.push(`A${r}:D${r}`, `E${r}:I${r}`);
  }
  return r;
}

/**
 * The header block from row 1: left the parent body (when set), the issuing
 * body (bold) and "Số: ……/<symbol>"; right the national motto and, level
 * with "Số:", "<place>, ngày dd tháng m năm yyyy" (`isoDate`). Returns the
 * next free row.
 */
export function headerBlock(
  rows: Row[],
  merges: string[],
  doc: DocumentSettings,
  isoDate: string,
): number {
  const bodies: [string, Style][] = [
    ...(doc.parentBody ? [[doc.parentBody, S.issuerParent] as [string, Style]] : []),
    [orDotted(doc.issuingBody), S.issuerName],
  ];
  const motto: [string, Style][] = [
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', S.motto],
    ['Độc lập - Tự do - Hạnh phúc', S.motto2],
  ];
  // Both blocks start on row 1; "Số:" and the date line come under the longer one.
  const pad = <T>(xs: T[], n: number): (T | null)[] => [
    ...xs,
    ...Array<null>(n - xs.length).fill(null),
  ];
  const n = Math.max(bodies.length, motto.length);
  const left = [
    ...pad(bodies, n),
    [`Số: ${NUMBER_BLANK}/${orDotted(doc.numberSymbol)}`, S.numberLine] as const,
  ];
  const right = [
    ...pad(motto, n),
    [placeDateLine(orDotted(doc.place), isoDate), S.dateLine] as const,
  ];
  return sideBySide(rows, merges, 1, left, right);
}

/**
 * "Kính gửi:" in B (right-aligned) and the recipients in C–I: one on the
 * label's line ("Kính gửi: X."), several one a line ("- X;", the last
 * "- Y."), none set as a dotted blank. Returns the next free row.
 */
export function recipientsBlock(
  rows: Row[],
  merges: string[],
  r: number,
  doc: DocumentSettings,
): number {
  const list = doc.recipients;
  const lines =
    list.length === 0
      ? [DOTTED]
      : list.length === 1
        ? [`${list[0]}.`]
        : list.map((x, i) => `- ${x}${i === list.length - 1 ? '.' : ';'}`);
  lines.forEach((line, i) => {
    rows.push({
      index: r,
      cells: [null, i === 0 ? cell(TO_LABEL, S.recipientLabel) : null, cell(line, S.recipient)],
    });
    merges.push(`C${r}:I${r}`);
    r++;
  });
  return r;
}

/**
 * "Nơi nhận:" (A–D) beside the signature block (E–I) from row `r`: the
 * copies ("- Như trên;" when there are recipients, each copyTo "- X;",
 * "- Lưu: VT, <unit>.") and the signer's title lines, the space to sign,
 * the signer's name. Returns the next free row.
 */
export function signatureBlock(
  rows: Row[],
  merges: string[],
  r: number,
  doc: DocumentSettings,
): number {
  const copies: [string, Style][] = [
    ['Nơi nhận:', S.copiesLabel],
    ...(doc.recipients.length ? [['- Như trên;', S.copy] as [string, Style]] : []),
    ...doc.copyTo.map((x): [string, Style] => [`- ${x};`, S.copy]),
    [`- Lưu: VT, ${orDotted(doc.archiveUnit)}.`, S.copy],
  ];
  const titles = doc.signerLines.length ? doc.signerLines : [DOTTED];
  const signer: ([string, Style] | null)[] = [
    ...titles.map((x): [string, Style] => [x, S.signer]),
    ...Array<null>(SIGNATURE_SPACE_ROWS).fill(null),
    [orDotted(doc.signerName), S.signerName],
  ];
  return sideBySide(rows, merges, r, copies, signer);
}
