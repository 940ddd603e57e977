// The metadata cell says whose template a sheet is. Text the product itself
// writes on the sheet (the title with the agency's name, as the coordinator
// renamed it) may imitate it; the sheet's own intact cell still decides
// (shared/layout/metadata.ts pickMetadataCell), in the validator the task
// pane runs and in the upload reader.
import { describe, expect, it } from 'vitest';
import { buildLayout, layoutToGrid } from '../../shared/layout/index.ts';
import {
  formatMetadata,
  isExactMetadata,
  looksLikeMetadata,
  META_PREFIX,
  pickMetadataCell,
} from '../../shared/layout/metadata.ts';
import { validate } from '../../shared/validate/index.ts';
import { PERIOD, period, plan, validFill } from './fixtures.ts';

const cell = { plan: plan.id, agency: 'THON-02', period: PERIOD, layout: 1 };
/** A name that imitates THON-02's metadata cell, prefix and all. */
const IMITATION = `Thôn Một ${formatMetadata(cell)}`;

/** THON-01's filled sheet, THON-01 named IMITATION in its title. */
function imitatingGrid() {
  const layout = buildLayout(plan, 'THON-01', { ...period }, { agencyName: IMITATION });
  return layoutToGrid(layout, (t) => validFill(t));
}

describe('isExactMetadata', () => {
  it('is the whole cell as formatMetadata writes it, trimmed, in any Unicode form', () => {
    const text = formatMetadata(cell);
    expect(isExactMetadata(text)).toBe(true);
    expect(isExactMetadata(` ${text.normalize('NFD')} `)).toBe(true);
    for (const other of [
      IMITATION,
      `Cơ quan báo cáo: ${text}`,
      text.replace('agency=THON-02; ', ''),
      text.replace('layout=1', 'layout=x'),
      text.replace(META_PREFIX, ''),
      `${text}; x=1`,
      1,
      null,
    ]) {
      expect(isExactMetadata(other), String(other)).toBe(false);
    }
  });
});

describe('pickMetadataCell', () => {
  const pick = (values: unknown[]) => pickMetadataCell(values, (v) => v);
  it('takes the first exact cell over an earlier look-alike', () => {
    const exact = formatMetadata(cell);
    expect(pick(['Tiêu đề', IMITATION, exact, formatMetadata({ ...cell, agency: 'P-TP' })])).toBe(
      exact,
    );
  });
  it('falls back on the first look-alike (a damaged cell) when none is exact', () => {
    const damaged = formatMetadata(cell).replace('agency=THON-02; ', '');
    expect(looksLikeMetadata(damaged)).toBe(true);
    expect(pick(['x', damaged, IMITATION])).toBe(damaged);
    expect(pick(['x', 'plan only'])).toBeNull();
  });
});

describe('validate(): an agency named like a metadata cell', () => {
  it('the title imitates the cell', () => {
    const grid = imitatingGrid();
    const title = grid.findIndex((row) => String(row[0]).includes(IMITATION));
    expect(title).toBeGreaterThanOrEqual(0);
    expect(title).toBeLessThan(4);
    expect(looksLikeMetadata(grid[title]?.[0])).toBe(true);
  });

  it('its own sheet validates as its own, with or without the expected agency', () => {
    for (const agency of ['THON-01', undefined]) {
      const r = validate({ values: imitatingGrid() }, { plan, agency, period: PERIOD });
      expect(r.findings, String(agency)).toEqual([]);
      expect(r.submission?.agencyCode).toBe('THON-01');
    }
  });

  it('the agency it names cannot pass the sheet off as its own', () => {
    const r = validate({ values: imitatingGrid() }, { plan, agency: 'THON-02', period: PERIOD });
    expect(r.submission).toBeNull();
    expect(r.findings).toContainEqual(
      expect.objectContaining({ code: 'META_AGENCY_MISMATCH', cell: 'A5' }),
    );
  });
});
