// The task pane's word book: the shared words (client/words.ts) and those
// only the pane shows. Labels of states and roles are shared/vocabulary's.
import { wordBook } from '../../client/i18n.ts';
import { SHARED_WORDS } from '../../client/words.ts';
import type { Bilingual } from '../../shared/text/bilingual.ts';
import { NOT_PROGRESS_SHEET } from './office/host.ts';

export const PANE_WORDS = {
  outside: {
    vi: 'Trang này là bổ trợ (add-in) của Excel nhưng không kết nối được với Excel (trang mở ngoài Excel, hoặc office.js không tải được): hãy mở nó trong Excel, thẻ Trang đầu → Báo cáo KH 58. Không được? Báo cáo trên trang web: tải biểu mẫu, điền rồi tải tệp lên:',
    en: 'This page is an Excel add-in but cannot reach Excel (opened outside Excel, or office.js could not load): open it in Excel, Home tab → Báo cáo KH 58. Still no luck? Report on the web page: download the template, fill it in and upload it:',
  },
  tooOld: {
    vi: 'Excel này quá cũ cho bổ trợ (cần ExcelApi 1.7: Excel 2019, 2021 hoặc Microsoft 365), nên không tạo hay kiểm tra được biểu mẫu ở đây. Hãy báo cáo trên trang web: tải biểu mẫu, điền trong Excel này rồi tải tệp lên:',
    en: 'This Excel is too old for the add-in (it needs ExcelApi 1.7: Excel 2019, 2021 or Microsoft 365), so it cannot build or check the form here. Report on the web page: download the template, fill it in this Excel and upload it:',
  },
  webPage: { vi: 'mở trang web', en: 'open the web page' },
  // Connect
  connectTitle: { vi: 'Kết nối', en: 'Connect' },
  connect: { vi: 'Kết nối', en: 'Connect' },
  connecting: { vi: 'Đang kết nối…', en: 'Connecting…' },
  keyNotKept: {
    vi: 'Máy này không cho bổ trợ lưu dữ liệu: khóa chỉ dùng được đến khi đóng ngăn này, lần sau phải nhập lại.',
    en: 'This computer does not let the add-in store data: the key lasts until this pane is closed; enter it again next time.',
  },
  // Period
  graceNote: { vi: '(gia hạn thêm {n} ngày)', en: '(grace of {n} days)' },
  periodLocked: { vi: 'Kỳ báo cáo đã khóa', en: 'The period is locked' },
  reopened: {
    vi: 'Đã mở lại để cơ quan nộp bổ sung.',
    en: 'Reopened for your agency to submit.',
  },
  lastSent: { vi: 'Đã gửi phiên bản {v} lúc {t}', en: 'Version {v} sent at {t}' },
  // Actions
  actionsTitle: { vi: 'Báo cáo', en: 'Report' },
  ownReportTitle: { vi: 'Báo cáo của đơn vị mình: {a}', en: 'Your own office’s report: {a}' },
  create: { vi: 'Tạo biểu mẫu', en: 'Create the sheet' },
  creating: { vi: 'Đang tạo biểu mẫu…', en: 'Creating the sheet…' },
  created: {
    vi: 'Đã tạo trang tính “{s}”. Điền các cột F–K.',
    en: 'Sheet “{s}” created. Fill in columns F–K.',
  },
  activated: {
    vi: 'Trang tính “{s}” đã có: đã chuyển đến, không ghi đè.',
    en: 'Sheet “{s}” already exists: switched to it, nothing overwritten.',
  },
  noValidation: {
    vi: 'Phiên bản Excel này không hỗ trợ danh sách chọn; nút Kiểm tra vẫn kiểm tra đầy đủ.',
    en: 'This Excel version has no dropdown lists; Check still checks everything.',
  },
  startFromLast: {
    vi: 'Bắt đầu từ báo cáo đã tiếp nhận gần nhất (tình trạng, tỷ lệ, sản phẩm đã hoàn thành)',
    en: 'Start from the last accepted report (status, percent, products completed)',
  },
  createdFrom: {
    vi: 'Đã tạo trang tính “{s}”, bắt đầu từ báo cáo kỳ {f}. Điền kết quả thực hiện trong kỳ.',
    en: 'Sheet “{s}” created, starting from the report for {f}. Fill in this period’s results.',
  },
  noCarry: {
    vi: 'Chưa có báo cáo kỳ trước nào được tiếp nhận: đã tạo trang tính “{s}” trống.',
    en: 'No earlier report has been accepted: sheet “{s}” was created blank.',
  },
  loadLast: { vi: 'Nạp báo cáo đã gửi', en: 'Load the report sent' },
  loadingLast: { vi: 'Đang nạp báo cáo đã gửi…', en: 'Loading the report sent…' },
  loaded: {
    vi: 'Đã nạp phiên bản {f} vào trang tính “{s}”.',
    en: 'Version {f} loaded into sheet “{s}”.',
  },
  nothingSent: {
    vi: 'Chưa gửi báo cáo nào cho kỳ này.',
    en: 'No report has been sent for this period.',
  },
  confirmOverwrite: {
    vi: '{n} ô trên trang tính đã có nội dung khác phiên bản {v}. Ghi đè các ô đó bằng phiên bản {v}?',
    en: '{n} cells of the sheet hold something other than version {v}. Overwrite them with version {v}?',
  },
  overwrite: { vi: 'Ghi đè', en: 'Overwrite' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  check: { vi: 'Kiểm tra', en: 'Check' },
  checking: { vi: 'Đang kiểm tra…', en: 'Checking…' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  sheetUnchanged: {
    vi: 'Trang tính không bị thay đổi.',
    en: 'Nothing in the sheet was changed.',
  },
  // Notes on a returned report
  notesTitle: {
    vi: 'Ghi chú của Văn phòng điều phối (phiên bản {v})',
    en: 'Notes from the coordinating office (version {v})',
  },
  notesMarked: {
    vi: 'Các ô có ghi chú được tô xanh nhạt. Bấm một ghi chú để đến ô đó.',
    en: 'The cells with notes are shaded light blue. Click a note to go to its cell.',
  },
  notesUnmarked: {
    vi: 'Sổ này chưa có trang tính “{s}”: bấm “Tạo biểu mẫu” hoặc “Nạp báo cáo đã gửi” để đánh dấu các ô.',
    en: 'This workbook has no sheet “{s}” yet: press “Create the sheet” or “Load the report sent” to mark the cells.',
  },
  taskNo: { vi: 'Mục {n}', en: 'Task {n}' },
  wholeRow: { vi: 'cả dòng', en: 'whole row' },
  // Findings
  clean: { vi: 'Không có lỗi. Có thể gửi báo cáo.', en: 'No errors. Ready to submit.' },
  notSent: {
    vi: 'Chưa gửi: còn {n} lỗi. Sửa các ô được tô đỏ rồi gửi lại.',
    en: 'Not sent: {n} errors remain. Fix the cells marked red and submit again.',
  },
  highlightFailed: {
    vi: 'Không tô màu được các ô lỗi (trang tính đang khóa bằng mật khẩu?).',
    en: 'Could not mark the cells (is the sheet protected with a password?).',
  },
  goToCell: { vi: 'Đến ô {c}', en: 'Go to cell {c}' },
  // Receipt
  receiptSaved: {
    vi: 'Đã ghi vào trang tính “{s}” của sổ này.',
    en: 'Recorded in this workbook’s “{s}” sheet.',
  },
  receiptNotSaved: {
    vi: 'Đã gửi, nhưng không ghi được biên nhận vào sổ: hãy chụp lại thông tin này.',
    en: 'Sent, but the receipt could not be written to the workbook: keep a copy of this.',
  },
  replayed: {
    vi: 'Báo cáo này đã được nhận ở lần gửi trước (câu trả lời khi đó bị mất trên đường truyền): đây là biên nhận của lần đó, không tạo bản trùng.',
    en: 'This report had already arrived (the answer was lost on the way back): this is its receipt; no duplicate was stored.',
  },
  // Coordinator
  versionShort: { vi: 'Bản', en: 'Ver.' },
  openMerged: { vi: 'Mở bảng tổng hợp', en: 'Open the merged workbook' },
  openingMerged: { vi: 'Đang tải bảng tổng hợp…', en: 'Fetching the merged workbook…' },
  fetchingReportDocx: { vi: 'Đang tạo báo cáo (.docx)…', en: 'Making the report (.docx)…' },
  saveReportDocx: { vi: 'Lưu báo cáo (.docx) về máy', en: 'Save the report (.docx)' },
  mergedOpened: {
    vi: 'Đã mở bảng tổng hợp trong cửa sổ Excel mới.',
    en: 'The merged workbook opened in a new Excel window.',
  },
  notProgressSheet: NOT_PROGRESS_SHEET,
  mergedNoApi: {
    vi: 'Excel này không mở được sổ mới từ bổ trợ: hãy tải tệp về.',
    en: 'This Excel cannot open a new workbook from an add-in: download the file.',
  },
  mergedFailed: {
    vi: 'Excel không mở được sổ mới ({d}): hãy tải tệp về.',
    en: 'Excel could not open a new workbook ({d}): download the file.',
  },
  mergedWebPage: {
    vi: 'Mở trang web báo cáo trong trình duyệt để tải bảng tổng hợp (đăng nhập bằng khóa của bạn)',
    en: 'Open the reporting web page in the browser to download the merged workbook (sign in with your key)',
  },
  // One agency's report (coordinator)
  openReport: { vi: 'Xem báo cáo của {a}', en: 'Read {a}’s report' },
  loadingReport: { vi: 'Đang tải báo cáo…', en: 'Loading the report…' },
  backToTable: { vi: '← Bảng tình hình nộp', en: '← Who has reported' },
  noVersionYet: { vi: 'Chưa nhận được báo cáo nào.', en: 'No report received yet.' },
  versionsTitle: { vi: 'Các phiên bản đã nhận', en: 'Versions received' },
  changesTitle: {
    vi: 'Thay đổi so với phiên bản {v}',
    en: 'Changes since version {v}',
  },
  noChanges: { vi: 'Không có ô nào thay đổi.', en: 'No cell changed.' },
  compareWith: { vi: 'So sánh với', en: 'Compare with' },
  compareReturned: { vi: 'Bản đã trả lại', en: 'The version returned' },
  comparePrevious: { vi: 'Kỳ báo cáo trước', en: 'The previous period' },
  changesSincePeriod: {
    vi: 'Thay đổi so với báo cáo kỳ {p} (phiên bản {v})',
    en: 'Changes since the report for {p} (version {v})',
  },
  before: { vi: 'Trước', en: 'Before' },
  after: { vi: 'Sau', en: 'After' },
  reportTasks: { vi: 'Nội dung phiên bản {v}', en: 'Version {v} in full' },
  changed: { vi: 'đã sửa', en: 'changed' },
  empty: { vi: '(trống)', en: '(empty)' },
  error: { vi: 'Lỗi', en: 'Error' },
  excelError: { vi: 'Excel báo lỗi: {d}', en: 'Excel reported an error: {d}' },
} as const satisfies Record<string, Bilingual>;

export const { t, both, keys: WORD_KEYS } = wordBook({ ...SHARED_WORDS, ...PANE_WORDS });
export type WordKey = (typeof WORD_KEYS)[number];
