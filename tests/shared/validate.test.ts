// One test per finding code, asserting the exact code and cell.
import { describe, expect, it } from 'vitest';
import { isExactMetadata } from '../../shared/layout/metadata.ts';
import {
  FINDING_CODES,
  type FindingCode,
  type ValidateContext,
  validate,
} from '../../shared/validate/index.ts';
import { AGENCY, filledGrid, type Grid, layoutFor, PERIOD, plan } from './fixtures.ts';

const ctx: ValidateContext = { plan, agency: AGENCY, period: PERIOD };
// P-TP's sheet: header on row 6, tasks I.1 … V.4 on rows 7 … 24.
const R = (sheetRow: number) => sheetRow - 1;
const COL = {
  tt: 0,
  content: 1,
  role: 2,
  product: 3,
  timeline: 4,
  status: 5,
  percent: 6,
  result: 7,
  done: 8,
  diff: 9,
  prop: 10,
};

function check(
  grid: Grid,
  extra: Partial<Parameters<typeof validate>[0]> = {},
  c: Partial<typeof ctx> = ctx,
) {
  return validate({ values: grid, ...extra }, { plan, ...c });
}
function edit(mutate: (g: Grid) => void): Grid {
  const g = filledGrid();
  mutate(g);
  return g;
}
function set(g: Grid, sheetRow: number, col: number, v: unknown) {
  (g[R(sheetRow)] as unknown[])[col] = v;
}
/** The findings as "CODE@CELL". */
function codes(grid: Grid, extra = {}, c: Partial<typeof ctx> = ctx) {
  return check(grid, extra, c).findings.map((f) => `${f.code}@${f.cell}`);
}

const tested = new Set<FindingCode>();
function expectFinding(
  grid: Grid,
  code: FindingCode,
  cell: string,
  extra = {},
  c: Partial<typeof ctx> = ctx,
) {
  tested.add(code);
  expect(codes(grid, extra, c)).toContain(`${code}@${cell}`);
}

describe('validate: a good sheet', () => {
  it('gives a Submission with every task in appendix order and no findings', () => {
    const r = check(filledGrid());
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.submission?.agencyCode).toBe(AGENCY);
    expect(r.submission?.periodCode).toBe(PERIOD);
    expect(r.submission?.rows.map((x) => x.taskId)).toEqual(
      plan.tasksFor(AGENCY).map((a) => a.task.id),
    );
    expect(r.submission?.rows[0]).toMatchObject({
      taskId: 'I.1',
      role: 'lead',
      status: 'in-progress',
      percent: 40,
    });
  });

  it('takes agency and period from the sheet when the caller does not say', () => {
    const r = check(filledGrid(), {}, {});
    expect(r.ok).toBe(true);
    expect(r.agency).toBe(AGENCY);
    expect(r.period).toBe(PERIOD);
  });

  it('a bad expectation from the caller is a finding, never a silent failure', () => {
    expect(codes(filledGrid(), {}, { ...ctx, agency: 'NOPE' })).toEqual(['META_AGENCY_UNKNOWN@A5']);
    expect(codes(filledGrid(), {}, { ...ctx, period: '2026-Q9' })).toEqual([
      'META_PERIOD_INVALID@A5',
    ]);
    expect(check(filledGrid(), {}, { ...ctx, period: ' 2026-q1 ' }).ok).toBe(true);
  });

  it('reports cells relative to where the grid starts', () => {
    const g = edit((g) => set(g, 7, COL.status, 'Sai'));
    expect(codes(g, { origin: 'C3' })).toContain('STATUS_INVALID@H9');
  });

  it('survives rows inserted above the table', () => {
    const g = filledGrid();
    g.splice(2, 0, ['Ghi chú của người lập'], []);
    const r = check(g);
    expect(r.ok).toBe(true);
    set(g, 9, COL.status, '');
    expect(codes(g)).toContain('STATUS_REQUIRED@F9');
  });
});

describe('validate: metadata and header', () => {
  it('GRID_EMPTY', () => {
    expectFinding([], 'GRID_EMPTY', 'A1');
    expectFinding([['', ''], []], 'GRID_EMPTY', 'B2', { origin: 'B2' });
  });
  it('META_MISSING', () =>
    expectFinding(
      edit((g) => set(g, 5, 0, '')),
      'META_MISSING',
      'A5',
    ));
  it('META_INVALID', () =>
    expectFinding(
      edit((g) => set(g, 5, 0, String(g[4]?.[0]).replace('agency=P-TP; ', ''))),
      'META_INVALID',
      'A5',
    ));
  it('META_PLAN_MISMATCH', () =>
    expectFinding(
      edit((g) => set(g, 5, 0, String(g[4]?.[0]).replace(/plan=[^;]+/, 'plan=KH-KHAC'))),
      'META_PLAN_MISMATCH',
      'A5',
    ));
  it('META_AGENCY_UNKNOWN', () =>
    expectFinding(
      edit((g) => set(g, 5, 0, String(g[4]?.[0]).replace('P-TP', 'XYZ'))),
      'META_AGENCY_UNKNOWN',
      'A5',
    ));
  it('META_AGENCY_MISMATCH', () =>
    expectFinding(filledGrid('THON-02'), 'META_AGENCY_MISMATCH', 'A5'));
  it('META_PERIOD_INVALID', () =>
    expectFinding(
      edit((g) => set(g, 5, 0, String(g[4]?.[0]).replace(PERIOD, '2026-Q5'))),
      'META_PERIOD_INVALID',
      'A5',
    ));
  it('META_PERIOD_MISMATCH', () =>
    expectFinding(filledGrid(), 'META_PERIOD_MISMATCH', 'A5', {}, { ...ctx, period: '2026-H1' }));
  it('LAYOUT_VERSION_UNSUPPORTED: an old template says to get a new one', () => {
    const g = edit((g) => set(g, 5, 0, String(g[4]?.[0]).replace('layout=1', 'layout=0')));
    expectFinding(g, 'LAYOUT_VERSION_UNSUPPORTED', 'A5');
    const f = check(g).findings.find((x) => x.code === 'LAYOUT_VERSION_UNSUPPORTED');
    expect(f?.message.vi).toContain('tải mẫu mới');
    expect(f?.message.en).toContain('download a new template');
  });
  it('HEADER_MISSING', () =>
    expectFinding(
      edit((g) => set(g, 6, 0, 'STT')),
      'HEADER_MISSING',
      'A6',
    ));
  it('HEADER_MISMATCH: a column inserted or renamed', () => {
    expectFinding(
      edit((g) => set(g, 6, COL.percent, 'Tỷ lệ')),
      'HEADER_MISMATCH',
      'G6',
    );
    const inserted = edit((g) => {
      for (const row of g.slice(5)) row.splice(2, 0, '');
    });
    expectFinding(inserted, 'HEADER_MISMATCH', 'C6');
  });
});

describe('validate: task rows', () => {
  it('TASK_MISSING: a deleted row is named where it belongs', () => {
    const g = edit((g) => g.splice(R(9), 1)); // I.3
    expectFinding(g, 'TASK_MISSING', 'A9');
    expect(
      check(g)
        .findings.filter((f) => f.code === 'TASK_MISSING')
        .map((f) => f.taskId),
    ).toEqual(['I.3']);
  });
  it('TASK_DUPLICATE', () => {
    const g = edit((g) => g.splice(R(10), 0, [...(g[R(9)] as unknown[])])); // I.3 twice
    expectFinding(g, 'TASK_DUPLICATE', 'A10');
  });
  it('TASK_UNKNOWN: not in the plan, not assigned, or TT erased', () => {
    expectFinding(
      edit((g) => set(g, 9, COL.tt, 'VI.1')),
      'TASK_UNKNOWN',
      'A9',
    );
    expectFinding(
      edit((g) => set(g, 9, COL.tt, 'I.5')),
      'TASK_UNKNOWN',
      'A9',
    );
    const f = check(edit((g) => set(g, 9, COL.tt, 'I.5'))).findings.find(
      (x) => x.code === 'TASK_UNKNOWN',
    );
    expect(f?.message.en).toContain('not assigned');
    expectFinding(
      edit((g) => set(g, 9, COL.tt, '')),
      'TASK_UNKNOWN',
      'A9',
    );
  });
  it('TASK_MOVED: a swap names one row, a row moved to the end names that row', () => {
    const swapped = edit((g) => {
      const a = g[R(9)] as unknown[];
      g[R(9)] = g[R(10)] as unknown[];
      g[R(10)] = a;
    });
    tested.add('TASK_MOVED');
    // Either row of a swapped pair may be named as the one that moved: one is enough.
    const moved1 = codes(swapped).filter((c) => c.startsWith('TASK_'));
    expect(moved1).toHaveLength(1);
    expect(['TASK_MOVED@A9', 'TASK_MOVED@A10']).toContain(moved1[0]);
    const moved = edit((g) => {
      const [row] = g.splice(R(7), 1);
      g.push(row as unknown[]);
    });
    expect(codes(moved).filter((c) => c.startsWith('TASK_'))).toEqual(['TASK_MOVED@A24']);
  });
  it('FIXED_CELL_CHANGED, but not for NFD text, Word spaces or typographic dashes', () => {
    expectFinding(
      edit((g) => set(g, 8, COL.content, 'Nội dung khác')),
      'FIXED_CELL_CHANGED',
      'B8',
    );
    expectFinding(
      edit((g) => set(g, 8, COL.role, 'Phối hợp')),
      'FIXED_CELL_CHANGED',
      'C8',
    );
    expectFinding(
      edit((g) => set(g, 8, COL.product, 42)),
      'FIXED_CELL_CHANGED',
      'D8',
    );
    expectFinding(
      edit((g) => set(g, 8, COL.timeline, '')),
      'FIXED_CELL_CHANGED',
      'E8',
    );
    const cosmetic = edit((g) => {
      set(
        g,
        8,
        COL.content,
        String(g[R(8)]?.[COL.content]).normalize('NFD').replace(/ /g, '\u00a0 '),
      );
      set(g, 12, COL.timeline, String(g[R(12)]?.[COL.timeline]).replace(/ - /g, ' – '));
    });
    expect(check(cosmetic).ok).toBe(true);
  });
});

describe('validate: huge texts cost no more than their cells', () => {
  // A 20 KB upload once held one 900,000-character shared string in 2,000 TT
  // cells; each was normalized and kept, gigabytes in all (issue 16).
  it('a TT cell too long to be a task ID is not one, and is not copied per row', () => {
    const huge = 'x'.repeat(900_000);
    const g = filledGrid();
    const width = (g[R(7)] as unknown[]).length;
    for (let i = 0; i < 2_000; i++) {
      g.push(Array.from({ length: width }, (_, j) => (j === COL.tt ? huge : '')));
    }
    const found = codes(g);
    expect(found.filter((c) => c.startsWith('TRAILING_CONTENT'))).toHaveLength(2_000);
    expect(found.filter((c) => !c.startsWith('TRAILING_CONTENT'))).toEqual([]);
    // Within the table: not a task (the limit is 64 characters, inner spaces included).
    expect(codes(edit((g) => set(g, 7, COL.tt, `I.${' '.repeat(70)}1`)))).toContain(
      'TASK_UNKNOWN@A7',
    );
    expect(check(edit((g) => set(g, 7, COL.tt, ' I. 1 '))).ok).toBe(true);
  });

  it('header, fixed and text cells far too long to match are reported without folding', () => {
    const huge = `Nội dung ${'a\u0301 '.repeat(200_000)}`;
    expect(codes(edit((g) => set(g, 6, COL.content, huge)))).toContain('HEADER_MISMATCH@B6');
    expect(codes(edit((g) => set(g, 7, COL.content, huge)))).toContain('FIXED_CELL_CHANGED@B7');
    const long = check(edit((g) => set(g, 7, COL.result, huge))).findings;
    expect(long.map((f) => `${f.code}@${f.cell}`)).toEqual(['TEXT_TOO_LONG@H7']);
    expect(long[0]?.message.en).toContain(String(huge.length));
    // A cell that composes or folds to the expected text still matches.
    const content = (filledGrid()[R(7)] as unknown[])[COL.content] as string;
    expect(check(edit((g) => set(g, 7, COL.content, ` ${content.normalize('NFD')}  `))).ok).toBe(
      true,
    );
  });

  it('a metadata cell is only read as exact up to 1,000 characters', () => {
    const meta = (filledGrid()[R(5)] as unknown[])[0] as string;
    expect(isExactMetadata(meta)).toBe(true);
    expect(isExactMetadata(` ${meta}${' '.repeat(900)}`)).toBe(true);
    expect(isExactMetadata(`${meta}${' '.repeat(1_000)}`)).toBe(false);
  });

  it('a status far longer than any status is refused without folding, its start quoted', () => {
    const r = check(edit((g) => set(g, 7, COL.status, `Đang triển khai${'а'.repeat(400_000)}`)));
    const f = r.findings.find((x) => x.code === 'STATUS_INVALID');
    expect(f?.cell).toBe('F7');
    expect(f?.message.en.length).toBeLessThan(2_000);
  });
});

describe('validate: fillable cells', () => {
  it('STATUS_REQUIRED and STATUS_INVALID; case and Unicode form do not matter', () => {
    expectFinding(
      edit((g) => set(g, 7, COL.status, '')),
      'STATUS_REQUIRED',
      'F7',
    );
    expectFinding(
      edit((g) => set(g, 7, COL.status, 'Xong')),
      'STATUS_INVALID',
      'F7',
    );
    expectFinding(
      edit((g) => set(g, 7, COL.status, 1)),
      'STATUS_INVALID',
      'F7',
    );
    const r = check(edit((g) => set(g, 7, COL.status, ' đang TRIỂN KHAI '.normalize('NFD'))));
    expect(r.ok).toBe(true);
  });
  it('PERCENT_INVALID', () => {
    for (const bad of [101, -1, 'nhiều', '50 phần trăm', true, Number.NaN]) {
      expectFinding(
        edit((g) => set(g, 7, COL.percent, bad)),
        'PERCENT_INVALID',
        'G7',
      );
    }
  });
  it('reads 45, "45%", "45,5" and a percent-formatted 0.45', () => {
    const read = (v: unknown, fmt?: string) => {
      const g = edit((g) => set(g, 7, COL.percent, v));
      const formats = fmt
        ? g.map((row, i) => row.map(() => (i === R(7) ? fmt : 'General')))
        : undefined;
      return check(g, formats ? { numberFormats: formats } : {}).submission?.rows[0]?.percent;
    };
    expect(read(45)).toBe(45);
    expect(read('45%')).toBe(45);
    expect(read(' 45 % ')).toBe(45);
    expect(read('45,5')).toBe(45.5);
    expect(read(0.45, '0%')).toBe(45);
    expect(read(0.07, '0.0%')).toBe(7);
  });
  it('PERCENT_FRACTION: a bare 0.45 is 0.45 %, with a warning', () => {
    const g = edit((g) => set(g, 7, COL.percent, 0.45));
    expectFinding(g, 'PERCENT_FRACTION', 'G7');
    // Numbers in Vietnamese messages take the decimal comma; English keeps the point.
    const message = check(g).findings.find((f) => f.code === 'PERCENT_FRACTION')?.message;
    expect(message?.vi).toContain('Tỷ lệ 0,45 được hiểu là 0,45%');
    expect(message?.en).toContain('Completion 0.45 is read as 0.45%');
    const r = check(g);
    expect(r.ok).toBe(true);
    expect(r.submission?.rows[0]?.percent).toBe(0.45);
  });
  it('PERCENT_MISSING (warning) for work in progress with no percent', () => {
    const g = edit((g) => set(g, 7, COL.percent, ''));
    expectFinding(g, 'PERCENT_MISSING', 'G7');
    expect(check(g).ok).toBe(true);
  });
  it('PERCENT_STATUS_MISMATCH: Hoàn thành needs 100, Chưa triển khai 0 or empty', () => {
    expectFinding(
      edit((g) => set(g, 7, COL.status, 'Hoàn thành')),
      'PERCENT_STATUS_MISMATCH',
      'G7',
    );
    expectFinding(
      edit((g) => set(g, 7, COL.status, 'Chưa triển khai')),
      'PERCENT_STATUS_MISMATCH',
      'G7',
    );
    const done = edit((g) => {
      set(g, 7, COL.status, 'Hoàn thành');
      set(g, 7, COL.percent, 100);
      set(g, 8, COL.status, 'Chưa triển khai');
      set(g, 8, COL.percent, '');
      set(g, 8, COL.result, '');
      set(g, 9, COL.status, 'Thực hiện thường xuyên');
      set(g, 9, COL.percent, '');
    });
    expect(check(done).findings).toEqual([]);
  });
  it('RESULT_REQUIRED unless not started', () => {
    expectFinding(
      edit((g) => set(g, 7, COL.result, '  ')),
      'RESULT_REQUIRED',
      'H7',
    );
  });
  it('TEXT_TOO_LONG', () => {
    expectFinding(
      edit((g) => set(g, 7, COL.result, 'x'.repeat(4001))),
      'TEXT_TOO_LONG',
      'H7',
    );
    expectFinding(
      edit((g) => set(g, 7, COL.prop, 'đ'.repeat(2001))),
      'TEXT_TOO_LONG',
      'K7',
    );
    expect(check(edit((g) => set(g, 7, COL.result, 'x'.repeat(4000)))).ok).toBe(true);
  });
  it('VALUE_TYPE: booleans and objects in text cells', () => {
    expectFinding(
      edit((g) => set(g, 7, COL.diff, true)),
      'VALUE_TYPE',
      'J7',
    );
    expectFinding(
      edit((g) => set(g, 7, COL.done, { a: 1 })),
      'VALUE_TYPE',
      'I7',
    );
  });
  it('CELL_ERROR_VALUE', () => {
    expectFinding(
      edit((g) => set(g, 7, COL.percent, '#DIV/0!')),
      'CELL_ERROR_VALUE',
      'G7',
    );
    expectFinding(
      edit((g) => set(g, 8, COL.result, '#REF!')),
      'CELL_ERROR_VALUE',
      'H8',
    );
    expectFinding(
      edit((g) => set(g, 9, COL.status, '#N/A')),
      'CELL_ERROR_VALUE',
      'F9',
    );
  });
  it('CELL_FORMULA (warning) names the formula; the value is what is submitted', () => {
    const g = filledGrid();
    const formulas = g.map((row) => row.map((v) => v));
    (formulas[R(7)] as unknown[])[COL.percent] = '=20+20';
    expectFinding(g, 'CELL_FORMULA', 'G7', { formulas });
    const r = check(g, { formulas });
    expect(r.ok).toBe(true);
    expect(r.submission?.rows[0]?.percent).toBe(40);
  });
  it('LEGACY_ENCODING (warning) for TCVN3 and VNI text', () => {
    expectFinding(
      edit((g) => set(g, 7, COL.result, 'Céng hoµ x· héi chñ nghÜa ViÖt Nam')),
      'LEGACY_ENCODING',
      'H7',
    );
    expectFinding(
      edit((g) => set(g, 8, COL.diff, 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')),
      'LEGACY_ENCODING',
      'J8',
    );
    const f = check(edit((g) => set(g, 7, COL.result, 'Céng hoµ x· héi'))).findings[0];
    expect(f?.severity).toBe('warning');
    expect(f?.message.vi).toContain('TCVN3');
  });
  it('TRAILING_CONTENT: rows below or cells right of the table are warned about, not dropped silently', () => {
    const g = filledGrid();
    g.push([], ['', 'Người lập biểu: …']);
    expectFinding(g, 'TRAILING_CONTENT', 'B26');
    const right = edit((g) => {
      (g[R(8)] as unknown[])[12] = 'ghi chú';
    });
    expectFinding(right, 'TRAILING_CONTENT', 'M8');
    expect(check(right).ok).toBe(true);
  });
  it('stores NFC text', () => {
    const g = edit((g) => set(g, 7, COL.result, 'Tuyên truyền'.normalize('NFD')));
    expect(check(g).submission?.rows[0]?.result).toBe('Tuyên truyền'.normalize('NFC'));
  });
});

describe('validate: each cell as the person saw it (shared/cell)', () => {
  /** The grid with one cell changed, and the grids Excel would hand over with it. */
  function host(
    sheetRow: number,
    col: number,
    cell: { value: unknown; formula?: string; numberFormat?: string; text?: string },
  ) {
    const g = edit((g) => set(g, sheetRow, col, cell.value));
    const formulas = g.map((row, i) =>
      row.map((v, j) => (i === R(sheetRow) && j === col && cell.formula ? cell.formula : v)),
    );
    const numberFormats = g.map((row, i) =>
      row.map((_, j) => (i === R(sheetRow) && j === col && cell.numberFormat) || 'General'),
    );
    const texts = g.map((row, i) =>
      row.map((v, j) =>
        i === R(sheetRow) && j === col && cell.text !== undefined ? cell.text : String(v),
      ),
    );
    return { g, extra: { formulas, numberFormats, texts } };
  }
  const row7 = (
    col: number,
    cell: Parameters<typeof host>[2],
    more: Partial<Parameters<typeof validate>[0]> = {},
  ) => {
    const { g, extra } = host(7, col, cell);
    const r = check(g, { ...extra, ...more });
    return { r, row: r.submission?.rows[0], codes: r.findings.map((f) => `${f.code}@${f.cell}`) };
  };

  it('a quoted or escaped % is a character: 45 shown "45%" is 45, 0.45 shown "0.45%" is 0.45', () => {
    expect(row7(COL.percent, { value: 45, numberFormat: '0"%"' }).row?.percent).toBe(45);
    expect(row7(COL.percent, { value: 45, numberFormat: '0\\%' }).row?.percent).toBe(45);
    expect(row7(COL.percent, { value: 45, numberFormat: '[$-42A]0"%\n"' }).row?.percent).toBe(45);
    const fraction = row7(COL.percent, { value: 0.45, numberFormat: '0.00"%"' });
    expect(fraction.row?.percent).toBe(0.45);
    expect(fraction.codes).toContain('PERCENT_FRACTION@G7');
    // Excel's own percent sign still scales, in every section and with literal text around it.
    expect(row7(COL.percent, { value: 0.45, numberFormat: '"Đạt "0%' }).row?.percent).toBe(45);
    expect(row7(COL.percent, { value: 0.45, numberFormat: '0%;[Red]-0%' }).row?.percent).toBe(45);
    // The section the value falls in decides, and digits in literal text do not confuse it.
    const conditional = (value: number, fmt: string) =>
      row7(COL.percent, { value, numberFormat: fmt }).row?.percent;
    expect(conditional(45, '[<=1]0%;0"%"')).toBe(45);
    expect(conditional(0.45, '[<=1]0%;0"%"')).toBe(45);
    expect(conditional(0.45, '[>=1]0"%";0%')).toBe(45);
    expect(conditional(0.45, '"Q1 "0%')).toBe(45);
    expect(conditional(0.45, '"2026: "0%')).toBe(45);
  });

  it('a date in a text column is the dd/mm/yyyy the clerk saw, with the time only when there is one', () => {
    const day = (fmt: string, value = 46310) =>
      row7(COL.done, { value, numberFormat: fmt }).row?.completedProducts;
    expect(day('m/d/yy')).toBe('15/10/2026');
    expect(day('DD/MM/YYYY')).toBe('15/10/2026');
    expect(day('yyyy-mm-dd h:mm:ss')).toBe('15/10/2026');
    expect(day('[$-409]d mmmm yyyy')).toBe('15/10/2026');
    expect(day('dd/mm/yyyy hh:mm', 46310.5)).toBe('15/10/2026 12:00');
    expect(day('h:mm', 0.75)).toBe('18:00');
    // A format that shows no date shows only the time, whatever day the serial holds.
    expect(day('h:mm', 46310.5)).toBe('12:00');
    // Elapsed time is a duration, as displayed.
    expect(day('[h]:mm', 1.5)).toBe('36:00');
    // Before 1900-03-01 (Excel's 1900 leap-year bug counts a 29/02/1900).
    expect(day('dd/mm/yyyy', 59)).toBe('28/02/1900');
    expect(day('dd/mm/yyyy', 61)).toBe('01/03/1900');
    // A serial no calendar holds (Excel shows ####) is refused, never stored empty.
    expect(row7(COL.done, { value: -1, numberFormat: 'dd/mm/yyyy' }).codes).toEqual([
      'VALUE_TYPE@I7',
    ]);
    // A number that only looks like a date under General is a number.
    expect(day('General')).toBe('46310');
  });

  it('a 1904-system workbook: from the flag a file carries, or from the year Excel displays', () => {
    const serial1904 = 46310 - 1462; // 15/10/2026 counted from 1904
    const done = (more: object, text?: string) =>
      row7(COL.done, { value: serial1904, numberFormat: 'dd/mm/yyyy', text }, more).row
        ?.completedProducts;
    expect(done({ date1904: true })).toBe('15/10/2026');
    expect(done({}, '15/10/2026')).toBe('15/10/2026');
    expect(done({}, '10/15/26')).toBe('15/10/2026');
    expect(done({})).toBe('14/10/2022'); // no flag, no text: the 1900 system
  });

  it('numbers in text columns as shown: no float noise, the format applied', () => {
    const shown = (value: number, fmt = 'General') =>
      row7(COL.done, { value, numberFormat: fmt }).row?.completedProducts;
    expect(shown(0.1 + 0.2)).toBe('0.3');
    expect(shown(12)).toBe('12');
    expect(shown(1234567, '#,##0')).toBe('1,234,567');
    expect(shown(12, '@')).toBe('12');
    expect(shown(0.5, '0%')).toBe('50%');
    // A long whole number (an ID) keeps every digit, where General would show 1.23457E+11.
    expect(shown(123456789012)).toBe('123456789012');
  });

  it('FORMULA_NO_VALUE: a formula never computed is named at its cell, never an empty value or "no result"', () => {
    const text = row7(COL.diff, { value: null, formula: '="Thiếu "&"kinh phí"' });
    expect(text.codes).toEqual(['FORMULA_NO_VALUE@J7']);
    expect(text.r.ok).toBe(false);
    tested.add('FORMULA_NO_VALUE');
    const percent = row7(COL.percent, { value: null, formula: '=40+5' });
    expect(percent.codes).toEqual(['FORMULA_NO_VALUE@G7']);
    const result = row7(COL.result, { value: null, formula: '=A1' });
    expect(result.codes).toEqual(['FORMULA_NO_VALUE@H7']);
    expect(result.r.findings[0]?.message.en).toContain(
      'Open and save the file in Excel or LibreOffice',
    );
  });

  it('PICTURE_IN_CELL: WPS DISPIMG, and #VALUE! without a formula (Excel "Place in Cell")', () => {
    const wps = row7(COL.done, {
      value: '=DISPIMG("ID_5BA4F81A0D674C7AA8849A79AC5645C8",1)',
      formula: '=_xlfn.DISPIMG("ID_5BA4F81A0D674C7AA8849A79AC5645C8",1)',
    });
    expect(wps.codes).toEqual(['PICTURE_IN_CELL@I7']);
    tested.add('PICTURE_IN_CELL');
    expect(wps.r.findings[0]?.message.en).toContain('describe the product in words');
    expect(row7(COL.done, { value: '#VALUE!' }).codes).toEqual(['PICTURE_IN_CELL@I7']);
    // Excel's IMAGE function: a picture too, whatever its value.
    const image = row7(COL.done, {
      value: '#VALUE!',
      formula: '=_xlfn.IMAGE("https://example.org/a.png")',
    });
    expect(image.codes).toEqual(['PICTURE_IN_CELL@I7']);
    expect(image.r.findings[0]?.message.en).toContain('IMAGE function');
    // From a formula, #VALUE! is the formula's error.
    expect(row7(COL.done, { value: '#VALUE!', formula: '=1+"a"' }).codes).toEqual([
      'CELL_ERROR_VALUE@I7',
    ]);
  });

  it('STATUS_LOOK_ALIKE: Ð (Latin eth) or Cyrillic letters read as the status, naming each letter', () => {
    const eth = row7(COL.status, { value: 'Ðang triển khai' });
    expect(eth.row?.status).toBe('in-progress');
    expect(eth.codes).toEqual(['STATUS_LOOK_ALIKE@F7']);
    tested.add('STATUS_LOOK_ALIKE');
    expect(eth.r.findings[0]?.message.vi).toContain('Ð (U+00D0) → Đ (U+0110)');
    const cyrillic = row7(COL.status, { value: 'Đang triển khаi' }); // Cyrillic а
    expect(cyrillic.row?.status).toBe('in-progress');
    expect(cyrillic.r.findings[0]?.message.en).toContain('U+0430');
    expect(row7(COL.status, { value: 'Đαng triển khai' }).row?.status).toBe('in-progress'); // Greek α
    // Cyrillic һ: read as "Hoàn thành" (whose 100% the row's 40 then contradicts).
    expect(row7(COL.status, { value: 'Hoàn thànһ' }).codes).toEqual([
      'STATUS_LOOK_ALIKE@F7',
      'PERCENT_STATUS_MISMATCH@G7',
    ]);
    // Compatibility forms (fullwidth, mathematical letters) fold; invisible characters are dropped.
    expect(row7(COL.status, { value: 'Ｈoàn thành' }).codes).toContain('STATUS_LOOK_ALIKE@F7');
    expect(row7(COL.status, { value: 'Ɖang triển khai' }).row?.status).toBe('in-progress');
    const hidden = row7(COL.status, { value: 'Đang triển\u00ad khai\u200d' });
    expect(hidden.row?.status).toBe('in-progress');
    expect(hidden.r.findings[0]?.message.en).toContain('U+00AD → ∅');
    const unknown = row7(COL.status, { value: 'Ðang làm' });
    expect(unknown.codes).toEqual(['STATUS_INVALID@F7']);
    // Not in the list: the message names the letter that is not Vietnamese.
    expect(unknown.r.findings[0]?.message.vi).toContain('Ð (U+00D0)');
    expect(unknown.r.findings[0]?.message.en).toContain('Ð (U+00D0)');
    const plain = row7(COL.status, { value: 'Đang làm' });
    expect(plain.r.findings[0]?.message.en).not.toContain('look alike');
  });

  it('TEXT_BROKEN_CHARACTER: a lone surrogate is named with its position, not replaced silently', () => {
    const broken = row7(COL.result, { value: 'Hoa \uD83C nở' });
    expect(broken.codes).toEqual(['TEXT_BROKEN_CHARACTER@H7']);
    tested.add('TEXT_BROKEN_CHARACTER');
    expect(broken.r.findings[0]?.message.vi).toContain('ký tự thứ 5');
  });

  it('TEXT_UNUSABLE_CHARACTER: NUL, U+FFFE or U+FFFF is named on its cell, the other findings kept', () => {
    const nul = row7(COL.result, { value: 'a\u0000b' });
    expect(nul.codes).toEqual(['TEXT_UNUSABLE_CHARACTER@H7']);
    tested.add('TEXT_UNUSABLE_CHARACTER');
    expect(nul.r.findings[0]?.message.vi).toContain('ký tự thứ 2 (U+0000)');
    expect(nul.r.findings[0]?.message.en).toContain('character 2 (U+0000)');
    expect(row7(COL.diff, { value: 'x\uffff' }).codes).toEqual(['TEXT_UNUSABLE_CHARACTER@J7']);
    // With another mistake on the same row: both are reported, nothing hides the other.
    const { g, extra } = host(7, COL.result, { value: 'a\ufffeb' });
    (g[R(7)] as unknown[])[COL.percent] = 150;
    (extra.texts[R(7)] as unknown[])[COL.percent] = '150';
    const both = check(g, extra).findings.map((f) => `${f.code}@${f.cell}`);
    expect(both.sort()).toEqual(['PERCENT_INVALID@G7', 'TEXT_UNUSABLE_CHARACTER@H7']);
  });
});

describe('validate: against the previous accepted report', () => {
  const tasks = layoutFor().tasks;
  const id = (i: number) => (tasks[i] as { taskId: string }).taskId;
  // filledGrid(): every task in progress, task i at 40 + i %.
  const previous = {
    period: '2025-Y',
    rows: [
      { taskId: id(0), status: 'done', percent: 100 },
      { taskId: id(1), status: 'in-progress', percent: 90 },
      { taskId: id(2), status: 'in-progress', percent: 10 },
      { taskId: id(3), status: 'not-started', percent: null },
      { taskId: id(4), status: 'in-progress', percent: 44 },
      { taskId: 'XX.9', status: 'done', percent: 100 },
    ],
  };

  it('warns where a status goes back or a percent drops, naming the earlier period and value', () => {
    const grid = edit((g) => {
      set(g, 9, COL.status, 'Chưa triển khai');
      set(g, 9, COL.percent, '');
      set(g, 9, COL.result, '');
    });
    const r = check(grid, {}, { ...ctx, previous });
    expectFinding(grid, 'REGRESSION', 'F7', {}, { ...ctx, previous });
    expect(r.findings.map((f) => `${f.code}@${f.cell}`)).toEqual([
      'REGRESSION@F7',
      'REGRESSION@G8',
      'REGRESSION@F9',
    ]);
    expect(r.ok).toBe(true); // warnings: the report can still be sent
    const [done, percent] = r.findings;
    expect(done?.taskId).toBe(id(0));
    expect(done?.field).toBe('status');
    expect(done?.message.vi).toBe(
      'Tình trạng lùi lại so với báo cáo kỳ Năm 2025 (2025-Y): khi đó “Hoàn thành”, nay “Đang triển khai”. Hãy kiểm tra lại.',
    );
    expect(done?.message.en).toContain('Year 2025 (2025-Y): then “Completed”, now “In progress”');
    expect(percent?.message.vi).toBe(
      'Tỷ lệ hoàn thành 41% thấp hơn báo cáo kỳ Năm 2025 (2025-Y) (90%). Hãy kiểm tra lại.',
    );
    // Vietnamese writes a decimal comma; English a point.
    const half = check(
      edit((g) => set(g, 8, COL.percent, '30,5')),
      {},
      { ...ctx, previous },
    ).findings.find((f) => f.cell === 'G8');
    expect(half?.message.vi).toContain('Tỷ lệ hoàn thành 30,5% thấp hơn');
    expect(half?.message.en).toContain('Completion 30.5% is lower');
  });

  it('says nothing for steps forward, equal values, new tasks, or without a previous report', () => {
    const r = check(
      filledGrid(),
      {},
      { ...ctx, previous: { ...previous, rows: previous.rows.slice(2) } },
    );
    expect(r.findings).toEqual([]);
    expect(check(filledGrid()).findings).toEqual([]);
  });
});

describe('finding catalogue', () => {
  it('every message has Vietnamese (with diacritics) and English', () => {
    // VALIDATOR_FAILED cannot be provoked on purpose; every other code has a test above.
    const untested = FINDING_CODES.filter((c) => !tested.has(c) && c !== 'VALIDATOR_FAILED');
    expect(untested).toEqual([]);
  });
});
