// The written report (.docx) opened by readers other than the writer:
// python-docx (Debian's python3-docx) reads its sections, styles,
// paragraphs and tables (tests/node/readers/read_docx.py), and LibreOffice
// headless (libreoffice-writer-nogui) converts it to PDF; the PDF's first
// page is kept as a PNG in test-artifacts/ (git-ignored) for a person to
// look at. Built in Node by the same pure builder the route calls, from the
// merged workbook's realistic and empty inputs (tests/node/readers/fixtures.ts).
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DOTTED,
  type DocumentSettings,
  EMPTY_DOCUMENT_SETTINGS,
} from '../../shared/documents/index.ts';
import {
  buildReportDocx,
  COMPLETENESS_HEADER,
  EMPTY,
  REPORT_HEADINGS,
} from '../../worker/src/reports/report.ts';
import { dataInput, emptyInput, HOSTILE, HOSTILE_AGENCY, plan } from './readers/fixtures.ts';
import { toPdf } from './readers/soffice.ts';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const TIMEOUT = 180_000;

/** Neutral placeholders: nothing here is a fact about the district. */
const SETTINGS: DocumentSettings = {
  ...EMPTY_DOCUMENT_SETTINGS,
  issuingBody: 'Cơ quan ban hành thử nghiệm',
  recipients: ['Cơ quan nhận thử nghiệm'],
  signerLines: ['TM. CƠ QUAN THỬ NGHIỆM', 'KT. THỦ TRƯỞNG', 'PHÓ THỦ TRƯỞNG'],
  signerName: 'Người ký thử nghiệm',
};

interface Read {
  sections: {
    width: number;
    height: number;
    orientation: string;
    top: number;
    bottom: number;
    left: number;
    right: number;
    titlePage: boolean;
    header: string;
    firstHeader: string;
  }[];
  styles: Record<
    string,
    { name: string | null; size: number | null; bold: boolean | null; italic: boolean | null }
  >;
  outline: Record<string, string>;
  defaults: { font: string; halfPoints: string };
  paragraphs: { style: string; text: string; fonts: string[] }[];
  tables: string[][][];
}

let dir = '';
const read: Record<'data' | 'empty', Read> = {} as never;
let pdfPages = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'report-docx-'));
  const files = {
    data: join(dir, 'report-data.docx'),
    empty: join(dir, 'report-empty.docx'),
  };
  writeFileSync(files.data, await buildReportDocx(dataInput(), SETTINGS));
  writeFileSync(files.empty, await buildReportDocx(emptyInput(), EMPTY_DOCUMENT_SETTINGS));
  for (const name of ['data', 'empty'] as const) {
    const { stdout } = await run(
      '/usr/bin/python3',
      [join(here, 'readers/read_docx.py'), files[name]],
      {
        maxBuffer: 64 << 20,
      },
    );
    read[name] = JSON.parse(stdout) as Read;
  }
  const out = join(dir, 'pdf');
  await toPdf(dir, out, [files.data], TIMEOUT);
  const pdf = join(out, 'report-data.pdf');
  pdfPages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf])).stdout)?.[1] ?? 0);
  // For a person to look at: the report, its PDF and the PDF's first page.
  mkdirSync(ARTIFACTS, { recursive: true });
  copyFileSync(files.data, join(ARTIFACTS, 'report-2026-Q1.docx'));
  copyFileSync(pdf, join(ARTIFACTS, 'report-2026-Q1.pdf'));
  await run('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    join(ARTIFACTS, 'report-2026-Q1-page1'),
  ]);
}, TIMEOUT);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const texts = (r: Read, style?: string) =>
  r.paragraphs.filter((p) => !style || p.style === style).map((p) => p.text);

describe('the written report, read by python-docx', () => {
  it('is A4 portrait with Decree 30 margins (20/20/30/15 mm) and no page number on page 1', () => {
    const [s] = read.data.sections;
    expect(read.data.sections).toHaveLength(1);
    expect(s).toMatchObject({
      width: 11906,
      height: 16838,
      top: 1134,
      bottom: 1134,
      left: 1701,
      right: 850,
    });
    expect(s?.orientation).toMatch(/^PORTRAIT/);
    expect(s?.titlePage).toBe(true);
    expect(s?.header).toContain('PAGE');
    expect(s?.firstHeader).not.toContain('PAGE');
  });

  it('sets Times New Roman 14 pt, and Word headings in it with outline levels', () => {
    expect(read.data.defaults).toEqual({ font: 'Times New Roman', halfPoints: '28' });
    for (const id of ['Heading1', 'Heading2', 'Heading3']) {
      expect(read.data.styles[id]).toMatchObject({ name: 'Times New Roman', size: 14, bold: true });
    }
    expect(read.data.outline).toMatchObject({ Heading1: '0', Heading2: '1', Heading3: '2' });
    // No run overrides the font.
    expect(
      read.data.paragraphs.flatMap((p) => p.fonts).filter((f) => f !== 'Times New Roman'),
    ).toEqual([]);
  });

  it('has the four parts as Heading 1, the plan’s sections as Heading 2 and tasks as Heading 3', () => {
    expect(texts(read.data, 'Heading 1')).toEqual([...REPORT_HEADINGS]);
    expect(texts(read.data, 'Heading 2')).toEqual(
      plan.def.sections.map((s, i) => `${i + 1}. ${s.title} (Mục ${s.id} Phụ lục)`),
    );
    const tasks = texts(read.data, 'Heading 3');
    expect(tasks.length).toBeGreaterThan(0);
    for (const t of tasks) expect(t).toMatch(/^Nhiệm vụ [IVX]+\.\d+\. /);
  });

  it('has the header table and the completeness table, counts as the input says', () => {
    const [header, completeness, closing] = read.data.tables;
    expect(header?.[0]?.[1]).toBe(
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n',
    );
    expect(header?.[0]?.[0]).toContain('CƠ QUAN BAN HÀNH THỬ NGHIỆM');
    expect(header?.[1]?.[1]).toBe(`${DOTTED}, ngày 20 tháng 3 năm 2026`);
    expect(completeness?.[0]).toEqual([...COMPLETENESS_HEADER]);
    const input = dataInput();
    const missing = input.completeness.filter((c) => c.status === 'missing').length;
    expect(completeness?.[1]?.slice(1, 3)).toEqual([
      'Cơ quan, đơn vị phải báo cáo',
      String(input.completeness.length),
    ]);
    expect(completeness?.[5]?.slice(1, 3)).toEqual(['Chưa nộp báo cáo', String(missing)]);
    expect(closing?.[0]?.[1]).toContain('PHÓ THỦ TRƯỞNG');
    expect(closing?.[0]?.[1]).toContain('Người ký thử nghiệm');
    expect(closing?.[0]?.[0]).toBe(`Nơi nhận:\n- Như trên;\n- Lưu: VT, ${DOTTED}.`);
  });

  it('keeps the agencies’ Vietnamese text exact (NFC), line breaks, and hostile strings as text', () => {
    const all = texts(read.data);
    const joined = all.join('\n');
    expect(joined).toBe(joined.normalize('NFC'));
    expect(joined).toContain(HOSTILE.nfc);
    expect(joined).toContain(HOSTILE.formula);
    expect(joined).toContain(HOSTILE.escapeLiteral);
    expect(joined).toContain(HOSTILE.crlf.replace(/\r\n/g, '\n'));
    // Control characters have no printed form: dropped, the rest kept.
    expect(joined).toContain('Ký tự điều khiển: hết');
    const name = dataInput().agencyNames?.[HOSTILE_AGENCY] ?? '';
    expect(
      all.some((t) =>
        t.startsWith(`- ${name} (chủ trì): Đang triển khai, 45,5%. ${HOSTILE.formula}`),
      ),
    ).toBe(true);
    expect(all.at(-1)).toBeDefined();
    expect(all.filter((t) => t.endsWith('./.'))).toHaveLength(1);
  });

  it('says so in every part of a period nobody reported', () => {
    const all = texts(read.empty);
    expect(all).toContain(EMPTY.received);
    expect(all.filter((t) => t === EMPTY.section)).toHaveLength(plan.def.sections.length);
    expect(all).toContain(EMPTY.difficulties);
    expect(all).toContain(`${EMPTY.proposals.replace(/\.$/, '')}./.`);
    expect(texts(read.empty, 'Heading 3')).toEqual([]);
  });
});

describe('the written report, in LibreOffice', () => {
  it('converts to a PDF of several A4 pages', () => {
    expect(pdfPages).toBeGreaterThan(1);
  });
});
