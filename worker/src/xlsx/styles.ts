// styles.xml: each distinct Style becomes one cellXfs entry; fonts, fills,
// borders and number formats are shared between them.
import type { Font, Style } from './types.ts';
import { plainText } from './xml.ts';

export const DEFAULT_FONT: Required<Pick<Font, 'name' | 'size'>> = {
  name: 'Times New Roman',
  size: 12,
};

class Table<T> {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly render: (item: T) => string;
  constructor(render: (item: T) => string) {
    this.render = render;
  }
  add(item: T): number {
    const xml = this.render(item);
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(xml);
      this.index.set(xml, i);
    }
    return i;
  }
}

const fontXml = (f: Font) =>
  `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.underline ? '<u/>' : ''}<sz val="${f.size ?? DEFAULT_FONT.size}"/>${
    f.color ? `<color rgb="FF${f.color.toUpperCase()}"/>` : ''
  }<name val="${plainText(f.name ?? DEFAULT_FONT.name)}"/><family val="1"/></font>`;

const fillXml = (rgb: string | null) =>
  rgb === null
    ? '<fill><patternFill patternType="none"/></fill>'
    : rgb === 'gray125'
      ? '<fill><patternFill patternType="gray125"/></fill>'
      : `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb.toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`;

const borderXml = (thin: boolean) =>
  thin
    ? '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>'
    : '<border><left/><right/><top/><bottom/><diagonal/></border>';

export class StyleSheet {
  private readonly fonts = new Table<Font>(fontXml);
  private readonly fills = new Table<string | null>(fillXml);
  private readonly borders = new Table<boolean>(borderXml);
  private readonly numFmts = new Map<string, number>();
  private readonly xfs = new Table<Style>((s) => this.xfXml(s));
  private readonly cache = new Map<Style, number>();

  constructor() {
    this.fonts.add({});
    this.fills.add(null); // Excel requires these two fills first
    this.fills.add('gray125');
    this.borders.add(false);
    this.xfs.add({});
  }

  /** The cellXfs index of a style (0 = default). */
  indexOf(style: Style | undefined): number {
    if (!style) return 0;
    const cached = this.cache.get(style);
    if (cached !== undefined) return cached;
    const i = this.xfs.add(style);
    this.cache.set(style, i);
    return i;
  }

  private numFmtId(code: string | undefined): number {
    if (!code || code === 'General') return 0;
    const builtIn: Record<string, number> = {
      '0': 1,
      '0.00': 2,
      '#,##0': 3,
      '#,##0.00': 4,
      '0%': 9,
      '0.00%': 10,
      '@': 49,
    };
    const known = builtIn[code];
    if (known !== undefined) return known;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  private xfXml(s: Style): string {
    const fontId = this.fonts.add(s.font ?? {});
    const fillId = s.fill ? this.fills.add(s.fill) : 0;
    const borderId = this.borders.add(!!s.border);
    const numFmtId = this.numFmtId(s.numberFormat);
    const align =
      s.horizontal || s.vertical || s.wrap
        ? `<alignment${s.horizontal ? ` horizontal="${s.horizontal}"` : ''}${s.vertical ? ` vertical="${s.vertical}"` : ''}${
            s.wrap ? ' wrapText="1"' : ''
          }/>`
        : '';
    const protection = s.locked === false ? '<protection locked="0"/>' : '';
    return `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${
      numFmtId ? ' applyNumberFormat="1"' : ''
    } applyFont="1"${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1"' : ''}${
      protection ? ' applyProtection="1"' : ''
    }${align || protection ? `>${align}${protection}</xf>` : '/>'}`;
  }

  toXml(): string {
    const numFmts = [...this.numFmts].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${plainText(code)}"/>`,
    );
    return [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '',
      `<fonts count="${this.fonts.items.length}">${this.fonts.items.join('')}</fonts>`,
      `<fills count="${this.fills.items.length}">${this.fills.items.join('')}</fills>`,
      `<borders count="${this.borders.items.length}">${this.borders.items.join('')}</borders>`,
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${this.xfs.items.length}">${this.xfs.items.join('')}</cellXfs>`,
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      '</styleSheet>',
    ].join('');
  }
}
