// Findings as both apps list them: grouped by shared/validate/group.ts
// (errors, then warnings, each top to bottom and left to right), and only
// well-formed ones taken from an error envelope (client/request.ts).
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../client/request.ts';
import { buildLayout, layoutToGrid } from '../../shared/layout/index.ts';
import { getPeriod } from '../../shared/periods/index.ts';
import { lySon58 } from '../../shared/plan/index.ts';
import type { Finding } from '../../shared/validate/findings.ts';
import { cellOrder, groupFindings } from '../../shared/validate/group.ts';
import { validate } from '../../shared/validate/index.ts';

const f = (cell: string, severity: Finding['severity'], code = 'STATUS_REQUIRED'): Finding =>
  ({ code, severity, cell, message: { vi: `vi ${cell}`, en: `en ${cell}` } }) as Finding;

describe('groupFindings', () => {
  it('puts errors first, each group in reading order (row, then column, AA after Z)', () => {
    const { errors, warnings } = groupFindings([
      f('G12', 'warning'),
      f('F10', 'error'),
      f('AA7', 'error'),
      f('B7', 'error'),
      f('F8', 'warning'),
      f('Z7', 'error'),
    ]);
    expect(errors.map((x) => x.cell)).toEqual(['B7', 'Z7', 'AA7', 'F10']);
    expect(warnings.map((x) => x.cell)).toEqual(['F8', 'G12']);
  });

  it('orders cells by row and column', () => {
    expect(cellOrder('A1')).toEqual([1, 1]);
    expect(cellOrder('AB12')).toEqual([12, 28]);
    expect(cellOrder('??')).toEqual([0, 0]);
  });

  it('groups the validator’s own findings for a sheet with empty statuses', () => {
    const layout = buildLayout(lySon58, 'P-TP', getPeriod('2026-Q1'));
    const grid = layoutToGrid(layout, () => ({ percent: 0.5 }));
    const r = validate({ values: grid }, { plan: lySon58, agency: 'P-TP', period: '2026-Q1' });
    const { errors, warnings } = groupFindings(r.findings);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length + warnings.length).toBe(r.findings.length);
    expect(errors.every((x) => x.severity === 'error')).toBe(true);
    const rows = errors.map((x) => cellOrder(x.cell)[0]);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    // Each names its cell and says what is wrong.
    expect(`${errors[0]!.cell} — ${errors[0]!.message.vi}`).toMatch(/^[A-Z]+\d+ — .+/);
  });
});

describe('findingsOf', () => {
  it('takes findings from an error envelope’s details and drops malformed ones', () => {
    const good = f('F7', 'error');
    expect(findingsOf({ findings: [good, { cell: 'F8' }, null, 'x'] })).toEqual([good]);
    expect(findingsOf({ sheet: 'P-TP 2026-Q1' })).toEqual([]);
    expect(findingsOf(undefined)).toEqual([]);
    expect(findingsOf({ findings: 'nope' })).toEqual([]);
  });
});
