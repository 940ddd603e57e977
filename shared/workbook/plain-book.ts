// The workbook read without SheetJS when its package is plain: the parts
// our template writer and Excel write for a filled report (workbook,
// worksheets, styles, shared strings, theme, calculation chain, document
// properties), named where Excel names them, the candidate sheets' cells
// plain (plain-cells.ts). Then this file gives what SheetJS's parse_zip
// gives the reader (read.ts): the sheet names in workbook order, the
// candidate sheets' cells (dense, each with its number format), the date
// system; SheetJS is neither compiled nor run, most of a fresh isolate's
// first upload (docs/benchmarks.md). Anything else (another part type, a
// sheet found other than through the workbook's relationships, a prefix, a
// custom number format SheetJS would renumber or that replaces a built-in
// one, an entity in a name) makes plainBook return null, and SheetJS reads
// the file as before. Each rule below is SheetJS's (@e965/xlsx 0.20:
// parse_ct, parse_wb_xml, parse_rels, parse_zip, parse_numFmts,
// parse_cellXfs, safe_format); tests/node/plain-cells.test.ts compares both
// readings on every fixture.
import type { CellObject, WorkBook } from '@e965/xlsx';
import { strFromU8, type Unzipped } from 'fflate';
import { canonicalTags, plainOverrides } from './canonical-tag.ts';
import { entryOf } from './entry-map.ts';
import { type PlainCell, plainCells, unescapeXml } from './plain-cells.ts';
import { stylesAsRead } from './sheetjs-parts.ts';

const ML = 'application/vnd.openxmlformats-officedocument.';
const WORKBOOK_TYPE = `${ML}spreadsheetml.sheet.main+xml`;
const WORKSHEET_TYPE = `${ML}spreadsheetml.worksheet+xml`;
const STYLES_TYPE = `${ML}spreadsheetml.styles+xml`;
/** The content types whose parts SheetJS reads for nothing the reader uses, or not at all. */
const UNREAD_TYPES = new Set([
  `${ML}spreadsheetml.sharedStrings+xml`, // read by plain-cells.ts
  `${ML}theme+xml`,
  `${ML}spreadsheetml.calcChain+xml`,
  'application/vnd.openxmlformats-package.core-properties+xml',
  `${ML}extended-properties+xml`,
  `${ML}custom-properties+xml`,
  // LibreOffice lists the relationship parts too (parse_ct files them under
  // "rels", which parse_zip never reads: relationships are found by path).
  'application/vnd.openxmlformats-package.relationships+xml',
]);
const WORKSHEET_REL =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

/** SheetJS's table of built-in number formats (SSF_init_table), which every parse starts from. */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
};

const text = (files: Unzipped, name: string) => {
  const data = entryOf(files, name);
  return data ? strFromU8(data) : undefined;
};

/** What the checks below need of a part: no comment, DOCTYPE or CDATA section (SheetJS strips or keeps those). */
const simple = (xml: string) => !xml.includes('<!');

/**
 * The number format table SheetJS builds from the styles part (built-in
 * formats and the <numFmt>s of its <numFmts>) and each cell format's
 * numFmtId (<cellXfs>); null when SheetJS would renumber a format (an id
 * above 0x188), one replaces a built-in id, or the part is not simple.
 */
function numberFormats(xml: string) {
  const table: Record<number, string> = { ...BUILT_IN_FORMATS };
  // SheetJS takes the first <cellXfs> or <numFmts>, prefixed or not: read
  // here only when each is there once, unprefixed, so both take the same.
  if (/<[\w.-]+:(?:styleSheet|cellXfs|numFmts)\b/.test(xml)) return null;
  if ((xml.match(/<cellXfs\b/g)?.length ?? 0) !== 1) return null;
  if ((xml.match(/<numFmts\b/g)?.length ?? 0) > 1) return null;
  const cellXfs = /<cellXfs\b[^<>]*>[\s\S]*?<\/cellXfs>/.exec(xml)?.[0];
  if (!simple(xml) || cellXfs === undefined) return null;
  const numFmts = canonicalTags(
    /<numFmts\b[^<>]*>[\s\S]*?<\/numFmts>/.exec(xml)?.[0] ?? '',
    'numFmt',
    ['numFmtId', 'formatCode'],
  );
  const xfTags = canonicalTags(cellXfs, 'xf', ['numFmtId']);
  if (!numFmts || !xfTags) return null;
  for (const { attributes } of numFmts) {
    const id = Number(attributes.get('numFmtId'));
    const code = attributes.get('formatCode');
    if (!Number.isInteger(id) || id < 164 || id > 0x188 || code === undefined) return null;
    table[id] = unescapeXml(code, false);
  }
  const xfs = xfTags.map(({ attributes }) => {
    const id = attributes.get('numFmtId');
    return id === undefined ? undefined : Number.parseInt(id, 10);
  });
  if (xfs.some((id) => id !== undefined && (Number.isNaN(id) || id > 0x188))) return null;
  return { table, xfs };
}

/** A sheet's cells as SheetJS gives them densely, each with its number format (safe_format). */
function denseCells(
  cells: PlainCell[],
  formats: { table: Record<number, string>; xfs: (number | undefined)[] },
): CellObject[][] {
  // Sparse rows, as SheetJS's dense sheets hold them.
  const rows: CellObject[][] = [];
  for (const c of cells) {
    const xf = c.s === undefined ? undefined : formats.xfs[Number(c.s)];
    const cell = { t: c.t, z: formats.table[xf ?? 0] } as CellObject;
    if (c.v !== undefined) cell.v = c.v;
    const row = rows[c.row] ?? [];
    row[c.col] = cell;
    rows[c.row] = row;
  }
  return rows;
}

/**
 * The workbook SheetJS would parse from `files` (the checked, UTF-8,
 * planned entries: read.ts, candidates.ts) with the reader's options, as far
 * as the reader reads it: SheetNames, the candidate sheets (`candidates`)
 * in Sheets with their '!data', Workbook.WBProps.date1904. Null when the
 * package is not plain (see the top of this file): SheetJS must read it.
 */
export function plainBook(files: Unzipped, candidates: readonly string[]): WorkBook | null {
  const types = text(files, '[Content_Types].xml');
  if (types === undefined || !simple(types)) return null;
  if (/<(?:[\w.-]+:)?Default\b[^>]*spreadsheetml/.test(types)) return null;
  const overrides = plainOverrides(types);
  if (!overrides || !canonicalTags(types, 'Default', ['Extension', 'ContentType'])) return null;
  let styles: string | undefined;
  let workbooks = 0;
  for (const { type, part } of overrides) {
    if (type === WORKBOOK_TYPE && part === '/xl/workbook.xml') workbooks++;
    else if (type === STYLES_TYPE && part === '/xl/styles.xml' && styles === undefined)
      styles = 'xl/styles.xml';
    else if (type !== WORKSHEET_TYPE && !(type && UNREAD_TYPES.has(type))) return null;
  }
  const workbook = text(files, 'xl/workbook.xml');
  const rels = text(files, 'xl/_rels/workbook.xml.rels');
  if (workbooks !== 1 || workbook === undefined || rels === undefined) return null;
  if (!simple(workbook) || !simple(rels) || !/^(?:<\?[^>]*\?>)?\s*<workbook[\s>]/.test(workbook))
    return null;

  // The workbook's relationships: Id → worksheet part (parse_rels, parse_zip's 'xl/' + Target).
  const relTags = canonicalTags(rels, 'Relationship', ['Id', 'Target', 'Type', 'TargetMode']);
  if (!relTags) return null;
  const targets = new Map<string, string>();
  for (const { attributes } of relTags) {
    const id = attributes.get('Id');
    const target = attributes.get('Target');
    if (id === undefined || target === undefined || targets.has(id)) return null;
    if (attributes.get('Type') !== WORKSHEET_REL) {
      targets.set(id, '');
      continue;
    }
    const m = /^(?:\/xl\/)?(worksheets\/[\w.-]+\.xml)$/.exec(target);
    if (!m || attributes.has('TargetMode')) return null;
    targets.set(id, `xl/${m[1]}`);
  }

  // <sheet name sheetId state r:id/>, in order (parse_wb_xml).
  const sheetRead = ['name', 'sheetId', 'state', 'r:id'];
  const sheetTags = canonicalTags(workbook, 'sheet', sheetRead);
  const props = canonicalTags(workbook, 'workbookPr', ['date1904']);
  if (!sheetTags || sheetTags.length === 0 || !props || props.length > 1) return null;
  const names: string[] = [];
  const parts: string[] = [];
  for (const { tag, attributes } of sheetTags) {
    if (!tag.endsWith('/>')) return null;
    // Only the attributes read (namespace declarations aside).
    if ([...attributes.keys()].some((a) => !sheetRead.includes(a) && !a.startsWith('xmlns')))
      return null;
    const name = attributes.get('name');
    const part = targets.get(attributes.get('r:id') ?? '');
    if (name === undefined || /[&<]|_x/i.test(name) || names.includes(name)) return null;
    // A chart or other sheet, a part named twice, or one the zip lacks: SheetJS's own ways.
    if (!part || parts.includes(part) || !entryOf(files, part)) return null;
    names.push(name);
    parts.push(part);
  }
  const date1904 = props[0]?.attributes.get('date1904');
  if (date1904 !== undefined && !['0', '1', 'true', 'false'].includes(date1904)) return null;

  // Without a styles part SheetJS reads a cell's style index from nothing: its way.
  const stylesXml = styles === undefined ? undefined : text(files, styles);
  // Read as SheetJS is handed it (sheetjs-parts.ts), so oddly nested formats are gone for both.
  const formats = stylesXml === undefined ? null : numberFormats(stylesAsRead(stylesXml));
  const cells = formats && plainCells(files, candidates);
  if (!formats || !cells) return null;
  const sheets: WorkBook['Sheets'] = {};
  candidates.forEach((part, i) => {
    const at = parts.indexOf(part);
    const found = cells[i];
    if (at >= 0 && found) sheets[names[at] as string] = { '!data': denseCells(found, formats) };
  });
  return {
    SheetNames: names,
    Sheets: sheets,
    Workbook: { WBProps: { date1904: date1904 === '1' || date1904 === 'true' } },
  } as WorkBook;
}
