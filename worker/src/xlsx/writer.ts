// A focused SpreadsheetML (.xlsx) writer: the workbook model in types.ts in,
// the bytes of an .xlsx file out. Knows nothing of D1 or HTTP. Zipped with
// fflate (docs/workbooks.md: why not exceljs or SheetJS).
import { strToU8, zipSync } from 'fflate';
import { commentsXml, sheetRelsXml, vmlXml } from './notes.ts';
import { sheetXml } from './sheet.ts';
import { SharedStrings } from './strings.ts';
import { StyleSheet } from './styles.ts';
import type { Sheet, Workbook } from './types.ts';
import { escapeXml, plainText } from './xml.ts';
import { zipNative } from './zip.ts';

export interface WriteOptions {
  /** Deflate level 0–9; 6 by default (TECH-NOTES: ~45 ms for a large district workbook). */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Document timestamp (ISO); now when omitted. */
  modified?: string;
}

/** The parts of an .xlsx package: path in the ZIP → its XML text. */
type XlsxParts = Record<string, string>;

/**
 * The parts whose text depends only on the workbook's shape (its sheets'
 * names, notes and print titles, the styles it uses), not on its cells or
 * the time: the same from one download to the next, so writeXlsxNative
 * deflates each text once (zip.ts, ZipOptions.reuse).
 */
const FIXED_PARTS: ReadonlySet<string> = new Set([
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'docProps/app.xml',
]);

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;

export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxError';
  }
}

function checkSheetNames(sheets: Sheet[]): void {
  if (sheets.length === 0) throw new XlsxError('A workbook needs at least one sheet');
  const seen = new Set<string>();
  for (const s of sheets) {
    const name = s.name;
    if (!name || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || /^'|'$/.test(name)) {
      throw new XlsxError(
        `Invalid sheet name “${name}”: 1–31 characters, none of : \\ / ? * [ ], not starting or ending with '`,
      );
    }
    const key = name.toLocaleLowerCase();
    if (seen.has(key)) throw new XlsxError(`Duplicate sheet name “${name}”`);
    seen.add(key);
  }
  if (sheets.every((s) => s.hidden)) throw new XlsxError('At least one sheet must be visible');
}

/** 'Tổng hợp' → "'Tổng hợp'" as used in defined names. */
const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/**
 * The parts of the .xlsx package of `workbook`, each as its XML text by its
 * path in the ZIP. Throws XlsxError on a bad sheet name (1–31 characters,
 * none of : \\ / ? * [ ], unique, at least one visible sheet).
 */
function xlsxParts(workbook: Workbook, options: WriteOptions = {}): XlsxParts {
  checkSheetNames(workbook.sheets);
  const styles = new StyleSheet();
  const strings = new SharedStrings();
  const files: XlsxParts = {};
  const n = workbook.sheets.length;

  workbook.sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(sheet, styles, strings, workbook.cellRefs);
    if (sheet.notes?.length) {
      files[`xl/comments${i + 1}.xml`] = commentsXml(
        sheet.notes,
        workbook.creator ?? 'ly-son-poverty-reporting',
      );
      files[`xl/drawings/vmlDrawing${i + 1}.vml`] = vmlXml(sheet.notes, i + 1);
      files[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = sheetRelsXml(i + 1);
    }
  });

  const definedNames = workbook.sheets
    .map((s, i) =>
      s.print?.repeatRows
        ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(quoteSheet(s.name))}!$${s.print.repeatRows[0]}:$${s.print.repeatRows[1]}</definedName>`
        : '',
    )
    .join('');
  const firstVisible = Math.max(
    0,
    workbook.sheets.findIndex((s) => !s.hidden),
  );

  files['[Content_Types].xml'] =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    (workbook.sheets.some((s) => s.notes?.length)
      ? '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>'
      : '') +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    workbook.sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('') +
    workbook.sheets
      .map((s, i) =>
        s.notes?.length
          ? `<Override PartName="/xl/comments${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>`
          : '',
      )
      .join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>';
  files['_rels/.rels'] =
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
    '</Relationships>';
  files['xl/workbook.xml'] =
    `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<bookViews><workbookView activeTab="${firstVisible}"/></bookViews><sheets>` +
    workbook.sheets
      .map(
        (s, i) =>
          `<sheet name="${plainText(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
      )
      .join('') +
    `</sheets>${definedNames ? `<definedNames>${definedNames}</definedNames>` : ''}</workbook>`;
  files['xl/_rels/workbook.xml.rels'] =
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    workbook.sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('') +
    `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>';
  // Written after the sheets: both tables fill up while the sheets are built.
  files['xl/styles.xml'] = styles.toXml();
  files['xl/sharedStrings.xml'] = strings.toXml();

  const modified = (options.modified ?? new Date().toISOString()).replace(/\.\d{3}Z$/, 'Z');
  files['docProps/core.xml'] =
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    (workbook.title ? `<dc:title>${plainText(workbook.title)}</dc:title>` : '') +
    (workbook.creator ? `<dc:creator>${plainText(workbook.creator)}</dc:creator>` : '') +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${modified}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified>` +
    '</cp:coreProperties>';
  files['docProps/app.xml'] =
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>ly-son-poverty-reporting</Application></Properties>`;

  return files;
}

/**
 * The bytes of the .xlsx file of `workbook`, deflated by fflate at
 * `options.level` (6 by default). Throws XlsxError on a bad sheet name.
 */
export function writeXlsx(workbook: Workbook, options: WriteOptions = {}): Uint8Array {
  const parts = xlsxParts(workbook, options);
  const bytes: Record<string, Uint8Array> = {};
  for (const name of Object.keys(parts)) bytes[name] = strToU8(parts[name] as string);
  return zipSync(bytes, { level: options.level ?? 6 });
}

/**
 * The bytes of the .xlsx file of `workbook` as writeXlsx gives them, the
 * same parts, deflated instead by the runtime's own zlib (CompressionStream,
 * level 6): what the Worker serves, as inside workerd it costs about half of
 * fflate's JavaScript deflate (docs/benchmarks.md, issue 15). Rejects with
 * XlsxError on a bad sheet name.
 */
export async function writeXlsxNative(
  workbook: Workbook,
  options: Omit<WriteOptions, 'level'> & NativeOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const reuse = options.reuseFixedParts === false ? undefined : FIXED_PARTS;
  return zipNative(xlsxParts(workbook, options), { reuse });
}

export interface NativeOptions {
  /**
   * Whether the fixed parts (FIXED_PARTS) come deflated from the isolate's
   * cache; true by default. False deflates every part, as an isolate's first
   * download does (the benchmarks measure both).
   */
  reuseFixedParts?: boolean;
}
