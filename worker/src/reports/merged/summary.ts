// Sheet "Tổng hợp", the report itself as Decree 30/2020 lays it out: the
// header block, "BÁO CÁO" and its subject, "Kính gửi:", then I. who has
// reported (counts and shares) and II. the tasks' results counted by status,
// per section of the plan and for the whole plan, then the signature block
// beside "Nơi nhận:" (merged/document.ts, from the document settings).
import { EMPTY_DOCUMENT_SETTINGS } from '../../../../shared/documents/index.ts';
import { vnToday } from '../../../../shared/periods/index.ts';
import { TASK_STATUSES, type Timeliness } from '../../../../shared/vocabulary/index.ts';
import type { Cell, Row, Sheet, Style } from '../../xlsx/types.ts';
import { cell, fitRowHeights, landscape } from '../common.ts';
import { onePageOrKeepTogether } from './breaks.ts';
import { same, spanRow } from './cells.ts';
import { headerBlock, recipientsBlock, signatureBlock } from './document.ts';
import type { MergedInput } from './input.ts';
import type { MergedModel } from './model.ts';
import { S } from './styles.ts';
import { dueLine, MERGED_SHEET_NAMES, NOT_REPORTED, periodLine } from './words.ts';

/** The sheet, rows numbered from 1; row heights are fitted afterwards (fitRowHeights). */
export function summarySheet(input: MergedInput, m: MergedModel): Sheet {
  const { plan, period } = input;
  const W = 9; // A TT · B label · C–I numbers
  const rows: Row[] = [];
  const merges: string[] = [];

  // Decree 30 header block: issuing body left (A–D), national motto right (E–I).
  const doc = input.document ?? EMPTY_DOCUMENT_SETTINGS;
  let r = headerBlock(rows, merges, doc, vnToday(new Date(input.generatedAt))) + 1;

  spanRow(rows, merges, r++, W, 'BÁO CÁO', S.docKind);
  spanRow(rows, merges, r++, W, `Kết quả thực hiện ${plan.def.shortTitle}`, S.title);
  spanRow(rows, merges, r++, W, periodLine(period), S.subtitle);
  r++;
  r = recipientsBlock(rows, merges, r, doc) + 1;

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
        ...TASK_STATUSES.map((s) => s.vi),
        NOT_REPORTED,
      ],
      S.th,
    ),
  });
  const tally = () => ({
    tasks: 0,
    pairs: 0,
    byStatus: new Map<string, number>(TASK_STATUSES.map((s) => [s.code, 0])),
    missing: 0,
  });
  const total = tally();
  const countCells = (t: ReturnType<typeof tally>, s: Style): Cell[] => [
    cell(t.tasks, s),
    cell(t.pairs, s),
    ...TASK_STATUSES.map((st) => cell(t.byStatus.get(st.code) ?? 0, s)),
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
  const totalRow = r;
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
  r++;
  signatureBlock(rows, merges, r, doc);

  // No frozen or repeated rows: the header block is a document's, printed on
  // its first page only (Decree 30), and neither table is long enough to need
  // its header again. One page when it fits without printing too small; else
  // the totals, the note and the signature stay together (breaks.ts).
  return onePageOrKeepTogether(
    fitRowHeights({
      name: MERGED_SHEET_NAMES.summary,
      rows,
      merges,
      columns: [6, 46, 11, 13, 13, 13, 13, 14, 13].map((width) => ({ width })),
      print: landscape(),
    }),
    totalRow,
  );
}
