// Which sheet row holds which of the agency's tasks. Rows are matched by
// their TT cell, not by position, so that each unknown, duplicate, missing
// or moved row is reported once, at the row it concerns.
import type { TaskRowLayout } from '../layout/sheet.ts';
import type { Plan } from '../plan/plan.ts';
import { nfcTrim } from '../text/normalize.ts';
import { show } from './cells.ts';
import type { CheckedGrid } from './grid.ts';

const TASK_ID = /^[IVXLC]+\.[1-9]\d*$/;
/**
 * Longest TT cell read as a possible task ID, inner spaces included: a task ID is
 * a few characters ("XIV.123"). A longer cell is no task ID, and is not
 * normalized: a shared string of 900,000 characters in 2,000 TT cells would
 * otherwise be copied per row (gigabytes, issue 16's second test round).
 */
const MAX_TT_LENGTH = 64;

/** A sheet row recognised as one of the agency's tasks. */
export interface MatchedRow {
  taskId: string;
  /** Grid row (0-based). */
  r: number;
  /** Position of the task in the agency's layout (appendix order). */
  index: number;
}

export interface TaskRows {
  /** The first row of each expected task, top to bottom. */
  matched: MatchedRow[];
  /** Grid row of the last row whose TT holds a task ID (the header row when none). */
  last: number;
}

/**
 * Matches the rows below `headerRow` to the agency's `expected` tasks. Task
 * rows are every row whose TT cell (grid column `left`, spaces and case
 * ignored: "I. 1" and " i.1" are I.1) holds a task ID, up to the last such
 * row. Reports, in this order: TASK_UNKNOWN (a non-empty row in between
 * without a task ID, or a task ID the agency does not report on) and
 * TASK_DUPLICATE (a task's second row) top to bottom; TASK_MISSING at the
 * row where the task belongs; TASK_MOVED for the fewest rows whose moving
 * explains the order (those outside a longest increasing run of appendix
 * positions).
 */
export function matchTaskRows(
  grid: CheckedGrid,
  plan: Plan,
  expected: readonly TaskRowLayout[],
  expectedIndex: ReadonlyMap<string, number>,
  headerRow: number,
  left: number,
): TaskRows {
  const first = headerRow + 1;
  let last = headerRow;
  const tts: string[] = [];
  const isTask: boolean[] = [];
  for (let r = first; r < grid.values.length; r++) {
    const v = grid.cell(r, left);
    // A TT cell as laid out ("I.1") is its own normal form.
    const asLaidOut = typeof v === 'string' && TASK_ID.test(v);
    let tt = v as string;
    if (!asLaidOut) {
      const shown = show(v).trim();
      // Too long to be a task ID: no copy of it is made (MAX_TT_LENGTH).
      tt = shown.length > MAX_TT_LENGTH ? '' : nfcTrim(shown).replace(/\s/g, '').toUpperCase();
    }
    tts[r] = tt;
    isTask[r] = asLaidOut || TASK_ID.test(tt);
    if (isTask[r]) last = r;
  }

  // Grid row of each expected task's first row, by appendix position (-1: none yet).
  const seenAt = new Int32Array(expected.length).fill(-1);
  const matched: MatchedRow[] = [];
  for (let r = first; r <= last; r++) {
    const tt = tts[r] ?? '';
    if (!isTask[r]) {
      if (!grid.rowEmpty(r)) {
        grid.add(
          'TASK_UNKNOWN',
          r,
          left,
          { found: show(grid.cell(r, left)), reason: 'not-a-task' },
          { field: 'tt' },
        );
      }
      continue;
    }
    // Rows mostly come in appendix order: try the next expected task first.
    const next = matched.length;
    const index = expected[next]?.taskId === tt ? next : expectedIndex.get(tt);
    if (index === undefined) {
      const reason = plan.task(tt) ? 'not-assigned' : 'not-a-task';
      grid.add('TASK_UNKNOWN', r, left, { found: tt, reason }, { field: 'tt', taskId: tt });
      continue;
    }
    const firstRow = seenAt[index] as number;
    if (firstRow >= 0) {
      grid.add(
        'TASK_DUPLICATE',
        r,
        left,
        { taskId: tt, first: grid.at(firstRow, left) },
        { field: 'tt', taskId: tt },
      );
      continue;
    }
    seenAt[index] = r;
    matched.push({ taskId: tt, r, index });
  }

  // Missing rows: named at the row where they belong.
  expected.forEach((t, i) => {
    if ((seenAt[i] as number) >= 0) return;
    const prev = i > 0 ? (seenAt[i - 1] as number) : -1;
    const r = prev >= 0 ? prev + 1 : first + i;
    grid.add('TASK_MISSING', r, left, { taskId: t.taskId }, { field: 'tt', taskId: t.taskId });
  });

  // Rows in appendix order (the usual case) have nothing moved.
  if (matched.every((o, k) => k === 0 || (matched[k - 1] as MatchedRow).index < o.index)) {
    return { matched, last };
  }
  const inOrder = longestIncreasing(matched.map((o) => o.index));
  matched.forEach((o, k) => {
    if (inOrder.has(k)) return;
    const after = o.index > 0 ? (expected[o.index - 1]?.taskId ?? '') : '';
    grid.add(
      'TASK_MOVED',
      o.r,
      left,
      { taskId: o.taskId, after },
      { field: 'tt', taskId: o.taskId },
    );
  });
  return { matched, last };
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
