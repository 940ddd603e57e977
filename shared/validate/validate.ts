// The validator: from the cells of a progress sheet (what Excel's
// range.values returns, optionally with formulas and number formats) to a
// typed Submission or the findings that stop it. The add-in runs it before
// submitting, the Worker again on receipt, the upload reader and the CLI on
// .xlsx files. It never throws: any grid, however malformed, gives findings.
//
// The steps, each in its own file: locate.ts (metadata cell, header row),
// metadata.ts (plan, agency, period, layout version), task-rows.ts (rows
// matched to the agency's tasks), task-row.ts with fixed-cells.ts and
// fill-cells.ts (each row's cells), outside.ts (content beside the table).
import { address, parseAddress } from '../layout/a1.ts';
import { LAYOUT_VERSION, type TaskRowLayout } from '../layout/sheet.ts';
import type { Plan } from '../plan/plan.ts';
import { MAX_SUBMISSION_ROWS } from '../submission/limits.ts';
import type { Submission, SubmissionRow } from '../submission/schema.ts';
import { expectedTasks } from './expected.ts';
import { type Finding, finding } from './findings.ts';
import { CheckedGrid, columnsAt, type GridInput } from './grid.ts';
import { checkHeader, findHeaderRow, findMetadataCell } from './locate.ts';
import { checkIdentity } from './metadata.ts';
import { checkOutside } from './outside.ts';
import { checkRegression, indexPrevious, type PreviousReport } from './regression.ts';
import { checkTaskRow } from './task-row.ts';
import { matchTaskRows } from './task-rows.ts';

export type { GridInput } from './grid.ts';
export type { PreviousReport } from './regression.ts';
export { longestIncreasing } from './task-rows.ts';

export interface ValidateContext {
  plan: Plan;
  /** The agency the sheet must belong to; taken from the sheet when omitted. */
  agency?: string;
  /** The period the sheet must be for; taken from the sheet when omitted. */
  period?: string;
  /**
   * The agency's last accepted report of an earlier period: a task that
   * goes back from it is a REGRESSION warning (regression.ts).
   */
  previous?: PreviousReport;
}

export interface ValidationResult {
  ok: boolean;
  /** Present exactly when there are no errors (warnings may remain). */
  submission: Submission | null;
  findings: Finding[];
  errors: number;
  warnings: number;
  /** Agency and period the sheet was checked as, when known. */
  agency?: string;
  period?: string;
}

/**
 * Checks a progress sheet's cells for `ctx.plan`, as `ctx.agency`'s report
 * for `ctx.period` (each taken from the sheet's metadata cell when omitted).
 * Findings come in the order the checks run (group.ts orders them for
 * people). Never throws: an internal failure is the finding VALIDATOR_FAILED.
 */
export function validate(input: GridInput, ctx: ValidateContext): ValidationResult {
  const origin = parseOrigin(input?.origin);
  try {
    return run(new CheckedGrid(input, origin), ctx);
  } catch (e) {
    // Belt and braces: the checks are written not to throw, and the
    // property tests assert this finding never appears.
    const detail = e instanceof Error ? e.message : String(e);
    return result([finding('VALIDATOR_FAILED', address(origin.row, origin.col), { detail })], null);
  }
}

function parseOrigin(origin: unknown): { row: number; col: number } {
  return (typeof origin === 'string' && parseAddress(origin)) || { row: 1, col: 1 };
}

function result(
  findings: Finding[],
  submission: Submission | null,
  extra: Partial<ValidationResult> = {},
): ValidationResult {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    ok: errors === 0 && submission !== null,
    submission: errors === 0 ? submission : null,
    findings,
    errors,
    warnings: findings.length - errors,
    ...extra,
  };
}

function run(grid: CheckedGrid, ctx: ValidateContext): ValidationResult {
  const { plan } = ctx;
  const { findings } = grid;
  if (grid.isEmpty()) {
    grid.add('GRID_EMPTY', 0, 0);
    return result(findings, null);
  }
  const meta = findMetadataCell(grid);
  const checked = checkIdentity(grid, ctx, meta);
  if (!checked.ok) return result(findings, null, checked.known);
  const { agency, period, periodValid } = checked.identity;
  const known = { agency, period };
  const { tasks: expected, index, fixed } = expectedTasks(plan, agency);

  const left = meta?.left ?? 0;
  const headerRow = findHeaderRow(grid, meta);
  if (headerRow === null || !checkHeader(grid, headerRow, left)) {
    return result(findings, null, known);
  }
  const { matched, last } = matchTaskRows(grid, plan, expected, index, headerRow, left);
  const columns = columnsAt(left);
  // Rows by appendix position; a hole where a task's row is missing or has an error.
  const rows: (SubmissionRow | undefined)[] = new Array(expected.length);
  let complete = 0;
  const previous = ctx.previous ? indexPrevious(ctx.previous) : null;
  for (const m of matched) {
    const t = expected[m.index] as TaskRowLayout;
    const row = checkTaskRow(grid, t, fixed[m.index] as string[], m.r, columns);
    if (!row) continue;
    rows[m.index] = row;
    complete++;
    if (previous) checkRegression(grid, row, m.r, columns, previous);
  }
  checkOutside(grid, headerRow, last, left);

  const errors = findings.some((f) => f.severity === 'error');
  if (errors || !period || !periodValid || complete !== expected.length) {
    return result(findings, null, known);
  }
  if (complete > MAX_SUBMISSION_ROWS) {
    throw new Error(`A submission holds at most ${MAX_SUBMISSION_ROWS} rows, this one ${complete}`);
  }
  // Built typed from checked cells: no schema pass over it (the Worker
  // schema-checks what arrives over the network, worker/src/schemas.ts).
  const submission: Submission = {
    planId: plan.id,
    agencyCode: agency,
    periodCode: period,
    layoutVersion: LAYOUT_VERSION,
    rows: rows as SubmissionRow[],
  };
  return result(findings, submission, known);
}
