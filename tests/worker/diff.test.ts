// GET /api/periods/{period}/submissions/{agency}/diff: what changed between
// two versions (defaults: the latest against the version last returned, else
// the one before), or against the agency's previous period.
import { describe, expect, it } from 'vitest';
import type { Submission } from '../../shared/submission/schema.ts';
import {
  api,
  coordinatorKey,
  expectError,
  expectNoChange,
  issueFields,
  issueKey,
  postReview,
  submit,
  validSubmission,
} from './helpers.ts';

interface DiffJson {
  period: string;
  agency: string;
  from: { period: string; version: number } | null;
  to: { period: string; version: number };
  changes: { taskId: string; field: string; before: unknown; after: unknown }[];
}

function diff(period: string, agency: string, key: string, query = '') {
  return api(`/api/periods/${period}/submissions/${agency}/diff${query}`, { key });
}

async function diffOk(period: string, agency: string, key: string, query = '') {
  const res = await diff(period, agency, key, query);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json<DiffJson>();
}

/** The agency's valid report with one task's cells changed. */
function edited(agency: string, period: string, taskId: string, cells: Record<string, unknown>) {
  const s = validSubmission(agency, period);
  const row = s.rows.find((r) => r.taskId === taskId);
  if (!row) throw new Error(`${agency} has no task ${taskId}`);
  Object.assign(row, cells);
  return s as Submission;
}

const returnIt = (period: string, agency: string, key: string, version: number) =>
  postReview(period, agency, key, { action: 'return', comment: 'Sửa', version });

describe('GET …/submissions/{agency}/diff', () => {
  it('defaults: the latest version against the one returned before it, else the previous', async () => {
    const agencyKey = await issueKey('P-TP');
    const coord = await coordinatorKey();
    await submit(agencyKey, validSubmission('P-TP', '2026-Q1'));
    expect((await returnIt('2026-Q1', 'P-TP', coord, 1)).status).toBe(201);
    await submit(agencyKey, edited('P-TP', '2026-Q1', 'III.2', { result: 'Bản sửa lần 1' }));
    await submit(
      agencyKey,
      edited('P-TP', '2026-Q1', 'I.1', { status: 'done', percent: 100, proposals: 'Kiến nghị' }),
    );

    // to = 3 (latest), from = 1 (returned): changes since the return, appendix then column order.
    expect(await diffOk('2026-Q1', 'P-TP', coord)).toEqual({
      period: '2026-Q1',
      agency: 'P-TP',
      from: { period: '2026-Q1', version: 1 },
      to: { period: '2026-Q1', version: 3 },
      changes: [
        { taskId: 'I.1', field: 'status', before: 'in-progress', after: 'done' },
        { taskId: 'I.1', field: 'percent', before: 50, after: 100 },
        { taskId: 'I.1', field: 'proposals', before: '', after: 'Kiến nghị' },
      ],
    });
    // to = 2: from is again the returned version 1.
    const v2 = await diffOk('2026-Q1', 'P-TP', agencyKey, '?to=2');
    expect(v2.from).toEqual({ period: '2026-Q1', version: 1 });
    expect(v2.changes).toEqual([
      { taskId: 'III.2', field: 'result', before: 'Đã triển khai III.2', after: 'Bản sửa lần 1' },
    ]);
    // Explicit versions, either way round.
    const back = await diffOk('2026-Q1', 'P-TP', coord, '?from=3&to=2');
    expect(back.changes.map((c) => [c.taskId, c.field, c.before, c.after])).toEqual([
      ['I.1', 'status', 'done', 'in-progress'],
      ['I.1', 'percent', 100, 50],
      ['I.1', 'proposals', 'Kiến nghị', ''],
      ['III.2', 'result', 'Đã triển khai III.2', 'Bản sửa lần 1'],
    ]);
    expect((await diffOk('2026-Q1', 'P-TP', coord, '?from=2&to=2')).changes).toEqual([]);
  });

  it('no returned version: to − 1; version 1: from is null and every filled cell is a change', async () => {
    const agencyKey = await issueKey('MTTQ');
    await submit(agencyKey, validSubmission('MTTQ', '2026-Q1'));
    await submit(agencyKey, edited('MTTQ', '2026-Q1', 'I.6', { difficulties: 'Thiếu người' }));
    const latest = await diffOk('2026-Q1', 'MTTQ', agencyKey);
    expect(latest.from).toEqual({ period: '2026-Q1', version: 1 });
    expect(latest.changes).toEqual([
      { taskId: 'I.6', field: 'difficulties', before: '', after: 'Thiếu người' },
    ]);
    const first = await diffOk('2026-Q1', 'MTTQ', agencyKey, '?to=1');
    expect(first.from).toBeNull();
    expect(first.changes).toEqual([
      { taskId: 'I.6', field: 'status', before: null, after: 'in-progress' },
      { taskId: 'I.6', field: 'percent', before: null, after: 50 },
      { taskId: 'I.6', field: 'result', before: null, after: 'Đã triển khai I.6' },
      { taskId: 'I.6', field: 'completedProducts', before: null, after: '' },
      { taskId: 'I.6', field: 'difficulties', before: null, after: '' },
      { taskId: 'I.6', field: 'proposals', before: null, after: '' },
    ]);
  });

  it('from=previous-period: the previous scheduled period’s accepted version, else its latest', async () => {
    const agencyKey = await issueKey('CTXH');
    const coord = await coordinatorKey();
    // 2026-Q1: version 1 accepted, then version 2 sent and not yet reviewed.
    await submit(agencyKey, edited('CTXH', '2026-Q1', 'I.6', { percent: 20 }));
    const accept = await postReview('2026-Q1', 'CTXH', coord, { action: 'accept', version: 1 });
    expect(accept.status).toBe(201);
    await submit(agencyKey, edited('CTXH', '2026-Q1', 'I.6', { percent: 30 }));
    // 2026-H1 follows 2026-Q1 in the schedule (Q1, H1, Q3, Y).
    await submit(agencyKey, edited('CTXH', '2026-H1', 'I.6', { percent: 60 }));
    const res = await diffOk('2026-H1', 'CTXH', agencyKey, '?from=previous-period');
    expect(res.from).toEqual({ period: '2026-Q1', version: 1 });
    expect(res.to).toEqual({ period: '2026-H1', version: 1 });
    expect(res.changes).toEqual([{ taskId: 'I.6', field: 'percent', before: 20, after: 60 }]);

    // Nothing accepted in the previous period: its latest version.
    await submit(agencyKey, edited('CTXH', '2026-Q3', 'I.6', { percent: 70 }));
    const q3 = await diffOk('2026-Q3', 'CTXH', coord, '?from=previous-period');
    expect(q3.from).toEqual({ period: '2026-H1', version: 1 });
    expect(q3.changes).toEqual([{ taskId: 'I.6', field: 'percent', before: 60, after: 70 }]);
  });

  it('bad from/to: 400 naming the parameter; missing versions and reports: 404', async () => {
    const agencyKey = await issueKey('BCD-GNBV');
    await submit(agencyKey, validSubmission('BCD-GNBV', '2026-H1'));
    const coord = await coordinatorKey();
    await expectNoChange(async () => {
      for (const [query, field] of [
        ['?from=abc', 'from'],
        ['?from=0', 'from'],
        ['?from=-1', 'from'],
        ['?from=1.5', 'from'],
        ['?to=0', 'to'],
        ['?to=latest', 'to'],
        ['?to=', 'to'],
      ] as const) {
        const body = await expectError(
          await diff('2026-H1', 'BCD-GNBV', coord, query),
          'INVALID_REQUEST',
        );
        expect(issueFields(body), query).toEqual([field]);
      }
      const to9 = await expectError(await diff('2026-H1', 'BCD-GNBV', coord, '?to=9'), 'NOT_FOUND');
      expect(to9.error.message.en).toContain('version 9');
      await expectError(await diff('2026-H1', 'BCD-GNBV', coord, '?from=9'), 'NOT_FOUND');
      // No report at all for the period, and none for the previous one (2026-Q1).
      await expectError(await diff('2026-Q3', 'BCD-GNBV', coord), 'NOT_FOUND');
      const prev = await expectError(
        await diff('2026-H1', 'BCD-GNBV', coord, '?from=previous-period'),
        'NOT_FOUND',
      );
      expect(prev.error.message.en).toContain('2026-Q1');
      await expectError(await diff('2026-H1', 'NOPE', coord), 'NOT_FOUND');
      await expectError(await diff('2031-Q1', 'BCD-GNBV', coord), 'NOT_FOUND');
    });
  });

  it('an agency reads its own diffs only', async () => {
    const own = await issueKey('THON-05');
    const other = await issueKey('THON-06');
    await submit(own, validSubmission('THON-05', '2026-Q1'));
    expect((await diff('2026-Q1', 'THON-05', own)).status).toBe(200);
    await expectError(await diff('2026-Q1', 'THON-05', other), 'FORBIDDEN');
    await expectError(
      await diff('2026-Q1', 'THON-05', other, '?from=previous-period'),
      'FORBIDDEN',
    );
    await expectError(await diff('2026-Q1', 'THON-05', ''), 'UNAUTHENTICATED');
  });
});
