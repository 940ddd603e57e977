// The closed list of finding codes, each with its severity and its message in
// Vietnamese and English. Every check in the validator reports through here.
import type { Bilingual } from '../text/bilingual.ts';
import { CLIP_CHARS, clip } from '../text/clip.ts';
import { viNumber } from '../text/vi-format.ts';

export type Severity = 'error' | 'warning';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** A1 address on the sheet, e.g. "F12". */
  cell: string;
  /** The column (or metadata key) the finding is about, when there is one. */
  field?: string;
  taskId?: string;
  message: Bilingual;
}

/** The values a finding's message names (found, expected, taskId …). */
export type FindingParams = Record<string, string | number | undefined>;
type Msg = (p: FindingParams) => Bilingual;

/** A value in quotes, clipped: every value a message quotes may come from the file. */
const q = (v: unknown, n = CLIP_CHARS) => `“${clip(v, n)}”`;
/** A number as Vietnamese writes it (decimal comma, dots between thousands: 0,45; 4.000); other values as they are. */
const vn = (v: unknown) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) return String(v ?? '');
  const digits = Math.min(6, (String(v).split('.')[1] ?? '').length);
  return viNumber(v, digits);
};

const NEW_TEMPLATE: Bilingual = {
  vi: 'Hãy tạo lại biểu mẫu (nút “Tạo biểu mẫu”) hoặc tải mẫu mới.',
  en: 'Create the sheet again (“Tạo biểu mẫu”) or download a new template.',
};

export const FINDINGS = {
  GRID_EMPTY: {
    severity: 'error',
    message: () => ({
      vi: 'Trang tính trống: không có dữ liệu để kiểm tra.',
      en: 'The sheet is empty: there is nothing to check.',
    }),
  },
  META_MISSING: {
    severity: 'error',
    message: () => ({
      vi: `Không tìm thấy ô mã mẫu biểu (dòng “Mã mẫu biểu”) phía trên bảng. ${NEW_TEMPLATE.vi}`,
      en: `The template ID cell (“Mã mẫu biểu”) above the table is missing. ${NEW_TEMPLATE.en}`,
    }),
  },
  META_INVALID: {
    severity: 'error',
    message: (p) => ({
      vi: `Ô mã mẫu biểu bị sửa: thiếu hoặc sai “${p.key}”. ${NEW_TEMPLATE.vi}`,
      en: `The template ID cell was edited: “${p.key}” is missing or wrong. ${NEW_TEMPLATE.en}`,
    }),
  },
  META_PLAN_MISMATCH: {
    severity: 'error',
    message: (p) => ({
      vi: `Biểu mẫu thuộc kế hoạch ${q(p.found)}, không phải ${q(p.expected)}.`,
      en: `The sheet belongs to plan ${q(p.found)}, not ${q(p.expected)}.`,
    }),
  },
  META_AGENCY_UNKNOWN: {
    severity: 'error',
    message: (p) => ({
      vi: `Mã cơ quan ${q(p.found)} không có trong kế hoạch.`,
      en: `Agency code ${q(p.found)} is not in the plan.`,
    }),
  },
  META_AGENCY_MISMATCH: {
    severity: 'error',
    message: (p) => ({
      vi: `Biểu mẫu của cơ quan ${q(p.found)}, không phải của ${q(p.expected)}.`,
      en: `The sheet is for agency ${q(p.found)}, not ${q(p.expected)}.`,
    }),
  },
  META_PERIOD_INVALID: {
    severity: 'error',
    message: (p) => ({
      vi: `Mã kỳ báo cáo ${q(p.found)} không hợp lệ (dạng đúng: 2026-Q1, 2026-H1, 2026-M9, 2026-Y).`,
      en: `Report period code ${q(p.found)} is invalid (expected e.g. 2026-Q1, 2026-H1, 2026-M9, 2026-Y).`,
    }),
  },
  META_PERIOD_MISMATCH: {
    severity: 'error',
    message: (p) => ({
      vi: `Biểu mẫu của kỳ ${q(p.found)}, không phải kỳ ${q(p.expected)}.`,
      en: `The sheet is for period ${q(p.found)}, not ${q(p.expected)}.`,
    }),
  },
  LAYOUT_VERSION_UNSUPPORTED: {
    severity: 'error',
    message: (p) => ({
      vi: `Biểu mẫu phiên bản ${q(p.found)} đã cũ hoặc không được hỗ trợ (hiện dùng phiên bản ${p.expected}). ${NEW_TEMPLATE.vi}`,
      en: `Template version ${q(p.found)} is old or unsupported (current: ${p.expected}). ${NEW_TEMPLATE.en}`,
    }),
  },
  HEADER_MISSING: {
    severity: 'error',
    message: () => ({
      vi: `Không tìm thấy dòng tiêu đề bảng (bắt đầu bằng “TT”). ${NEW_TEMPLATE.vi}`,
      en: `The table's header row (starting with “TT”) is missing. ${NEW_TEMPLATE.en}`,
    }),
  },
  HEADER_MISMATCH: {
    severity: 'error',
    message: (p) => ({
      vi: `Tiêu đề cột phải là ${q(p.expected)}, nhưng đang là ${q(p.found)}. Không chèn, xóa hoặc đổi tên cột.`,
      en: `The column header must be ${q(p.expected)} but is ${q(p.found)}. Do not insert, delete or rename columns.`,
    }),
  },
  TASK_MISSING: {
    severity: 'error',
    message: (p) => ({
      vi: `Thiếu dòng nhiệm vụ ${p.taskId}; dòng này phải ở đây. Không xóa dòng nhiệm vụ.`,
      en: `Task row ${p.taskId} is missing; it belongs here. Do not delete task rows.`,
    }),
  },
  TASK_DUPLICATE: {
    severity: 'error',
    message: (p) => ({
      vi: `Nhiệm vụ ${p.taskId} xuất hiện lần nữa (đã có ở ${p.first}). Xóa dòng lặp.`,
      en: `Task ${p.taskId} appears again (first at ${p.first}). Delete the duplicate row.`,
    }),
  },
  TASK_UNKNOWN: {
    severity: 'error',
    message: (p) => ({
      vi:
        p.reason === 'not-assigned'
          ? `Nhiệm vụ ${q(p.found)} không được giao cho cơ quan này trong kỳ báo cáo.`
          : `Ô TT ${q(p.found)} không phải mã nhiệm vụ của kế hoạch. Không thêm dòng vào bảng.`,
      en:
        p.reason === 'not-assigned'
          ? `Task ${q(p.found)} is not assigned to this agency.`
          : `TT cell ${q(p.found)} is not a task of the plan. Do not add rows to the table.`,
    }),
  },
  TASK_MOVED: {
    severity: 'error',
    message: (p) => ({
      vi: p.after
        ? `Dòng nhiệm vụ ${p.taskId} bị chuyển chỗ; theo thứ tự Phụ lục, dòng này phải nằm ngay sau nhiệm vụ ${p.after}.`
        : `Dòng nhiệm vụ ${p.taskId} bị chuyển chỗ; theo thứ tự Phụ lục, đây phải là dòng đầu tiên của bảng.`,
      en: p.after
        ? `Task row ${p.taskId} was moved; in appendix order it comes right after task ${p.after}.`
        : `Task row ${p.taskId} was moved; in appendix order it is the first row of the table.`,
    }),
  },
  FIXED_CELL_CHANGED: {
    severity: 'error',
    message: (p) => ({
      vi: `Ô cố định (${p.column}) của nhiệm vụ ${p.taskId} đã bị sửa; nội dung đúng: ${q(p.expected, 80)}.`,
      en: `A fixed cell (${p.columnEn}) of task ${p.taskId} was changed; it must read ${q(p.expected, 80)}.`,
    }),
  },
  STATUS_REQUIRED: {
    severity: 'error',
    message: (p) => ({
      vi: `Chưa chọn tình trạng cho nhiệm vụ ${p.taskId}.`,
      en: `No status chosen for task ${p.taskId}.`,
    }),
  },
  STATUS_INVALID: {
    severity: 'error',
    message: (p) => ({
      vi: `Tình trạng ${q(p.found)} không có trong danh sách: ${p.allowedVi}.${p.foreign ? ` Có ký tự không phải chữ tiếng Việt (trông giống nhưng là ký tự khác): ${clip(p.foreign, 120)}.` : ''}`,
      en: `Status ${q(p.found)} is not in the list: ${p.allowedVi}.${p.foreign ? ` It has characters that are not Vietnamese letters (they look alike but are others): ${clip(p.foreign, 120)}.` : ''}`,
    }),
  },
  STATUS_LOOK_ALIKE: {
    severity: 'warning',
    message: (p) => ({
      vi: `Tình trạng ${q(p.found)} được đọc là “${p.status}”: có chữ trông giống nhưng là ký tự khác: ${clip(p.letters, 120)}. Nên chọn lại từ danh sách.`,
      en: `Status ${q(p.found)} is read as “${p.statusEn}”: it has letters that look alike but are other characters: ${clip(p.letters, 120)}. Prefer choosing it from the list again.`,
    }),
  },
  PERCENT_INVALID: {
    severity: 'error',
    message: (p) => ({
      vi: `Tỷ lệ hoàn thành ${q(p.found)} phải là một số từ 0 đến 100 (ví dụ 45 hoặc 45%).`,
      en: `Completion ${q(p.found)} must be a number from 0 to 100 (e.g. 45 or 45%).`,
    }),
  },
  PERCENT_FRACTION: {
    severity: 'warning',
    message: (p) => ({
      vi: `Tỷ lệ ${vn(p.found)} được hiểu là ${vn(p.found)}%. Nếu ý là ${vn(p.asPercent)}%, hãy nhập ${vn(p.asPercent)}.`,
      en: `Completion ${p.found} is read as ${p.found}%. If you meant ${p.asPercent}%, enter ${p.asPercent}.`,
    }),
  },
  PERCENT_MISSING: {
    severity: 'warning',
    message: (p) => ({
      vi: `Nhiệm vụ ${p.taskId} đang triển khai nhưng chưa ghi tỷ lệ hoàn thành.`,
      en: `Task ${p.taskId} is in progress but has no completion percentage.`,
    }),
  },
  PERCENT_STATUS_MISMATCH: {
    severity: 'error',
    message: (p) =>
      p.status === 'done'
        ? {
            vi: `Nhiệm vụ ${p.taskId} “Hoàn thành” thì tỷ lệ phải là 100 (đang là ${q(vn(p.found))}).`,
            en: `Task ${p.taskId} is “Completed”, so completion must be 100 (found ${q(p.found)}).`,
          }
        : {
            vi: `Nhiệm vụ ${p.taskId} “Chưa triển khai” thì tỷ lệ phải là 0 hoặc để trống (đang là ${q(vn(p.found))}).`,
            en: `Task ${p.taskId} is “Not started”, so completion must be 0 or empty (found ${q(p.found)}).`,
          },
  },
  RESULT_REQUIRED: {
    severity: 'error',
    message: (p) => ({
      vi: `Chưa ghi kết quả thực hiện trong kỳ cho nhiệm vụ ${p.taskId}.`,
      en: `No results entered for task ${p.taskId}.`,
    }),
  },
  TEXT_TOO_LONG: {
    severity: 'error',
    message: (p) => ({
      vi: `Nội dung dài ${vn(p.length)} ký tự, vượt giới hạn ${vn(p.max)} ký tự của cột “${p.column}”.`,
      en: `The text is ${p.length} characters long, over the ${p.max}-character limit of “${p.columnEn}”.`,
    }),
  },
  VALUE_TYPE: {
    severity: 'error',
    message: (p) => ({
      vi: `Giá trị ${q(p.found)} không dùng được ở cột “${p.column}”; hãy nhập chữ.`,
      en: `The value ${q(p.found)} cannot be used in “${p.columnEn}”; enter text.`,
    }),
  },
  CELL_ERROR_VALUE: {
    severity: 'error',
    message: (p) => ({
      vi: `Ô chứa giá trị lỗi của Excel ${clip(p.found, 20)}; hãy nhập lại nội dung.`,
      en: `The cell holds the Excel error value ${clip(p.found, 20)}; enter the content again.`,
    }),
  },
  FORMULA_NO_VALUE: {
    severity: 'error',
    message: (p) => ({
      vi: `Ô có công thức ${q(p.formula)} nhưng giá trị chưa từng được tính (tệp do chương trình khác ghi). Hãy mở và lưu tệp bằng Excel hoặc LibreOffice, hoặc nhập trực tiếp giá trị.`,
      en: `The cell has the formula ${q(p.formula)} but its value was never calculated (the file was written by another program). Open and save the file in Excel or LibreOffice, or type the value.`,
    }),
  },
  PICTURE_IN_CELL: {
    severity: 'error',
    message: (p) =>
      p.source === 'DISPIMG' || p.source === 'IMAGE'
        ? {
            vi: `Ô chứa ảnh chèn vào ô (${p.source === 'IMAGE' ? 'hàm IMAGE của Excel' : 'hàm DISPIMG của WPS'}). Không gửi được ảnh trong ô: hãy xoá ảnh và mô tả sản phẩm bằng lời.`,
            en: `The cell holds a picture placed in it (${p.source === 'IMAGE' ? 'Excel’s IMAGE function' : 'WPS’s DISPIMG'}). Pictures in cells cannot be sent: remove it and describe the product in words.`,
          }
        : {
            vi: 'Ô chứa ảnh đặt trong ô (“Place in Cell”) hoặc giá trị lỗi #VALUE! không do công thức. Không gửi được ảnh trong ô: hãy xoá ảnh và mô tả sản phẩm bằng lời.',
            en: 'The cell holds a picture placed in it (“Place in Cell”) or the error #VALUE! without a formula. Pictures in cells cannot be sent: remove it and describe the product in words.',
          },
  },
  TEXT_BROKEN_CHARACTER: {
    severity: 'error',
    message: (p) => ({
      vi: `Ở cột “${p.column}”, ký tự thứ ${p.position} bị hỏng (nửa ký tự, thường do cắt ngang một biểu tượng cảm xúc): ${q(p.found)}. Hãy nhập lại đoạn đó.`,
      en: `In “${p.columnEn}”, character ${p.position} is broken (half a character, often an emoji cut in two): ${q(p.found)}. Type that part again.`,
    }),
  },
  TEXT_UNUSABLE_CHARACTER: {
    severity: 'error',
    message: (p) => ({
      vi: `Ở cột “${p.column}”, ký tự thứ ${p.position} (${p.character}) không dùng được trong báo cáo (Excel hiện NUL là _x0000_). Hãy xoá ký tự đó.`,
      en: `In “${p.columnEn}”, character ${p.position} (${p.character}) cannot be used in a report (Excel shows NUL as _x0000_). Delete that character.`,
    }),
  },
  CELL_FORMULA: {
    severity: 'warning',
    message: (p) => ({
      vi: `Ô chứa công thức ${q(p.formula)}; chỉ giá trị hiện tại ${q(p.found)} được gửi đi. Nên nhập trực tiếp giá trị.`,
      en: `The cell holds the formula ${q(p.formula)}; only its current value ${q(p.found)} is submitted. Prefer typing the value.`,
    }),
  },
  LEGACY_ENCODING: {
    severity: 'warning',
    message: (p) => ({
      vi: `Văn bản ${q(p.found, 40)} có vẻ là chữ Việt mã cũ (${p.encoding}), không phải Unicode. Hãy chuyển mã sang Unicode (ví dụ bằng Unikey) rồi dán lại.`,
      en: `The text ${q(p.found, 40)} looks like Vietnamese in a legacy encoding (${p.encoding}), not Unicode. Convert it to Unicode (e.g. with Unikey) and paste again.`,
    }),
  },
  REGRESSION: {
    severity: 'warning',
    message: (p) =>
      p.field === 'status'
        ? {
            vi: `Tình trạng lùi lại so với báo cáo kỳ ${p.period}: khi đó ${q(p.before)}, nay ${q(p.found)}. Hãy kiểm tra lại.`,
            en: `The status went back since the report for ${p.periodEn}: then ${q(p.beforeEn)}, now ${q(p.foundEn)}. Please check.`,
          }
        : {
            vi: `Tỷ lệ hoàn thành ${vn(p.found)}% thấp hơn báo cáo kỳ ${p.period} (${vn(p.before)}%). Hãy kiểm tra lại.`,
            en: `Completion ${p.found}% is lower than in the report for ${p.periodEn} (${p.before}%). Please check.`,
          },
  },
  TRAILING_CONTENT: {
    severity: 'warning',
    message: () => ({
      vi: 'Có nội dung nằm ngoài bảng báo cáo; nội dung này sẽ không được gửi.',
      en: 'There is content outside the report table; it will not be submitted.',
    }),
  },
  VALIDATOR_FAILED: {
    severity: 'error',
    message: (p) => ({
      vi: `Lỗi nội bộ khi kiểm tra (${clip(p.detail, 120)}). Hãy báo cho cơ quan điều phối.`,
      en: `Internal error while checking (${clip(p.detail, 120)}). Please tell the coordinating office.`,
    }),
  },
} as const satisfies Record<string, { severity: Severity; message: Msg }>;

export type FindingCode = keyof typeof FINDINGS;
export const FINDING_CODES = Object.keys(FINDINGS) as FindingCode[];

export function finding(
  code: FindingCode,
  cell: string,
  params: FindingParams = {},
  extra: { field?: string; taskId?: string } = {},
): Finding {
  const def = FINDINGS[code];
  const f: Finding = { code, severity: def.severity, cell, message: (def.message as Msg)(params) };
  if (extra.field) f.field = extra.field;
  // A task-shaped TT cell ("I.111…1") is the file's text: clipped like any found value.
  if (extra.taskId) f.taskId = clip(extra.taskId);
  return f;
}
