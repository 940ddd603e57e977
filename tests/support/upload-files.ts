// .xlsx files for the upload tests, made in any runtime (Node or workerd):
// the agency's template exactly as GET …/template.xlsx builds it, with
// values put into the fillable cells of its task rows. Crafted broken zips
// live here too, so the reader's tests and the Worker's share them.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { COLUMN_INDEX, type FillKey, type TaskRowLayout } from '../../shared/layout/index.ts';
import { buildLayout, layoutToGrid } from '../../shared/layout/sheet.ts';
import { getPeriod } from '../../shared/periods/index.ts';
import { lySon58, type Plan } from '../../shared/plan/index.ts';
import { buildTemplateWorkbook } from '../../worker/src/reports/template.ts';
import type { Cell, CellValue, Workbook } from '../../worker/src/xlsx/types.ts';
import { writeXlsx } from '../../worker/src/xlsx/writer.ts';

export const plan = lySon58;

export type Fill = Partial<Record<FillKey, CellValue | Cell>>;

/** The task rows of an agency's sheet (1-based sheet rows), in appendix order. */
export function taskRows(agency: string, period = '2026-Q1'): readonly TaskRowLayout[] {
  return buildLayout(plan, agency, getPeriod(period)).tasks;
}

/** Every task in progress at 50 % with a result: a sheet that validates. */
export const validFill = (t: TaskRowLayout): Fill => ({
  status: 'Đang triển khai',
  percent: 50,
  result: `Đã triển khai nhiệm vụ ${t.taskId}`,
});

/**
 * The template model with `fill(task)` written into each task row; `named`:
 * the plan with the agency names the Worker holds (as namedPlan gives it).
 */
export function filledModel(
  agency: string,
  period: string,
  fill: (t: TaskRowLayout, i: number) => Fill = validFill,
  named: Plan = plan,
): Workbook {
  const model = buildTemplateWorkbook(named, agency, getPeriod(period));
  const sheet = model.sheets[0];
  if (!sheet) throw new Error('template has no sheet');
  taskRows(agency, period).forEach((t, i) => {
    const row = sheet.rows.find((r) => r.index === t.row);
    if (!row) throw new Error(`no row ${t.row}`);
    for (const [key, v] of Object.entries(fill(t, i))) {
      const at = COLUMN_INDEX[key as FillKey];
      const old = row.cells[at];
      const given: Cell = v !== null && typeof v === 'object' ? v : { value: v ?? null };
      row.cells[at] = { value: given.value, style: { ...old?.style, ...given.style } };
    }
  });
  return model;
}

export function filledXlsx(
  agency: string,
  period: string,
  fill?: (t: TaskRowLayout, i: number) => Fill,
  named?: Plan,
): Uint8Array {
  return writeXlsx(filledModel(agency, period, fill, named), { modified: '2026-03-10T00:00:00Z' });
}

/** The same fill as the values grid Excel would hand the add-in (layoutToGrid). */
export function filledGrid(
  agency: string,
  period: string,
  fill: (t: TaskRowLayout, i: number) => Fill = validFill,
): (string | number | boolean)[][] {
  const layout = buildLayout(plan, agency, getPeriod(period));
  return layoutToGrid(layout, (t) => {
    const values: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(fill(t, layout.tasks.indexOf(t)))) {
      const value = v !== null && typeof v === 'object' ? v.value : v;
      values[k] = value ?? '';
    }
    return values;
  });
}

/** A blank template, as downloaded. */
export function templateXlsx(agency: string, period: string): Uint8Array {
  return writeXlsx(buildTemplateWorkbook(plan, agency, getPeriod(period)), {
    modified: '2026-03-10T00:00:00Z',
  });
}

/** Rewrites one part of a zip (e.g. the sheet XML) and zips it again. */
export function patchPart(
  bytes: Uint8Array,
  part: string,
  edit: (xml: string) => string,
): Uint8Array {
  const files = unzipSync(bytes);
  const old = files[part];
  if (!old) throw new Error(`no part ${part}`);
  files[part] = strToU8(edit(strFromU8(old)));
  return zipSync(files);
}

// ---- broken files ----

/** A zip whose one entry inflates ~1000:1 (20 MB of zeros). */
export function zipBomb(): Uint8Array {
  return zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(20_000_000) }, { level: 9 });
}

/** A zip with more entries than the reader opens. */
export function manyEntries(n = 1500): Uint8Array {
  const files: Record<string, Uint8Array> = { '[Content_Types].xml': strToU8('<Types/>') };
  for (let i = 0; i < n; i++) files[`x/${i}.xml`] = strToU8('<a/>');
  return zipSync(files, { level: 0 });
}

/**
 * 40 entries of 1 MiB of zeros: each too small for the ratio check, together
 * past the 32 MiB cap on the declared uncompressed size; the file is ~40 KB.
 */
export function tooMuchUncompressed(): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const mib = new Uint8Array(1024 * 1024);
  for (let i = 0; i < 40; i++) files[`xl/media/image${i + 1}.bin`] = mib;
  return zipSync(files, { level: 9 });
}

/** The first bytes of an OLE2 compound file (.xls, or an encrypted .xlsx) and some padding. */
export function cfb(encrypted: boolean): Uint8Array {
  const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const name = encrypted ? 'EncryptedPackage' : 'Workbook';
  const utf16 = [...name].flatMap((ch) => [ch.charCodeAt(0), 0]);
  const out = new Uint8Array(4096);
  out.set(head, 0);
  out.set(utf16, 1024);
  return out;
}

/** An OpenDocument spreadsheet's zip (mimetype first, as ODF requires). */
export function odsLike(): Uint8Array {
  return zipSync(
    {
      mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
      'content.xml': strToU8('<office:document-content/>'),
    },
    { level: 0 },
  );
}

export const CSV = strToU8('TT,Nội dung công việc\nI.1,Tổ chức\n');

// ---- files that cost work to read ----

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const WORKSHEET_REL =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

/**
 * Worksheet XML of `rows` × `columns` numeric cells written as briefly as
 * SpreadsheetML allows (`<c><v>1</v></c>`, positions implied), so that
 * ~65,000 cells fit in 1 MiB.
 */
export function numbersSheetXml(rows: number, columns: number, firstCell = ''): string {
  const row = '<c><v>1</v></c>'.repeat(columns);
  let data = '';
  for (let r = 1; r <= rows; r++) data += `<row r="${r}">${r === 1 ? firstCell : ''}${row}</row>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;
}

/**
 * `base` with `sheets` added after its own: each a worksheet part named in
 * the workbook, its relationships and [Content_Types].xml, as a writer would.
 */
export function withSheets(base: Uint8Array, sheets: { name: string; xml: string }[]): Uint8Array {
  const files = unzipSync(base);
  const text = (part: string) => {
    const data = files[part];
    if (!data) throw new Error(`no part ${part}`);
    return strFromU8(data);
  };
  let workbook = text('xl/workbook.xml');
  let rels = text('xl/_rels/workbook.xml.rels');
  let types = text('[Content_Types].xml');
  sheets.forEach(({ name, xml }, i) => {
    const part = `worksheets/extra${i + 1}.xml`;
    const id = `rIdExtra${i + 1}`;
    files[`xl/${part}`] = strToU8(xml);
    workbook = workbook.replace(
      '</sheets>',
      `<sheet name="${name}" sheetId="${100 + i}" r:id="${id}"/></sheets>`,
    );
    rels = rels.replace(
      '</Relationships>',
      `<Relationship Id="${id}" Type="${WORKSHEET_REL}" Target="${part}"/></Relationships>`,
    );
    types = types.replace(
      '</Types>',
      `<Override PartName="/xl/${part}" ContentType="${WORKSHEET_TYPE}"/></Types>`,
    );
  });
  files['xl/workbook.xml'] = strToU8(workbook);
  files['xl/_rels/workbook.xml.rels'] = strToU8(rels);
  files['[Content_Types].xml'] = strToU8(types);
  return zipSync(files, { level: 9 });
}

/** An inline-string cell that looks like a metadata cell ("plan=…; layout=…"). */
export const DECOY_CELL = '<c t="inlineStr"><is><t>plan=x; layout=1</t></is></c>';

/**
 * The attack of issue 12 (point 4): our filled template plus 31 sheets of
 * numbers whose XML each inflates to just under 1 MiB (~2 million cells in
 * all). Each entry is too small for the ratio check and together they stay
 * under the 32 MiB cap, so the file (~150 KB) passes every zip check. With
 * `decoy`, each extra sheet starts with DECOY_CELL, so each can be a progress
 * sheet and must be parsed.
 */
export function paddedXlsx(agency = 'P-TP', period = '2026-Q1', decoy = false): Uint8Array {
  const xml = numbersSheetXml(640, 100, decoy ? DECOY_CELL : '');
  const sheets = Array.from({ length: 31 }, (_, i) => ({ name: `Dữ liệu ${i + 1}`, xml }));
  return withSheets(filledXlsx(agency, period), sheets);
}

/**
 * A filled template padded outside its cells, in XML SheetJS parses whole:
 * `sharedStrings` adds `count` varied shared strings (~300 bytes each: the
 * tester's 99,000 make 29.6 MB of XML in a ~600 KB file, under every zip
 * cap), `workbook` adds `count` <definedName> elements to xl/workbook.xml
 * (300,000: ~18 MB). Varied enough that no entry is compressed like a bomb.
 */
export function paddedXmlXlsx(
  padding: 'sharedStrings' | 'workbook',
  count: number,
  agency = 'P-TP',
  period = '2026-Q1',
): Uint8Array {
  const bytes = filledXlsx(agency, period);
  if (padding === 'sharedStrings') {
    const letters = (i: number) =>
      Array.from({ length: 6 }, (_, j) => String.fromCharCode(97 + ((i * j * 31) % 26))).join('');
    const items = Array.from(
      { length: count },
      (_, i) =>
        `<si><t>${'Nội dung lặp lại rất dài '.repeat(8)}${(i * 7919) % 100_003}${letters(i)}</t></si>`,
    ).join('');
    return patchPart(bytes, 'xl/sharedStrings.xml', (x) => x.replace('</sst>', `${items}</sst>`));
  }
  const names = Array.from(
    { length: count },
    (_, i) => `<definedName name="N${i}">'${agency} ${period}'!$A$1</definedName>`,
  ).join('');
  return patchPart(bytes, 'xl/workbook.xml', (x) =>
    x.includes('<definedNames>')
      ? x.replace('<definedNames>', `<definedNames>${names}`)
      : x.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`),
  );
}

// ---- files whose texts are huge (issue 16: error bodies) ----

/** The metadata cell's text with one value replaced by `value` (e.g. 1,000,000 × "X"). */
export function metaText(
  value: { plan?: string; agency?: string; period?: string },
  agency = 'P-VHTT',
  period = '2026-Q3',
): string {
  const v = { plan: plan.id, agency, period, ...value };
  return `Mã mẫu biểu (không sửa / do not edit): plan=${v.plan}; agency=${v.agency}; period=${v.period}; layout=1`;
}

/**
 * A bare workbook of `sheets` sheets whose A5 each points to one shared
 * string, `meta`: one long text quoted once per sheet by any message that
 * names what each sheet is (a fresh tester's file of issue 16: 101 sheets ×
 * 1,000,000 characters is a 33 KB upload).
 */
export function sharedMetaXlsx(sheets: number, meta: string): Uint8Array {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  const n = Array.from({ length: sheets }, (_, i) => i + 1);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${n.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${WORKSHEET_TYPE}"/>`).join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${xml}<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets>${n.map((i) => `<sheet name="Trang ${String(i).padStart(3, '0')} ${'Y'.repeat(20)}" sheetId="${i}" r:id="rId${i}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${n.map((i) => `<Relationship Id="rId${i}" Type="${WORKSHEET_REL}" Target="worksheets/sheet${i}.xml"/>`).join('')}<Relationship Id="rId${sheets + 1}" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `${xml}<sst xmlns="${ns}" count="${sheets}" uniqueCount="1"><si><t>${meta}</t></si></sst>`,
    ),
  };
  const sheet = strToU8(
    `${xml}<worksheet xmlns="${ns}"><sheetData><row r="5"><c r="A5" t="s"><v>0</v></c></row></sheetData></worksheet>`,
  );
  for (const i of n) files[`xl/worksheets/sheet${i}.xml`] = sheet;
  return zipSync(files);
}

/**
 * `base`'s entries (stored, level 0) and then `extra`, whatever their names:
 * each set as an own property, so that "__proto__" is an entry too.
 */
export function withEntries(base: Uint8Array, extra: [string, Uint8Array][]): Uint8Array {
  const files = unzipSync(base);
  for (const [name, data] of extra) {
    Object.defineProperty(files, name, { value: data, enumerable: true, writable: true });
  }
  return zipSync(files, { level: 0 });
}

/**
 * A copy of the zip `bytes` with the entry `name` changed in its local and
 * central headers: its compression method set to `method`, or its name to
 * `rename` (as long as `name`: fflate cannot write an entry "__proto__").
 */
export function patchEntry(
  bytes: Uint8Array,
  name: string,
  change: { method?: number; rename?: string },
): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const wanted = strToU8(name);
  const named = (at: number) => wanted.every((b, k) => out[at + k] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    const local = sig === 0x04034b50 && view.getUint16(i + 26, true) === wanted.length;
    const central = sig === 0x02014b50 && view.getUint16(i + 28, true) === wanted.length;
    const nameAt = local ? i + 30 : i + 46;
    if (!(local || central) || !named(nameAt)) continue;
    if (change.method !== undefined) view.setUint16(local ? i + 8 : i + 10, change.method, true);
    if (change.rename !== undefined) out.set(strToU8(change.rename), nameAt);
  }
  return out;
}

/**
 * The filled P-TP template with its shared strings twice under one name,
 * as a zip can hold them: first deflated as written, then stored with
 * "Đang triển khai" read as "Chưa triển khai" (the same length, so the same
 * declared size). fflate cannot write two entries of one name: the second
 * is written under a name one letter off, then renamed in its headers.
 */
export function duplicatedSharedStrings(): Uint8Array {
  const files = unzipSync(filledXlsx('P-TP', '2026-Q1'));
  const sst = 'xl/sharedStrings.xml';
  const other = strFromU8(files[sst] as Uint8Array).replaceAll(
    'Đang triển khai',
    'Chưa triển khai',
  );
  const twin = `${sst.slice(0, -1)}X`;
  const bytes = zipSync({ ...files, [twin]: [strToU8(other), { level: 0 }] }, { level: 6 });
  return patchEntry(bytes, twin, { rename: sst });
}

/**
 * A zip whose directory entries may overlap (as no writer makes one): one
 * local header "a" at offset 0 with `body` after it, then `padding` bytes,
 * then a central header for each of `entries`, every one pointing at that
 * local header with the method and sizes given.
 */
export function overlappingZip(
  body: Uint8Array,
  entries: { name: string; method: number; compressedSize: number; size: number }[],
  padding = 0,
): Uint8Array {
  const header = (length: number, fill: (v: DataView) => void) => {
    const out = new Uint8Array(length);
    fill(new DataView(out.buffer));
    return out;
  };
  const local = header(31, (v) => {
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(8, entries[0]?.method ?? 0, true);
    v.setUint32(18, body.length, true);
    v.setUint32(22, entries[0]?.size ?? 0, true);
    v.setUint16(26, 1, true);
    v.setUint8(30, 0x61);
  });
  const central = entries.map((e) => {
    const name = strToU8(e.name);
    const h = header(46 + name.length, (v) => {
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(10, e.method, true);
      v.setUint32(20, e.compressedSize, true);
      v.setUint32(24, e.size, true);
      v.setUint16(28, name.length, true);
    });
    h.set(name, 46);
    return h;
  });
  const directoryAt = local.length + body.length + padding;
  const directoryLength = central.reduce((sum, h) => sum + h.length, 0);
  const end = header(22, (v) => {
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, entries.length, true);
    v.setUint16(10, entries.length, true);
    v.setUint32(12, directoryLength, true);
    v.setUint32(16, directoryAt, true);
  });
  const parts = [local, body, new Uint8Array(padding), ...central, end];
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
