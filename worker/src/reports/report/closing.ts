// The foot of the report (Decree 30/2020 Phụ lục I): "Nơi nhận:" on the
// left (bold italic 12 pt, items 11 pt: "- Như trên;" when there is a
// "Kính gửi", the copies set, "- Lưu: VT, <unit>.") level with the
// signature block on the right (its lines upper case bold, room for the
// signature and seal, the signer's name bold). Unset lines print dotted.
import { AlignmentType, Paragraph, Table, TableRow, WidthType } from 'docx';
import { type DocumentSettings, orDotted } from '../../../../shared/documents/index.ts';
import { upper } from '../common.ts';
import { SIZE, TEXT_WIDTH } from './page.ts';
import { centred, NO_BORDERS, plainCell, runs } from './parts.ts';

const LEFT = Math.round(TEXT_WIDTH * 0.45);
const RIGHT = TEXT_WIDTH - LEFT;

/** The "Nơi nhận:" items as they print. */
export function copyToLines(settings: DocumentSettings): string[] {
  return [
    ...(settings.recipients.length ? ['- Như trên;'] : []),
    ...settings.copyTo.map((c) => `- ${c};`),
    `- Lưu: VT, ${orDotted(settings.archiveUnit)}.`,
  ];
}

/** The borderless two-column table: "Nơi nhận" left, signature right. */
export function closing(settings: DocumentSettings): Table {
  const left = [
    new Paragraph({
      spacing: { after: 0, line: 240 },
      children: runs('Nơi nhận:', { bold: true, italics: true, size: SIZE.receivers }),
    }),
    ...copyToLines(settings).map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.LEFT,
          spacing: { after: 0, line: 240 },
          children: runs(line, { size: SIZE.receiverItem }),
        }),
    ),
  ];
  const signer = settings.signerLines.length ? settings.signerLines : [orDotted(null)];
  const right = [
    ...signer.map((l) => centred(upper(l), { bold: true })),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => centred('')),
    centred(orDotted(settings.signerName), { bold: true }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT, RIGHT],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [plainCell(LEFT, left), plainCell(RIGHT, right)] })],
  });
}
