// Sheet "Chi tiết": the appendix in its order, a grey row per task and
// under it a row per responsible agency with what it reported.
import { TASK_ROLE_LABELS } from '../../../../shared/vocabulary/index.ts';
import type { Row, Sheet, Style } from '../../xlsx/types.ts';
import { CLOSE_FIT, cell, fitRowHeights, type KnownLines, landscape, upper } from '../common.ts';
import { keepTogetherBreaks } from './breaks.ts';
import { same, spanRow } from './cells.ts';
import type { MergedInput } from './input.ts';
import type { MergedModel } from './model.ts';
import { splitRow } from './split.ts';
import { S } from './styles.ts';
import { CONTINUED, MERGED_SHEET_NAMES, NOT_REPORTED, periodLine, STATUS_VI } from './words.ts';

// One header row, over the agency rows: a task is a grey row across the
// table (its number, then its content) followed by a grey row with what the
// plan fixes for it, so no header stands over a column it does not name.
// Every agency row carries its task's number, so a page that starts inside
// a task reads alone; a text longer than a row holds (409 points) goes on
// in "(tiếp)" rows below it (split.ts), so every character is printed.

/** The header row (row 4), columns A–H. */
export const DETAIL_HEADER = [
  'TT',
  'Cơ quan báo cáo',
  'Tình trạng',
  'Tỷ lệ hoàn thành (%)',
  'Kết quả thực hiện trong kỳ',
  'Sản phẩm đã hoàn thành',
  'Khó khăn, vướng mắc',
  'Đề xuất, kiến nghị',
] as const;

/** Column widths, in characters, of columns A–H. */
const WIDTHS = [6, 34, 14, 8, 36, 22, 22, 22];
/** The columns whose texts may run over several rows: E–H. */
const LONG_FROM = 4;

/** What the plan fixes for a task, as one line: its agencies, product and timeline. */
export function taskPlanLine(t: {
  lead: { text: string };
  coordinating: { text: string };
  product: string;
  timeline: string;
}): string {
  return [
    ['Cơ quan chủ trì', t.lead.text],
    ['Cơ quan phối hợp', t.coordinating.text],
    ['Sản phẩm', t.product],
    ['Thời gian thực hiện', t.timeline],
  ]
    .filter(([, v]) => v?.trim())
    .map(([k, v]) => `${k}: ${v?.trim()}`)
    .join('. ')
    .concat('.');
}

/**
 * The sheet, rows numbered from 1, its row heights fitted (fitRowHeights)
 * and its page breaks set from them (breaks.ts).
 */
export function detailSheet(input: MergedInput, m: MergedModel): Sheet {
  const { plan, period } = input;
  const W = DETAIL_HEADER.length;
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
    `Mỗi nhiệm vụ theo Phụ lục Kế hoạch: dòng nền xám ghi số thứ tự và nội dung, dòng tiếp theo ghi cơ quan chủ trì, phối hợp, sản phẩm và thời gian thực hiện; sau đó là báo cáo của từng cơ quan chịu trách nhiệm, chủ trì trước, phối hợp sau. Nội dung dài được in tiếp ở các dòng bên dưới, ghi “${CONTINUED}”.`,
    S.note,
  );
  rows.push({ index: 4, cells: same([...DETAIL_HEADER], S.th) });

  const span = (r: number, id: string, text: string, idStyle: Style, textStyle: Style) => {
    rows.push({
      index: r,
      cells: [cell(id, idStyle), ...same([text, ...Array(W - 2).fill(null)], textStyle)],
    });
    merges.push(`B${r}:H${r}`);
  };
  // On one page: a section's row with its first task's title rows and
  // first agency row; a task's title rows with its first agency row.
  const groups = new Map<number, number>();
  // The lines of each piece of a long text, measured once (split.ts).
  const known: KnownLines = new Map();
  let r = 5;
  for (const section of plan.def.sections) {
    const sectionRow = r;
    span(r++, section.id, section.title, S.sectionId, S.section);
    for (const task of plan.tasks.filter((t) => t.section === section.id)) {
      groups.set(r === sectionRow + 1 ? sectionRow : r, r + 2);
      span(r++, task.id, task.content, S.taskCenter, S.task);
      span(r++, task.id, taskPlanLine(task), S.taskPlanId, S.taskFixed);
      for (const who of m.responsibleFor(task.id)) {
        const label = `${who.name} (${TASK_ROLE_LABELS[who.role].vi.toLowerCase()})`;
        const x = who.row;
        const pieces = splitRow(
          [x?.result, x?.completedProducts, x?.difficulties, x?.proposals],
          WIDTHS.slice(LONG_FROM),
          11,
          known,
        );
        pieces.forEach((texts, i) => {
          const first = i === 0;
          rows.push({
            index: r++,
            cells: [
              cell(task.id, S.textCenter),
              first ? cell(label, S.text) : cell(`${label} ${CONTINUED}`, S.continued),
              !first
                ? cell(null, S.text)
                : x
                  ? cell(STATUS_VI.get(x.status) ?? x.status, S.textCenter)
                  : cell(NOT_REPORTED, S.missing),
              cell(first ? (x?.percent ?? null) : null, S.number),
              ...same(texts, S.text),
            ],
          });
        });
      }
    }
  }
  const sheet = fitRowHeights(
    {
      name: MERGED_SHEET_NAMES.detail,
      rows,
      merges,
      columns: WIDTHS.map((width) => ({ width })),
      freeze: { row: 5, col: 3 },
      print: landscape([4, 4]),
    },
    CLOSE_FIT,
    known,
  );
  return { ...sheet, rowBreaks: keepTogetherBreaks(sheet, 5, groups) };
}
