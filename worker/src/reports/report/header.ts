// The top of the report (Decree 30/2020 Phụ lục I): the header table
// (issuing body and number left, national motto and date line right), the
// title "BÁO CÁO" with its subject, "Kính gửi:" and the opening sentence.
// Every line the coordinator has not set prints as a dotted blank.
import { AlignmentType, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import { type DocumentSettings, orDotted } from '../../../../shared/documents/index.ts';
import { vnToday } from '../../../../shared/periods/index.ts';
import { placeDateLine, upper, viDate } from '../common.ts';
import type { MergedInput } from '../merged/input.ts';
import { periodLine } from '../merged/words.ts';
import { SIZE, TEXT_WIDTH } from './page.ts';
import { centred, NO_BORDERS, para, plainCell, rule, runs } from './parts.ts';

/**
 * Header columns in twips: the motto's line (bold 12 pt capitals) needs
 * about 6,000, so the table reaches 4 mm into the right margin, as the
 * Decree's own samples do.
 */
const LEFT = 3600;
const RIGHT = 6000;

/** The number line before the clerk numbers it: "Số:      /BC-UBND". */
export function numberLine(settings: DocumentSettings): string {
  return `Số:        /${orDotted(settings.numberSymbol)}`;
}

/** The header table: two borderless columns, the number and the date line on one row. */
export function headerTable(input: MergedInput, settings: DocumentSettings): Table {
  const h = SIZE.header;
  const left = [
    ...(settings.parentBody ? [centred(upper(settings.parentBody), { size: h })] : []),
    centred(upper(orDotted(settings.issuingBody)), { size: h, bold: true }),
    rule(Math.round(LEFT / 3), LEFT),
  ];
  const right = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: SIZE.motto, bold: true }),
    centred('Độc lập - Tự do - Hạnh phúc', { size: SIZE.motto2, bold: true }),
    // As long as the motto above: about 27 characters of bold 14 pt.
    rule(3500, RIGHT),
  ];
  const today = vnToday(new Date(input.generatedAt));
  return new Table({
    width: { size: LEFT + RIGHT, type: WidthType.DXA },
    columnWidths: [LEFT, RIGHT],
    margins: { left: 0, right: 0 },
    borders: NO_BORDERS,
    rows: [
      new TableRow({ children: [plainCell(LEFT, left), plainCell(RIGHT, right)] }),
      new TableRow({
        children: [
          plainCell(LEFT, [centred(numberLine(settings), { size: h })]),
          plainCell(RIGHT, [
            centred(placeDateLine(orDotted(settings.place), today), { size: h, italics: true }),
          ]),
        ],
      }),
    ],
  });
}

/** "BÁO CÁO", the subject and the period, bold and centred, a short rule under them. */
export function title(input: MergedInput): Paragraph[] {
  const { plan, period } = input;
  return [
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
    centred('BÁO CÁO', { bold: true }),
    centred(`Kết quả thực hiện ${plan.def.shortTitle}`, { bold: true }),
    centred(periodLine(period), { bold: true }),
    rule(2400, TEXT_WIDTH),
  ];
}

/**
 * "Kính gửi:" with one recipient on its line, or several one per line
 * ("- …;", the last "- … ."); none set prints the dotted blank.
 */
export function recipients(settings: DocumentSettings): Paragraph[] {
  const list = settings.recipients;
  const label = (rest: string) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new TextRun('Kính gửi: '), ...runs(rest)],
    });
  if (list.length <= 1) return [label(orDotted(list[0]))];
  return [
    label(''),
    ...list.map(
      (r, i) =>
        new Paragraph({
          indent: { left: 2268 },
          spacing: { after: 0 },
          children: runs(`- ${r}${i === list.length - 1 ? '.' : ';'}`),
        }),
    ),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

/** The opening sentence, citing the plan ("… báo cáo như sau:"). */
export function opening(input: MergedInput): Paragraph {
  const { plan, period } = input;
  return para(
    runs(
      `Thực hiện Kế hoạch số ${plan.def.number} ngày ${viDate(plan.def.dates.header)} của ${plan.def.issuer.name}; ` +
        `trên cơ sở báo cáo của các cơ quan, đơn vị, kết quả thực hiện ${period.label.vi} được báo cáo như sau:`,
    ),
  );
}
