// "Tổng hợp" on paper (issue 14): one page when it fits without printing too
// small; with long document settings (several recipients, many copies) it
// runs on at the width-fitted size, and the totals, the note and the
// signature block stay together on the last page. Printed by LibreOffice.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSettings } from '../../shared/documents/index.ts';
import { buildMergedWorkbook, MERGED_SHEET_NAMES } from '../../worker/src/reports/merged.ts';
import type { Workbook } from '../../worker/src/xlsx/types.ts';
import { writeXlsx } from '../../worker/src/xlsx/writer.ts';
import { TEST_DOCUMENT } from '../support/document-settings.ts';
import { dataInput } from './readers/fixtures.ts';
import { toPdf } from './readers/soffice.ts';

const run = promisify(execFile);
const TIMEOUT = 180_000;

/** Every list near its longest, with neutral placeholders. */
const LONG: DocumentSettings = {
  ...TEST_DOCUMENT,
  recipients: Array.from({ length: 8 }, (_, i) => `Cơ quan nhận thử nghiệm số ${i + 1}`),
  signerLines: ['TM. CƠ QUAN THỬ NGHIỆM', 'KT. THỦ TRƯỞNG', 'PHÓ THỦ TRƯỞNG'],
  copyTo: Array.from({ length: 16 }, (_, i) => `Cơ quan nhận bản sao thử nghiệm số ${i + 1}`),
};

const summaryOnly = (document: DocumentSettings): Workbook => {
  const book = buildMergedWorkbook({ ...dataInput(), document });
  return { ...book, sheets: book.sheets.filter((s) => s.name === MERGED_SHEET_NAMES.summary) };
};
const books = { usual: summaryOnly(TEST_DOCUMENT), long: summaryOnly(LONG) };
type Name = keyof typeof books;

let dir = '';
const pages: Record<Name, string[]> = { usual: [], long: [] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'summary-print-'));
  for (const [name, book] of Object.entries(books)) {
    writeFileSync(join(dir, `${name}.xlsx`), writeXlsx(book));
  }
  await toPdf(
    dir,
    dir,
    Object.keys(books).map((n) => join(dir, `${n}.xlsx`)),
    TIMEOUT,
  );
  for (const name of Object.keys(books) as Name[]) {
    const text = (await run('pdftotext', ['-layout', join(dir, `${name}.pdf`), '-'])).stdout;
    pages[name] = text
      .normalize('NFC')
      .split('\f')
      .filter((p) => p.trim());
  }
}, TIMEOUT);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Tổng hợp on paper', () => {
  it('fits one page with usual settings, fitted to it', () => {
    const sheet = books.usual.sheets[0];
    expect(sheet?.print?.fitToHeight).toBe(true);
    expect(pages.usual).toHaveLength(1);
  });

  it('with long settings runs on at its width-fitted size, the totals and signature together', () => {
    const sheet = books.long.sheets[0];
    // Not shrunk to one page: fitted to the width only, with a break of its own.
    expect(sheet?.print?.fitToHeight).toBe(false);
    expect(sheet?.rowBreaks?.length).toBeGreaterThan(0);
    expect(pages.long.length).toBeGreaterThan(1);
    const last = pages.long.at(-1) ?? '';
    for (const part of ['Toàn Kế hoạch', 'Nơi nhận:', 'Người ký thử nghiệm', 'Lưu: VT, VP.']) {
      expect(last, part).toContain(part);
    }
    // Every recipient and copy is printed.
    const all = pages.long.join('\n');
    for (const line of [...LONG.recipients, ...LONG.copyTo]) expect(all, line).toContain(line);
  });
});
