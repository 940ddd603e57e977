// Small builders the report's parts share: runs of text that keep line
// breaks, body paragraphs, headings, short rules and borderless cells.
// Text goes into w:t through the docx library, which escapes it: a
// report that says "<w:p>" or "=SUM(1)" prints exactly that.
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  type IRunOptions,
  LineRuleType,
  Paragraph,
  type ParagraphChild,
  TableCell,
  TextRun,
  WidthType,
} from 'docx';
import { FIRST_LINE } from './page.ts';

/** Run options other than the text: bold, italics, size (half-points). */
export type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

// C0 and C1 controls other than tab and line breaks are not characters XML
// 1.0 allows (§2.2); they have no printed form either, so they are dropped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

/**
 * `text` as runs: one per line, each after the first starting with a line
 * break (w:br), so that what an agency typed on several lines prints so.
 */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  return text
    .replace(CONTROL, '')
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

/** A body paragraph (justified, first-line indent) of runs; `last` adds the Decree's closing "./.". */
export function para(
  children: ParagraphChild[],
  extra: { last?: boolean; before?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    ...(extra.before ? { spacing: { before: extra.before } } : {}),
    indent: { firstLine: FIRST_LINE },
    children: extra.last ? [...children, new TextRun('./.')] : children,
  });
}

/** A body paragraph of plain text; the last of the report ends "./." in place of its full stop. */
export const textPara = (text: string, extra: { last?: boolean; before?: number } = {}) =>
  para(runs(extra.last ? text.replace(/\.$/, '') : text), extra);

const LEVEL = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

/** A Word heading (Heading 1–3: the styles in page.ts), justified like the body. */
export function heading(level: 1 | 2 | 3, text: string): Paragraph {
  return new Paragraph({
    heading: LEVEL[level],
    alignment: AlignmentType.JUSTIFIED,
    children: runs(text),
  });
}

/** A centred line, no indent and no space after, for header and signature blocks. */
export function centred(text: string, style: RunStyle = {}, after = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after, line: 240 },
    children: runs(text, style),
  });
}

/**
 * A short horizontal rule `width` twips long, centred in a space `within`
 * twips wide: an empty paragraph's top border, with indents that shorten it.
 */
export function rule(width: number, within: number): Paragraph {
  const side = Math.max(0, Math.round((within - width) / 2));
  return new Paragraph({
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    indent: { left: side, right: side },
    spacing: { before: 60, after: 120, line: 120, lineRule: LineRuleType.EXACT },
    children: [],
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
/** The borders of a borderless table (header and signature blocks). */
export const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
} as const;

/** A borderless cell `width` twips wide. */
export function plainCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
    children: children.length ? children : [new Paragraph({})],
  });
}
