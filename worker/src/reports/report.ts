// The written report of a period (.docx), in the form of Decree 30/2020/NĐ-CP
// Phụ lục I: a pure function from the merged workbook's input (the same data,
// read once by lib/merged-input.ts) and the document settings to the bytes
// of a Word document, built with the `docx` library. Its parts, each in its
// own file under report/:
//   page.ts     A4, margins, fonts, Word heading styles
//   header.ts   header table, "BÁO CÁO" and subject, "Kính gửi:", opening sentence
//   body.ts     I. completeness, II. results by section, III. difficulties, IV. proposals
//   closing.ts  "Nơi nhận:" and the signature block
import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
} from 'docx';
import type { DocumentSettings } from '../../../shared/documents/index.ts';
import type { MergedInput } from './merged/input.ts';
import { mergedModel } from './merged/model.ts';
import { body } from './report/body.ts';
import { closing } from './report/closing.ts';
import { headerTable, opening, recipients, title } from './report/header.ts';
import { MARGIN, PAGE, SIZE, STYLES } from './report/page.ts';

export { COMPLETENESS_HEADER, EMPTY, REPORT_HEADINGS } from './report/body.ts';
export { copyToLines } from './report/closing.ts';
export { numberLine } from './report/header.ts';

/**
 * The report as a docx Document: one A4 portrait section whose pages from
 * the second on carry their number centred in the top margin (Decree 30: not
 * on page 1).
 */
export function buildReportDocument(input: MergedInput, settings: DocumentSettings): Document {
  const m = mergedModel(input);
  return new Document({
    creator: m.name(input.plan.coordinator.code),
    title: `Báo cáo kết quả thực hiện ${input.plan.def.number} — ${input.period.label.vi}`,
    styles: STYLES,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: MARGIN.top,
              bottom: MARGIN.bottom,
              left: MARGIN.left,
              right: MARGIN.right,
              header: MARGIN.header,
              footer: MARGIN.header,
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.body })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({})] }),
        },
        children: [
          headerTable(input, settings),
          ...title(input),
          ...recipients(settings),
          opening(input),
          ...body(input, m),
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          closing(settings),
        ],
      },
    ],
  });
}

/** The report's .docx bytes (a ZIP, ECMA-376 Part 2). */
export function buildReportDocx(
  input: MergedInput,
  settings: DocumentSettings,
): Promise<Uint8Array> {
  return Packer.pack(buildReportDocument(input, settings), 'uint8array');
}
