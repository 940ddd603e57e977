// The time a coordinator's write carries (a lock, a reopening, a review, a
// rename, a key issued, the document settings) is the
// database's clock at the write, on the row and in its audit row, not the
// time the request began (issue 16): a lock sent slowly while a report is
// submitted is logged after that report, as it took effect after it.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { EMPTY_DOCUMENT_SETTINGS } from '../../shared/documents/index.ts';
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

  /**
   * Lets `slow` end after a period change written while its body waited;
   * its answer must be `status`, the audit row of `action` (on the target
   * the answer names) must come after that change with a time not before
   * it, and the written row's time (`rowTime`: a statement selecting it as
   * `t`) must be that audit time. Returns the answer's body and the time.
   */
  async function writtenAfterMeanwhile(
    slow: ReturnType<typeof slowPost>,
    status: number,
    action: string,
    target: (body: Record<string, unknown>) => string,
    rowTime: (body: Record<string, unknown>) => D1PreparedStatement,
  ): Promise<{ body: Record<string, unknown>; at: string }> {
    await slow.reading;
    await patchPeriod('2029-H1', { graceDays: 4 });
    const meanwhile = (await auditRows('period.update', '2029-H1')).at(-1);
    slow.release();
    const res = await slow.response;
    expect(res.status, await res.clone().text()).toBe(status);
    const body = await res.json<Record<string, unknown>>();
    const [audit] = await auditRows(action, target(body));
    expect(meanwhile && audit && audit.at >= meanwhile.at && audit.id > meanwhile.id).toBe(true);
    expect((await rowTime(body).first<{ t: string }>())?.t).toBe(audit?.at);
    return { body, at: audit?.at ?? '' };
  }

  it('a rename whose body arrives after another write: updated_at and its audit time after that write', async () => {
    const slow = slowPost(
      '/api/agencies/THON-03',
      await coordinatorKey(),
      jsonBody({ name: 'Thôn thử nghiệm Ba' }),
      {},
      'PATCH',
    );
    await writtenAfterMeanwhile(
      slow,
      200,
      'agency.rename',
      () => 'THON-03',
      () => env.DB.prepare("SELECT updated_at AS t FROM agencies WHERE code = 'THON-03'"),
    );
  });

  it('a key issued with a body that arrives after another write: createdAt and its audit time after that write', async () => {
    const slow = slowPost(
      '/api/keys',
      await coordinatorKey(),
      jsonBody({ agency: 'THON-06', role: 'agency' }),
    );
    const { body, at } = await writtenAfterMeanwhile(
      slow,
      201,
      'key.issue',
      (b) => String(b.prefix),
      (b) =>
        env.DB.prepare('SELECT created_at AS t FROM access_keys WHERE prefix = ?').bind(b.prefix),
    );
    expect(body.createdAt).toBe(at);
  });

  it('document settings whose body arrives after another write: updated_at and its audit time after that write', async () => {
    const slow = slowPost(
      '/api/settings/document',
      await coordinatorKey(),
      jsonBody({ ...EMPTY_DOCUMENT_SETTINGS, place: 'Nơi thử nghiệm' }),
      {},
      'PUT',
    );
    await writtenAfterMeanwhile(
      slow,
      200,
      'documents.settings',
      () => 'document_settings',
      () => env.DB.prepare('SELECT updated_at AS t FROM document_settings WHERE id = 1'),
    );
  });
});
