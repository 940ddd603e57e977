// Which plan, agency, period and layout version the sheet is: what the
// caller expects (checked first: a bad expectation is a finding too), then
// what the metadata cell says (layout/metadata.ts), and whether they agree.

import { parseMetadata } from '../layout/metadata.ts';
import { LAYOUT_VERSION, SUPPORTED_LAYOUT_VERSIONS } from '../layout/sheet.ts';
import { parsePeriodCode } from '../periods/code.ts';
import type { FindingCode, FindingParams } from './findings.ts';
import type { CheckedGrid } from './grid.ts';
import type { MetadataCell } from './locate.ts';
import type { ValidateContext } from './validate.ts';

/** The agency and period a sheet is checked as. */
export interface SheetIdentity {
  /** An agency code of the plan. */
  agency: string;
  /** Normalised period code ("2026-Q1") when valid; as found when not; undefined when unknown. */
  period: string | undefined;
  periodValid: boolean;
}

/**
 * Either the identity to check the table as, or the end of the check with
 * what is known of the agency and period (keys present exactly as the
 * validator has always reported them).
 */
export type IdentityCheck =
  | { ok: true; identity: SheetIdentity }
  | { ok: false; known: { agency?: string; period?: string } };

/** Identity fields while they are being worked out: the caller's, completed from the sheet. */
interface Draft {
  agency: string | undefined;
  period: string | undefined;
  periodValid: boolean;
}

/**
 * Checks `ctx.agency` and `ctx.period`, then the metadata cell `meta` against
 * the plan and them; reports META_* and LAYOUT_VERSION_UNSUPPORTED findings
 * (at the metadata cell, or at grid cell A5 when the cell is missing or the
 * caller's own values are wrong). The sheet's agency and period stand in for
 * those the caller left out. Ends the check (ok: false) on an unknown
 * expected agency, an unsupported layout version (an older layout has other
 * rows and columns: checking further would only add noise) or no known agency.
 */
export function checkIdentity(
  grid: CheckedGrid,
  ctx: ValidateContext,
  meta: MetadataCell | null,
): IdentityCheck {
  const { plan } = ctx;
  if (ctx.agency !== undefined && !plan.agency(ctx.agency)) {
    grid.add('META_AGENCY_UNKNOWN', 4, 0, { found: ctx.agency }, { field: 'agency' });
    return { ok: false, known: {} };
  }
  const draft: Draft = { agency: ctx.agency, period: ctx.period, periodValid: true };
  if (ctx.period !== undefined) {
    const parsed = parsePeriodCode(ctx.period);
    draft.periodValid = parsed.ok;
    if (parsed.ok) draft.period = parsed.value.code;
    else grid.add('META_PERIOD_INVALID', 4, 0, { found: ctx.period }, { field: 'period' });
  }
  if (!meta) {
    grid.add('META_MISSING', 4, 0, {}, { field: 'metadata' });
  } else {
    const stop = checkMetadataCell(grid, ctx, meta, draft);
    if (stop) return stop;
  }
  const { agency, period, periodValid } = draft;
  if (!agency || !plan.agency(agency)) return { ok: false, known: { period } };
  return { ok: true, identity: { agency, period, periodValid } };
}

/**
 * The metadata cell's fields against the plan and the caller's expectation
 * (`draft`, filled in from the cell where the caller gave nothing). Returns
 * the end of the check for an unsupported layout version, else undefined.
 */
function checkMetadataCell(
  grid: CheckedGrid,
  ctx: ValidateContext,
  { row, left }: MetadataCell,
  draft: Draft,
): IdentityCheck | undefined {
  const { plan } = ctx;
  const expectedPeriod = draft.period;
  const meta = parseMetadata(String(grid.cell(row, left)));
  const add = (code: FindingCode, params: FindingParams, key: string) =>
    grid.add(code, row, left, params, { field: `metadata.${key}` });
  for (const key of ['plan', 'agency', 'period', 'layout'] as const) {
    if (!meta[key]) add('META_INVALID', { key }, key);
  }
  const version = Number(meta.layout);
  if (meta.layout && !SUPPORTED_LAYOUT_VERSIONS.includes(version)) {
    add('LAYOUT_VERSION_UNSUPPORTED', { found: meta.layout, expected: LAYOUT_VERSION }, 'layout');
    return {
      ok: false,
      known: { agency: draft.agency ?? meta.agency, period: draft.period ?? meta.period },
    };
  }
  if (meta.plan && meta.plan !== plan.id) {
    add('META_PLAN_MISMATCH', { found: meta.plan, expected: plan.id }, 'plan');
  }
  if (meta.agency) {
    if (!plan.agency(meta.agency)) add('META_AGENCY_UNKNOWN', { found: meta.agency }, 'agency');
    else if (ctx.agency && meta.agency !== ctx.agency) {
      add('META_AGENCY_MISMATCH', { found: meta.agency, expected: ctx.agency }, 'agency');
    }
    draft.agency ??= meta.agency;
  }
  if (meta.period) {
    const parsed = parsePeriodCode(meta.period);
    if (!parsed.ok) add('META_PERIOD_INVALID', { found: meta.period }, 'period');
    else if (expectedPeriod && draft.periodValid && parsed.value.code !== expectedPeriod) {
      add('META_PERIOD_MISMATCH', { found: meta.period, expected: expectedPeriod }, 'period');
    }
    if (draft.period === undefined) {
      draft.period = parsed.ok ? parsed.value.code : meta.period;
      draft.periodValid = parsed.ok;
    }
  }
  return undefined;
}
