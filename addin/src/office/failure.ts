// Excel's errors in the clerk's words. Office.js rejects a failed batch with
// an OfficeExtension.Error whose `code` names what went wrong (Excel.ErrorCodes
// in the Office.js reference; "Error handling with the application-specific
// JavaScript APIs", learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
// Each code a clerk can meet becomes one OfficeFailure kind with a bilingual
// message that says what to do; Excel's own text is kept only as a detail.
import type { Bilingual } from '../../../shared/text/bilingual.ts';

export type OfficeFailureKind =
  | 'cellEdit'
  | 'readOnly'
  | 'passwordProtected'
  | 'notFound'
  | 'refused'
  | 'unsupported'
  | 'busy';

const TEXTS: Record<OfficeFailureKind, Bilingual> = {
  cellEdit: {
    vi: 'Excel đang sửa một ô. Nhấn Enter (hoặc Esc) để rời ô đó rồi bấm lại.',
    en: 'Excel is editing a cell. Press Enter (or Esc) to leave that cell, then press the button again.',
  },
  readOnly: {
    vi: 'Excel không cho thay đổi sổ làm việc này: sổ đang mở chỉ đọc, đang được chia sẻ hoặc trang tính bị khoá. Lưu một bản sao (Tệp › Lưu thành) rồi mở bản sao và thử lại.',
    en: 'Excel does not allow changes to this workbook: it is open read-only, shared, or the sheet is locked. Save a copy (File › Save As), open the copy and try again.',
  },
  passwordProtected: {
    vi: 'Trang tính được bảo vệ bằng mật khẩu nên không thể đánh dấu các ô. Bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) hoặc tạo lại biểu mẫu bằng nút “Tạo biểu mẫu”.',
    en: 'The sheet is protected with a password, so its cells cannot be marked. Unprotect it (Review › Unprotect Sheet) or make a new form with “Tạo biểu mẫu”.',
  },
  notFound: {
    vi: 'Không tìm thấy trang tính hoặc ô cần dùng: có thể đã bị đổi tên hoặc xoá. Kiểm tra lại tên trang tính, hoặc bấm “Tạo biểu mẫu” để tạo lại.',
    en: 'The sheet or cell needed was not found: it may have been renamed or deleted. Check the sheet name, or press “Tạo biểu mẫu” to make it again.',
  },
  refused: {
    vi: 'Excel từ chối thao tác lúc này (có thể đang mở hộp thoại, đang lọc dữ liệu hoặc trang tính bị khoá). Đóng hộp thoại, bỏ lọc rồi thử lại.',
    en: 'Excel refused the operation just now (a dialog may be open, a filter on, or the sheet locked). Close the dialog, clear the filter and try again.',
  },
  unsupported: {
    vi: 'Phiên bản Excel này hoặc sổ làm việc dạng chia sẻ không hỗ trợ thao tác này. Lưu sổ dưới dạng .xlsx thường (không chia sẻ) rồi thử lại, hoặc dùng trang web.',
    en: 'This Excel version or a shared workbook does not support this operation. Save the workbook as a plain (unshared) .xlsx and try again, or use the web page.',
  },
  busy: {
    vi: 'Excel đang bận hoặc gặp lỗi tạm thời. Đợi một lát rồi bấm lại; nếu vẫn lỗi, lưu sổ và mở lại Excel.',
    en: 'Excel is busy or hit a passing error. Wait a moment and press again; if it persists, save the workbook and restart Excel.',
  },
};

/** Kinds where pressing the same button again, as it is, can succeed. */
const RETRYABLE: ReadonlySet<OfficeFailureKind> = new Set(['cellEdit', 'busy']);

/** An Excel error explained: `kind`, `text` (what to do) and Excel's own `detail`. */
export class OfficeFailure extends Error {
  readonly kind: OfficeFailureKind;
  readonly text: Bilingual;
  readonly detail: string;
  readonly retryable: boolean;
  constructor(kind: OfficeFailureKind, detail: string) {
    super(`${TEXTS[kind].vi} / ${TEXTS[kind].en}`);
    this.name = 'OfficeFailure';
    this.kind = kind;
    this.text = TEXTS[kind];
    this.detail = detail;
    this.retryable = RETRYABLE.has(kind);
  }
}

/** Excel.ErrorCodes values and the kind each becomes; any other code is `busy`. */
const KINDS: Record<string, OfficeFailureKind> = {
  InvalidOperationInCellEditMode: 'cellEdit',
  AccessDenied: 'readOnly',
  ItemNotFound: 'notFound',
  InvalidObjectPath: 'notFound',
  InvalidReference: 'notFound',
  InvalidOperation: 'refused',
  InvalidArgument: 'refused',
  FilteredRangeConflict: 'refused',
  MergedRangeConflict: 'refused',
  UnsupportedOperation: 'unsupported',
  UnsupportedFeature: 'unsupported',
  UnsupportedSheet: 'unsupported',
  NotImplemented: 'unsupported',
  ApiNotFound: 'unsupported',
  GeneralException: 'busy',
  RequestAborted: 'busy',
  Conflict: 'busy',
};

/**
 * `e` as an OfficeFailure: kept as it is when it already is one; otherwise
 * by its OfficeExtension.Error `code` (or a message starting "Code:" when
 * there is no code property).
 */
export function officeFailure(e: unknown): OfficeFailure {
  if (e instanceof OfficeFailure) return e;
  const message = e instanceof Error ? e.message : String(e);
  const code =
    (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
      ? (e as { code: string }).code
      : /^([A-Za-z]+):/.exec(message)?.[1]) ?? '';
  const detail = !code || message.startsWith(code) ? message : `${code}: ${message}`;
  // A method the host lacks (e.g. Excel.createWorkbook claimed but absent) is a TypeError.
  const kind = KINDS[code] ?? (!code && e instanceof TypeError ? 'unsupported' : 'busy');
  return new OfficeFailure(kind, detail);
}
