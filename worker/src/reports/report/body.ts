// The report's body: I. who has reported (a table of counts, then the late
// and missing agencies by name), II. each section's tasks with what every
// responsible agency reported, III. difficulties and IV. proposals, each
// naming the agency and task. A part with nothing to say says so.
import {
  AlignmentType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { viNumber } from '../../../../shared/text/vi-format.ts';
import { TASK_ROLE_LABELS, type Timeliness } from '../../../../shared/vocabulary/index.ts';
import type { MergedInput } from '../merged/input.ts';
import type { MergedModel } from '../merged/model.ts';
import { dueLine, NOT_REPORTED, STATUS_VI } from '../merged/words.ts';
import { TEXT_WIDTH } from './page.ts';
import { heading, para, runs, textPara } from './parts.ts';

/** Section headings, in order (Heading 1). */
export const REPORT_HEADINGS = [
  'I. TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ',
  'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ',
  'III. KHÓ KHĂN, VƯỚNG MẮC',
  'IV. ĐỀ XUẤT, KIẾN NGHỊ',
] as const;

/** What an empty part says instead of vanishing. */
export const EMPTY = {
  received: 'Chưa có cơ quan, đơn vị nào nộp báo cáo trong kỳ.',
  section: 'Chưa có cơ quan, đơn vị nào báo cáo kết quả thực hiện các nhiệm vụ của mục này.',
  difficulties: 'Chưa có cơ quan, đơn vị nào nêu khó khăn, vướng mắc trong kỳ.',
  proposals: 'Chưa có cơ quan, đơn vị nào nêu đề xuất, kiến nghị trong kỳ.',
} as const;

/** Header of the completeness table. */
export const COMPLETENESS_HEADER = ['TT', 'Nội dung', 'Số cơ quan, đơn vị', 'Tỷ lệ (%)'] as const;

/** Parts I–IV, the last paragraph ending "./.". */
export function body(input: MergedInput, m: MergedModel): (Paragraph | Table)[] {
  return [
    heading(1, REPORT_HEADINGS[0]),
    ...completeness(input, m),
    heading(1, REPORT_HEADINGS[1]),
    ...results(input, m),
    heading(1, REPORT_HEADINGS[2]),
    ...issues(input, m, 'difficulties', false),
    heading(1, REPORT_HEADINGS[3]),
    ...issues(input, m, 'proposals', true),
  ];
}

function completeness(input: MergedInput, m: MergedModel): (Paragraph | Table)[] {
  const c = input.completeness;
  const count = (st: Timeliness) => c.filter((x) => x.status === st).length;
  const expected = c.length;
  const received = expected - count('missing');
  const share = (n: number) => (expected ? viNumber((n / expected) * 100, 1) : '-');
  const lines: [string, string, number][] = [
    ['1', 'Cơ quan, đơn vị phải báo cáo', expected],
    ['2', 'Đã nộp báo cáo', received],
    ['', '- Đúng hạn', count('on-time')],
    ['', '- Trễ hạn', count('late')],
    ['3', 'Chưa nộp báo cáo', count('missing')],
  ];
  const names = (st: Timeliness) =>
    c
      .filter((x) => x.status === st)
      .map((x) => m.name(x.agencyCode))
      .join('; ');
  const named: string[] = [];
  if (count('late')) named.push(`Nộp trễ hạn: ${names('late')}.`);
  if (count('missing')) named.push(`Chưa nộp báo cáo: ${names('missing')}.`);
  return [
    textPara(dueLine(input.period)),
    ...(received ? [] : [textPara(EMPTY.received)]),
    table(
      [...COMPLETENESS_HEADER],
      lines.map(([tt, label, n]) => [tt, label, viNumber(n), share(n)]),
      [0.08, 0.52, 0.2, 0.2],
    ),
    // Space after the table: Word puts none under a table.
    ...named.map((t, i) => textPara(t, { before: i ? 0 : 120 })),
  ];
}

function results(input: MergedInput, m: MergedModel): Paragraph[] {
  const { plan } = input;
  const out: Paragraph[] = [];
  plan.def.sections.forEach((section, i) => {
    out.push(heading(2, `${i + 1}. ${section.title} (Mục ${section.id} Phụ lục)`));
    const tasks = plan.tasks.filter((t) => t.section === section.id);
    const reported = tasks.filter((t) => m.responsibleFor(t.id).some((w) => w.row));
    if (!reported.length) {
      out.push(textPara(EMPTY.section));
      return;
    }
    for (const task of reported) {
      out.push(heading(3, `Nhiệm vụ ${task.id}. ${task.content}`));
      for (const who of m.responsibleFor(task.id)) {
        const role = TASK_ROLE_LABELS[who.role].vi.toLowerCase();
        const x = who.row;
        const head = new TextRun({ text: `- ${who.name} (${role}): `, bold: true });
        if (!x) {
          out.push(para([head, new TextRun(`${NOT_REPORTED}.`)]));
          continue;
        }
        const status = STATUS_VI.get(x.status) ?? x.status;
        const pct = x.percent === null ? '' : `, ${viNumber(x.percent, x.percent % 1 ? 1 : 0)}%`;
        const children = [head, new TextRun(`${status}${pct}.`)];
        if (x.result.trim()) children.push(new TextRun(' '), ...runs(x.result));
        if (x.completedProducts.trim()) {
          children.push(new TextRun({ text: ' Sản phẩm đã hoàn thành: ', italics: true }));
          children.push(...runs(x.completedProducts));
        }
        out.push(para(children));
      }
    }
    const silent = tasks.filter((t) => !reported.includes(t));
    if (silent.length) {
      out.push(
        textPara(`Các nhiệm vụ chưa có báo cáo kết quả: ${silent.map((t) => t.id).join(', ')}.`),
      );
    }
  });
  return out;
}

/** Every difficulty (or proposal) reported, in appendix order, naming agency and task. */
function issues(
  input: MergedInput,
  m: MergedModel,
  field: 'difficulties' | 'proposals',
  last: boolean,
): Paragraph[] {
  const items: { text: string; who: string; task: string }[] = [];
  for (const task of input.plan.tasks) {
    for (const who of m.responsibleFor(task.id)) {
      const text = who.row?.[field].trim();
      if (text) items.push({ text, who: who.name, task: task.id });
    }
  }
  if (!items.length) return [textPara(EMPTY[field], { last })];
  return items.map((it, i) =>
    para(
      [
        new TextRun('- '),
        ...runs(it.text),
        new TextRun({ text: ` (${it.who}, nhiệm vụ ${it.task})`, italics: true }),
        new TextRun(i < items.length - 1 ? ';' : last ? '' : '.'),
      ],
      { last: last && i === items.length - 1 },
    ),
  );
}

/** A bordered table: a bold header row that repeats on each page, then the rows; `shares` of the text width. */
function table(header: string[], rows: string[][], shares: number[]): Table {
  const widths = shares.map((s) => Math.round(TEXT_WIDTH * s));
  const cellOf = (text: string, col: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[col] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: col === 1 && !bold ? AlignmentType.LEFT : AlignmentType.CENTER,
          spacing: { before: 40, after: 40 },
          children: runs(text, { bold }),
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cellOf(h, i, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((t, i) => cellOf(t, i, false)) })),
    ],
  });
}
