// POST /api/periods/:period/submissions/:agency/review: accept, return with a
// comment, and what the agency and the coordinator see afterwards.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import {
  api,
  auditRows,
  COORDINATOR,
  coordinatorKey,
  expectError,
  expectNoChange,
  issueFields,
  issueKey,
  postReview,
  submit,
  validSubmission,
} from './helpers.ts';

const review = postReview;

async function completenessRow(period: string, agency: string) {
  const res = await api(`/api/periods/${period}/submissions`, { key: await coordinatorKey() });
  expect(res.status).toBe(200);
  const body = await res.json<{ agencies: { agency: { code: string } }[] }>();
  return body.agencies.find((a) => a.agency.code === agency) as Record<string, unknown>;
}

describe('review', () => {
  it('accepts the latest version; the state shows everywhere; audit_log records it', async () => {
    const agencyKey = await issueKey('P-TP');
    await submit(agencyKey, validSubmission('P-TP', '2026-Q1'));
    const v2 = await submit(agencyKey, validSubmission('P-TP', '2026-Q1', ' v2'));
    const key = await coordinatorKey('Chánh văn phòng');
    const res = await review('2026-Q1', 'P-TP', key, { action: 'accept' });
    expect(res.status).toBe(201);
    const body = await res.json<Record<string, unknown>>();
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      submissionId: v2.body.id,
      version: 2,
      state: 'accepted',
      comment: null,
      notes: [],
      reviewer: 'Chánh văn phòng',
      reviewedAt: expect.any(String),
    });
    const row = await env.DB.prepare('SELECT * FROM reviews WHERE id = ?')
      .bind(body.id as string)
      .first();
    expect(row).toMatchObject({
      submission_id: v2.body.id,
      state: 'accepted',
      comment: null,
      reviewer: 'Chánh văn phòng',
    });
    expect(await completenessRow('2026-Q1', 'P-TP')).toMatchObject({
      reviewState: 'accepted',
      latestVersion: 2,
    });
    const audit = await auditRows('submission.accepted', 'P-TP/2026-Q1');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toBe(`${COORDINATOR}/${key.slice(0, 12)}`);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({
      submission: v2.body.id,
      version: 2,
      comment: null,
    });
  });

  it('returns with a comment; the agency sees it in GET /api/periods own.returnedComment', async () => {
    const agencyKey = await issueKey('THON-03');
    const sub = await submit(agencyKey, validSubmission('THON-03', '2026-Q2'));
    expect(sub.status).toBe(201);
    const comment = 'Đề nghị bổ sung kết quả nhiệm vụ III.2.';
    const res = await review('2026-Q2', 'THON-03', await coordinatorKey(), {
      action: 'return',
      comment: `  ${comment}  `,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ state: 'returned', comment, version: 1 });

    const periods = await (await api('/api/periods?year=2026', { key: agencyKey })).json<{
      periods: { code: string; own: Record<string, unknown> }[];
    }>();
    const own = periods.periods.find((p) => p.code === '2026-Q2')?.own;
    expect(own).toMatchObject({ reviewState: 'returned', returnedComment: comment });
    // Other periods carry no comment.
    for (const p of periods.periods.filter((x) => x.code !== '2026-Q2')) {
      expect(p.own.returnedComment, p.code).toBeNull();
    }
    expect(await completenessRow('2026-Q2', 'THON-03')).toMatchObject({
      reviewState: 'returned',
      reviewComment: comment,
    });
    expect(await auditRows('submission.returned', 'THON-03/2026-Q2')).toHaveLength(1);

    // A corrected version starts unreviewed, so the comment no longer shows.
    const fixed = await submit(agencyKey, validSubmission('THON-03', '2026-Q2', ' (đã bổ sung)'));
    expect(fixed.body.version).toBe(2);
    const after = await (await api('/api/periods?year=2026', { key: agencyKey })).json<{
      periods: { code: string; own: Record<string, unknown> }[];
    }>();
    expect(after.periods.find((p) => p.code === '2026-Q2')?.own).toMatchObject({
      reviewState: 'received',
      returnedComment: null,
      latestVersion: 2,
    });
  });

  it('the latest review is the state (return, then accept)', async () => {
    const agencyKey = await issueKey('P-KTHT');
    await submit(agencyKey, validSubmission('P-KTHT', '2026-Q3'));
    const key = await coordinatorKey();
    expect(
      (await review('2026-Q3', 'P-KTHT', key, { action: 'return', comment: 'Sửa' })).status,
    ).toBe(201);
    expect((await review('2026-Q3', 'P-KTHT', key, { action: 'accept' })).status).toBe(201);
    expect(await completenessRow('2026-Q3', 'P-KTHT')).toMatchObject({
      reviewState: 'accepted',
    });
    const count = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM reviews r JOIN submissions s ON s.id = r.submission_id WHERE s.agency_code = 'P-KTHT'",
    ).first<{ n: number }>();
    expect(count?.n).toBe(2);
  });

  it('reviews the version named while it is the latest; a replaced one is 409, nothing written', async () => {
    const agencyKey = await issueKey('P-VHTT');
    const key = await coordinatorKey();
    const v1 = await submit(agencyKey, validSubmission('P-VHTT', '2026-Q4'));
    const res = await review('2026-Q4', 'P-VHTT', key, {
      action: 'return',
      version: 1,
      comment: 'Sửa',
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ version: 1, submissionId: v1.body.id });
    await submit(agencyKey, validSubmission('P-VHTT', '2026-Q4', ' v2'));
    // Version 1 was replaced: accepting or returning it would put the agency's
    // old figures in the merged workbook and carry forward.
    for (const body of [
      { action: 'accept', version: 1 },
      { action: 'return', version: 1, comment: 'Sửa lại', notes: [{ taskId: 'I.1', text: 'x' }] },
    ]) {
      const refused = await expectNoChange(async () =>
        expectError(await review('2026-Q4', 'P-VHTT', key, body), 'CONFLICT'),
      );
      expect(refused.error.details).toEqual({ version: 1, latestVersion: 2 });
      expect(refused.error.message.vi).toContain('phiên bản 2');
    }
    const history = await (
      await api('/api/periods/2026-Q4/submissions/P-VHTT', { key: agencyKey })
    ).json<{ versions: { version: number; reviewState: string }[] }>();
    expect(history.versions.map((v) => [v.version, v.reviewState])).toEqual([
      [2, 'received'],
      [1, 'returned'],
    ]);
  });

  it('returning without a comment is 400 naming comment, and changes nothing', async () => {
    const agencyKey = await issueKey('MTTQ');
    await submit(agencyKey, validSubmission('MTTQ', '2026-Q1'));
    const key = await coordinatorKey();
    const cases: [unknown, string][] = [
      [{ action: 'return' }, 'comment'],
      [{ action: 'return', comment: '' }, 'comment'],
      [{ action: 'return', comment: '   ' }, 'comment'],
      [{ action: 'return', comment: 'x'.repeat(2001) }, 'comment'],
      [{ action: 'reject', comment: 'x' }, 'action'],
      [{}, 'action'],
      [{ action: 'accept', version: 0 }, 'version'],
      [{ action: 'accept', version: '1' }, 'version'],
    ];
    for (const [json, field] of cases) {
      const body = await expectNoChange(async () =>
        expectError(await review('2026-Q1', 'MTTQ', key, json), 'INVALID_REQUEST'),
      );
      expect(issueFields(body), JSON.stringify(json)).toContain(field);
    }
  });

  it('no report to review, unknown version, agency or period: 404, nothing changes', async () => {
    const agencyKey = await issueKey('CTXH');
    await submit(agencyKey, validSubmission('CTXH', '2026-Q1'));
    const key = await coordinatorKey();
    await expectNoChange(async () => {
      const none = await expectError(
        await review('2026-Q2', 'CTXH', key, { action: 'accept' }),
        'NOT_FOUND',
      );
      // Named as people say them, the codes second.
      expect(none.error.message.en).toMatch(/\(CTXH\) has no report for Q2 2026 \(2026-Q2\)/);
      expect(none.error.message.vi).toContain('cho kỳ Quý II năm 2026 (2026-Q2)');
      const v9 = await expectError(
        await review('2026-Q1', 'CTXH', key, { action: 'accept', version: 9 }),
        'NOT_FOUND',
      );
      expect(v9.error.message.en).toContain('version 9');
      await expectError(await review('2026-Q1', 'NOPE', key, { action: 'accept' }), 'NOT_FOUND');
      await expectError(await review('2031-Q1', 'CTXH', key, { action: 'accept' }), 'NOT_FOUND');
      await expectError(await review('2026-X1', 'CTXH', key, { action: 'accept' }), 'NOT_FOUND');
    });
  });

  it('an agency cannot review, not even its own report', async () => {
    const agencyKey = await issueKey('BCD-GNBV');
    await submit(agencyKey, validSubmission('BCD-GNBV', '2026-Q1'));
    await expectNoChange(async () =>
      expectError(
        await review('2026-Q1', 'BCD-GNBV', agencyKey, { action: 'accept' }),
        'FORBIDDEN',
      ),
    );
  });
});
