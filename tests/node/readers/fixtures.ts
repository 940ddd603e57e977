// Inputs for the merged workbook and the template, made in Node without a
// Worker: a period where most agencies reported (realistic Vietnamese texts
// of 100–600 characters, plus hostile strings), and one where nobody did.
import { STATUSES, type StatusCode } from '../../../shared/layout/columns.ts';
import { getPeriod } from '../../../shared/periods/index.ts';
import { lySon58 } from '../../../shared/plan/index.ts';
import type { SubmissionRow } from '../../../shared/submission/schema.ts';
import type {
  ChosenReport,
  CompletenessRow,
  MergedInput,
  MergedPeriod,
} from '../../../worker/src/reports/merged.ts';
import { TEST_DOCUMENT } from '../../support/document-settings.ts';

export const plan = lySon58;
export const PERIOD_CODE = '2026-Q1';

export function period(code = PERIOD_CODE): MergedPeriod {
  const p = getPeriod(code);
  return { code: p.code, label: p.label, cutoff: p.cutoff, due: p.due, graceDays: p.graceDays };
}

/** Strings that break naive writers; each must come back exactly (see HOSTILE_CELLS). */
export const HOSTILE = {
  formula: '=SUM(A1)',
  plus: '+1',
  minus: '-1',
  at: '@x',
  escapeLiteral: '_x0041_',
  control: 'Ký tự điều khiển:\u0001\u0007 hết',
  crlf: 'Dòng thứ nhất\r\nDòng thứ hai\r\nDòng thứ ba',
  // NFC Vietnamese with every tone mark on several vowels, and đ/Đ.
  nfc: 'Đã hỗ trợ hộ nghèo, hộ cận nghèo ở thôn thử nghiệm: ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự ỳ ỷ ỹ ỵ'.normalize(
    'NFC',
  ),
  long: `${'Nội dung rất dài về công tác giảm nghèo bền vững. '.repeat(400)}`.slice(0, 20_000),
} as const;

/** A renamed village (D1 names are edited by the coordinator) that looks like a formula. */
export const HOSTILE_VILLAGE = '=Thôn thử nghiệm+1';

export const AGENCY_NAMES: Record<string, string> = {
  ...Object.fromEntries(plan.agencies.map((a) => [a.code, a.name])),
  'THON-01': 'Thôn thử nghiệm Một',
  'THON-02': 'Thôn thử nghiệm Hai',
  'THON-03': HOSTILE_VILLAGE,
};

const SENTENCES = [
  'Đã tổ chức 02 hội nghị quán triệt Chỉ thị số 05-CT/TW và Nghị quyết số 160/NQ-CP cho cán bộ, đảng viên với 135 lượt người tham dự.',
  'Phối hợp với Trung tâm Truyền thông - Văn hóa - Thể thao phát 12 tin, bài tuyên truyền về giảm nghèo bền vững trên hệ thống loa truyền thanh.',
  'Rà soát, cập nhật danh sách hộ nghèo, hộ cận nghèo theo chuẩn nghèo đa chiều giai đoạn 2022 - 2025; kết quả đã gửi Ban Tổ chức, Nội vụ - Lao động, Thương binh và Xã hội.',
  'Giải ngân 1.250 triệu đồng vốn vay ưu đãi cho 38 hộ nghèo, hộ cận nghèo và hộ mới thoát nghèo để phát triển sản xuất hành, tỏi.',
  'Tổ chức 01 lớp tập huấn kỹ thuật trồng tỏi và nuôi trồng thủy sản cho 45 lao động thuộc hộ nghèo.',
  'Kiểm tra việc thực hiện chính sách hỗ trợ nhà ở cho hộ nghèo tại 03 thôn; không phát hiện sai phạm.',
  'Vận động các doanh nghiệp, nhà hảo tâm ủng hộ Quỹ “Vì người nghèo” được 86 triệu đồng.',
  'Hỗ trợ 100% học sinh thuộc hộ nghèo được miễn, giảm học phí và hỗ trợ chi phí học tập theo quy định.',
];

/** Realistic text of about `length` characters (100–600), made of the sentences above. */
function prose(seed: number, length: number): string {
  let s = '';
  for (let i = seed; s.length < length; i++)
    s += `${s ? ' ' : ''}${SENTENCES[i % SENTENCES.length]}`;
  return s;
}

/** The last sentence of LONG_RESULT: it must be on paper (no row cut off at 409 points). */
export const LONG_RESULT_END =
  'Câu cuối cùng của kết quả dài bốn nghìn ký tự được in đầy đủ trên giấy.';

/**
 * A result just under the limit (TEXT_LIMITS.result, 4,000 characters), of
 * THON-02's first task: realistic sentences cut at a word, then LONG_RESULT_END.
 */
export const LONG_RESULT = (() => {
  const body = prose(2, 4_000).slice(0, 4_000 - LONG_RESULT_END.length - 1);
  return `${body.slice(0, body.lastIndexOf(' '))} ${LONG_RESULT_END}`;
})();

/** The last sentence of LONG_DIFFICULTY. */
export const LONG_DIFFICULTY_END =
  'Câu cuối cùng của khó khăn dài hai nghìn ký tự được in đầy đủ trên giấy.';

/** A difficulty just under its limit (2,000 characters), of THON-02's first task. */
export const LONG_DIFFICULTY = (() => {
  const body = prose(5, 2_000).slice(0, 2_000 - LONG_DIFFICULTY_END.length - 1);
  return `${body.slice(0, body.lastIndexOf(' '))} ${LONG_DIFFICULTY_END}`;
})();

const CYCLE: StatusCode[] = ['in-progress', 'done', 'ongoing', 'not-started'];

/** The rows agency `code` reports (the `k`-th agency): statuses in turn, texts of 100–600 characters. */
export function rowsFor(code: string, k: number): SubmissionRow[] {
  return plan.tasksFor(code).map(({ task, role }, i) => {
    const status = CYCLE[(k + i) % CYCLE.length] as StatusCode;
    const n = k * 7 + i;
    return {
      taskId: task.id,
      role,
      status,
      percent: status === 'done' ? 100 : status === 'in-progress' ? 40 + ((n * 7) % 50) : null,
      result: status === 'not-started' ? '' : prose(n, 100 + ((n * 53) % 500)),
      completedProducts: status === 'done' ? prose(n + 3, 100) : '',
      difficulties: n % 3 === 0 ? prose(n + 5, 150 + ((n * 31) % 300)) : '',
      proposals: n % 4 === 1 ? prose(n + 6, 120 + ((n * 17) % 300)) : '',
    };
  });
}

/** Agencies that did not report in the data period. */
export const MISSING = ['MTTQ', 'THON-05', 'THON-06'];
/** P-TP carries the hostile strings; THON-01 the 20,000-character text. */
export const HOSTILE_AGENCY = 'P-TP';

/** Every document setting set (neutral placeholders). */
export const DOCUMENT = TEST_DOCUMENT;

export function dataInput(): MergedInput {
  const reporting = plan.reportingAgencies().map((a) => a.code);
  const reports: ChosenReport[] = [];
  const completeness: CompletenessRow[] = [];
  reporting.forEach((code, k) => {
    if (MISSING.includes(code)) {
      completeness.push({
        agencyCode: code,
        status: 'missing',
        latestVersion: null,
        latestReceivedAt: null,
        firstReceivedAt: null,
        reviewState: null,
      });
      return;
    }
    const rows = rowsFor(code, k);
    if (code === HOSTILE_AGENCY) {
      const [a, b, c] = rows;
      if (!a || !b || !c) throw new Error('P-TP needs three tasks for the hostile strings');
      Object.assign(a, {
        status: 'in-progress',
        percent: 45.5,
        result: HOSTILE.formula,
        completedProducts: HOSTILE.plus,
        difficulties: HOSTILE.minus,
        proposals: HOSTILE.at,
      });
      Object.assign(b, {
        status: 'in-progress',
        percent: 10,
        result: HOSTILE.escapeLiteral,
        completedProducts: HOSTILE.control,
        difficulties: HOSTILE.crlf,
        proposals: HOSTILE.nfc,
      });
    }
    if (code === 'THON-01') Object.assign(rows[0] as SubmissionRow, { result: HOSTILE.long });
    if (code === 'THON-02')
      Object.assign(rows[0] as SubmissionRow, {
        result: LONG_RESULT,
        difficulties: LONG_DIFFICULTY,
      });
    const late = code === 'P-GDDT';
    const version = code === 'P-KTHT' ? 3 : 1;
    const first = late ? '2026-03-25T02:15:00.000Z' : `2026-03-1${k % 6}T0${k % 10}:05:00.000Z`;
    const latest = version > 1 ? '2026-03-18T16:59:00.000Z' : first;
    const reviewState = code === 'P-KTHT' ? 'received' : k % 3 === 0 ? 'accepted' : 'received';
    completeness.push({
      agencyCode: code,
      status: late ? 'late' : 'on-time',
      latestVersion: version,
      latestReceivedAt: latest,
      firstReceivedAt: first,
      reviewState,
    });
    // P-KTHT: version 2 was accepted, version 3 is newer and not yet reviewed.
    reports.push({
      agencyCode: code,
      version: code === 'P-KTHT' ? 2 : version,
      receivedAt: latest,
      reviewState: code === 'P-KTHT' ? 'accepted' : reviewState,
      rows,
    });
  });
  return {
    plan,
    period: period(),
    agencyNames: AGENCY_NAMES,
    completeness,
    reports,
    document: DOCUMENT,
    generatedAt: '2026-03-20T01:30:00.000Z',
  };
}

export function emptyInput(): MergedInput {
  return {
    plan,
    period: period('2026-H1'),
    agencyNames: AGENCY_NAMES,
    completeness: plan.reportingAgencies().map((a) => ({
      agencyCode: a.code,
      status: 'missing',
      latestVersion: null,
      latestReceivedAt: null,
      firstReceivedAt: null,
      reviewState: null,
    })),
    reports: [],
    generatedAt: '2026-07-01T17:30:00.000Z',
  };
}

export const STATUS_LABELS = STATUSES.map((s) => s.vi);
