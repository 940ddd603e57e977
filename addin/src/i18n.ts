// The pane's words, Vietnamese first, English on the switch. Messages that
// come from shared/ or the Worker already carry both ({ vi, en }).
export type Lang = 'vi' | 'en';

export interface Bilingual {
  vi: string;
  en: string;
}

export const pick = (lang: Lang, text: Bilingual): string => text[lang];

const WORDS = {
  title: { vi: 'Báo cáo Kế hoạch 58/KH-UBND', en: 'Plan 58/KH-UBND reporting' },
  switchLang: { vi: 'English', en: 'Tiếng Việt' },
  switchLangLabel: { vi: 'Switch to English', en: 'Chuyển sang tiếng Việt' },
  outside: {
    vi: 'Trang này là bổ trợ (add-in) của Excel: hãy mở nó trong Excel, thẻ Trang đầu → Báo cáo KH 58. Không có Excel? Dùng trang web báo cáo:',
    en: 'This page is an Excel add-in: open it in Excel, Home tab → Báo cáo KH 58. No Excel? Use the reporting web page:',
  },
  webPage: { vi: 'mở trang web', en: 'open the web page' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  // Connect
  connectTitle: { vi: 'Kết nối', en: 'Connect' },
  keyLabel: { vi: 'Khóa truy cập của cơ quan', en: 'Your agency’s access key' },
  keyHint: {
    vi: 'Khóa do Văn phòng điều phối cấp; chỉ lưu trên máy tính này.',
    en: 'Issued by the coordinating office; stored on this computer only.',
  },
  connect: { vi: 'Kết nối', en: 'Connect' },
  connecting: { vi: 'Đang kết nối…', en: 'Connecting…' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  signedInAs: { vi: 'Cơ quan', en: 'Agency' },
  coordinatorRole: { vi: 'Văn phòng điều phối', en: 'Coordinating office' },
  keyEmpty: { vi: 'Hãy nhập khóa truy cập.', en: 'Enter an access key.' },
  // Period
  periodTitle: { vi: 'Kỳ báo cáo', en: 'Report period' },
  periodLabel: { vi: 'Chọn kỳ', en: 'Choose a period' },
  due: { vi: 'Hạn nộp', en: 'Due' },
  daysLeft: { vi: 'còn {n} ngày', en: '{n} days left' },
  dueToday: { vi: 'hôm nay là hạn cuối', en: 'due today' },
  overdue: { vi: 'quá hạn {n} ngày', en: '{n} days overdue' },
  grace: { vi: '(gia hạn thêm {n} ngày)', en: '(grace of {n} days)' },
  locked: { vi: 'Kỳ báo cáo đã khóa', en: 'The period is locked' },
  reopened: {
    vi: 'Đã mở lại để cơ quan nộp bổ sung.',
    en: 'Reopened for your agency to submit.',
  },
  returned: {
    vi: 'Văn phòng điều phối trả lại để chỉnh sửa:',
    en: 'Returned for correction by the coordinating office:',
  },
  lastSent: { vi: 'Đã gửi phiên bản {v} lúc {t}', en: 'Version {v} sent at {t}' },
  accepted: { vi: 'đã được tiếp nhận', en: 'accepted' },
  // Actions
  actionsTitle: { vi: 'Báo cáo', en: 'Report' },
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
  check: { vi: 'Kiểm tra', en: 'Check' },
  checking: { vi: 'Đang kiểm tra…', en: 'Checking…' },
  submit: { vi: 'Gửi báo cáo', en: 'Submit report' },
  submitting: { vi: 'Đang gửi báo cáo…', en: 'Submitting…' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  retryNote: {
    vi: 'Gửi lại an toàn: máy chủ không lưu trùng một báo cáo.',
    en: 'Safe to retry: the server never stores the same report twice.',
  },
  sheetUnchanged: {
    vi: 'Trang tính không bị thay đổi.',
    en: 'Nothing in the sheet was changed.',
  },
  // Findings
  checkedSheet: { vi: 'Trang tính “{s}”', en: 'Sheet “{s}”' },
  clean: { vi: 'Không có lỗi. Có thể gửi báo cáo.', en: 'No errors. Ready to submit.' },
  errors: { vi: 'Lỗi ({n})', en: 'Errors ({n})' },
  warnings: { vi: 'Lưu ý ({n})', en: 'Warnings ({n})' },
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
  receiptTitle: { vi: 'Biên nhận', en: 'Receipt' },
  receiptVersion: { vi: 'Phiên bản', en: 'Version' },
  receiptTime: { vi: 'Thời điểm nhận', en: 'Received at' },
  receiptHash: { vi: 'Mã băm nội dung', en: 'Content hash' },
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
  unchanged: {
    vi: 'Nội dung giống lần gửi trước: không tạo phiên bản mới.',
    en: 'Same content as before: no new version was created.',
  },
  // Coordinator
  completenessTitle: { vi: 'Tình hình nộp báo cáo', en: 'Who has reported' },
  refresh: { vi: 'Tải lại', en: 'Refresh' },
  received: { vi: 'Đã nhận', en: 'Received' },
  onTime: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Trễ hạn', en: 'Late' },
  missing: { vi: 'Chưa nộp', en: 'Missing' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  state: { vi: 'Tình trạng', en: 'Status' },
  version: { vi: 'Bản', en: 'Ver.' },
  review: { vi: 'Duyệt', en: 'Review' },
  reviewAccepted: { vi: 'Đã tiếp nhận', en: 'Accepted' },
  reviewReturned: { vi: 'Trả lại', en: 'Returned' },
  reviewReceived: { vi: 'Chờ duyệt', en: 'To review' },
  openMerged: { vi: 'Mở bảng tổng hợp', en: 'Open the merged workbook' },
  openingMerged: { vi: 'Đang tải bảng tổng hợp…', en: 'Fetching the merged workbook…' },
  mergedOpened: {
    vi: 'Đã mở bảng tổng hợp trong cửa sổ Excel mới.',
    en: 'The merged workbook opened in a new Excel window.',
  },
  mergedDownload: {
    vi: 'Tải bảng tổng hợp (.xlsx)',
    en: 'Download the merged workbook (.xlsx)',
  },
  mergedNoApi: {
    vi: 'Excel này không mở được sổ mới từ bổ trợ: hãy tải tệp về.',
    en: 'This Excel cannot open a new workbook from an add-in: download the file.',
  },
  error: { vi: 'Lỗi', en: 'Error' },
} as const satisfies Record<string, Bilingual>;

export type WordKey = keyof typeof WORDS;

/** A word in the chosen language, with {name} placeholders filled. */
export function t(lang: Lang, key: WordKey, params: Record<string, string | number> = {}): string {
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

export const STATUS_WORDS: Record<string, WordKey> = {
  'on-time': 'onTime',
  late: 'late',
  missing: 'missing',
};

export const REVIEW_WORDS: Record<string, WordKey> = {
  accepted: 'reviewAccepted',
  returned: 'reviewReturned',
  received: 'reviewReceived',
};
