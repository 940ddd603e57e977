// The web page's word book: the shared words (client/words.ts) and those
// only the page shows. Labels of states and roles are shared/vocabulary's.
import { wordBook } from '../../client/i18n.ts';
import { SHARED_WORDS } from '../../client/words.ts';
import type { Bilingual } from '../../shared/text/bilingual.ts';

export const WEB_WORDS = {
  appSubtitle: {
    vi: 'Giảm nghèo bền vững huyện Lý Sơn',
    en: 'Sustainable poverty reduction, Lý Sơn',
  },
  working: { vi: 'Đang xử lý…', en: 'Working…' },
  close: { vi: 'Đóng', en: 'Close' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  errorCode: { vi: 'Mã lỗi', en: 'Error code' },
  pageError: { vi: 'Lỗi trên trang: {d}', en: 'Error in the page: {d}' },
  none: { vi: '—', en: '—' },
  // Sign-in
  signInTitle: { vi: 'Đăng nhập', en: 'Sign in' },
  signInIntro: {
    vi: 'Nhập khóa truy cập do Văn phòng điều phối (Ban Tổ chức, Nội vụ - Lao động, Thương binh và Xã hội) cấp.',
    en: 'Enter the access key issued by the coordinating office (Ban Tổ chức, Nội vụ - Lao động, Thương binh và Xã hội).',
  },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  signingIn: { vi: 'Đang đăng nhập…', en: 'Signing in…' },
  // Periods
  openPeriodMark: { vi: '(kỳ hiện tại)', en: '(current)' },
  cutoff: { vi: 'Số liệu', en: 'Data period' },
  cutoffRange: { vi: 'từ {from} đến {to}', en: '{from} to {to}' },
  grace: { vi: 'Gia hạn', en: 'Grace' },
  graceDays: { vi: '{n} ngày', en: '{n} days' },
  deadline: { vi: 'Hạn cuối', en: 'Final deadline' },
  locked: { vi: 'Đã khóa', en: 'Locked' },
  periodState: { vi: 'Nhận báo cáo', en: 'Accepting reports' },
  lockedBecause: { vi: 'Kỳ báo cáo đã khóa: {r}', en: 'The period is locked: {r}' },
  open: { vi: 'Đang mở', en: 'Open' },
  // Completeness
  expected: { vi: 'Phải nộp', en: 'Expected' },
  actions: { vi: 'Thao tác', en: 'Actions' },
  returnComment: {
    vi: 'Lý do trả lại (cơ quan sẽ thấy)',
    en: 'Why it is returned (the agency sees this)',
  },
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
  mergedHint: {
    vi: 'Một sổ Excel cho cả huyện: Tổng hợp, Chi tiết, Khó khăn - Kiến nghị, Tình hình nộp báo cáo.',
    en: 'One workbook for the district: summary, details, difficulties and proposals, who has reported.',
  },
  reportHint: {
    vi: 'Dự thảo báo cáo bằng văn bản (Word, theo thể thức Nghị định 30/2020/NĐ-CP) từ cùng số liệu: chỉnh sửa, ghi số, ký và đóng dấu trước khi ban hành.',
    en: 'A draft written report (Word, in the form of Decree 30/2020) from the same data: edit, number, sign and seal it before issuing.',
  },
  downloadTemplate: { vi: 'Tải biểu mẫu trống (.xlsx)', en: 'Download the blank template (.xlsx)' },
  downloadReady: { vi: 'Đã tải {f}.', en: 'Downloaded {f}.' },
  downloadAgain: { vi: 'Tải lại tệp', en: 'Save the file again' },
  // Keys
  dateHint: {
    vi: 'Dạng ngày/tháng/năm, ví dụ 16/12/2026.',
    en: 'As day/month/year, e.g. 16/12/2026.',
  },
  dateFormat: {
    vi: 'Ngày phải có dạng ngày/tháng/năm và là một ngày có thật, ví dụ 16/12/2026.',
    en: 'The date must be day/month/year and a real date, e.g. 16/12/2026.',
  },
  agenciesTitle: { vi: 'Tên cơ quan, đơn vị', en: 'Agency names' },
  agenciesIntro: {
    vi: 'Tên mới được dùng ở mọi nơi: biểu mẫu, báo cáo tổng hợp, trang này và phần bổ trợ Excel. Các thôn còn tên tạm được xếp trước.',
    en: 'A new name is used everywhere: templates, the merged workbook, this page and the Excel add-in. Villages still under a placeholder name come first.',
  },
  showAgencies: { vi: 'Đổi tên cơ quan, thôn', en: 'Rename agencies and villages' },
  agencyName: { vi: 'Tên đầy đủ', en: 'Full name' },
  agencyShortName: { vi: 'Tên ngắn (tối đa 40 ký tự)', en: 'Short name (at most 40 characters)' },
  placeholderName: { vi: 'Tên tạm', en: 'Placeholder' },
  saveName: { vi: 'Lưu tên', en: 'Save name' },
  renamed: { vi: 'Đã đổi tên {c} thành “{n}”.', en: 'Renamed {c} to “{n}”.' },
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
  revoke: { vi: 'Thu hồi', en: 'Revoke' },
  revokeConfirm: {
    vi: 'Thu hồi khóa {p}? Cơ quan sẽ không dùng được khóa này nữa.',
    en: 'Revoke key {p}? The agency can no longer use it.',
  },
  revoked: { vi: 'Đã thu hồi khóa {p}.', en: 'Revoked key {p}.' },
  issueKey: { vi: 'Cấp khóa', en: 'Issue a key' },
  issueLabel: { vi: 'Ghi chú (không bắt buộc)', en: 'Label (optional)' },
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
  submittedVersion: { vi: 'Đã nộp phiên bản {v}', en: 'Version {v} submitted' },
  choose: { vi: 'Chọn', en: 'Choose' },
  reopenedBanner: {
    vi: 'Kỳ đã được mở lại cho cơ quan: {r}',
    en: 'The period was reopened for your agency: {r}',
  },
  ownReportIntro: {
    vi: 'Báo cáo của chính đơn vị mình ({a}) được gửi bằng khóa này: tải biểu mẫu của đơn vị, điền, rồi chọn tệp và gửi tại đây (hoặc bấm “Gửi báo cáo” trong phần bổ trợ Excel với khóa này).',
    en: 'Your own office’s report ({a}) is sent with this key: download its template, fill it in, then choose the file and send it here (or press “Gửi báo cáo” in the Excel add-in with this key).',
  },
  uploadTitle: { vi: 'Nộp báo cáo từ tệp Excel', en: 'Submit a filled Excel template' },
  uploadSteps: {
    vi: '1. Tải biểu mẫu trống. 2. Điền các cột Tình trạng đến Đề xuất, kiến nghị. 3. Chọn tệp đã điền và bấm “Gửi báo cáo”.',
    en: '1. Download the blank template. 2. Fill in the columns from Status to Proposals. 3. Choose the filled file and press “Submit report”.',
  },
  fileLabel: { vi: 'Tệp biểu mẫu đã điền (.xlsx)', en: 'Filled template (.xlsx)' },
  noFile: { vi: 'Hãy chọn tệp biểu mẫu đã điền.', en: 'Choose the filled template file.' },
  receiptSaved: {
    vi: 'Đã nhận báo cáo. Hãy lưu lại biên nhận này.',
    en: 'Report received. Keep this receipt.',
  },
  receiptReplayed: {
    vi: 'Tệp này đã được nhận trước đó: đây là biên nhận lần đầu.',
    en: 'This file was already received: this is the first receipt.',
  },
  submittedBy: { vi: 'Người gửi', en: 'Sent by' },
  sheet: { vi: 'Trang tính', en: 'Sheet' },
  notSent: {
    vi: 'Chưa nộp được: còn {n} lỗi. Sửa các ô được nêu trong tệp rồi gửi lại.',
    en: 'Not submitted: {n} errors remain. Fix the cells listed in the file and send it again.',
  },
  cell: { vi: 'Ô', en: 'Cell' },
  // Reading a report before deciding (coordinator), and its notes (agency)
  viewReport: { vi: 'Xem báo cáo', en: 'View report' },
  viewReportOf: { vi: 'Xem báo cáo của {a}', en: 'View {a}’s report' },
  reportTitle: { vi: 'Báo cáo của {a}', en: '{a}’s report' },
  noReport: { vi: 'Cơ quan chưa nộp báo cáo cho kỳ này.', en: 'No report for this period yet.' },
  taskCol: { vi: 'Nhiệm vụ', en: 'Task' },
  compareTitle: { vi: 'So sánh', en: 'Compare' },
  compareReturned: {
    vi: 'Với bản đã trả lại gần nhất',
    en: 'With the version last returned',
  },
  comparePrevious: { vi: 'Với kỳ báo cáo trước', en: 'With the previous period' },
  comparing: {
    vi: 'Các ô tô màu đã thay đổi so với {f}: {n} ô.',
    en: 'Highlighted cells changed since {f}: {n} cells.',
  },
  comparedVersion: { vi: 'phiên bản {v}', en: 'version {v}' },
  comparedPeriod: { vi: 'kỳ {p}, phiên bản {v}', en: '{p}, version {v}' },
  nothingToCompare: {
    vi: 'Chỉ có một phiên bản: chưa có gì để so sánh.',
    en: 'Only one version: nothing to compare with yet.',
  },
  noChanges: { vi: 'Không có ô nào thay đổi.', en: 'No cell changed.' },
  before: { vi: 'Trước', en: 'Before' },
  empty: { vi: '(trống)', en: '(empty)' },
  reviewHistoryTitle: { vi: 'Lịch sử xem xét', en: 'Review history' },
  noReviews: { vi: 'Chưa được xem xét.', en: 'Not reviewed yet.' },
  reviewer: { vi: 'Người xem xét', en: 'Reviewer' },
  reviewedAt: { vi: 'Thời điểm', en: 'When' },
  outcome: { vi: 'Kết quả', en: 'Outcome' },
  comment: { vi: 'Ý kiến', en: 'Comment' },
  notesTitle: { vi: 'Ghi chú theo nhiệm vụ', en: 'Notes on tasks' },
  decideTitle: { vi: 'Quyết định', en: 'Decision' },
  decideOnVersion: {
    vi: 'Áp dụng cho phiên bản mới nhất ({v}).',
    en: 'Applies to the latest version ({v}).',
  },
  noteTask: { vi: 'Nhiệm vụ', en: 'Task' },
  noteField: { vi: 'Cột (không bắt buộc)', en: 'Column (optional)' },
  wholeRow: { vi: 'Cả dòng', en: 'Whole row' },
  noteText: { vi: 'Nội dung ghi chú', en: 'Note' },
  addNote: { vi: 'Thêm ghi chú', en: 'Add note' },
  removeNote: { vi: 'Xóa', en: 'Remove' },
  removeNoteOf: { vi: 'Xóa ghi chú về {t}', en: 'Remove the note on {t}' },
  noteTextRequired: { vi: 'Hãy ghi nội dung ghi chú.', en: 'Write the note.' },
  noteTooLong: {
    vi: 'Ghi chú dài quá 1.000 ký tự.',
    en: 'The note is longer than 1,000 characters.',
  },
  tooManyNotes: { vi: 'Tối đa 200 ghi chú.', en: 'At most 200 notes.' },
  reopenReviewReason: {
    vi: 'Lý do mở lại để xem xét',
    en: 'Why it is reopened for review',
  },
  reopenReasonRequired: {
    vi: 'Hãy ghi lý do mở lại để xem xét.',
    en: 'Write why it is reopened for review.',
  },
  reopenedReview: {
    vi: 'Đã mở lại báo cáo của {a} (phiên bản {v}) để xem xét.',
    en: 'Reopened {a}’s report (version {v}) for review.',
  },
  myNotesTitle: {
    vi: 'Ghi chú của Văn phòng điều phối trên các nhiệm vụ',
    en: 'The coordinating office’s notes on your tasks',
  },
  myNotesIntro: {
    vi: 'Phiên bản {v} được trả lại kèm các ghi chú dưới đây, cạnh từng nhiệm vụ, cột được ghi chú được tô màu.',
    en: 'Version {v} was returned with the notes below, beside each task; a noted column is highlighted.',
  },
  noteOn: { vi: 'Ghi chú', en: 'Note' },
  file: { vi: 'Tệp', en: 'File' },
  downloadVersion: { vi: 'Tải .xlsx', en: 'Download .xlsx' },
  downloadVersionOf: {
    vi: 'Tải phiên bản {v} dạng .xlsx',
    en: 'Download version {v} as .xlsx',
  },
  startFromLast: {
    vi: 'Tải biểu mẫu bắt đầu từ báo cáo đã tiếp nhận gần nhất',
    en: 'Download the template started from the last accepted report',
  },
  startedFrom: {
    vi: 'Đã tải {f}: bắt đầu từ báo cáo kỳ {p}, phiên bản {v} (đã tiếp nhận).',
    en: 'Downloaded {f}: started from the report of {p}, version {v} (accepted).',
  },
  startedBlank: {
    vi: 'Đã tải {f}: chưa có báo cáo nào được tiếp nhận ở kỳ trước, nên biểu mẫu để trống.',
    en: 'Downloaded {f}: no earlier report was accepted, so the template is blank.',
  },
  downloadAnnotated: { vi: 'Tải tệp đã đánh dấu lỗi', en: 'Download the file with errors marked' },
  annotatedHint: {
    vi: 'Tệp của anh/chị, các ô có lỗi tô đỏ, ô cần lưu ý tô vàng, kèm ghi chú trong ô.',
    en: 'Your file, with error cells in red and warning cells in amber, each with a cell note.',
  },
  historyTitle: { vi: 'Lịch sử các phiên bản', en: 'Version history' },
  noHistory: { vi: 'Chưa có phiên bản nào cho kỳ này.', en: 'No versions for this period yet.' },
} as const satisfies Record<string, Bilingual>;

export const { t, both, keys: WORD_KEYS } = wordBook({ ...SHARED_WORDS, ...WEB_WORDS });
export type WordKey = (typeof WORD_KEYS)[number];
