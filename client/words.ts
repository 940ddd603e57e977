// The words both the task pane and the web page show, once. Each app adds
// its own in its word book (addin/src/words.ts, web/src/words.ts); labels of
// review states, timeliness and key roles are shared/vocabulary's.
import type { Bilingual } from '../shared/text/bilingual.ts';

export const SHARED_WORDS = {
  appTitle: { vi: 'Báo cáo Kế hoạch 58/KH-UBND', en: 'Plan 58/KH-UBND reporting' },
  switchLang: { vi: 'English', en: 'Tiếng Việt' },
  switchLangLabel: { vi: 'Switch to English', en: 'Chuyển sang tiếng Việt' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  // Access key
  keyLabel: { vi: 'Khóa truy cập', en: 'Access key' },
  keyHint: {
    vi: 'Khóa do Văn phòng điều phối cấp, chỉ lưu trên máy tính này; “Đăng xuất” sẽ xóa khóa.',
    en: 'Issued by the coordinating office, stored on this computer only; “Sign out” removes it.',
  },
  keyEmpty: { vi: 'Hãy nhập khóa truy cập.', en: 'Enter an access key.' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  // Periods and deadlines
  period: { vi: 'Kỳ báo cáo', en: 'Report period' },
  periodPick: { vi: 'Chọn kỳ báo cáo', en: 'Choose a report period' },
  due: { vi: 'Hạn nộp', en: 'Due' },
  daysLeft: { vi: 'còn {n} ngày', en: '{n} days left' },
  dueToday: { vi: 'hạn nộp là hôm nay', en: 'due today' },
  inGrace: {
    vi: 'quá hạn {n} ngày, còn trong thời gian gia hạn',
    en: '{n} days past due, within grace',
  },
  overdue: { vi: 'quá hạn {n} ngày', en: '{n} days overdue' },
  returnedComment: {
    vi: 'Văn phòng điều phối trả lại báo cáo để sửa:',
    en: 'The coordinating office returned the report for correction:',
  },
  // Sending a report
  submit: { vi: 'Gửi báo cáo', en: 'Submit report' },
  submitting: { vi: 'Đang gửi báo cáo…', en: 'Submitting…' },
  retryNote: {
    vi: 'Gửi lại an toàn: máy chủ không lưu trùng một báo cáo.',
    en: 'Safe to retry: the server never stores the same report twice.',
  },
  checkedSheet: { vi: 'Trang tính “{s}”', en: 'Sheet “{s}”' },
  errorsN: { vi: 'Lỗi ({n})', en: 'Errors ({n})' },
  warningsN: { vi: 'Lưu ý ({n})', en: 'Warnings ({n})' },
  // Receipts and versions
  receiptTitle: { vi: 'Biên nhận', en: 'Receipt' },
  version: { vi: 'Phiên bản', en: 'Version' },
  receivedAt: { vi: 'Thời điểm nhận', en: 'Received at' },
  contentHash: { vi: 'Mã băm nội dung', en: 'Content hash' },
  receiptUnchanged: {
    vi: 'Nội dung giống lần gửi trước: không tạo phiên bản mới.',
    en: 'Same content as before: no new version was created.',
  },
  // Completeness (coordinator)
  completenessTitle: { vi: 'Tình hình nộp báo cáo', en: 'Who has reported' },
  refresh: { vi: 'Tải lại', en: 'Refresh' },
  received: { vi: 'Đã nhận', en: 'Received' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  timeliness: { vi: 'Thời hạn', en: 'Timeliness' },
  review: { vi: 'Duyệt', en: 'Review' },
  downloadMerged: {
    vi: 'Tải bảng tổng hợp (.xlsx)',
    en: 'Download the merged workbook (.xlsx)',
  },
  downloadReport: {
    vi: 'Tải báo cáo (.docx)',
    en: 'Download the report (.docx)',
  },
} as const satisfies Record<string, Bilingual>;

export type SharedWord = keyof typeof SHARED_WORDS;
