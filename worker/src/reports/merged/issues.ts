// Sheet "Khó khăn - Kiến nghị": every difficulty and proposal reported,
// with its task and agency, in the appendix's order.
import { columnLetter } from '../../../../shared/layout/a1.ts';
import type { Row, Sheet } from '../../xlsx/types.ts';
import { cell, landscape } from '../common.ts';
import { same, spanRow } from './cells.ts';
import type { MergedInput } from './input.ts';
import type { MergedModel } from './model.ts';
import { S } from './styles.ts';
import { MERGED_SHEET_NAMES, periodLine } from './words.ts';

export const ISSUES_HEADER = [
  'STT',
  'TT nhiệm vụ',
  'Nội dung nhiệm vụ',
  'Cơ quan báo cáo',
  'Khó khăn, vướng mắc',
  'Đề xuất, kiến nghị',
] as const;

/** The sheet, rows numbered from 1; row heights are fitted afterwards (fitRowHeights). */
export function issuesSheet(input: MergedInput, m: MergedModel): Sheet {
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
    merges.push(`A${r}:${columnLetter(W)}${r}`);
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
