// diffSubmissions: the cell-by-cell changes between two versions of a report.
import { describe, expect, it } from 'vitest';
import { FILL_KEYS } from '../../shared/layout/index.ts';
import { diffSubmissions } from '../../shared/submission/diff.ts';
import type { SubmissionRow } from '../../shared/submission/schema.ts';
import { AGENCY, plan } from './fixtures.ts';

const order = plan.tasks.map((t) => t.id);
const tasks = plan.tasksFor(AGENCY).map((a) => a.task.id);

function row(taskId: string, over: Partial<SubmissionRow> = {}): SubmissionRow {
  return {
    taskId,
    role: 'lead',
    status: 'in-progress',
    percent: 50,
    result: `Kết quả ${taskId}`,
    completedProducts: '',
    difficulties: '',
    proposals: '',
    ...over,
  };
}

describe('diffSubmissions', () => {
  it('the agency has at least three tasks (the tests below need them)', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(3);
  });

  it('equal reports have no changes', () => {
    const rows = tasks.map((t) => row(t));
    expect(diffSubmissions({ rows }, { rows: rows.map((r) => ({ ...r })) }, order)).toEqual([]);
  });

  it('lists changed cells, tasks in appendix order and fields in column order', () => {
    const [a, b, c] = tasks as [string, string, string];
    const before = { rows: [row(a), row(b), row(c)] };
    // The after side lists its rows in another order: the appendix decides.
    const after = {
      rows: [
        row(c, { proposals: 'Bổ sung kinh phí', status: 'done', percent: 100 }),
        row(a, { result: 'Kết quả đã sửa' }),
        row(b),
      ],
    };
    expect(diffSubmissions(before, after, order)).toEqual([
      { taskId: a, field: 'result', before: `Kết quả ${a}`, after: 'Kết quả đã sửa' },
      { taskId: c, field: 'status', before: 'in-progress', after: 'done' },
      { taskId: c, field: 'percent', before: 50, after: 100 },
      { taskId: c, field: 'proposals', before: '', after: 'Bổ sung kinh phí' },
    ]);
  });

  it('a percent cleared to null is a change; null on both sides is not', () => {
    const [a, b] = tasks as [string, string];
    const before = { rows: [row(a), row(b, { status: 'ongoing', percent: null })] };
    const after = {
      rows: [
        row(a, { status: 'ongoing', percent: null }),
        row(b, { status: 'ongoing', percent: null }),
      ],
    };
    expect(diffSubmissions(before, after, order)).toEqual([
      { taskId: a, field: 'status', before: 'in-progress', after: 'ongoing' },
      { taskId: a, field: 'percent', before: 50, after: null },
    ]);
  });

  it('a task on one side only reads null on the other; a missing report is null everywhere', () => {
    const [a, b] = tasks as [string, string];
    const only = row(b, { percent: null, status: 'not-started', result: '' });
    expect(diffSubmissions({ rows: [row(a)] }, { rows: [row(a), only] }, order)).toEqual([
      { taskId: b, field: 'status', before: null, after: 'not-started' },
      { taskId: b, field: 'result', before: null, after: '' },
      { taskId: b, field: 'completedProducts', before: null, after: '' },
      { taskId: b, field: 'difficulties', before: null, after: '' },
      { taskId: b, field: 'proposals', before: null, after: '' },
    ]);
    const gone = diffSubmissions({ rows: [row(a)] }, null, order);
    expect(gone.map((c) => [c.field, c.after])).toEqual(FILL_KEYS.map((f) => [f, null]));
    expect(diffSubmissions(null, null, order)).toEqual([]);
  });

  it('tasks the order does not list come last, by id', () => {
    const [a] = tasks as [string];
    const changes = diffSubmissions(
      { rows: [row('Z.9'), row('Y.1'), row(a)] },
      { rows: [row('Z.9', { result: 'z' }), row('Y.1', { result: 'y' }), row(a, { result: 'a' })] },
      order,
    );
    expect(changes.map((c) => c.taskId)).toEqual([a, 'Y.1', 'Z.9']);
  });
});
