// The time a coordinator's write carries (a lock, a reopening, a review) is the
// database's clock at the write, on the row and in its audit row, not the
// time the request began (issue 16): a lock sent slowly while a report is
// submitted is logged after that report, as it took effect after it.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import {
  api,
  auditRows,
  coordinatorKey,
  issueKey,
  patchPeriod,
  postReview,
  slowPost,
  submit,
  validSubmission,
} from './helpers.ts';

const jsonBody = (v: unknown) => ({
  bytes: new TextEncoder().encode(JSON.stringify(v)),
  contentType: 'application/json',
});

describe('coordinator writes are timed when written', () => {
  it('a lock whose body arrives while a report is stored: its audit row comes after the report’s, with a later time', async () => {
    const coordinator = await coordinatorKey();
    const key = await issueKey('THON-02');
    const lock = slowPost(
      '/api/periods/2028-H2',
      coordinator,
      jsonBody({ locked: true, lockReason: 'Đã tổng hợp' }),
      {},
      'PATCH',
    );
    await lock.reading;
    const res = await api('/api/periods/2028-H2/submissions', {
      method: 'POST',
      key,
      json: validSubmission('THON-02', '2028-H2'),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { receivedAt } = await res.json<{ receivedAt: string }>();
    lock.release();
    expect((await lock.response).status).toBe(200);

    const [report] = await auditRows('submission.create', 'THON-02/2028-H2');
    const [locked] = await auditRows('period.update', '2028-H2');
    expect(report && locked && locked.id > report.id).toBe(true);
    // The log's order and its times agree: the lock is not dated before the report it followed.
    expect(locked && locked.at >= receivedAt).toBe(true);
    const period = await env.DB.prepare('SELECT updated_at FROM periods WHERE code = ?')
      .bind('2028-H2')
      .first<{ updated_at: string }>();
    expect(period?.updated_at).toBe(locked?.at);
  });

  it('a reopening whose body arrives after another write: reopenedAt and its audit time after that write', async () => {
    const coordinator = await coordinatorKey();
    await patchPeriod('2029-H2', { locked: true, lockReason: 'Khóa' });
    const slow = slowPost(
      '/api/periods/2029-H2/reopenings',
      coordinator,
      jsonBody({ agency: 'THON-04', reason: 'Nộp bổ sung' }),
    );
    await slow.reading;
    await patchPeriod('2029-H2', { graceDays: 4 });
    const meanwhile = (await auditRows('period.update', '2029-H2')).at(-1);
    slow.release();
    const res = await slow.response;
    expect(res.status).toBe(201);
    const { reopenedAt } = await res.json<{ reopenedAt: string }>();
    expect(meanwhile && reopenedAt >= meanwhile.at).toBe(true);
    const [audit] = await auditRows('period.reopen', 'THON-04/2029-H2');
    expect(audit?.at).toBe(reopenedAt);
    expect(audit && meanwhile && audit.id > meanwhile.id).toBe(true);
  });

  it('a return sent slowly while the report is accepted: the return, written last, is the report’s state', async () => {
    const coordinator = await coordinatorKey();
    const agencyKey = await issueKey('THON-05');
    expect((await submit(agencyKey, validSubmission('THON-05', '2028-H1'))).status).toBe(201);
    const slow = slowPost(
      '/api/periods/2028-H1/submissions/THON-05/review',
      coordinator,
      jsonBody({ action: 'return', version: 1, comment: 'Thiếu số liệu' }),
    );
    await slow.reading;
    const accepted = await postReview('2028-H1', 'THON-05', coordinator, {
      action: 'accept',
      version: 1,
    });
    expect(accepted.status).toBe(201);
    const { reviewedAt: acceptedAt } = await accepted.json<{ reviewedAt: string }>();
    slow.release();
    const res = await slow.response;
    expect(res.status).toBe(201);
    const { reviewedAt } = await res.json<{ reviewedAt: string }>();
    expect(reviewedAt >= acceptedAt).toBe(true);
    const [audit] = await auditRows('submission.returned', 'THON-05/2028-H1');
    expect(audit?.at).toBe(reviewedAt);

    const listed = await (await api('/api/periods?year=2028', { key: agencyKey })).json<{
      periods: { code: string; own: { reviewState: string } | null }[];
    }>();
    const own = listed.periods.find((p) => p.code === '2028-H1')?.own;
    expect(own?.reviewState).toBe('returned');
  });
});
