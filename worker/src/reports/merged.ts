// The merged district workbook for one period: a pure function from plain
// inputs (the plan, the period, agency names, the chosen report of each
// agency, completeness) to the workbook model the writer takes. Knows
// nothing of D1 or HTTP; every name and text comes from the plan or D1.
//
// Sheets:
//   Tổng hợp              Decree 30 header, title, completeness, counts by status
//   Chi tiết              appendix order: section, task, one row per responsible agency
//   Khó khăn - Kiến nghị  every difficulty and proposal, with agency and task
//   Tình hình nộp báo cáo each expected agency: version, received, on time, review
import { ROLE_LABELS, STATUSES } from '../../../shared/layout/columns.ts';
import { addDays, vnToday } from '../../../shared/periods/index.ts';
import type { TaskRole } from '../../../shared/plan/index.ts';
import type { Plan } from '../../../shared/plan/plan.ts';
import type { SubmissionRow } from '../../../shared/submission/schema.ts';
import {
  REVIEW_STATE_LABELS,
  type ReviewState,
  TIMELINESS_LABELS,
  type Timeliness,
} from '../../../shared/vocabulary/index.ts';
import type { Cell, Row, Sheet, Style, Workbook } from '../xlsx/types.ts';
import {
  cell,
  fitRowHeights,
  landscape,
  placeDateLine,
  style,
  upper,
  viDate,
  viDateTime,
} from './common.ts';

export const MERGED_SHEET_NAMES = {
  summary: 'Tổng hợp',
  detail: 'Chi tiết',
  issues: 'Khó khăn - Kiến nghị',
  submissions: 'Tình hình nộp báo cáo',
} as const;

export const NOT_REPORTED = 'Chưa báo cáo';

/** The workbook is in Vietnamese: the one vocabulary's Vietnamese words. */
export const TIMELINESS_VI = viOf(TIMELINESS_LABELS);
export const REVIEW_VI = viOf(REVIEW_STATE_LABELS);

function viOf<K extends string>(labels: Readonly<Record<K, { vi: string }>>): Record<K, string> {
  return Object.fromEntries(
    Object.entries(labels).map(([k, v]) => [k, (v as { vi: string }).vi]),
  ) as Record<K, string>;
}

/** The period as D1 holds it (cut-off, due date and grace may be edited) with its label. */
export interface MergedPeriod {
  code: string;
  label: { vi: string };
  cutoff: { from: string; to: string };
  due: string;
  graceDays: number;
}

/** One expected agency's completeness (as GET …/submissions computes it). */
export interface CompletenessRow {
  agencyCode: string;
  status: Timeliness;
  /** Latest version and when it arrived (ISO instant); null when nothing was received. */
  latestVersion: number | null;
  latestReceivedAt: string | null;
  firstReceivedAt: string | null;
  /** Review state of the latest version. */
  reviewState: ReviewState | null;
}

/** The version merged for an agency: its latest, or the accepted one where a review exists. */
export interface ChosenReport {
  agencyCode: string;
  version: number;
  receivedAt: string;
  reviewState: ReviewState;
  rows: readonly SubmissionRow[];
}

export interface MergedInput {
  plan: Plan;
  period: MergedPeriod;
  /** Current agency names (D1); the plan's names where absent. */
  agencyNames?: Readonly<Record<string, string>>;
  /** Every agency expected to report, in registry order. */
  completeness: readonly CompletenessRow[];
  reports: readonly ChosenReport[];
  /** When the workbook is made (ISO instant): the date line, in Vietnam's calendar. */
  generatedAt: string;
}

// ---- styles (shared objects: the writer caches a style per object) ----

const S = {
  issuerParent: style(12, { horizontal: 'center', vertical: 'center', wrap: true }),
  issuerName: style(12, { bold: true, horizontal: 'center', vertical: 'center', wrap: true }),
  motto: style(12, { bold: true, horizontal: 'center', vertical: 'center' }),
  motto2: style(13, { bold: true, underline: true, horizontal: 'center', vertical: 'center' }),
  dateLine: style(13, { italic: true, horizontal: 'center', vertical: 'center' }),
  docKind: style(14, { bold: true, horizontal: 'center', vertical: 'center' }),
  title: style(13, { bold: true, horizontal: 'center', vertical: 'center', wrap: true }),
  subtitle: style(12, { italic: true, horizontal: 'center', vertical: 'center', wrap: true }),
  heading: style(12, { bold: true, vertical: 'center' }),
  note: style(11, { italic: true, vertical: 'top', wrap: true }),
  th: style(11, {
    bold: true,
    border: true,
    wrap: true,
    horizontal: 'center',
    vertical: 'center',
    fill: 'F2F2F2',
  }),
  thTask: style(11, {
    bold: true,
    border: true,
    wrap: true,
    horizontal: 'center',
    vertical: 'center',
    fill: 'F2F2F2',
  }),
  th2: style(11, {
    bold: true,
    border: true,
    wrap: true,
    horizontal: 'center',
    vertical: 'center',
  }),
  text: style(11, { border: true, wrap: true, vertical: 'top' }),
  emptyTable: style(11, { italic: true, border: true, wrap: true, vertical: 'top' }),
  textCenter: style(11, { border: true, wrap: true, vertical: 'top', horizontal: 'center' }),
  number: style(11, { border: true, vertical: 'top', horizontal: 'center' }),
  percent: style(11, { border: true, vertical: 'top', horizontal: 'center', numberFormat: '0.0' }),
  missing: style(11, {
    italic: true,
    border: true,
    wrap: true,
    vertical: 'top',
    horizontal: 'center',
    color: '595959',
  }),
  section: style(11, { bold: true, border: true, wrap: true, vertical: 'center', fill: 'D9D9D9' }),
  sectionId: style(11, {
    bold: true,
    border: true,
    vertical: 'center',
    horizontal: 'center',
    fill: 'D9D9D9',
  }),
  task: style(11, { bold: true, border: true, wrap: true, vertical: 'top', fill: 'F2F2F2' }),
  taskCenter: style(11, {
    bold: true,
    border: true,
    wrap: true,
    vertical: 'top',
    horizontal: 'center',
    fill: 'F2F2F2',
  }),
  taskFixed: style(11, { border: true, wrap: true, vertical: 'top', fill: 'F2F2F2' }),
  totalLabel: style(11, { bold: true, border: true, wrap: true, vertical: 'center' }),
  totalNumber: style(11, { bold: true, border: true, vertical: 'center', horizontal: 'center' }),
} satisfies Record<string, Style>;

/** A row whose first cell spans `width` columns (merged). */
function spanRow(
  rows: Row[],
  merges: string[],
  index: number,
  width: number,
  value: string,
  s: Style,
) {
  rows.push({ index, cells: [cell(value, s)] });
  if (width > 1) merges.push(`A${index}:${col(width)}${index}`);
}

function col(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) {
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  }
  return s;
}

/** Cells with one style, for a header or a blank bordered stretch. */
const same = (values: (string | number | null)[], s: Style): Cell[] =>
  values.map((v) => cell(v, s));

// ---- the model the sheets are drawn from ----

interface Responsible {
  code: string;
  name: string;
  role: TaskRole;
  /** The agency's row for the task; undefined when it has not reported. */
  row: SubmissionRow | undefined;
}

function prepare(input: MergedInput) {
  const { plan } = input;
  const name = (code: string) => input.agencyNames?.[code] ?? plan.agency(code)?.name ?? code;
  const rowsOf = new Map<string, Map<string, SubmissionRow>>();
  for (const r of input.reports) {
    rowsOf.set(r.agencyCode, new Map(r.rows.map((row) => [row.taskId, row])));
  }
  const responsibleFor = (taskId: string): Responsible[] => {
    const resp = plan.responsible(taskId);
    if (!resp) return [];
    return [
      ...resp.lead.map((code) => ({ code, role: 'lead' as const })),
      ...resp.coordinating.map((code) => ({ code, role: 'coordinating' as const })),
    ].map(({ code, role }) => ({
      code,
      role,
      name: name(code),
      row: rowsOf.get(code)?.get(taskId),
    }));
  };
  return { name, responsibleFor };
}

const periodLine = (p: MergedPeriod) =>
  `${p.label.vi} (số liệu từ ${viDate(p.cutoff.from)} đến ${viDate(p.cutoff.to)})`;

const dueLine = (p: MergedPeriod) =>
  `Hạn nộp báo cáo: ${viDate(p.due)}${
    p.graceDays > 0
      ? `; gia hạn ${p.graceDays} ngày, đến hết ngày ${viDate(addDays(p.due, p.graceDays))}`
      : ''
  }.`;

const STATUS_VI = new Map<string, string>(STATUSES.map((s) => [s.code, s.vi]));

// ---- Tổng hợp ----

function summarySheet(input: MergedInput, m: ReturnType<typeof prepare>): Sheet {
  const { plan, period } = input;
  const W = 9; // A TT · B label · C–I numbers
  const rows: Row[] = [];
  const merges: string[] = [];

  // Decree 30 header block: issuing body left (A–D), national motto right (E–I).
  const left: [string, Style][] = [
    ...plan.def.issuer.headerLines.map((l): [string, Style] => [l, S.issuerParent]),
    [upper(m.name(plan.coordinator.code)), S.issuerName],
  ];
  const right: [string, Style][] = [
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', S.motto],
    ['Độc lập - Tự do - Hạnh phúc', S.motto2],
  ];
  const headerRows = Math.max(left.length, right.length);
  for (let i = 0; i < headerRows; i++) {
    const r = i + 1;
    const l = left[i];
    const rt = right[i];
    const cells: Cell[] = [];
    cells[0] = l ? cell(l[0], l[1]) : cell(null);
    cells[4] = rt ? cell(rt[0], rt[1]) : cell(null);
    rows.push({ index: r, cells });
    merges.push(`A${r}:D${r}`, `E${r}:I${r}`);
  }
  let r = headerRows + 1;
  const today = vnToday(new Date(input.generatedAt));
  rows.push({
    index: r,
    cells: [null, null, null, null, cell(placeDateLine(plan.def.place, today), S.dateLine)],
  });
  merges.push(`E${r}:I${r}`);
  r += 2;

  spanRow(rows, merges, r++, W, 'BÁO CÁO', S.docKind);
  spanRow(rows, merges, r++, W, `Kết quả thực hiện ${plan.def.shortTitle}`, S.title);
  spanRow(rows, merges, r++, W, periodLine(period), S.subtitle);
  r++;

  // I. Completeness.
  const c = input.completeness;
  const count = (st: Timeliness) => c.filter((x) => x.status === st).length;
  const expected = c.length;
  const received = expected - count('missing');
  spanRow(rows, merges, r++, W, 'I. TÌNH HÌNH NỘP BÁO CÁO', S.heading);
  spanRow(rows, merges, r++, W, dueLine(period), S.note);
  rows.push({ index: r++, cells: same(['TT', 'Chỉ tiêu', 'Số cơ quan', 'Tỷ lệ (%)'], S.th) });
  const share = (n: number) => (expected ? Math.round((n / expected) * 1000) / 10 : null);
  const completenessLines: [string, string, number][] = [
    ['1', 'Cơ quan, đơn vị phải báo cáo', expected],
    ['2', 'Đã nộp báo cáo', received],
    ['', '- Đúng hạn', count('on-time')],
    ['', '- Trễ hạn', count('late')],
    ['3', 'Chưa nộp báo cáo', count('missing')],
  ];
  for (const [tt, label, n] of completenessLines) {
    rows.push({
      index: r++,
      cells: [
        cell(tt, S.textCenter),
        cell(label, S.text),
        cell(n, S.number),
        cell(share(n), S.percent),
      ],
    });
  }
  r++;

  // II. Counts by status, per section and for the whole plan.
  spanRow(rows, merges, r++, W, 'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO TÌNH TRẠNG', S.heading);
  spanRow(
    rows,
    merges,
    r++,
    W,
    'Đếm theo lượt báo cáo: mỗi cơ quan chịu trách nhiệm (chủ trì hoặc phối hợp) đối với một nhiệm vụ là một lượt.',
    S.note,
  );
  rows.push({
    index: r++,
    cells: same(
      [
        'TT',
        'Nội dung',
        'Số nhiệm vụ',
        'Số lượt phải báo cáo',
        ...STATUSES.map((s) => s.vi),
        NOT_REPORTED,
      ],
      S.th,
    ),
  });
  const tally = () => ({
    tasks: 0,
    pairs: 0,
    byStatus: new Map<string, number>(STATUSES.map((s) => [s.code, 0])),
    missing: 0,
  });
  const total = tally();
  const countCells = (t: ReturnType<typeof tally>, s: Style): Cell[] => [
    cell(t.tasks, s),
    cell(t.pairs, s),
    ...STATUSES.map((st) => cell(t.byStatus.get(st.code) ?? 0, s)),
    cell(t.missing, s),
  ];
  for (const section of plan.def.sections) {
    const t = tally();
    for (const task of plan.tasks.filter((x) => x.section === section.id)) {
      t.tasks++;
      for (const who of m.responsibleFor(task.id)) {
        t.pairs++;
        if (who.row) t.byStatus.set(who.row.status, (t.byStatus.get(who.row.status) ?? 0) + 1);
        else t.missing++;
      }
    }
    total.tasks += t.tasks;
    total.pairs += t.pairs;
    total.missing += t.missing;
    for (const [k, v] of t.byStatus) total.byStatus.set(k, (total.byStatus.get(k) ?? 0) + v);
    rows.push({
      index: r++,
      cells: [
        cell(section.id, S.textCenter),
        cell(section.title, S.text),
        ...countCells(t, S.number),
      ],
    });
  }
  rows.push({
    index: r++,
    cells: [
      cell(null, S.totalLabel),
      cell('Toàn Kế hoạch', S.totalLabel),
      ...countCells(total, S.totalNumber),
    ],
  });

  spanRow(
    rows,
    merges,
    r++,
    W,
    `Số liệu lấy từ phiên bản mới nhất của mỗi báo cáo, hoặc phiên bản đã được chấp nhận nếu có. Xem thêm các trang “${MERGED_SHEET_NAMES.detail}”, “${MERGED_SHEET_NAMES.issues}” và “${MERGED_SHEET_NAMES.submissions}”.`,
    S.note,
  );

  return {
    name: MERGED_SHEET_NAMES.summary,
    rows,
    merges,
    columns: [6, 46, 11, 13, 13, 13, 13, 14, 13].map((width) => ({ width })),
    // One page: no frozen or repeated rows (the header block is not a table header).
    print: landscape(),
  };
}

// ---- Chi tiết ----
// Two header rows over the same columns, so that the sheet prints at a
// readable size: the first (grey, like the task rows) names the plan's
// columns of a task row, the second (white, like the agency rows) what each
// responsible agency reported.

/** Header of the task rows: [column span, text]. */
export const DETAIL_TASK_HEADER: readonly [string, string][] = [
  ['A4:A5', 'TT'],
  ['B4', 'Nội dung công việc'],
  ['C4:D4', 'Cơ quan chủ trì'],
  ['E4', 'Cơ quan phối hợp'],
  ['F4:G4', 'Sản phẩm'],
  ['H4', 'Thời gian thực hiện'],
];

/** Header of the agency rows, columns B–H. */
export const DETAIL_AGENCY_HEADER = [
  'Cơ quan báo cáo',
  'Tình trạng',
  'Tỷ lệ hoàn thành (%)',
  'Kết quả thực hiện trong kỳ',
  'Sản phẩm đã hoàn thành',
  'Khó khăn, vướng mắc',
  'Đề xuất, kiến nghị',
] as const;

function detailSheet(input: MergedInput, m: ReturnType<typeof prepare>): Sheet {
  const { plan, period } = input;
  const W = 8;
  const rows: Row[] = [];
  const merges: string[] = [];
  spanRow(
    rows,
    merges,
    1,
    W,
    `CHI TIẾT KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO PHỤ LỤC KẾ HOẠCH SỐ ${upper(plan.def.number)}`,
    S.title,
  );
  spanRow(rows, merges, 2, W, periodLine(period), S.subtitle);
  spanRow(
    rows,
    merges,
    3,
    W,
    'Dòng nền xám: nhiệm vụ theo Phụ lục Kế hoạch (đọc theo dòng tiêu đề thứ nhất). Các dòng nền trắng tiếp theo: báo cáo của từng cơ quan chịu trách nhiệm, chủ trì trước, phối hợp sau (đọc theo dòng tiêu đề thứ hai).',
    S.note,
  );
  rows.push({
    index: 4,
    cells: same(
      [
        'TT',
        'Nội dung công việc',
        'Cơ quan chủ trì',
        null,
        'Cơ quan phối hợp',
        'Sản phẩm',
        null,
        'Thời gian thực hiện',
      ],
      S.thTask,
    ),
  });
  rows.push({ index: 5, cells: [cell(null, S.thTask), ...same([...DETAIL_AGENCY_HEADER], S.th2)] });
  merges.push(...DETAIL_TASK_HEADER.map(([range]) => range).filter((x) => x.includes(':')));

  let r = 6;
  for (const section of plan.def.sections) {
    rows.push({
      index: r,
      cells: [
        cell(section.id, S.sectionId),
        ...same([section.title, ...Array(W - 2).fill(null)], S.section),
      ],
    });
    merges.push(`B${r}:H${r}`);
    r++;
    for (const task of plan.tasks.filter((t) => t.section === section.id)) {
      rows.push({
        index: r,
        cells: [
          cell(task.id, S.taskCenter),
          cell(task.content, S.task),
          cell(task.lead.text, S.taskFixed),
          cell(null, S.taskFixed),
          cell(task.coordinating.text, S.taskFixed),
          cell(task.product, S.taskFixed),
          cell(null, S.taskFixed),
          cell(task.timeline, S.taskFixed),
        ],
      });
      merges.push(`C${r}:D${r}`, `F${r}:G${r}`);
      r++;
      for (const who of m.responsibleFor(task.id)) {
        const label = `${who.name} (${ROLE_LABELS[who.role].vi.toLowerCase()})`;
        const x = who.row;
        rows.push({
          index: r++,
          cells: [
            cell(null, S.text),
            cell(label, S.text),
            x
              ? cell(STATUS_VI.get(x.status) ?? x.status, S.textCenter)
              : cell(NOT_REPORTED, S.missing),
            cell(x?.percent ?? null, S.number),
            cell(x?.result, S.text),
            cell(x?.completedProducts, S.text),
            cell(x?.difficulties, S.text),
            cell(x?.proposals, S.text),
          ],
        });
      }
    }
  }
  return {
    name: MERGED_SHEET_NAMES.detail,
    rows,
    merges,
    columns: [6, 34, 14, 8, 36, 22, 22, 22].map((width) => ({ width })),
    freeze: { row: 6, col: 3 },
    print: landscape([4, 5]),
  };
}

// ---- Khó khăn - Kiến nghị ----

export const ISSUES_HEADER = [
  'STT',
  'TT nhiệm vụ',
  'Nội dung nhiệm vụ',
  'Cơ quan báo cáo',
  'Khó khăn, vướng mắc',
  'Đề xuất, kiến nghị',
] as const;

function issuesSheet(input: MergedInput, m: ReturnType<typeof prepare>): Sheet {
  const { plan, period } = input;
  const W = ISSUES_HEADER.length;
  const rows: Row[] = [];
  const merges: string[] = [];
  spanRow(rows, merges, 1, W, 'TỔNG HỢP KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ', S.title);
  spanRow(rows, merges, 2, W, periodLine(period), S.subtitle);
  rows.push({ index: 4, cells: same([...ISSUES_HEADER], S.th) });
  let r = 5;
  let n = 0;
  for (const task of plan.tasks) {
    for (const who of m.responsibleFor(task.id)) {
      const d = who.row?.difficulties.trim() ? who.row.difficulties : '';
      const p = who.row?.proposals.trim() ? who.row.proposals : '';
      if (!d && !p) continue;
      rows.push({
        index: r++,
        cells: [
          cell(++n, S.number),
          cell(task.id, S.textCenter),
          cell(task.content, S.text),
          cell(who.name, S.text),
          cell(d, S.text),
          cell(p, S.text),
        ],
      });
    }
  }
  if (n === 0) {
    const text = 'Các báo cáo đã nhận không nêu khó khăn, vướng mắc hay đề xuất, kiến nghị nào.';
    rows.push({ index: r, cells: same([text, ...Array(W - 1).fill(null)], S.emptyTable) });
    merges.push(`A${r}:${col(W)}${r}`);
  }
  return {
    name: MERGED_SHEET_NAMES.issues,
    rows,
    merges,
    columns: [6, 8, 32, 24, 42, 42].map((width) => ({ width })),
    freeze: { row: 5, col: 1 },
    print: landscape([4, 4]),
  };
}

// ---- Tình hình nộp báo cáo ----

export const SUBMISSIONS_HEADER = [
  'STT',
  'Cơ quan, đơn vị',
  'Phiên bản mới nhất',
  'Thời điểm nhận phiên bản mới nhất',
  'Thời điểm nộp lần đầu',
  'Đúng hạn / Trễ hạn',
  'Trạng thái xem xét (phiên bản mới nhất)',
  'Phiên bản đưa vào tổng hợp',
] as const;

function submissionsSheet(input: MergedInput, m: ReturnType<typeof prepare>): Sheet {
  const { period } = input;
  const W = SUBMISSIONS_HEADER.length;
  const rows: Row[] = [];
  const merges: string[] = [];
  spanRow(rows, merges, 1, W, 'TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ', S.title);
  spanRow(rows, merges, 2, W, periodLine(period), S.subtitle);
  spanRow(
    rows,
    merges,
    3,
    W,
    `${dueLine(period)} Thời điểm theo giờ Việt Nam (UTC+7). Đúng hạn hay trễ hạn tính theo lần nộp đầu tiên.`,
    S.note,
  );
  rows.push({ index: 4, cells: same([...SUBMISSIONS_HEADER], S.th) });
  const chosen = new Map(input.reports.map((x) => [x.agencyCode, x]));
  let r = 5;
  input.completeness.forEach((x, i) => {
    const used = chosen.get(x.agencyCode);
    const missing = x.status === 'missing';
    rows.push({
      index: r++,
      cells: [
        cell(i + 1, S.number),
        cell(m.name(x.agencyCode), S.text),
        cell(x.latestVersion, S.number),
        cell(x.latestReceivedAt ? viDateTime(x.latestReceivedAt) : null, S.textCenter),
        cell(x.firstReceivedAt ? viDateTime(x.firstReceivedAt) : null, S.textCenter),
        cell(TIMELINESS_VI[x.status], missing ? S.missing : S.textCenter),
        cell(x.reviewState ? REVIEW_VI[x.reviewState] : null, S.textCenter),
        cell(used?.version ?? null, S.number),
      ],
    });
  });
  const c = input.completeness;
  const count = (st: Timeliness) => c.filter((x) => x.status === st).length;
  rows.push({
    index: r,
    cells: [
      cell(null, S.totalLabel),
      cell(
        `Tổng cộng: ${c.length} phải báo cáo; đã nộp ${c.length - count('missing')} (đúng hạn ${count('on-time')}, trễ hạn ${count('late')}); chưa nộp ${count('missing')}`,
        S.totalLabel,
      ),
      ...same(Array(W - 2).fill(null), S.totalLabel),
    ],
  });
  merges.push(`B${r}:${col(W)}${r}`);
  return {
    name: MERGED_SHEET_NAMES.submissions,
    rows,
    merges,
    columns: [6, 46, 11, 18, 18, 14, 20, 13].map((width) => ({ width })),
    freeze: { row: 5, col: 1 },
    print: landscape([4, 4]),
  };
}

export function buildMergedWorkbook(input: MergedInput): Workbook {
  const m = prepare(input);
  return {
    title: `Tổng hợp báo cáo ${input.plan.def.number} — ${input.period.label.vi}`,
    creator: m.name(input.plan.coordinator.code),
    sheets: [
      summarySheet(input, m),
      detailSheet(input, m),
      issuesSheet(input, m),
      submissionsSheet(input, m),
    ].map(fitRowHeights),
  };
}
