// shared/workbook/plain-book.ts and plain-cells.ts: a plain package, read
// without SheetJS, gives what SheetJS gives for it (sheet names and order,
// the date system, each candidate sheet's cells: type, value, formula,
// formatted text, number format), on every fixture and on filled templates
// of every agency; packages outside the plain grammar are left to SheetJS.
import { readdirSync, readFileSync } from 'node:fs';
import type { CellObject, WorkBook } from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { planSheets } from '../../shared/workbook/candidates.ts';
import { DEFAULT_LIMITS } from '../../shared/workbook/index.ts';
import { parseSheets } from '../../shared/workbook/parse-sheets.ts';
import { plainBook } from '../../shared/workbook/plain-book.ts';
import { safeUnzip } from '../../shared/workbook/unzip.ts';
import { utf8Parts } from '../../shared/workbook/xml-encoding.ts';
import { filledXlsx, plan, templateXlsx } from '../support/upload-files.ts';

const SHEET_XML = 'xl/worksheets/sheet1.xml';
const SST_XML = 'xl/sharedStrings.xml';
const WORKBOOK_XML = 'xl/workbook.xml';
const STYLES_XML = 'xl/styles.xml';
/** The template's cell format used by its task rows' number cells (in <cellXfs>). */
const XF = /<xf numFmtId="0" fontId="5"[^>]*>/;

/** The entries and candidate sheets the reader hands on to be parsed (read.ts's steps). */
function planned(bytes: Uint8Array) {
  const unzipped = safeUnzip(bytes, DEFAULT_LIMITS);
  if (!unzipped.ok) return null;
  const recoded = utf8Parts(unzipped.files);
  if (!recoded.ok) return null;
  const p = planSheets(recoded.files, DEFAULT_LIMITS);
  return p.ok ? p.plan : null;
}

/** Every sheet's cells as the reader reads them (sheet-grid.ts: t, v, f, w, z), and the date system. */
function cellsOf(wb: WorkBook) {
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  return wb.SheetNames.map((name) => {
    const data = (wb.Sheets[name] as { '!data'?: (CellObject | undefined)[][] })?.['!data'] ?? [];
    return {
      name,
      date1904,
      rows: data.map((row) =>
        (row ?? []).map((c) => (c ? { t: c.t, v: c.v, f: c.f, w: c.w, z: c.z } : null)),
      ),
    };
  });
}

/** Both ways of parsing `bytes`, and whether the plain reading applied. */
function bothWays(bytes: Uint8Array) {
  const p = planned(bytes);
  if (!p) return null;
  const plain = parseSheets(p.files, p.candidates);
  const sheetjs = parseSheets(p.files, p.candidates, { plain: false });
  return {
    applies: plainBook(p.files, p.candidates) !== null,
    plain: plain.ok ? { ...plain, wb: cellsOf(plain.wb) } : plain,
    sheetjs: sheetjs.ok ? { ...sheetjs, wb: cellsOf(sheetjs.wb) } : sheetjs,
  };
}

const fixtures = ['reader-shapes', 'real-world'].flatMap((dir) => {
  const url = new URL(`../fixtures/${dir}/`, import.meta.url);
  return readdirSync(url)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => [`${dir}/${f}`, new Uint8Array(readFileSync(new URL(f, url)))] as const);
});

/** The file with one part's text changed. */
function patched(bytes: Uint8Array, part: string, change: (xml: string) => string) {
  const files = unzipSync(bytes);
  const xml = strFromU8(files[part] ?? new Uint8Array());
  const changed = change(xml);
  expect(changed).not.toBe(xml);
  files[part] = strToU8(changed);
  return zipSync(files);
}

describe('plain cells are the cells SheetJS reads', () => {
  it.each(fixtures)('%s', (_, bytes) => {
    const both = bothWays(bytes);
    if (both) expect(both.plain).toEqual(both.sheetjs);
  });

  it('some fixtures are read plainly, some not', () => {
    const applies = fixtures.map(([, bytes]) => bothWays(bytes)?.applies);
    expect(applies).toContain(true);
    expect(applies).toContain(false);
  });

  it.each([
    [
      'a prefixed <x:cellXfs> before the real one',
      '<x:cellXfs xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1"><x:xf numFmtId="14"/></x:cellXfs><cellXfs',
    ],
    [
      'a second <cellXfs> before the real one',
      '<cellXfs count="1"><xf numFmtId="14"/></cellXfs><cellXfs',
    ],
  ])('styles with %s are left to SheetJS, which reads the first', (_, replacement) => {
    const bytes = patched(filledXlsx('P-TP', '2026-Q1'), STYLES_XML, (xml) =>
      xml.replace('<cellXfs', replacement),
    );
    const both = bothWays(bytes);
    expect(both?.applies).toBe(false);
    expect(both?.plain).toEqual(both?.sheetjs);
  });

  it('a file LibreOffice saved is read plainly (it lists its relationship parts)', () => {
    const lo = fixtures.find(([name]) => name.includes('libreoffice'));
    const both = lo && bothWays(lo[1]);
    expect(both?.applies).toBe(true);
    expect(both?.plain).toEqual(both?.sheetjs);
  });

  it.each(plan.agencies.map((a) => [a.code]))('the filled template of %s, read plainly', (code) => {
    const both = bothWays(filledXlsx(code, '2026-Q1'));
    expect(both?.applies).toBe(true);
    expect(both?.plain).toEqual(both?.sheetjs);
  });

  it('the blank template, read plainly', () => {
    const both = bothWays(templateXlsx('P-TP', '2026-Q1'));
    expect(both?.applies).toBe(true);
    expect(both?.plain).toEqual(both?.sheetjs);
  });

  // Each change is one a writer other than ours makes, or a crafted part.
  const changes: [string, string, (xml: string) => string, boolean][] = [
    [
      'entities and _x escapes in a shared string',
      SST_XML,
      (x) => x.replace('</t></si>', ' &amp; &lt;&#x41;&#66;&AMP;_x000D__x0041_\r\n</t></si>'),
      true,
    ],
    [
      'a number written with an exponent, an empty <v>',
      SHEET_XML,
      (x) => x.replace('<v>50</v>', '<v>5E1</v>').replace(/<v>50<\/v>/, '<v></v>'),
      true,
    ],
    [
      'a self-closing row',
      SHEET_XML,
      (x) => x.replace('<row r="2">', '<row r="30"/><row r="2">'),
      true,
    ],
    [
      'cells given twice',
      SHEET_XML,
      (x) => x.replace('</row>', '<c r="A1" t="n"><v>7</v></c></row>'),
      true,
    ],
    ['a formula', SHEET_XML, (x) => x.replace('<v>50</v>', '<f>25*2</f><v>50</v>'), false],
    [
      'a rich-text shared string',
      SST_XML,
      (x) => x.replace(/<si><t([^>]*)>([^<]*)<\/t><\/si>/, '<si><r><t$1>$2</t></r></si>'),
      false,
    ],
    [
      'a shared-string index past the end',
      SHEET_XML,
      (x) => x.replace('<c r="A1" s="1" t="s"><v>0</v>', '<c r="A1" s="1" t="s"><v>9999</v>'),
      false,
    ],
    ['a cell without r', SHEET_XML, (x) => x.replace('<c r="A2" ', '<c '), false],
    [
      'a boolean',
      SHEET_XML,
      (x) => x.replace('<c r="G7" s="8"><v>50</v>', '<c r="G7" s="8" t="b"><v>1</v>'),
      false,
    ],
    [
      'the 1904 date system',
      WORKBOOK_XML,
      (x) => x.replace('<bookViews>', '<workbookPr date1904="1"/><bookViews>'),
      true,
    ],
    [
      'a custom number format with entities',
      STYLES_XML,
      (x) =>
        x
          .replace(
            '<fonts',
            '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0&quot;đ&quot;"/></numFmts><fonts',
          )
          .replace('numFmtId="49"', 'numFmtId="164"'),
      true,
    ],
    [
      'a Vietnamese sheet name',
      WORKBOOK_XML,
      (x) => x.replace(/name="P-TP [^"]*"/, 'name="Báo cáo"'),
      true,
    ],
    [
      'a custom format in place of a built-in one',
      STYLES_XML,
      (x) =>
        x.replace(
          '<fonts',
          '<numFmts count="1"><numFmt numFmtId="14" formatCode="dd/mm/yyyy"/></numFmts><fonts',
        ),
      false,
    ],
    [
      'a sheet name with an entity',
      WORKBOOK_XML,
      (x) => x.replace('name="P-TP', 'name="P&amp;TP'),
      false,
    ],
    // Tags written otherwise than canonically (canonical-tag.ts), which SheetJS reads its own way;
    // an attribute written inside another's value is read as SheetJS reads it: not at all.
    ...(
      [
        ['spaces around "="', 'numFmtId="0"', 'numFmtId = "10"', false],
        ['a prefixed numFmtId', 'numFmtId="0"', 'xmlns:x="urn:x" x:numFmtId="14"', false],
        ['NUMFMTID', 'numFmtId="0"', 'NUMFMTID="14"', false],
        ['numFmtId_x', 'numFmtId="0"', 'numFmtId="0" numFmtId_x="14"', false],
        ['numFmtId twice', 'numFmtId="0"', 'numFmtId="0" numFmtId="14"', false],
        [
          'numFmtId inside another attribute’s value',
          'fontId="5"',
          `fontId="5 numFmtId='14'"`,
          true,
        ],
      ] as const
    ).map(([name, from, to, applies]): [string, string, (xml: string) => string, boolean] => [
      `an xf with ${name}`,
      STYLES_XML,
      (x) => x.replace(XF, (t) => t.replace(from, to)),
      applies,
    ]),
    ...(
      [
        ['date1904 = "1"', '<workbookPr date1904 = "1"/>', false],
        ['DATE1904="1"', '<workbookPr DATE1904="1"/>', false],
        ['x:date1904="1"', '<workbookPr xmlns:x="urn:x" x:date1904="1"/>', false],
        [
          'date1904 inside another attribute’s value',
          `<workbookPr codeName="a date1904='1'"/>`,
          true,
        ],
        ['a tab before date1904', '<workbookPr\tdate1904="1"/>', false],
      ] as const
    ).map(([name, tag, applies]): [string, string, (xml: string) => string, boolean] => [
      `a workbookPr with ${name}`,
      WORKBOOK_XML,
      (x) => x.replace('<bookViews>', `${tag}<bookViews>`),
      applies,
    ]),
    // Formats nested where SheetJS is not handed them (sheetjs-parts.ts strips fonts, fills, borders).
    [
      'number formats nested in fonts',
      STYLES_XML,
      (x) =>
        x
          .replace(
            /<fonts count="[0-9]+">/,
            '$&<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>',
          )
          .replace('numFmtId="49"', 'numFmtId="164"'),
      true,
    ],
    [
      'cell formats nested in fills',
      STYLES_XML,
      (x) => x.replace('</fills>', '<cellXfs count="1"><xf numFmtId="14"/></cellXfs></fills>'),
      true,
    ],
    [
      'a cell style index with a leading zero',
      SHEET_XML,
      (x) => x.replace('<c r="G7" s="8">', '<c r="G7" s="08">'),
      false,
    ],
    [
      'a shared-string index with a leading zero',
      SHEET_XML,
      (x) =>
        x.replace(/(<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")? t="s"><v>)([1-9][0-9]*<\/v>)/, '$10$2'),
      false,
    ],
    ['a row tag with a tab', SHEET_XML, (x) => x.replace('<row r="2"', '<row\tr="2"'), false],
  ];
  it.each(changes)('%s', (_, part, change, applies) => {
    const both = bothWays(patched(filledXlsx('P-TP', '2026-Q1'), part, change));
    expect(both?.applies).toBe(applies);
    expect(both?.plain).toEqual(both?.sheetjs);
  });

  it('a sheet with comments is left to SheetJS, which adds a stub cell for a comment', () => {
    const files = unzipSync(filledXlsx('P-TP', '2026-Q1'));
    const ns = 'http://schemas.openxmlformats.org/';
    files['xl/worksheets/_rels/sheet1.xml.rels'] = strToU8(
      `<Relationships xmlns="${ns}package/2006/relationships"><Relationship Id="rId1" ` +
        `Type="${ns}officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>`,
    );
    files['xl/comments1.xml'] = strToU8(
      `<comments xmlns="${ns}spreadsheetml/2006/main"><authors><author>A</author></authors>` +
        '<commentList><comment ref="M30" authorId="0"><text><t>x</t></text></comment></commentList></comments>',
    );
    const both = bothWays(zipSync(files));
    expect(both?.applies).toBe(false);
    expect(both?.plain).toEqual(both?.sheetjs);
    const rows = both?.sheetjs.ok ? both.sheetjs.wb[0]?.rows : undefined;
    expect(rows?.[29]?.[12]).toMatchObject({ t: 'z' });
  });
});
