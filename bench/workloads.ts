// The Worker's heavy operations as workloads, shared by the Node benchmarks
// and the bench Worker (bench/workerd/worker.ts), so both runtimes run the
// same code on the same input: the reader tests' realistic period (16
// agencies, every task, texts of 100–600 characters, hostile strings and a
// 20,000-character text) and an agency template filled in as a clerk would.
// ECMAScript only: this file is bundled into workerd.
import { read as sheetjsRead } from '@e965/xlsx';
import { Document, Packer, Paragraph } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { EMPTY_DOCUMENT_SETTINGS } from '../shared/documents/index.ts';
import { getPeriod } from '../shared/periods/index.ts';
import { lySon58 } from '../shared/plan/index.ts';
import { validate } from '../shared/validate/index.ts';
import { chooseProgressSheet, readWorkbook } from '../shared/workbook/index.ts';
import { dataInput } from '../tests/node/readers/fixtures.ts';
import { buildMergedWorkbook } from '../worker/src/reports/merged.ts';
import { buildReportDocx } from '../worker/src/reports/report.ts';
import { buildTemplateWorkbook } from '../worker/src/reports/template.ts';
import { writeXlsx, writeXlsxNative } from '../worker/src/xlsx/writer.ts';
import { writeWithExceljs } from './exceljs.ts';

/** The agency whose template is filled in for the upload workload. */
export const UPLOAD_AGENCY = 'P-TP';
/** The period of the upload workload. */
export const UPLOAD_PERIOD = '2026-Q1';

/**
 * The agency template of `UPLOAD_AGENCY` for `UPLOAD_PERIOD`, its task rows
 * filled (status, percent, result) as a clerk would, written as .xlsx bytes.
 * Also gives the sheet's row count for the benchmarks' labels.
 */
export function filledTemplate(): { bytes: Uint8Array; rows: number } {
  const book = buildTemplateWorkbook(lySon58, UPLOAD_AGENCY, getPeriod(UPLOAD_PERIOD));
  const sheet = book.sheets[0];
  if (!sheet) throw new Error('no sheet');
  for (const row of sheet.rows) {
    if (row.index < 7) continue;
    const f = row.cells[5];
    const g = row.cells[6];
    const h = row.cells[7];
    if (f) f.value = 'Đang triển khai';
    if (g) g.value = 50;
    if (h) h.value = 'Đã triển khai theo kế hoạch; kết quả bước đầu.';
  }
  return { bytes: writeXlsx(book), rows: sheet.rows.length };
}

/**
 * Reads an uploaded template the way POST /api/periods/{period}/uploads
 * does (size and zip checks, SheetJS, sheet choice) and validates it.
 * Returns the number of errors found; throws if the file is unreadable.
 */
export function readAndValidate(bytes: Uint8Array): number {
  const read = readWorkbook(bytes);
  if (!read.ok) throw new Error('unreadable');
  const choice = chooseProgressSheet(read, { agency: UPLOAD_AGENCY, period: UPLOAD_PERIOD });
  if (!choice.ok) throw new Error('no sheet chosen');
  return validate(choice.sheet.grid, {
    plan: lySon58,
    agency: UPLOAD_AGENCY,
    period: UPLOAD_PERIOD,
  }).errors;
}

/** One workload: a name for the printout and one run, which returns the bytes it made or read. */
export interface Workload {
  label: string;
  run: () => Promise<number>;
}

/**
 * The paragraphs of a .docx's main part, each as its text (the runs' <w:t>
 * joined), in order: what the docx floor packs again without our layout.
 */
function docxParagraphs(bytes: Uint8Array): string[] {
  const xml = strFromU8(
    unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })[
      'word/document.xml'
    ] as Uint8Array,
  );
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

/**
 * The workloads by name, each with the alternative it is compared with:
 * `workbook` (the merged workbook built and written as the Worker serves
 * it, deflate 6 by the runtime's zlib; `workbook.first` the same with every
 * part deflated, as a fresh isolate's first download) and `workbook.exceljs` (the same
 * model, built by us, written by exceljs at deflate 6); `write` and
 * `write.exceljs` (the writers alone, on the built model), `write.fflate`
 * (ours deflated by fflate at level 6); `template` and `template.exceljs`
 * (an agency template);
 * `report.docx` (the written report) and `report.docx.floor` (`docx`
 * packing the same paragraphs' text as plain paragraphs: the library's
 * floor, without our tables, styles and layout); `upload` (a filled
 * template read and validated) and `upload.floor` (SheetJS's XLSX.read of
 * the same bytes, nothing else); and `empty` (nothing: the baseline for a
 * request's own cost).
 */
export async function workloads(): Promise<Record<string, Workload>> {
  const input = dataInput();
  const upload = filledTemplate();
  const period = getPeriod(UPLOAD_PERIOD);
  const merged = buildMergedWorkbook(input);
  const paragraphs = docxParagraphs(await buildReportDocx(input, EMPTY_DOCUMENT_SETTINGS));
  return {
    empty: { label: 'empty request', run: async () => 0 },
    'report.docx': {
      label: 'report.docx',
      run: async () => (await buildReportDocx(input, EMPTY_DOCUMENT_SETTINGS)).length,
    },
    'report.docx.floor': {
      label: 'docx packing the same text as plain paragraphs',
      run: async () =>
        (
          await Packer.pack(
            new Document({ sections: [{ children: paragraphs.map((t) => new Paragraph(t)) }] }),
            'uint8array',
          )
        ).length,
    },
    workbook: {
      label: 'merged workbook',
      run: async () => (await writeXlsxNative(buildMergedWorkbook(input))).length,
    },
    'workbook.first': {
      label: 'merged workbook, every part deflated',
      run: async () =>
        (await writeXlsxNative(buildMergedWorkbook(input), { reuseFixedParts: false })).length,
    },
    'workbook.exceljs': {
      label: 'exceljs',
      run: async () => (await writeWithExceljs(buildMergedWorkbook(input))).length,
    },
    write: {
      label: 'merged workbook writer',
      run: async () => (await writeXlsxNative(merged)).length,
    },
    'write.fflate': {
      label: 'merged workbook writer, fflate deflate',
      run: async () => writeXlsx(merged).length,
    },
    'write.exceljs': {
      label: 'exceljs writing the same model',
      run: async () => (await writeWithExceljs(merged)).length,
    },
    template: {
      label: 'template',
      run: async () =>
        (await writeXlsxNative(buildTemplateWorkbook(lySon58, UPLOAD_AGENCY, period))).length,
    },
    'template.exceljs': {
      label: 'exceljs',
      run: async () =>
        (await writeWithExceljs(buildTemplateWorkbook(lySon58, UPLOAD_AGENCY, period))).length,
    },
    upload: {
      label: 'upload read + validate',
      run: async () => {
        readAndValidate(upload.bytes);
        return upload.bytes.length;
      },
    },
    'upload.floor': {
      label: "SheetJS's XLSX.read of the same bytes",
      run: async () => {
        // Dense, without formatted text or HTML, as shared/workbook/read.ts reads.
        sheetjsRead(upload.bytes, { type: 'array', dense: true, cellText: false, cellHTML: false });
        return upload.bytes.length;
      },
    },
  };
}
