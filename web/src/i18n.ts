// The page's words, Vietnamese first, English on the switch. Messages from
// shared/ or the Worker already carry both ({ vi, en }) and are shown as they are.
export type Lang = 'vi' | 'en';

export interface Bilingual {
  vi: string;
  en: string;
}

const WORDS = {
  appTitle: { vi: 'Báo cáo Kế hoạch 58/KH-UBND', en: 'Plan 58/KH-UBND reporting' },
  appSubtitle: {
    vi: 'Giảm nghèo bền vững huyện Lý Sơn',
    en: 'Sustainable poverty reduction, Lý Sơn',
  },
  switchLang: { vi: 'English', en: 'Tiếng Việt' },
  switchLangLabel: { vi: 'Switch to English', en: 'Chuyển sang tiếng Việt' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  working: { vi: 'Đang xử lý…', en: 'Working…' },
  close: { vi: 'Đóng', en: 'Close' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  save: { vi: 'Lưu', en: 'Save' },
  refresh: { vi: 'Tải lại', en: 'Refresh' },
  error: { vi: 'Lỗi', en: 'Error' },
  errorCode: { vi: 'Mã lỗi', en: 'Error code' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  none: { vi: '—', en: '—' },
  // Sign-in
  signInTitle: { vi: 'Đăng nhập', en: 'Sign in' },
  signInIntro: {
    vi: 'Nhập khóa truy cập do Văn phòng điều phối (Ban Tổ chức, Nội vụ - Lao động, Thương binh và Xã hội) cấp.',
    en: 'Enter the access key issued by the coordinating office (Ban Tổ chức, Nội vụ - Lao động, Thương binh và Xã hội).',
  },
  keyLabel: { vi: 'Khóa truy cập', en: 'Access key' },
  keyHint: {
    vi: 'Khóa chỉ được lưu trên máy tính này; “Đăng xuất” sẽ xóa khóa.',
    en: 'The key is stored on this computer only; “Sign out” removes it.',
  },
  keyEmpty: { vi: 'Hãy nhập khóa truy cập.', en: 'Enter an access key.' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  signingIn: { vi: 'Đang đăng nhập…', en: 'Signing in…' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  roleCoordinator: { vi: 'Văn phòng điều phối', en: 'Coordinating office' },
  roleAgency: { vi: 'Cơ quan báo cáo', en: 'Reporting agency' },
  // Periods
  period: { vi: 'Kỳ báo cáo', en: 'Report period' },
  periodPick: { vi: 'Chọn kỳ báo cáo', en: 'Choose a report period' },
  openPeriodMark: { vi: '(kỳ hiện tại)', en: '(current)' },
  cutoff: { vi: 'Số liệu', en: 'Data period' },
  cutoffRange: { vi: 'từ {from} đến {to}', en: '{from} to {to}' },
  due: { vi: 'Hạn nộp', en: 'Due' },
  grace: { vi: 'Gia hạn', en: 'Grace' },
  graceDays: { vi: '{n} ngày', en: '{n} days' },
  deadline: { vi: 'Hạn cuối', en: 'Final deadline' },
  daysLeft: { vi: 'còn {n} ngày', en: '{n} days left' },
  dueToday: { vi: 'hạn nộp là hôm nay', en: 'due today' },
  inGrace: {
    vi: 'quá hạn {n} ngày, còn trong thời gian gia hạn',
    en: '{n} days past due, within grace',
  },
  overdue: { vi: 'quá hạn {n} ngày', en: '{n} days overdue' },
  locked: { vi: 'Đã khóa', en: 'Locked' },
  periodState: { vi: 'Nhận báo cáo', en: 'Accepting reports' },
  lockedBecause: { vi: 'Kỳ báo cáo đã khóa: {r}', en: 'The period is locked: {r}' },
  open: { vi: 'Đang mở', en: 'Open' },
  // Completeness
  completenessTitle: { vi: 'Tình hình nộp báo cáo', en: 'Who has reported' },
  expected: { vi: 'Phải nộp', en: 'Expected' },
  received: { vi: 'Đã nhận', en: 'Received' },
  onTime: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Trễ hạn', en: 'Late' },
  missing: { vi: 'Chưa nộp', en: 'Missing' },
  missingOverdue: { vi: 'Chưa nộp (quá hạn)', en: 'Missing (overdue)' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  timeliness: { vi: 'Thời hạn', en: 'Timeliness' },
  version: { vi: 'Phiên bản', en: 'Version' },
  receivedAt: { vi: 'Thời điểm nhận', en: 'Received at' },
  review: { vi: 'Duyệt', en: 'Review' },
  actions: { vi: 'Thao tác', en: 'Actions' },
  reviewReceived: { vi: 'Chờ duyệt', en: 'To review' },
  reviewAccepted: { vi: 'Đã tiếp nhận', en: 'Accepted' },
  reviewReturned: { vi: 'Trả lại để sửa', en: 'Returned for correction' },
  accept: { vi: 'Tiếp nhận', en: 'Accept' },
  returnForCorrection: { vi: 'Trả lại', en: 'Return' },
  returnComment: {
    vi: 'Lý do trả lại (cơ quan sẽ thấy)',
    en: 'Why it is returned (the agency sees this)',
  },
  returnConfirm: { vi: 'Trả lại để sửa', en: 'Return for correction' },
  commentRequired: {
    vi: 'Hãy ghi lý do trả lại để cơ quan biết cần sửa gì.',
    en: 'Write why it is returned so the agency knows what to fix.',
  },
  accepted: {
    vi: 'Đã tiếp nhận báo cáo của {a} (phiên bản {v}).',
    en: 'Accepted {a}’s report (version {v}).',
  },
  returned: {
    vi: 'Đã trả lại báo cáo của {a} để sửa.',
    en: 'Returned {a}’s report for correction.',
  },
  chartTitle: { vi: 'Số cơ quan theo tình trạng nộp', en: 'Agencies by reporting status' },
  template: { vi: 'Biểu mẫu', en: 'Template' },
  templateOf: { vi: 'Tải biểu mẫu trống của {a}', en: 'Download {a}’s blank template' },
  reopenedFor: { vi: 'Đã mở lại: {r}', en: 'Reopened: {r}' },
  // Period settings
  settingsTitle: { vi: 'Thời hạn và khóa kỳ', en: 'Deadline and lock' },
  dueLabel: { vi: 'Hạn nộp', en: 'Due date' },
  graceLabel: { vi: 'Số ngày gia hạn', en: 'Grace (days)' },
  saveDeadline: { vi: 'Lưu thời hạn', en: 'Save deadline' },
  savedDeadline: { vi: 'Đã lưu thời hạn của kỳ {p}.', en: 'Saved the deadline of {p}.' },
  lockReason: { vi: 'Lý do khóa', en: 'Reason for locking' },
  lock: { vi: 'Khóa kỳ', en: 'Lock the period' },
  unlock: { vi: 'Mở khóa kỳ', en: 'Unlock the period' },
  lockReasonRequired: { vi: 'Hãy ghi lý do khóa.', en: 'Write the reason for locking.' },
  lockedDone: { vi: 'Đã khóa kỳ {p}.', en: 'Locked {p}.' },
  unlockedDone: { vi: 'Đã mở khóa kỳ {p}.', en: 'Unlocked {p}.' },
  reopenTitle: { vi: 'Mở lại cho một cơ quan', en: 'Reopen for one agency' },
  reopenHint: {
    vi: 'Cho một cơ quan nộp vào kỳ đã khóa.',
    en: 'Let one agency submit into the locked period.',
  },
  reopenReason: { vi: 'Lý do mở lại', en: 'Reason for reopening' },
  reopen: { vi: 'Mở lại', en: 'Reopen' },
  reopenedDone: { vi: 'Đã mở lại kỳ {p} cho {a}.', en: 'Reopened {p} for {a}.' },
  closeReopening: { vi: 'Đóng lại', en: 'Close' },
  closedReopening: { vi: 'Đã đóng việc mở lại cho {a}.', en: 'Closed the reopening for {a}.' },
  reopenings: { vi: 'Đang mở lại cho', en: 'Reopened for' },
  noReopenings: { vi: 'Chưa mở lại cho cơ quan nào.', en: 'Not reopened for any agency.' },
  reasonRequired: { vi: 'Hãy ghi lý do.', en: 'Write a reason.' },
  // Downloads
  downloadsTitle: { vi: 'Tải về', en: 'Downloads' },
  merged: { vi: 'Tải bảng tổng hợp (.xlsx)', en: 'Download the merged workbook (.xlsx)' },
  mergedHint: {
    vi: 'Một sổ Excel cho cả huyện: Tổng hợp, Chi tiết, Khó khăn - Kiến nghị, Tình hình nộp báo cáo.',
    en: 'One workbook for the district: summary, details, difficulties and proposals, who has reported.',
  },
  downloadTemplate: { vi: 'Tải biểu mẫu trống (.xlsx)', en: 'Download the blank template (.xlsx)' },
  downloadReady: { vi: 'Đã tải {f}.', en: 'Downloaded {f}.' },
  downloadAgain: { vi: 'Tải lại tệp', en: 'Save the file again' },
  // Keys
  keysTitle: { vi: 'Khóa truy cập', en: 'Access keys' },
  keysIntro: {
    vi: 'Máy chủ chỉ lưu mã băm của khóa: khóa mới chỉ hiện một lần.',
    en: 'The server keeps only a hash of each key: a new key is shown once.',
  },
  prefix: { vi: 'Tiền tố', en: 'Prefix' },
  role: { vi: 'Vai trò', en: 'Role' },
  label: { vi: 'Ghi chú', en: 'Label' },
  createdAt: { vi: 'Ngày cấp', en: 'Issued' },
  revokedAt: { vi: 'Đã thu hồi', en: 'Revoked' },
  active: { vi: 'Đang dùng', en: 'Active' },
  revoke: { vi: 'Thu hồi', en: 'Revoke' },
  revokeConfirm: {
    vi: 'Thu hồi khóa {p}? Cơ quan sẽ không dùng được khóa này nữa.',
    en: 'Revoke key {p}? The agency can no longer use it.',
  },
  revoked: { vi: 'Đã thu hồi khóa {p}.', en: 'Revoked key {p}.' },
  issueKey: { vi: 'Cấp khóa', en: 'Issue a key' },
  issueLabel: { vi: 'Ghi chú (không bắt buộc)', en: 'Label (optional)' },
  roleAgencyKey: { vi: 'Khóa cơ quan', en: 'Agency key' },
  roleCoordinatorKey: { vi: 'Khóa điều phối', en: 'Coordinator key' },
  newKeyTitle: { vi: 'Khóa mới cho {a}', en: 'New key for {a}' },
  newKeyOnce: {
    vi: 'Hãy sao chép và gửi khóa cho cơ quan ngay: khóa sẽ không hiện lại.',
    en: 'Copy the key and pass it to the agency now: it will not be shown again.',
  },
  copy: { vi: 'Sao chép', en: 'Copy' },
  copied: { vi: 'Đã sao chép', en: 'Copied' },
  copyFailed: {
    vi: 'Không sao chép được: hãy chọn và sao chép bằng tay.',
    en: 'Could not copy: select it and copy by hand.',
  },
  showKeys: { vi: 'Hiện danh sách khóa', en: 'Show the keys' },
  // Agency
  myPeriodsTitle: { vi: 'Các kỳ báo cáo', en: 'Report periods' },
  year: { vi: 'Năm', en: 'Year' },
  myState: { vi: 'Báo cáo của cơ quan', en: 'Your report' },
  notSubmitted: { vi: 'Chưa nộp', en: 'Not submitted' },
  submittedVersion: { vi: 'Đã nộp phiên bản {v}', en: 'Version {v} submitted' },
  choose: { vi: 'Chọn', en: 'Choose' },
  chosen: { vi: 'Đang chọn', en: 'Selected' },
  returnedBanner: {
    vi: 'Văn phòng điều phối trả lại báo cáo để sửa:',
    en: 'The coordinating office returned the report for correction:',
  },
  reopenedBanner: {
    vi: 'Kỳ đã được mở lại cho cơ quan: {r}',
    en: 'The period was reopened for your agency: {r}',
  },
  uploadTitle: { vi: 'Nộp báo cáo từ tệp Excel', en: 'Submit a filled Excel template' },
  uploadSteps: {
    vi: '1. Tải biểu mẫu trống. 2. Điền các cột Tình trạng đến Đề xuất, kiến nghị. 3. Chọn tệp đã điền và bấm “Gửi báo cáo”.',
    en: '1. Download the blank template. 2. Fill in the columns from Status to Proposals. 3. Choose the filled file and press “Submit report”.',
  },
  fileLabel: { vi: 'Tệp biểu mẫu đã điền (.xlsx)', en: 'Filled template (.xlsx)' },
  noFile: { vi: 'Hãy chọn tệp biểu mẫu đã điền.', en: 'Choose the filled template file.' },
  upload: { vi: 'Gửi báo cáo', en: 'Submit report' },
  uploading: { vi: 'Đang gửi báo cáo…', en: 'Submitting…' },
  retryNote: {
    vi: 'Gửi lại tệp này an toàn: máy chủ không lưu trùng.',
    en: 'Safe to send this file again: the server never stores it twice.',
  },
  receiptTitle: { vi: 'Biên nhận', en: 'Receipt' },
  receiptSaved: {
    vi: 'Đã nhận báo cáo. Hãy lưu lại biên nhận này.',
    en: 'Report received. Keep this receipt.',
  },
  receiptUnchanged: {
    vi: 'Nội dung giống lần gửi trước: không tạo phiên bản mới.',
    en: 'Same content as before: no new version was created.',
  },
  receiptReplayed: {
    vi: 'Tệp này đã được nhận trước đó: đây là biên nhận lần đầu.',
    en: 'This file was already received: this is the first receipt.',
  },
  contentHash: { vi: 'Mã băm nội dung', en: 'Content hash' },
  submittedBy: { vi: 'Người gửi', en: 'Sent by' },
  sheet: { vi: 'Trang tính', en: 'Sheet' },
  errorsN: { vi: 'Lỗi ({n})', en: 'Errors ({n})' },
  warningsN: { vi: 'Lưu ý ({n})', en: 'Warnings ({n})' },
  notSent: {
    vi: 'Chưa nộp được: còn {n} lỗi. Sửa các ô được nêu trong tệp rồi gửi lại.',
    en: 'Not submitted: {n} errors remain. Fix the cells listed in the file and send it again.',
  },
  cell: { vi: 'Ô', en: 'Cell' },
  checkedSheet: { vi: 'Trang tính “{s}”', en: 'Sheet “{s}”' },
  historyTitle: { vi: 'Lịch sử các phiên bản', en: 'Version history' },
  noHistory: { vi: 'Chưa có phiên bản nào cho kỳ này.', en: 'No versions for this period yet.' },
  comment: { vi: 'Ý kiến', en: 'Comment' },
} as const satisfies Record<string, Bilingual>;

export type WordKey = keyof typeof WORDS;
export type Params = Record<string, string | number>;

/** A word in the chosen language, with {name} placeholders filled. */
export function t(lang: Lang, key: WordKey, params: Params = {}): string {
  return fill(WORDS[key][lang], params);
}

/** Both languages of a word (e.g. for an error that should read in either). */
export function both(key: WordKey, params: Params = {}): Bilingual {
  return { vi: fill(WORDS[key].vi, params), en: fill(WORDS[key].en, params) };
}

export function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

export const pick = (lang: Lang, text: Bilingual): string => text[lang];
export const other = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');

/** The stored choice, Vietnamese unless English was chosen. */
export function langFrom(stored: string | null | undefined): Lang {
  return stored === 'en' ? 'en' : 'vi';
}

export const WORD_KEYS = Object.keys(WORDS) as WordKey[];
