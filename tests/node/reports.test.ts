// The pure pieces behind the workbooks: Decree 30 dates, Vietnam times, the
// download name, row heights, and the builders' shape. What other programs
// read back from the files is in xlsx-readers.test.ts.
import { describe, expect, it } from 'vitest';
import { DOTTED } from '../../shared/documents/index.ts';
import { LayoutError } from '../../shared/layout/index.ts';
import {
  CLOSE_FIT,
  fitRowHeights,
  placeDateLine,
  viDateTime,
  wrappedLines,
} from '../../worker/src/reports/common.ts';
import { pageHeight } from '../../worker/src/reports/merged/breaks.ts';
import {
  buildMergedWorkbook,
  MERGED_SHEET_NAMES,
  type MergedInput,
  NOT_REPORTED,
} from '../../worker/src/reports/merged.ts';
import { buildTemplateWorkbook } from '../../worker/src/reports/template.ts';
import { contentDisposition } from '../../worker/src/routes/workbooks.ts';
import type { Sheet } from '../../worker/src/xlsx/types.ts';
import { DOCUMENT, dataInput, emptyInput, period, plan } from './readers/fixtures.ts';

describe('dates and times', () => {
  it.each([
    ['2026-03-05', 'Lý Sơn, ngày 05 tháng 3 năm 2026'],
    ['2026-02-09', 'Lý Sơn, ngày 09 tháng 02 năm 2026'],
    ['2026-01-31', 'Lý Sơn, ngày 31 tháng 01 năm 2026'],
    ['2026-11-20', 'Lý Sơn, ngày 20 tháng 11 năm 2026'],
  ])('Decree 30 date line for %s: %s', (iso, line) => {
    expect(placeDateLine('Lý Sơn', iso)).toBe(line);
  });

  it.each([
    ['2026-03-14T17:30:00.000Z', '15/03/2026 00:30'],
    ['2026-12-31T16:59:59Z', '31/12/2026 23:59'],
    ['2026-01-01T00:05:00Z', '01/01/2026 07:05'],
  ])('%s is %s in Vietnam', (instant, text) => {
    expect(viDateTime(instant)).toBe(text);
  });
});

describe('contentDisposition', () => {
  it('keeps the Vietnamese name (NFC, percent-encoded UTF-8) with an ASCII fallback', () => {
    expect(
      contentDisposition('Tong-hop-KH58-2026-Q1.xlsx', 'Tổng hợp KH 58-KH-UBND 2026-Q1.xlsx'),
    ).toBe(
      `attachment; filename="Tong-hop-KH58-2026-Q1.xlsx"; filename*=UTF-8''T%E1%BB%95ng%20h%E1%BB%A3p%20KH%2058-KH-UBND%202026-Q1.xlsx`,
    );
    // Decomposed input is sent composed.
    expect(contentDisposition('a.xlsx', 'Tổng'.normalize('NFD'))).toBe(
      contentDisposition('a.xlsx', 'Tổng'),
    );
  });

  it('encodes what RFC 8187 does not allow bare, and cleans the fallback', () => {
    const cd = contentDisposition('a"b\\c d.xlsx', "Thôn (mới) 'x'*.xlsx");
    expect(cd).toBe(
      `attachment; filename="a-b-c-d.xlsx"; filename*=UTF-8''Th%C3%B4n%20%28m%E1%BB%9Bi%29%20%27x%27%2A.xlsx`,
    );
  });
});

describe('row heights', () => {
  it('counts wrapped lines, line breaks and words longer than a line', () => {
    expect(wrappedLines('', 10)).toBe(1);
    expect(wrappedLines('một hai ba', 100)).toBe(1);
    expect(wrappedLines('dòng 1\r\ndòng 2\ndòng 3\rdòng 4', 100)).toBe(4);
    // "nnnn" is 2 em in Times New Roman: two words do not fit on a 3 em line.
    expect(wrappedLines('nnnn nnnn', 3)).toBe(2);
    expect(wrappedLines('nnnn nnnn', 4.5)).toBe(1);
    expect(wrappedLines('n'.repeat(40), 5)).toBe(4);
    expect(wrappedLines('n '.repeat(10_000), 5, false, 30)).toBeLessThanOrEqual(31);
  });

  it('sets heights only where text needs them, wider for merged cells, never above 409 pt', () => {
    const text = 'Đã tổ chức hội nghị quán triệt cho cán bộ, đảng viên. '.repeat(6);
    const sheet: Sheet = {
      name: 'S',
      columns: [{ width: 20 }, { width: 20 }, { width: 20 }],
      merges: ['A2:C2'],
      rows: [
        { index: 1, cells: [{ value: text, style: { wrap: true } }] },
        { index: 2, cells: [{ value: text, style: { wrap: true } }] },
        { index: 3, cells: [{ value: 'ngắn', style: { wrap: true } }] },
        { index: 4, cells: [{ value: text, style: { wrap: true } }], height: 30 },
        { index: 5, cells: [{ value: text.repeat(100), style: { wrap: true } }] },
        { index: 6, cells: [{ value: text }] },
      ],
    };
    const [r1, r2, r3, r4, r5, r6] = fitRowHeights(sheet).rows.map((r) => r.height);
    expect(r1).toBeGreaterThan(100);
    expect(r2).toBeGreaterThan(15.75);
    expect(r2).toBeLessThan((r1 ?? 0) / 2);
    expect(r3).toBeUndefined();
    expect(r4).toBe(30);
    expect(r5).toBe(409);
    expect(r6).toBeUndefined(); // not wrapped: one line
  });

  it('CLOSE_FIT (the default) leaves less to spare than the roomier estimate it replaced, never more', () => {
    // The estimate Tổng hợp and Chi tiết had before issue 14: 92 % of the width, 4 pt.
    const ROOMY = { widthShare: 0.92, padding: 4 };
    const sentence = 'Ban Tổ chức, Nội vụ - Lao động, Thương binh và Xã hội';
    const rows = Array.from({ length: 40 }, (_, i) => ({
      index: i + 1,
      cells: [{ value: sentence.repeat(1 + (i % 8)), style: { wrap: true } }],
    }));
    const sheet = (): Sheet => ({
      name: 'S',
      columns: [{ width: 20 + (rows.length % 7) }],
      rows: rows.map((r) => ({ ...r })),
    });
    const spare = fitRowHeights(sheet(), ROOMY).rows.map((r) => r.height ?? 15.75);
    const close = fitRowHeights(sheet(), CLOSE_FIT).rows.map((r) => r.height ?? 15.75);
    close.forEach((h, i) => {
      expect(h, `row ${i + 1}`).toBeLessThanOrEqual(spare[i] ?? 0);
    });
    expect(close.reduce((a, b) => a + b, 0)).toBeLessThan(spare.reduce((a, b) => a + b, 0));
    // The agency name of Tình hình nộp báo cáo, 46 characters wide: one line, not two.
    const one: Sheet = {
      name: 'S',
      columns: [{ width: 46 }],
      rows: [{ index: 1, cells: [{ value: sentence, style: { font: { size: 11 }, wrap: true } }] }],
    };
    expect(fitRowHeights(one, CLOSE_FIT).rows[0]?.height).toBeUndefined();
    expect(fitRowHeights(one).rows[0]?.height).toBeUndefined();
  });
});

describe('buildMergedWorkbook', () => {
  it('has the four sheets, a row per section, two per task and one per responsible agency', () => {
    const wb = buildMergedWorkbook(emptyInput());
    expect(wb.sheets.map((s) => s.name)).toEqual(Object.values(MERGED_SHEET_NAMES));
    const detail = wb.sheets[1] as Sheet;
    let pairs = 0;
    for (const t of plan.tasks) {
      const r = plan.responsible(t.id);
      pairs += (r?.lead.length ?? 0) + (r?.coordinating.length ?? 0);
    }
    // Title, period, note and one header row; a task's content and its plan line; nothing to continue.
    expect(detail.rows).toHaveLength(4 + plan.def.sections.length + 2 * plan.tasks.length + pairs);
    const statuses = detail.rows.map((r) => r.cells[2]?.value);
    expect(statuses.filter((v) => v === NOT_REPORTED)).toHaveLength(pairs);
  });

  it('Chi tiết: no page ends on a section or task title row, and every page holds a row', () => {
    const detail = buildMergedWorkbook(dataInput()).sheets[1] as Sheet;
    const breaks = detail.rowBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(10);
    const titles = new Set(
      (detail.merges ?? [])
        .filter((m) => m.startsWith('B'))
        .map((m) => Number(m.slice(1).split(':')[0])),
    );
    expect(titles.size).toBeGreaterThan(plan.tasks.length);
    breaks.forEach((b, k) => {
      expect(titles.has(b - 1), `row ${b - 1} ends a page`).toBe(false);
      expect(b).toBeGreaterThan(k ? (breaks[k - 1] as number) : 5);
    });
    // A page holds at most what fits: its rows' heights under the page height.
    const page = pageHeight(detail);
    const h = new Map(detail.rows.map((r) => [r.index, r.height ?? 15.75]));
    const last = Math.max(...detail.rows.map((r) => r.index));
    [5, ...breaks].forEach((from, k) => {
      const to = (breaks[k] ?? last + 1) - 1;
      let sum = 0;
      for (let r = from; r <= to; r++) sum += h.get(r) ?? 15.75;
      expect(sum, `rows ${from}–${to}`).toBeLessThanOrEqual(page);
    });
  });

  it('takes its date from the input, not the clock', () => {
    const a = buildMergedWorkbook({ ...dataInput(), generatedAt: '2026-02-03T10:00:00Z' });
    const b = buildMergedWorkbook({ ...dataInput(), generatedAt: '2026-02-03T10:00:00Z' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const line = a.sheets[0]?.rows.find((r) => r.index === 3)?.cells[4]?.value;
    expect(line).toBe('Nơi thử nghiệm, ngày 03 tháng 02 năm 2026');
  });

  it('uses the current agency names (D1) as the author; the header block is the document settings’', () => {
    const input = dataInput();
    const wb = buildMergedWorkbook({
      ...input,
      agencyNames: { ...input.agencyNames, 'BTC-NV-LDTBXH': 'Phòng Nội vụ đặc khu' },
    });
    expect(wb.sheets[0]?.rows[1]?.cells[0]?.value).toBe('CƠ QUAN THỬ NGHIỆM');
    expect(wb.creator).toBe('Phòng Nội vụ đặc khu');
  });
});

/** The summary sheet's texts by row: "A: …", "E: …" for each cell that has one. */
function summaryLines(input: MergedInput): string[] {
  const sheet = buildMergedWorkbook(input).sheets[0] as Sheet;
  return sheet.rows.map((r) =>
    r.cells
      .map((c, i) => (c?.value == null ? null : `${'ABCDEFGHI'[i]}: ${c.value}`))
      .filter(Boolean)
      .join(' | '),
  );
}

describe('Tổng hợp as a Decree 30 document', () => {
  it('prints the document settings: header, Kính gửi, signature block beside Nơi nhận', () => {
    const lines = summaryLines(dataInput());
    expect(lines.slice(0, 3)).toEqual([
      'A: CƠ QUAN CẤP TRÊN THỬ NGHIỆM | E: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'A: CƠ QUAN THỬ NGHIỆM | E: Độc lập - Tự do - Hạnh phúc',
      'A: Số: ……/BC-TN | E: Nơi thử nghiệm, ngày 20 tháng 3 năm 2026',
    ]);
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(at('A: BÁO CÁO')).toBeGreaterThan(2);
    const to = at('B: Kính gửi:');
    expect(lines.slice(to, to + 2)).toEqual([
      'B: Kính gửi:  | C: - Cơ quan nhận thử nghiệm 1;',
      'C: - Cơ quan nhận thử nghiệm 2.',
    ]);
    expect(to).toBeLessThan(at('I. TÌNH HÌNH NỘP BÁO CÁO'));
    const end = at('A: Nơi nhận:');
    expect(end).toBeGreaterThan(at('Toàn Kế hoạch'));
    // Four empty rows on the right (rows 3–6): the space to sign and seal.
    expect(lines.slice(end)).toEqual([
      'A: Nơi nhận: | E: TM. CƠ QUAN THỬ NGHIỆM',
      'A: - Như trên; | E: NGƯỜI KÝ THỬ NGHIỆM',
      'A: - Cơ quan A (thử nghiệm);',
      'A: - Lưu: VT, VP.',
      '',
      '',
      'E: Người ký thử nghiệm',
    ]);
  });

  it('prints what is not set as dotted blanks, and no "Như trên" without recipients', () => {
    const lines = summaryLines(emptyInput());
    expect(lines.slice(0, 3)).toEqual([
      `A: ${DOTTED} | E: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`,
      'E: Độc lập - Tự do - Hạnh phúc',
      `A: Số: ……/${DOTTED} | E: ${DOTTED}, ngày 02 tháng 7 năm 2026`,
    ]);
    expect(lines).toContain(`B: Kính gửi:  | C: ${DOTTED}`);
    const end = lines.findIndex((l) => l.startsWith('A: Nơi nhận:'));
    expect(lines.slice(end)).toEqual([
      `A: Nơi nhận: | E: ${DOTTED}`,
      `A: - Lưu: VT, ${DOTTED}.`,
      '',
      '',
      '',
      `E: ${DOTTED}`,
    ]);
  });

  it('puts one recipient on the line of "Kính gửi:", ending with a full stop', () => {
    const input = { ...dataInput(), document: { ...DOCUMENT, recipients: ['Cơ quan nhận'] } };
    const lines = summaryLines(input);
    expect(lines).toContain('B: Kính gửi:  | C: Cơ quan nhận.');
    expect(lines).toContain('A: - Như trên; | E: NGƯỜI KÝ THỬ NGHIỆM');
  });
});

describe('buildTemplateWorkbook', () => {
  it('lays out an agency without appendix tasks as a header only, without validations', () => {
    const wb = buildTemplateWorkbook(plan, 'BTG-HU', period());
    const sheet = wb.sheets[0] as Sheet;
    expect(sheet.rows.map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sheet.dataValidations).toEqual([]);
    expect(sheet.protect).toBe(true);
  });

  it('refuses an agency the plan does not know', () => {
    expect(() => buildTemplateWorkbook(plan, 'NOPE', period())).toThrow(LayoutError);
  });

  it('unlocks exactly the fillable cells of the task rows', () => {
    const sheet = buildTemplateWorkbook(plan, 'P-TP', period()).sheets[0] as Sheet;
    for (const row of sheet.rows) {
      const unlocked = row.cells.map((c) => c?.style?.locked === false);
      expect(unlocked, `row ${row.index}`).toEqual(
        row.index >= 7
          ? [false, false, false, false, false, true, true, true, true, true, true]
          : unlocked.map(() => false),
      );
    }
  });
});
