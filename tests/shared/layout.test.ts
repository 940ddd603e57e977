import { describe, expect, it } from 'vitest';
import {
  address,
  buildLayout,
  COLUMNS,
  columnLetter,
  FILL_KEYS,
  formatMetadata,
  layoutToGrid,
  parseAddress,
  parseMetadata,
  STATUSES,
  sheetName,
} from '../../shared/layout/index.ts';
import { getPeriod } from '../../shared/periods/index.ts';
import { plan } from './fixtures.ts';

describe('progress-sheet layout', () => {
  const layout = buildLayout(plan, 'THON-02', getPeriod('2026-H1'));

  it('title block names plan, agency, period with its cut-off window and due date', () => {
    expect(layout.titleRows).toEqual([
      'BÁO CÁO KẾT QUẢ THỰC HIỆN',
      plan.def.shortTitle,
      'Cơ quan báo cáo: Thôn 02 (chưa đặt tên)',
      'Kỳ báo cáo: 6 tháng đầu năm 2026 (số liệu từ 15/12/2025 đến 14/06/2026); hạn nộp: 16/06/2026',
    ]);
  });

  it('metadata names plan, agency, period and layout version, and parses back', () => {
    expect(layout.metadataText).toBe(
      'Mã mẫu biểu (không sửa / do not edit): plan=58-KH-UBND-2022; agency=THON-02; period=2026-H1; layout=1',
    );
    expect(parseMetadata(layout.metadataText)).toEqual({
      plan: '58-KH-UBND-2022',
      agency: 'THON-02',
      period: '2026-H1',
      layout: '1',
    });
    expect(formatMetadata(layout.metadata)).toBe(layout.metadataText);
  });

  it('header and one row per assigned task, in appendix order, with the role', () => {
    expect(layout.header).toEqual([
      'TT',
      'Nội dung công việc',
      'Vai trò',
      'Sản phẩm',
      'Thời gian thực hiện',
      'Tình trạng',
      'Tỷ lệ hoàn thành (%)',
      'Kết quả thực hiện trong kỳ',
      'Sản phẩm đã hoàn thành',
      'Khó khăn, vướng mắc',
      'Đề xuất, kiến nghị',
    ]);
    expect(layout.tasks.map((t) => t.taskId)).toEqual(
      plan.tasksFor('THON-02').map((a) => a.task.id),
    );
    expect(layout.tasks[0]).toMatchObject({ row: 7, taskId: 'I.1', role: 'lead' });
    expect(layout.tasks.find((t) => t.taskId === 'I.5')?.fixed.role).toBe('Phối hợp');
    expect(layout.lastRow).toBe(6 + 18);
  });

  it('describes what each fillable cell accepts', () => {
    const fill = COLUMNS.filter((c) => !c.fixed);
    expect(fill.map((c) => c.key)).toEqual([
      'status',
      'percent',
      'result',
      'completedProducts',
      'difficulties',
      'proposals',
    ]);
    expect(FILL_KEYS).toEqual(fill.map((c) => c.key));
    expect(fill[0]?.fixed === false && fill[0].input).toEqual({
      type: 'list',
      values: STATUSES.map((s) => s.vi),
    });
    expect(fill[1]?.fixed === false && fill[1].input).toEqual({
      type: 'percent',
      min: 0,
      max: 100,
    });
    expect(layout.ranges).toEqual({
      table: 'A6:K24',
      header: 'A6:K6',
      fill: 'F7:K24',
      status: 'F7:F24',
      percent: 'G7:G24',
      text: 'H7:K24',
    });
  });

  it('the grid is rectangular, blank where the agency fills in', () => {
    const grid = layoutToGrid(layout);
    expect(grid).toHaveLength(24);
    for (const row of grid) expect(row).toHaveLength(11);
    expect(grid[6]?.slice(5)).toEqual(['', '', '', '', '', '']);
  });

  it('sheet names fit Excel (≤ 31 characters, no : \\ / ? * [ ])', () => {
    expect(layout.sheetName).toBe('THON-02 2026-H1');
    const long = sheetName('ABCDEFGHIJKLMNOPQRSTUVWX', '2026-M9');
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long.endsWith(' 2026-M9')).toBe(true);
    expect(sheetName('A/B', 'x[1]')).toBe('A-B x-1-');
  });

  it('an unknown agency is a clear error', () => {
    expect(() => buildLayout(plan, 'NOPE', getPeriod('2026-Q1'))).toThrow(
      /Không có cơ quan.*No agency/,
    );
  });
});

describe('A1 addresses', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [702, 'ZZ'],
    [703, 'AAA'],
  ])('column %i is %s, and back', (n, letters) => {
    expect(columnLetter(n)).toBe(letters);
    expect(parseAddress(`${letters}5`)).toEqual({ row: 5, col: n });
  });
  it('parses sheet-qualified and absolute addresses and ranges', () => {
    expect(parseAddress("'P-TP 2026-Q1'!$C$3:K9")).toEqual({ row: 3, col: 3 });
    expect(parseAddress('nonsense')).toBeUndefined();
    expect(address(12, 4)).toBe('D12');
  });
});
