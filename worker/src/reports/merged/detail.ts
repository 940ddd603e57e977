// Sheet "Chi tiết": the appendix in its order, a grey row per task and
// under it a row per responsible agency with what it reported.
import { TASK_ROLE_LABELS } from '../../../../shared/vocabulary/index.ts';
import type { Row, Sheet } from '../../xlsx/types.ts';
import { cell, landscape, upper } from '../common.ts';
import { same, spanRow } from './cells.ts';
import type { MergedInput } from './input.ts';
import type { MergedModel } from './model.ts';
import { S } from './styles.ts';
import { MERGED_SHEET_NAMES, NOT_REPORTED, periodLine, STATUS_VI } from './words.ts';

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

/** The sheet, rows numbered from 1; row heights are fitted afterwards (fitRowHeights). */
export function detailSheet(input: MergedInput, m: MergedModel): Sheet {
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
      S.th,
    ),
  });
  rows.push({ index: 5, cells: [cell(null, S.th), ...same([...DETAIL_AGENCY_HEADER], S.th2)] });
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
        const label = `${who.name} (${TASK_ROLE_LABELS[who.role].vi.toLowerCase()})`;
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
