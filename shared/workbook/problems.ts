// Why an uploaded file could not be checked, in Vietnamese and English. The
// Worker turns these into its error codes (UNREADABLE_FILE, NO_PROGRESS_SHEET,
// WRONG_TEMPLATE, PAYLOAD_TOO_LARGE); the CLI prints them as they are.
import { periodName } from '../periods/period.ts';
import type { Bilingual } from '../text/bilingual.ts';
import { clip } from '../text/clip.ts';
import { viNumber } from '../text/vi-format.ts';
import { MiB } from './limits.ts';

export type UnreadableReason =
  | 'empty'
  | 'too-large'
  | 'not-xlsx'
  | 'ods'
  | 'encrypted'
  | 'legacy-xls'
  | 'too-many-entries'
  | 'too-large-uncompressed'
  | 'compression-ratio'
  | 'corrupt'
  | 'sheet-too-large'
  | 'too-many-cells'
  | 'too-many-strings'
  | 'part-too-large'
  | 'parsed-too-large';

/** The file cannot be opened at all (or not safely). */
export interface Unreadable {
  kind: 'unreadable';
  reason: UnreadableReason;
  message: Bilingual;
  /** Where the problem is, when it is in one place (sheet-too-large, too-many-cells, compression-ratio, too-many-strings, part-too-large). */
  sheet?: string;
  cell?: string;
  entry?: string;
}

/** What a progress sheet says it is: its metadata cell. */
export interface SheetIdentity {
  sheet: string;
  /** The metadata cell, e.g. "A5". */
  cell: string;
  plan?: string;
  agency?: string;
  period?: string;
  layout?: string;
}

/** The file opened, but no sheet carries the metadata cell. */
export interface NoProgressSheet {
  kind: 'no-progress-sheet';
  sheets: string[];
  message: Bilingual;
}

export type WrongTemplateReason = 'other-agency' | 'other-period' | 'several-sheets';

/** The progress sheet is another agency's or period's, or there are several. */
export interface WrongTemplate {
  kind: 'wrong-template';
  reason: WrongTemplateReason;
  found: SheetIdentity[];
  expected: { agency?: string; period?: string };
  message: Bilingual;
}

export type WorkbookProblem = Unreadable | NoProgressSheet | WrongTemplate;

const SAVE_AS_XLSX = {
  vi: 'Hãy mở tệp bằng Excel, LibreOffice hay WPS và lưu lại dạng “Excel Workbook (*.xlsx)” rồi gửi lại.',
  en: 'Open it in Excel, LibreOffice or WPS, save it as “Excel Workbook (*.xlsx)” and send it again.',
};
const USE_TEMPLATE = {
  vi: 'Hãy dùng biểu mẫu tải về từ hệ thống.',
  en: 'Use the template downloaded from the system.',
};

const mb = (bytes: number) => (bytes / MiB).toFixed(1);
const mbVi = (bytes: number) => viNumber(bytes / MiB, 1);

function unreadable(
  reason: UnreadableReason,
  vi: string,
  en: string,
  where: Pick<Unreadable, 'sheet' | 'cell' | 'entry'> = {},
): Unreadable {
  const at: typeof where = {};
  if (where.sheet !== undefined) at.sheet = clip(where.sheet);
  if (where.cell !== undefined) at.cell = clip(where.cell, 20);
  if (where.entry !== undefined) at.entry = clip(where.entry, ENTRY_CHARS);
  return { kind: 'unreadable', reason, message: { vi, en }, ...at };
}

/** A zip entry's name as quoted: the template's longest is "xl/worksheets/_rels/sheet1.xml.rels". */
const ENTRY_CHARS = 100;

export const problems = {
  empty: () => unreadable('empty', 'Tệp rỗng (0 byte).', 'The file is empty (0 bytes).'),

  tooLarge: (size: number, max: number) =>
    unreadable(
      'too-large',
      `Tệp quá lớn (${mbVi(size)} MB); giới hạn là ${mbVi(max)} MB.`,
      `The file is too large (${mb(size)} MB); the limit is ${mb(max)} MB.`,
    ),

  notXlsx: () =>
    unreadable(
      'not-xlsx',
      `Tệp không phải bảng tính .xlsx (có thể là .xls, .csv hay tệp khác). ${SAVE_AS_XLSX.vi}`,
      `The file is not an .xlsx workbook (it may be .xls, .csv or something else). ${SAVE_AS_XLSX.en}`,
    ),

  ods: () =>
    unreadable(
      'ods',
      `Tệp là bảng tính OpenDocument (.ods), không phải .xlsx. ${SAVE_AS_XLSX.vi}`,
      `The file is an OpenDocument spreadsheet (.ods), not .xlsx. ${SAVE_AS_XLSX.en}`,
    ),

  encrypted: () =>
    unreadable(
      'encrypted',
      'Tệp được đặt mật khẩu mở tệp (mã hóa) nên không đọc được. Hãy mở tệp, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ Sổ làm việc › Mã hóa bằng Mật khẩu: xóa trống), lưu rồi gửi lại.',
      'The file has a password to open (it is encrypted), so it cannot be read. Open it, remove the password (File › Info › Protect Workbook › Encrypt with Password: clear it), save and send it again.',
    ),

  legacyXls: () =>
    unreadable(
      'legacy-xls',
      `Tệp là định dạng Excel 97-2003 (.xls) cũ, không phải .xlsx. ${SAVE_AS_XLSX.vi}`,
      `The file is an old Excel 97-2003 (.xls) workbook, not .xlsx. ${SAVE_AS_XLSX.en}`,
    ),

  tooManyEntries: (max: number) =>
    unreadable(
      'too-many-entries',
      `Tệp .xlsx có cấu trúc bất thường (hơn ${max} phần nén) nên không được mở. ${USE_TEMPLATE.vi}`,
      `The .xlsx file has an unusual structure (more than ${max} zip entries), so it was not opened. ${USE_TEMPLATE.en}`,
    ),

  tooLargeUncompressed: (size: number, max: number) =>
    unreadable(
      'too-large-uncompressed',
      `Tệp .xlsx khi giải nén quá lớn (${mbVi(size)} MB, tối đa ${mbVi(max)} MB) nên không được mở. ${USE_TEMPLATE.vi}`,
      `The .xlsx file is too large once unzipped (${mb(size)} MB, at most ${mb(max)} MB), so it was not opened. ${USE_TEMPLATE.en}`,
    ),

  compressionRatio: (entry: string, ratio: number, max: number) =>
    unreadable(
      'compression-ratio',
      `Phần “${clip(entry, ENTRY_CHARS)}” của tệp nén ${Math.round(ratio)}:1 (tối đa ${max}:1), dấu hiệu của tệp nén độc hại, nên tệp không được mở. ${USE_TEMPLATE.vi}`,
      `Part “${clip(entry, ENTRY_CHARS)}” of the file is compressed ${Math.round(ratio)}:1 (at most ${max}:1), the mark of a zip bomb, so the file was not opened. ${USE_TEMPLATE.en}`,
      { entry },
    ),

  /** `detail`: what is damaged, in both languages, or a library's own (English) words. */
  corrupt: (detail: string | Bilingual) => {
    const d = typeof detail === 'string' ? { vi: detail, en: detail } : detail;
    // A library's words may quote the file.
    const vi = clip(d.vi, 200);
    const en = clip(d.en, 200);
    return unreadable(
      'corrupt',
      `Tệp .xlsx bị hỏng, không đọc được (${vi}). Hãy mở tệp bằng Excel, lưu lại rồi gửi; nếu Excel cũng không mở được, hãy điền lại biểu mẫu mới.`,
      `The .xlsx file is damaged and cannot be read (${en}). Open it in Excel, save it and send it again; if Excel cannot open it either, fill in a new template.`,
    );
  },

  sheetTooLarge: (sheet: string, cell: string, rows: number, columns: number) =>
    unreadable(
      'sheet-too-large',
      `Trang “${clip(sheet)}” có nội dung ở ô ${clip(cell, 20)}, ngoài vùng đọc được (tối đa ${rows} dòng × ${columns} cột). Hãy xóa nội dung ở đó rồi gửi lại.`,
      `Sheet “${clip(sheet)}” has content in cell ${clip(cell, 20)}, outside the readable area (at most ${rows} rows × ${columns} columns). Delete it and send the file again.`,
      { sheet, cell },
    ),

  tooManyCells: (sheet: string, cells: number, max: number) =>
    unreadable(
      'too-many-cells',
      `Trang “${clip(sheet)}” có quá nhiều ô (đã đếm ${viNumber(cells)} ô trên các trang có thể là trang báo cáo, tối đa ${viNumber(max)}) nên tệp không được đọc. Hãy xóa các ô thừa ở trang đó, hoặc chép trang báo cáo sang một tệp mới, rồi gửi lại.`,
      `Sheet “${clip(sheet)}” has too many cells (${cells.toLocaleString('en')} counted on the sheets that can be the progress sheet, at most ${max.toLocaleString('en')}), so the file was not read. Delete the extra cells on that sheet, or copy the progress sheet into a new workbook, and send it again.`,
      { sheet },
    ),

  /** Hyperlinks (hyperlinks.ts) whose ranges would make SheetJS hold a stub for every cell. */
  tooManyLinkedCells: (sheet: string, max: number) =>
    unreadable(
      'too-many-cells',
      `Trang “${clip(sheet)}” có liên kết (hyperlink) trải trên quá nhiều ô (tối đa ${viNumber(max)} ô trên các trang có thể là trang báo cáo) nên tệp không được đọc. Hãy xóa các liên kết ở trang đó, hoặc chép trang báo cáo sang một tệp mới, rồi gửi lại.`,
      `Sheet “${clip(sheet)}” has hyperlinks over too many cells (at most ${max.toLocaleString('en')} cells on the sheets that can be the progress sheet), so the file was not read. Remove the hyperlinks on that sheet, or copy the progress sheet into a new workbook, and send it again.`,
      { sheet },
    ),

  tooManyStrings: (entry: string, items: number, max: number) =>
    unreadable(
      'too-many-strings',
      `Tệp chứa quá nhiều chuỗi văn bản khác nhau (${viNumber(items)}, tối đa ${viNumber(max)}) nên không được đọc. Hãy chép trang báo cáo sang một tệp mới rồi gửi lại.`,
      `The file holds too many distinct texts (${items.toLocaleString('en')}, at most ${max.toLocaleString('en')}), so it was not read. Copy the progress sheet into a new workbook and send it again.`,
      { entry },
    ),

  partTooLarge: (entry: string, size: number, max: number) =>
    unreadable(
      'part-too-large',
      `Phần “${clip(entry, ENTRY_CHARS)}” của tệp quá lớn (${mbVi(size)} MB, tối đa ${mbVi(max)} MB), lớn hơn nhiều so với một biểu mẫu đã điền, nên tệp không được đọc. Hãy chép trang báo cáo sang một tệp mới rồi gửi lại.`,
      `Part “${clip(entry, ENTRY_CHARS)}” of the file is too large (${mb(size)} MB, at most ${mb(max)} MB), far more than a filled template holds, so the file was not read. Copy the progress sheet into a new workbook and send it again.`,
      { entry },
    ),

  parsedTooLarge: (size: number, max: number) =>
    unreadable(
      'parsed-too-large',
      `Các phần của tệp cần đọc quá lớn (${mbVi(size)} MB tất cả, tối đa ${mbVi(max)} MB) nên tệp không được đọc. Hãy chép trang báo cáo sang một tệp mới rồi gửi lại.`,
      `The parts of the file to be read are too large (${mb(size)} MB in all, at most ${mb(max)} MB), so the file was not read. Copy the progress sheet into a new workbook and send it again.`,
    ),

  noProgressSheet: (sheets: string[], searchRows: number): NoProgressSheet => {
    const names = shortList(sheets.map((s) => ({ vi: `“${clip(s)}”`, en: `“${clip(s)}”` })));
    return {
      kind: 'no-progress-sheet',
      sheets: sheets.map((s) => clip(s)),
      message: {
        vi: `Không tìm thấy trang báo cáo tiến độ: không trang nào (${names.map((n) => n.vi).join(', ') || '—'}) có ô “Mã mẫu biểu (không sửa / do not edit): …” trong ${searchRows} dòng đầu. ${USE_TEMPLATE.vi} Đừng xóa hay sửa dòng mã mẫu biểu.`,
        en: `No progress sheet found: no sheet (${names.map((n) => n.en).join(', ') || '—'}) has the cell “Mã mẫu biểu (không sửa / do not edit): …” in its first ${searchRows} rows. ${USE_TEMPLATE.en} Do not delete or edit the template code row.`,
      },
    };
  },
};

/** The first five of a list for a message, then "and N more": a file of 200 sheets gives a short message. */
function shortList(items: { vi: string; en: string }[], max = 5): { vi: string; en: string }[] {
  if (items.length <= max) return items;
  const more = items.length - max;
  return [...items.slice(0, max), { vi: `và ${more} trang khác`, en: `and ${more} more` }];
}

/** Agency codes to the names people use (D1's, as the coordinator set them); absent: codes only. */
export type AgencyNames = Readonly<Record<string, string>>;

/** "Phòng Tư pháp (P-TP)" when the name is known, else the code. */
const agencyText = (code: string, names?: AgencyNames) =>
  names?.[code] ? `${names[code]} (${code})` : clip(code);

const describe = (s: SheetIdentity, names?: AgencyNames) => {
  const period = s.period ? periodName(clip(s.period)) : null;
  return {
    vi: `${s.agency ? agencyText(s.agency, names) : '(không ghi cơ quan)'}, kỳ ${period?.vi ?? '(không ghi kỳ)'} (trang “${clip(s.sheet)}”, ô ${clip(s.cell, 20)})`,
    en: `${s.agency ? agencyText(s.agency, names) : '(no agency)'}, for ${period?.en ?? '(no period)'} (sheet “${clip(s.sheet)}”, cell ${clip(s.cell, 20)})`,
  };
};

const expectedText = (e: WrongTemplate['expected'], names?: AgencyNames) => {
  const agency = e.agency ? agencyText(e.agency, names) : '';
  const period = e.period ? periodName(e.period) : null;
  return {
    vi: [agency, period && `kỳ ${period.vi}`].filter(Boolean).join(', '),
    en: [agency, period && `for ${period.en}`].filter(Boolean).join(', '),
  };
};

/** An identity as the details carry it: each value read from the file clipped. */
function clipIdentity(s: SheetIdentity): SheetIdentity {
  const out: SheetIdentity = { sheet: clip(s.sheet), cell: clip(s.cell, 20) };
  for (const key of ['plan', 'agency', 'period', 'layout'] as const) {
    const v = s[key];
    if (v !== undefined) out[key] = clip(v);
  }
  return out;
}

/**
 * The wrong-template problem: which progress sheets the file holds and what
 * was expected, named as people say them ("Phòng Tư pháp (P-TP), kỳ Quý I
 * năm 2026 (2026-Q1)"; agencies by code alone where `names` lacks them).
 */
export function wrongTemplate(
  reason: WrongTemplateReason,
  found: SheetIdentity[],
  expected: WrongTemplate['expected'],
  names?: AgencyNames,
): WrongTemplate {
  const list = shortList(found.map((f) => describe(f, names)));
  const exp = expectedText(expected, names);
  const message =
    reason === 'several-sheets'
      ? {
          vi: `Tệp có ${found.length} trang báo cáo${exp.vi ? ` của ${exp.vi}` : ''}: ${list.map((d) => d.vi).join('; ')}. Hãy giữ lại một trang rồi gửi lại.`,
          en: `The file has ${found.length} progress sheets${exp.en ? ` of ${exp.en}` : ''}: ${list.map((d) => d.en).join('; ')}. Keep one and send it again.`,
        }
      : {
          vi: `Tệp là biểu mẫu của ${list.map((d) => d.vi).join('; ')}, không phải của ${exp.vi}. Hãy tải đúng biểu mẫu của ${exp.vi}, điền rồi gửi lại.`,
          en: `The file is the template of ${list.map((d) => d.en).join('; ')}, not of ${exp.en}. Download the template of ${exp.en}, fill it in and send it again.`,
        };
  return { kind: 'wrong-template', reason, found: found.map(clipIdentity), expected, message };
}

/** The API's error code for each problem (worker/src/errors.ts); the CLI prints the same. */
export type ProblemCode =
  | 'PAYLOAD_TOO_LARGE'
  | 'UNREADABLE_FILE'
  | 'NO_PROGRESS_SHEET'
  | 'WRONG_TEMPLATE';

export function problemCode(p: WorkbookProblem): ProblemCode {
  switch (p.kind) {
    case 'unreadable':
      return p.reason === 'too-large' ? 'PAYLOAD_TOO_LARGE' : 'UNREADABLE_FILE';
    case 'no-progress-sheet':
      return 'NO_PROGRESS_SHEET';
    case 'wrong-template':
      return 'WRONG_TEMPLATE';
  }
}

/** What the error's `details` carry: everything but the kind and the message. */
export function problemDetails(p: WorkbookProblem): Record<string, unknown> {
  const { kind: _kind, message: _message, ...details } = p;
  return details;
}
