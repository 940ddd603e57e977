// POST .../review with notes (a return) and reopen (an accepted report back
// to review), and the review history GET .../submissions/{agency} shows.
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  api,
  auditRows,
  breakAuditLog,
  COORDINATOR,
  coordinatorKey,
  expectError,
  expectNoChange,
  issueFields,
  issueKey,
  postReview,
  repairAuditLog,
  submit,
  validSubmission,
} from './helpers.ts';

const review = postReview;

interface HistoryJson {
  versions: {
    version: number;
    reviewState: string;
    reviewComment: string | null;
    reviews: Record<string, unknown>[];
    notes: Record<string, unknown>[];
  }[];
}

async function historyOf(period: string, agency: string, key: string) {
  const res = await api(`/api/periods/${period}/submissions/${agency}`, { key });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json<HistoryJson>();
}

afterEach(async () => {
  vi.restoreAllMocks();
  await repairAuditLog();
});

/** The Worker logs a failed write (console.error): keep the output clean, and check it did. */
const quietLog = () => vi.spyOn(console, 'error').mockImplementation(() => {});

describe('review notes', () => {
  it('a return stores its notes in order; the answer, the history and audit_log show them', async () => {
    const agencyKey = await issueKey('P-TP');
    const v1 = await submit(agencyKey, validSubmission('P-TP', '2026-Q1'));
    const key = await coordinatorKey('Chánh văn phòng');
    const notes = [
      { taskId: 'III.2', field: 'result', text: '  Nêu rõ số hộ được hỗ trợ.  ' },
      { taskId: 'I.1', text: 'Cả dòng: bổ sung sản phẩm.' },
      { taskId: 'III.2', field: 'percent', text: 'Tỷ lệ không khớp kết quả.' },
    ];
    const res = await review('2026-Q1', 'P-TP', key, {
      action: 'return',
      comment: 'Đề nghị sửa các ô có ghi chú.',
      notes,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const stored = [
      { taskId: 'III.2', field: 'result', text: 'Nêu rõ số hộ được hỗ trợ.' },
      { taskId: 'I.1', field: null, text: 'Cả dòng: bổ sung sản phẩm.' },
      { taskId: 'III.2', field: 'percent', text: 'Tỷ lệ không khớp kết quả.' },
    ];
    const body = await res.json<Record<string, unknown>>();
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      submissionId: v1.body.id,
      version: 1,
      state: 'returned',
      comment: 'Đề nghị sửa các ô có ghi chú.',
      notes: stored,
      reviewer: 'Chánh văn phòng',
      reviewedAt: expect.any(String),
    });
    const rows = await env.DB.prepare(
      'SELECT ord, task_id, field, text FROM review_notes WHERE review_id = ? ORDER BY ord',
    )
      .bind(body.id as string)
      .all();
    expect(rows.results).toEqual(
      stored.map((n, ord) => ({ ord, task_id: n.taskId, field: n.field, text: n.text })),
    );
    const audit = await auditRows('submission.returned', 'P-TP/2026-Q1');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toBe(`${COORDINATOR}/${key.slice(0, 12)}`);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({
      submission: v1.body.id,
      version: 1,
      comment: 'Đề nghị sửa các ô có ghi chú.',
      notes: stored,
    });

    // The agency sees the notes on its own report.
    const history = await historyOf('2026-Q1', 'P-TP', agencyKey);
    expect(history.versions).toHaveLength(1);
    expect(history.versions[0]).toMatchObject({
      reviewState: 'returned',
      notes: stored,
      reviews: [
        {
          state: 'returned',
          comment: 'Đề nghị sửa các ô có ghi chú.',
          notes: stored,
          reviewer: 'Chánh văn phòng',
          reviewedAt: body.reviewedAt,
        },
      ],
    });
  });

  it('history: reviews oldest first per version; notes are the latest return’s; unreviewed is []', async () => {
    const agencyKey = await issueKey('THON-03');
    await submit(agencyKey, validSubmission('THON-03', '2026-Q1'));
    const key = await coordinatorKey('Văn thư');
    const first = [{ taskId: 'I.5', field: 'status', text: 'Kiểm tra tình trạng.' }];
    const second = [{ taskId: 'V.4', field: 'proposals', text: 'Ghi rõ kiến nghị.' }];
    for (const json of [
      { action: 'return', comment: 'Lần 1', notes: first },
      { action: 'return', comment: 'Lần 2', notes: second },
      { action: 'accept' },
    ]) {
      expect((await review('2026-Q1', 'THON-03', key, json)).status).toBe(201);
    }
    await submit(agencyKey, validSubmission('THON-03', '2026-Q1', ' v2'));
    const history = await historyOf('2026-Q1', 'THON-03', key);
    expect(history.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(history.versions[0]).toMatchObject({ reviewState: 'received', reviews: [], notes: [] });
    const v1 = history.versions[1];
    expect(v1?.reviewState).toBe('accepted');
    expect(v1?.reviews.map((r) => [r.state, r.comment, r.reviewer])).toEqual([
      ['returned', 'Lần 1', 'Văn thư'],
      ['returned', 'Lần 2', 'Văn thư'],
      ['accepted', null, 'Văn thư'],
    ]);
    expect(v1?.reviews.map((r) => r.notes)).toEqual([first, second, []]);
    expect(v1?.notes).toEqual(second);
  });

  it('refuses bad notes with 400 naming the field path, and writes nothing', async () => {
    const agencyKey = await issueKey('P-KTHT');
    await submit(agencyKey, validSubmission('P-KTHT', '2026-Q1'));
    const key = await coordinatorKey();
    const ok = { taskId: 'I.1', text: 'x' };
    const cases: [unknown, string][] = [
      // I.5 is in the plan but not one of P-KTHT's tasks.
      [
        { action: 'return', comment: 'c', notes: [ok, { taskId: 'I.5', text: 'x' }] },
        'notes.1.taskId',
      ],
      [
        { action: 'return', comment: 'c', notes: [{ taskId: 'IX.99', text: 'x' }] },
        'notes.0.taskId',
      ],
      [{ action: 'return', comment: 'c', notes: [{ taskId: 'abc', text: 'x' }] }, 'notes.0.taskId'],
      [{ action: 'return', comment: 'c', notes: [{ text: 'x' }] }, 'notes.0.taskId'],
      [{ action: 'return', comment: 'c', notes: [{ ...ok, field: 'role' }] }, 'notes.0.field'],
      [{ action: 'return', comment: 'c', notes: [{ ...ok, field: 'tt' }] }, 'notes.0.field'],
      [{ action: 'return', comment: 'c', notes: [ok, { ...ok, text: '  ' }] }, 'notes.1.text'],
      [
        { action: 'return', comment: 'c', notes: [{ ...ok, text: 'x'.repeat(1001) }] },
        'notes.0.text',
      ],
      [{ action: 'return', comment: 'c', notes: [{ ...ok, extra: 1 }] }, 'notes.0'],
      [{ action: 'return', comment: 'c', notes: Array(201).fill(ok) }, 'notes'],
      [{ action: 'return', comment: 'c', notes: ok }, 'notes'],
      [{ action: 'return', notes: [ok] }, 'comment'],
      [{ action: 'accept', notes: [ok] }, 'notes'],
      [{ action: 'accept', notes: [] }, 'notes'],
      [{ action: 'reopen', comment: 'Lý do', notes: [ok] }, 'notes'],
    ];
    for (const [json, field] of cases) {
      const body = await expectNoChange(async () =>
        expectError(await review('2026-Q1', 'P-KTHT', key, json), 'INVALID_REQUEST'),
      );
      expect(issueFields(body), JSON.stringify(json).slice(0, 200)).toContain(field);
    }
    // 200 notes of 1000 characters is within the limits.
    const most = Array.from({ length: 200 }, (_, i) => ({
      taskId: 'I.1',
      text: `${i}`.padEnd(1000, 'x'),
    }));
    const res = await review('2026-Q1', 'P-KTHT', key, {
      action: 'return',
      comment: 'c',
      notes: most,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await res.json<{ notes: unknown[] }>()).notes).toHaveLength(200);
  });

  it('notes for an unknown version: 404, nothing written', async () => {
    const agencyKey = await issueKey('P-VHTT');
    await submit(agencyKey, validSubmission('P-VHTT', '2026-Q1'));
    const key = await coordinatorKey();
    await expectNoChange(async () => {
      const body = await expectError(
        await review('2026-Q1', 'P-VHTT', key, {
          action: 'return',
          comment: 'c',
          version: 2,
          notes: [{ taskId: 'I.1', text: 'x' }],
        }),
        'NOT_FOUND',
      );
      expect(body.error.message.en).toContain('version 2');
    });
  });

  it('a return with notes whose audit row fails is rolled back: no review, no notes', async () => {
    const agencyKey = await issueKey('P-GDDT');
    await submit(agencyKey, validSubmission('P-GDDT', '2026-Q1'));
    const key = await coordinatorKey();
    const logged = quietLog();
    await breakAuditLog();
    await expectNoChange(async () =>
      expectError(
        await review('2026-Q1', 'P-GDDT', key, {
          action: 'return',
          comment: 'c',
          notes: [{ taskId: 'I.1', field: 'result', text: 'x' }],
        }),
        'INTERNAL',
      ),
    );
    expect(logged).toHaveBeenCalled();
  });

  it('an agency key cannot review or annotate, and cannot read another agency’s notes', async () => {
    const own = await issueKey('THON-01');
    const other = await issueKey('THON-04');
    await submit(own, validSubmission('THON-01', '2026-Q1'));
    const coord = await coordinatorKey();
    expect(
      (
        await review('2026-Q1', 'THON-01', coord, {
          action: 'return',
          comment: 'c',
          notes: [{ taskId: 'I.1', text: 'Chỉ THON-01 thấy.' }],
        })
      ).status,
    ).toBe(201);
    for (const json of [
      { action: 'return', comment: 'c', notes: [{ taskId: 'I.1', text: 'x' }] },
      { action: 'accept' },
      { action: 'reopen', comment: 'x' },
    ]) {
      await expectNoChange(async () => {
        await expectError(await review('2026-Q1', 'THON-01', own, json), 'FORBIDDEN');
        await expectError(await review('2026-Q1', 'THON-01', other, json), 'FORBIDDEN');
      });
    }
    await expectError(
      await api('/api/periods/2026-Q1/submissions/THON-01', { key: other }),
      'FORBIDDEN',
    );
    const mine = await historyOf('2026-Q1', 'THON-01', own);
    expect(mine.versions[0]?.notes).toEqual([
      { taskId: 'I.1', field: null, text: 'Chỉ THON-01 thấy.' },
    ]);
  });
});

describe('reopen', () => {
  it('an accepted report reopened with a reason awaits review again; audited; history keeps all', async () => {
    const agencyKey = await issueKey('MTTQ');
    const v1 = await submit(agencyKey, validSubmission('MTTQ', '2026-H1'));
    const key = await coordinatorKey('Phó Trưởng ban');
    expect((await review('2026-H1', 'MTTQ', key, { action: 'accept' })).status).toBe(201);
    const res = await review('2026-H1', 'MTTQ', key, {
      action: 'reopen',
      comment: ' Số liệu I.6 cần đối chiếu lại. ',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      submissionId: v1.body.id,
      version: 1,
      state: 'reopened',
      comment: 'Số liệu I.6 cần đối chiếu lại.',
      notes: [],
      reviewer: 'Phó Trưởng ban',
      reviewedAt: expect.any(String),
    });
    const history = await historyOf('2026-H1', 'MTTQ', agencyKey);
    expect(history.versions[0]?.reviewState).toBe('received');
    expect(history.versions[0]?.reviews.map((r) => r.state)).toEqual(['accepted', 'reopened']);
    const completeness = await (await api('/api/periods/2026-H1/submissions', { key })).json<{
      agencies: { agency: { code: string }; reviewState: string }[];
    }>();
    expect(completeness.agencies.find((a) => a.agency.code === 'MTTQ')?.reviewState).toBe(
      'received',
    );
    const audit = await auditRows('submission.reopened', 'MTTQ/2026-H1');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({
      submission: v1.body.id,
      version: 1,
      comment: 'Số liệu I.6 cần đối chiếu lại.',
    });
    // Reviewed again after the reopening: accept works, and so does a second reopening.
    expect((await review('2026-H1', 'MTTQ', key, { action: 'accept' })).status).toBe(201);
    expect(
      (await review('2026-H1', 'MTTQ', key, { action: 'reopen', comment: 'Lần 2' })).status,
    ).toBe(201);
  });

  it('reopening a report that is not accepted is 409 CONFLICT and writes nothing', async () => {
    const agencyKey = await issueKey('CTXH');
    await submit(agencyKey, validSubmission('CTXH', '2026-H1'));
    const key = await coordinatorKey();
    const reopen = (version?: number) =>
      review('2026-H1', 'CTXH', key, { action: 'reopen', comment: 'Lý do', version });
    // Returned.
    expect(
      (await review('2026-H1', 'CTXH', key, { action: 'return', comment: 'c', version: 1 })).status,
    ).toBe(201);
    const returned = await expectNoChange(async () => expectError(await reopen(1), 'CONFLICT'));
    expect(returned.error.details).toEqual({ version: 1, reviewState: 'returned' });
    await submit(agencyKey, validSubmission('CTXH', '2026-H1', ' v2'));
    // Never reviewed.
    const unreviewed = await expectNoChange(async () => expectError(await reopen(), 'CONFLICT'));
    expect(unreviewed.error.details).toEqual({ version: 2, reviewState: 'received' });
    expect(unreviewed.error.message.vi).toContain('Chờ xem xét');
    // Replaced since.
    const replaced = await expectNoChange(async () => expectError(await reopen(1), 'CONFLICT'));
    expect(replaced.error.details).toEqual({ version: 1, latestVersion: 2 });
    // Already reopened.
    expect((await review('2026-H1', 'CTXH', key, { action: 'accept', version: 2 })).status).toBe(
      201,
    );
    expect((await reopen(2)).status).toBe(201);
    await expectNoChange(async () => expectError(await reopen(2), 'CONFLICT'));
    // A reason is required; an unknown version is 404.
    await expectNoChange(async () => {
      const body = await expectError(
        await review('2026-H1', 'CTXH', key, { action: 'reopen' }),
        'INVALID_REQUEST',
      );
      expect(issueFields(body)).toContain('comment');
      await expectError(await reopen(7), 'NOT_FOUND');
    });
    expect(await auditRows('submission.reopened', 'CTXH/2026-H1')).toHaveLength(1);
  });

  it('two reopenings at once store one: the other is 409', async () => {
    const agencyKey = await issueKey('BCD-GNBV');
    await submit(agencyKey, validSubmission('BCD-GNBV', '2026-H1'));
    const key = await coordinatorKey();
    expect((await review('2026-H1', 'BCD-GNBV', key, { action: 'accept' })).status).toBe(201);
    const answers = await Promise.all(
      [1, 2].map(() => review('2026-H1', 'BCD-GNBV', key, { action: 'reopen', comment: 'x' })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const n = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM reviews r JOIN submissions s ON s.id = r.submission_id WHERE s.agency_code = 'BCD-GNBV' AND r.state = 'reopened'",
    ).first<{ n: number }>();
    expect(n?.n).toBe(1);
    expect(await auditRows('submission.reopened', 'BCD-GNBV/2026-H1')).toHaveLength(1);
  });

  it('a reopening whose audit row fails is rolled back', async () => {
    const agencyKey = await issueKey('THON-02');
    await submit(agencyKey, validSubmission('THON-02', '2026-H1'));
    const key = await coordinatorKey();
    expect((await review('2026-H1', 'THON-02', key, { action: 'accept' })).status).toBe(201);
    const logged = quietLog();
    await breakAuditLog();
    await expectNoChange(async () =>
      expectError(
        await review('2026-H1', 'THON-02', key, { action: 'reopen', comment: 'x' }),
        'INTERNAL',
      ),
    );
    expect(logged).toHaveBeenCalled();
    await repairAuditLog();
    const history = await historyOf('2026-H1', 'THON-02', key);
    expect(history.versions[0]?.reviewState).toBe('accepted');
  });
});
