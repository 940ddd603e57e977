// The page and the styles of the written report, after Decree 30/2020/NĐ-CP
// Phụ lục I (DOMAIN.md, "The report document"): A4 portrait, margins top and
// bottom 20 mm, left 30 mm, right 15 mm (the low ends of the Decree's
// ranges), Times New Roman in black, body 14 pt justified with a 1 cm
// first-line indent and 6 pt after each paragraph. Sizes here are in Word's
// units: twips (1/20 pt, 1/1440 in) and half-points.
import type { IStylesOptions } from 'docx';

/** Twips in one millimetre. */
const MM = 1440 / 25.4;
const mm = (n: number) => Math.round(n * MM);

/** A4 portrait, in twips. */
export const PAGE = { width: 11906, height: 16838 } as const;

/** The margins in twips, and the header's distance from the page's top edge (the page number). */
export const MARGIN = {
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
  header: mm(10),
} as const;

/** The width text runs across, in twips. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export const FONT = 'Times New Roman';

/** Font sizes in half-points. */
export const SIZE = {
  body: 28,
  header: 26,
  motto: 24,
  motto2: 28,
  receivers: 24,
  receiverItem: 22,
} as const;

/** First-line indent of body paragraphs: 1 cm. */
export const FIRST_LINE = mm(10);

const black = '000000';
const heading = (outlineLevel: number, italics: boolean) => ({
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: FONT, size: SIZE.body, bold: true, italics, color: black },
  paragraph: {
    spacing: { before: 120, after: 120 },
    indent: { firstLine: FIRST_LINE },
    keepNext: true,
    keepLines: true,
    outlineLevel,
  },
});

/**
 * The document's styles: Normal is the body text; Heading 1 (I., II. …),
 * Heading 2 (1., 2. …) and Heading 3 (a task) are Word's own headings, in
 * the body's font and colour, so the navigation pane and a table of contents
 * work in Word and LibreOffice.
 */
export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: SIZE.body, color: black },
      paragraph: { spacing: { after: 120, line: 276 } },
    },
    heading1: heading(0, false),
    heading2: heading(1, false),
    heading3: heading(2, true),
  },
};
