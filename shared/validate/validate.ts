// The validator: from the cells of a progress sheet (what Excel's
// range.values returns, optionally with formulas and number formats) to a
// typed Submission or the findings that stop it. The add-in runs it before
// submitting, the Worker again on receipt, the upload reader and the CLI on
// .xlsx files. It never throws: any grid, however malformed, gives findings.
import { address, parseAddress } from '../layout/a1.ts';
import {
  COLUMN_INDEX,
  COLUMNS,
  type FillColumn,
  STATUSES,
  type TextFillKey,
} from '../layout/columns.ts';
import { looksLikeMetadata, parseMetadata } from '../layout/metadata.ts';
import {
  buildLayout,
  LAYOUT_VERSION,
  SUPPORTED_LAYOUT_VERSIONS,
  type TaskRowLayout,
} from '../layout/sheet.ts';
import { parsePeriodCode } from '../periods/index.ts';
import type { Plan } from '../plan/plan.ts';
import { type Submission, type SubmissionRow, SubmissionSchema } from '../submission/schema.ts';
import { detectLegacyEncoding } from '../text/legacy.ts';
import { fold, foldLoose, nfcTrim } from '../text/normalize.ts';
import { isBlank, isExcelError, readPercent, readStatus, readText, show } from './cells.ts';
import { type Finding, type FindingCode, finding } from './findings.ts';

export interface GridInput {
  /** range.values: rows of strings, numbers, booleans ('' for empty). */
  values: unknown;
  /** range.formulas of the same range, to report formulas in fillable cells. */
  formulas?: unknown;
  /** range.numberFormat of the same range, to read percent-formatted cells. */
  numberFormats?: unknown;
  /** Address of values[0][0]; 'A1' when omitted. */
  origin?: string;
}

export interface ValidateContext {
  plan: Plan;
  /** The agency the sheet must belong to; taken from the sheet when omitted. */
  agency?: string;
  /** The period the sheet must be for; taken from the sheet when omitted. */
  period?: string;
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

/** How far down the metadata and header are looked for (rows inserted above survive). */
const SEARCH_ROWS = 40;
const TASK_ID = /^[IVXLC]+\.[1-9]\d*$/;
const TEXT_KEYS: TextFillKey[] = ['result', 'completedProducts', 'difficulties', 'proposals'];
const FILL_COLUMNS = COLUMNS.filter((c): c is FillColumn => !c.fixed);

export function validate(input: GridInput, ctx: ValidateContext): ValidationResult {
  const origin = parseOrigin(input?.origin);
  try {
    return run(input, ctx, origin);
  } catch (e) {
    // Belt and braces: the checks below are written not to throw, and the
    // property tests assert this finding never appears.
    const detail = e instanceof Error ? e.message : String(e);
    return result([finding('VALIDATOR_FAILED', address(origin.row, origin.col), { detail })], null);
  }
}

function parseOrigin(origin: unknown): { row: number; col: number } {
  return (typeof origin === 'string' && parseAddress(origin)) || { row: 1, col: 1 };
}

function asGrid(v: unknown): unknown[][] {
  if (!Array.isArray(v)) return [];
  return v.map((row) => (Array.isArray(row) ? row : []));
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

function run(
  input: GridInput,
  ctx: ValidateContext,
  origin: { row: number; col: number },
): ValidationResult {
  const { plan } = ctx;
  const values = asGrid(input?.values);
  const formulas = asGrid(input?.formulas);
  const formats = asGrid(input?.numberFormats);
  const at = (r: number, c: number) => address(origin.row + r, origin.col + c);
  const cell = (r: number, c: number): unknown => values[r]?.[c];
  const findings: Finding[] = [];
  const add = (code: FindingCode, r: number, c: number, params = {}, extra = {}) =>
    findings.push(finding(code, at(r, c), params, extra));

  if (!values.some((row) => row.some((v) => !isBlank(v)))) {
    add('GRID_EMPTY', 0, 0);
    return result(findings, null);
  }

  // 1. Metadata: which plan, agency, period and layout version the sheet says it is.
  let metaRow = -1;
  let left = 0;
  for (let r = 0; r < Math.min(values.length, SEARCH_ROWS) && metaRow < 0; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (looksLikeMetadata(row[c])) {
        metaRow = r;
        left = c;
        break;
      }
    }
  }
  // What the caller expects, checked first: a bad expectation is a finding too.
  let agencyCode = ctx.agency;
  let periodCode = ctx.period;
  let periodValid = true;
  if (agencyCode !== undefined && !plan.agency(agencyCode)) {
    add('META_AGENCY_UNKNOWN', 4, 0, { found: agencyCode }, { field: 'agency' });
    return result(findings, null);
  }
  if (periodCode !== undefined) {
    const parsed = parsePeriodCode(periodCode);
    periodValid = parsed.ok;
    if (parsed.ok) periodCode = parsed.value.code;
    else add('META_PERIOD_INVALID', 4, 0, { found: periodCode }, { field: 'period' });
  }
  const expectedPeriod = periodCode;
  if (metaRow < 0) {
    add('META_MISSING', 4, 0, {}, { field: 'metadata' });
  } else {
    const meta = parseMetadata(String(cell(metaRow, left)));
    const metaAdd = (
      code: FindingCode,
      params: Record<string, string | number | undefined>,
      key: string,
    ) => add(code, metaRow, left, params, { field: `metadata.${key}` });
    for (const key of ['plan', 'agency', 'period', 'layout'] as const) {
      if (!meta[key]) metaAdd('META_INVALID', { key }, key);
    }
    const version = Number(meta.layout);
    if (meta.layout && !SUPPORTED_LAYOUT_VERSIONS.includes(version)) {
      metaAdd(
        'LAYOUT_VERSION_UNSUPPORTED',
        { found: meta.layout, expected: LAYOUT_VERSION },
        'layout',
      );
      // An older layout has other rows and columns: checking further would only add noise.
      return result(findings, null, {
        agency: agencyCode ?? meta.agency,
        period: periodCode ?? meta.period,
      });
    }
    if (meta.plan && meta.plan !== plan.id) {
      metaAdd('META_PLAN_MISMATCH', { found: meta.plan, expected: plan.id }, 'plan');
    }
    if (meta.agency) {
      if (!plan.agency(meta.agency))
        metaAdd('META_AGENCY_UNKNOWN', { found: meta.agency }, 'agency');
      else if (ctx.agency && meta.agency !== ctx.agency) {
        metaAdd('META_AGENCY_MISMATCH', { found: meta.agency, expected: ctx.agency }, 'agency');
      }
      agencyCode ??= meta.agency;
    }
    if (meta.period) {
      const parsed = parsePeriodCode(meta.period);
      if (!parsed.ok) metaAdd('META_PERIOD_INVALID', { found: meta.period }, 'period');
      else if (expectedPeriod && periodValid && parsed.value.code !== expectedPeriod) {
        metaAdd('META_PERIOD_MISMATCH', { found: meta.period, expected: expectedPeriod }, 'period');
      }
      if (periodCode === undefined) {
        periodCode = parsed.ok ? parsed.value.code : meta.period;
        periodValid = parsed.ok;
      }
    }
  }
  if (!agencyCode || !plan.agency(agencyCode)) {
    return result(findings, null, { period: periodCode });
  }

  // 2. The expected layout for this agency (the period only labels the title rows).
  const layout = buildLayout(plan, agencyCode, {
    code: periodCode ?? '',
    label: { vi: '' },
    cutoff: { from: '', to: '' },
    due: '',
  });

  // 3. Header row: the first row below the metadata whose first cell is "TT".
  let headerRow = -1;
  const searchFrom = metaRow + 1;
  for (let r = searchFrom; r < Math.min(values.length, searchFrom + SEARCH_ROWS); r++) {
    if (foldLoose(show(cell(r, left))) === 'tt') {
      headerRow = r;
      break;
    }
  }
  if (headerRow < 0) {
    add('HEADER_MISSING', metaRow < 0 ? 5 : metaRow + 1, left, {}, { field: 'header' });
    return result(findings, null, { agency: agencyCode, period: periodCode });
  }
  let headerOk = true;
  COLUMNS.forEach((col, i) => {
    const found = show(cell(headerRow, left + i));
    if (foldLoose(found) !== foldLoose(col.header.vi)) {
      headerOk = false;
      add(
        'HEADER_MISMATCH',
        headerRow,
        left + i,
        { expected: col.header.vi, found },
        { field: col.key },
      );
    }
  });
  if (!headerOk) {
    // Columns were inserted, deleted or renamed: cell positions are unreliable.
    return result(findings, null, { agency: agencyCode, period: periodCode });
  }

  // 4. Task rows: every row below the header whose TT cell holds a task ID,
  //    up to the last such row; non-empty rows in between are unknown rows.
  const width = COLUMNS.length;
  const first = headerRow + 1;
  let last = headerRow;
  // TT cells compare without spaces: "I. 1" and " i.1" are task I.1.
  const tts: string[] = [];
  for (let r = first; r < values.length; r++) {
    const tt = nfcTrim(show(cell(r, left)))
      .replace(/\s/g, '')
      .toUpperCase();
    tts[r] = tt;
    if (TASK_ID.test(tt)) last = r;
  }
  const ttOf = (r: number) => tts[r] ?? '';

  const expected = layout.tasks;
  const expectedIndex = new Map(expected.map((t, i) => [t.taskId, i]));
  const seenAt = new Map<string, number>();
  const order: { taskId: string; r: number; index: number }[] = [];
  const rowEmpty = (r: number) => (values[r] ?? []).every(isBlank);

  for (let r = first; r <= last; r++) {
    const tt = ttOf(r);
    if (!TASK_ID.test(tt)) {
      if (!rowEmpty(r)) {
        add(
          'TASK_UNKNOWN',
          r,
          left,
          { found: show(cell(r, left)), reason: 'not-a-task' },
          { field: 'tt' },
        );
      }
      continue;
    }
    const index = expectedIndex.get(tt);
    if (index === undefined) {
      const reason = plan.task(tt) ? 'not-assigned' : 'not-a-task';
      add('TASK_UNKNOWN', r, left, { found: tt, reason }, { field: 'tt', taskId: tt });
      continue;
    }
    const firstRow = seenAt.get(tt);
    if (firstRow !== undefined) {
      add(
        'TASK_DUPLICATE',
        r,
        left,
        { taskId: tt, first: at(firstRow, left) },
        { field: 'tt', taskId: tt },
      );
      continue;
    }
    seenAt.set(tt, r);
    order.push({ taskId: tt, r, index });
  }

  // Missing rows: named at the row where they belong.
  expected.forEach((t, i) => {
    if (seenAt.has(t.taskId)) return;
    const prev = i > 0 ? seenAt.get(expected[i - 1]?.taskId ?? '') : undefined;
    const r = prev !== undefined ? prev + 1 : first + i;
    add('TASK_MISSING', r, left, { taskId: t.taskId }, { field: 'tt', taskId: t.taskId });
  });

  // Moved rows: the fewest rows whose moving explains the order (the rows
  // outside a longest increasing run of appendix positions).
  const inOrder = longestIncreasing(order.map((o) => o.index));
  order.forEach((o, k) => {
    if (inOrder.has(k)) return;
    const after = o.index > 0 ? (expected[o.index - 1]?.taskId ?? '') : '';
    add('TASK_MOVED', o.r, left, { taskId: o.taskId, after }, { field: 'tt', taskId: o.taskId });
  });

  // 5. Each recognised row: fixed cells unchanged, fillable cells valid.
  const columnAt = Object.fromEntries(
    Object.entries(COLUMN_INDEX).map(([k, i]) => [k, left + i]),
  ) as Record<keyof typeof COLUMN_INDEX, number>;
  const rows = new Map<string, SubmissionRow>();
  for (const o of order) {
    const t = expected[o.index] as TaskRowLayout;
    const row = checkRow(t, o.r);
    if (row) rows.set(t.taskId, row);
  }

  function checkRow(t: TaskRowLayout, r: number): SubmissionRow | null {
    const before = findings.length;
    const c = (key: keyof typeof COLUMN_INDEX) => columnAt[key];
    for (const key of ['content', 'role', 'product', 'timeline'] as const) {
      const v = cell(r, c(key));
      // Most cells are untouched: compare as-is first, fold only when they differ.
      if (v !== t.fixed[key] && (typeof v !== 'string' || fold(v) !== fold(t.fixed[key]))) {
        const column = COLUMNS[COLUMN_INDEX[key]]?.header;
        add(
          'FIXED_CELL_CHANGED',
          r,
          c(key),
          { taskId: t.taskId, column: column?.vi, columnEn: column?.en, expected: t.fixed[key] },
          { field: key, taskId: t.taskId },
        );
      }
    }
    const extra = { taskId: t.taskId };
    // Error values and formulas first: they say more than "invalid".
    const broken = new Set<string>();
    for (const col of FILL_COLUMNS) {
      const cc = c(col.key);
      const v = cell(r, cc);
      if (isExcelError(v)) {
        add('CELL_ERROR_VALUE', r, cc, { found: v.trim() }, { ...extra, field: col.key });
        broken.add(col.key);
        continue;
      }
      const f = formulas[r]?.[cc];
      if (typeof f === 'string' && f.startsWith('=')) {
        add('CELL_FORMULA', r, cc, { formula: f, found: show(v) }, { ...extra, field: col.key });
      }
    }

    const status = broken.has('status') ? null : readStatus(cell(r, c('status')));
    if (status && !status.ok) {
      const allowedVi = STATUSES.map((s) => s.vi).join(', ');
      add(
        'STATUS_INVALID',
        r,
        c('status'),
        { found: status.found, allowedVi },
        { ...extra, field: 'status' },
      );
    } else if (status?.ok && status.value === null) {
      add('STATUS_REQUIRED', r, c('status'), { taskId: t.taskId }, { ...extra, field: 'status' });
    }
    const statusCode = status?.ok ? status.value : null;

    const percent = broken.has('percent')
      ? null
      : readPercent(cell(r, c('percent')), formats[r]?.[c('percent')]);
    let percentValue: number | null = null;
    if (percent && !percent.ok) {
      add(
        'PERCENT_INVALID',
        r,
        c('percent'),
        { found: percent.found },
        { ...extra, field: 'percent' },
      );
    } else if (percent?.ok) {
      percentValue = percent.value.value;
      if (percent.value.fraction) {
        const p = percentValue ?? 0;
        add(
          'PERCENT_FRACTION',
          r,
          c('percent'),
          { found: p, asPercent: Math.round(p * 1e4) / 100 },
          { ...extra, field: 'percent' },
        );
      }
      const pc = { taskId: t.taskId, status: statusCode ?? '', found: show(percentValue ?? '') };
      if (statusCode === 'done' && percentValue !== 100) {
        add('PERCENT_STATUS_MISMATCH', r, c('percent'), pc, { ...extra, field: 'percent' });
      } else if (statusCode === 'not-started' && percentValue !== null && percentValue !== 0) {
        add('PERCENT_STATUS_MISMATCH', r, c('percent'), pc, { ...extra, field: 'percent' });
      } else if (statusCode === 'in-progress' && percentValue === null) {
        add(
          'PERCENT_MISSING',
          r,
          c('percent'),
          { taskId: t.taskId },
          { ...extra, field: 'percent' },
        );
      }
    }

    const texts: Partial<Record<TextFillKey, string>> = {};
    for (const key of TEXT_KEYS) {
      if (broken.has(key)) continue;
      const cc = c(key);
      const read = readText(cell(r, cc));
      const column = COLUMNS[COLUMN_INDEX[key]];
      const names = { column: column?.header.vi, columnEn: column?.header.en };
      if (!read.ok) {
        add('VALUE_TYPE', r, cc, { found: read.found, ...names }, { ...extra, field: key });
        continue;
      }
      const max =
        column && !column.fixed && column.input.type === 'text' ? column.input.maxLength : 0;
      if (read.value.length > max) {
        add(
          'TEXT_TOO_LONG',
          r,
          cc,
          { length: read.value.length, max, ...names },
          { ...extra, field: key },
        );
      }
      const encoding = detectLegacyEncoding(read.value);
      if (encoding)
        add('LEGACY_ENCODING', r, cc, { found: read.value, encoding }, { ...extra, field: key });
      texts[key] = read.value;
    }
    if (
      statusCode &&
      statusCode !== 'not-started' &&
      texts.result === '' &&
      !broken.has('result')
    ) {
      add('RESULT_REQUIRED', r, c('result'), { taskId: t.taskId }, { ...extra, field: 'result' });
    }

    const failed = findings.slice(before).some((f) => f.severity === 'error');
    if (failed || !statusCode) return null;
    return {
      taskId: t.taskId,
      role: t.role,
      status: statusCode,
      percent: percentValue,
      result: texts.result ?? '',
      completedProducts: texts.completedProducts ?? '',
      difficulties: texts.difficulties ?? '',
      proposals: texts.proposals ?? '',
    };
  }

  // 6. Content outside the table: below it, or to the right of it. Not
  //    submitted, so the user is told rather than surprised.
  for (let r = headerRow; r < values.length; r++) {
    const row = values[r] ?? [];
    let c = -1;
    if (r > last) c = row.findIndex((v) => !isBlank(v));
    if (c < 0) {
      for (let k = left + width; k < row.length; k++) {
        if (!isBlank(row[k])) {
          c = k;
          break;
        }
      }
    }
    if (c < 0) for (let k = 0; k < left && k < row.length; k++) if (!isBlank(row[k])) c = k;
    if (c >= 0) add('TRAILING_CONTENT', r, c, {}, { field: 'outside' });
  }

  const errors = findings.some((f) => f.severity === 'error');
  if (errors || !periodCode || !periodValid || rows.size !== expected.length) {
    return result(findings, null, { agency: agencyCode, period: periodCode });
  }
  const submission = SubmissionSchema.parse({
    planId: plan.id,
    agencyCode,
    periodCode,
    layoutVersion: LAYOUT_VERSION,
    rows: expected.map((t) => rows.get(t.taskId)),
  });
  return result(findings, submission, { agency: agencyCode, period: periodCode });
}

/** Indices (into `seq`) of one longest strictly increasing subsequence. O(n log n). */
export function longestIncreasing(seq: readonly number[]): Set<number> {
  const tails: number[] = []; // index into seq of the tail of each length
  const prev: number[] = new Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    const v = seq[i] as number;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((seq[tails[mid] as number] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const out = new Set<number>();
  let k = tails.length ? (tails[tails.length - 1] as number) : -1;
  while (k >= 0) {
    out.add(k);
    k = prev[k] as number;
  }
  return out;
}
