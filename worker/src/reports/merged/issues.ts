// Sheet "Khó khăn - Kiến nghị": every difficulty and proposal reported,
// with its task and agency, in the appendix's order; a text too long for
// one row (409 points) goes on in "(tiếp)" rows with the task's number.
import { columnLetter } from '../../../../shared/layout/a1.ts';
import type { Row, Sheet } from '../../xlsx/types.ts';
import { CLOSE_FIT, cell, fitRowHeights, type KnownLines, landscape } from '../common.ts';
import { same, spanRow } from './cells.ts';
import type { MergedInput } from './input.ts';
import type { MergedModel } from './model.ts';
import { splitRow } from './split.ts';
import { S } from './styles.ts';
import { CONTINUED, MERGED_SHEET_NAMES, periodLine } from './words.ts';

export const ISSUES_HEADER = [
  'STT',
  'TT nhiệm vụ',
  'Nội dung nhiệm vụ',
  'Cơ quan báo cáo',
  'Khó khăn, vướng mắc',
  'Đề xuất, kiến nghị',
] as const;

/** Column widths, in characters, of columns A–F. */
const WIDTHS = [6, 8, 32, 24, 42, 42];

/** The sheet, rows numbered from 1, its row heights fitted (fitRowHeights). */
export function issuesSheet(input: MergedInput, m: MergedModel): Sheet {
  const { plan, period } = input;
  const W = ISSUES_HEADER.length;
  const rows: Row[] = [];
  const merges: string[] = [];
  spanRow(rows, merges, 1, W, 'TỔNG HỢP KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ', S.title);
  spanRow(rows, merges, 2, W, periodLine(period), S.subtitle);
  rows.push({ index: 4, cells: same([...ISSUES_HEADER], S.th) });
  // The lines of each piece of a long text, measured once (split.ts).
  const known: KnownLines = new Map();
  let r = 5;
  let n = 0;
  for (const task of plan.tasks) {
    for (const who of m.responsibleFor(task.id)) {
      const d = who.row?.difficulties.trim() ? who.row.difficulties : '';
      const p = who.row?.proposals.trim() ? who.row.proposals : '';
      if (!d && !p) continue;
      // A text longer than a row holds goes on in "(tiếp)" rows (split.ts).
      splitRow([d, p], WIDTHS.slice(4), 11, known).forEach(([dx, px], i) => {
        const first = i === 0;
        rows.push({
          index: r++,
          cells: [
            cell(first ? ++n : null, S.number),
            cell(task.id, S.textCenter),
            cell(first ? task.content : null, S.text),
            first ? cell(who.name, S.text) : cell(`${who.name} ${CONTINUED}`, S.continued),
            cell(dx, S.text),
            cell(px, S.text),
          ],
        });
      });
    }
  }
  if (n === 0) {
    const text = 'Các báo cáo đã nhận không nêu khó khăn, vướng mắc hay đề xuất, kiến nghị nào.';
    rows.push({ index: r, cells: same([text, ...Array(W - 1).fill(null)], S.emptyTable) });
    merges.push(`A${r}:${columnLetter(W)}${r}`);
  }
  return fitRowHeights(
    {
      name: MERGED_SHEET_NAMES.issues,
      rows,
      merges,
      columns: WIDTHS.map((width) => ({ width })),
      freeze: { row: 5, col: 1 },
      print: landscape([4, 4]),
    },
    CLOSE_FIT,
    known,
  );
}
