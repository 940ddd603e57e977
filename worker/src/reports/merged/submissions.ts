// Sheet "Tình hình nộp báo cáo": each expected agency with its latest
// version, when it arrived, on time or late, the review of that version and
// the version merged.

import { columnLetter } from '../../../../shared/layout/a1.ts';
import type { Timeliness } from '../../../../shared/vocabulary/index.ts';
import type { Row, Sheet } from '../../xlsx/types.ts';
import { cell, landscape, viDateTime } from '../common.ts';
import { same, spanRow } from './cells.ts';
import type { MergedInput } from './input.ts';
import type { MergedModel } from './model.ts';
import { S } from './styles.ts';
import { dueLine, MERGED_SHEET_NAMES, periodLine, REVIEW_VI, TIMELINESS_VI } from './words.ts';

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

/** The sheet, rows numbered from 1; row heights are fitted afterwards (fitRowHeights). */
export function submissionsSheet(input: MergedInput, m: MergedModel): Sheet {
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
  merges.push(`B${r}:${columnLetter(W)}${r}`);
  return {
    name: MERGED_SHEET_NAMES.submissions,
    rows,
    merges,
    columns: [6, 46, 11, 18, 18, 14, 20, 13].map((width) => ({ width })),
    freeze: { row: 5, col: 1 },
    print: landscape([4, 4]),
  };
}
