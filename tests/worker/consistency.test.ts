// Stored state stays meaningful: a lock reason only with a lock, an empty
// review comment is no comment.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { api, coordinatorKey, issueKey, patchPeriod, submit, validSubmission } from './helpers.ts';

describe('stored state', () => {
  it('a lock reason is kept only while the period is locked', async () => {
    await patchPeriod('2027-Q1', { lockReason: 'không khóa' });
    const row = () =>
      env.DB.prepare('SELECT locked, lock_reason FROM periods WHERE code = ?')
        .bind('2027-Q1')
        .first();
    expect(await row()).toEqual({ locked: 0, lock_reason: null });
    await patchPeriod('2027-Q1', { locked: true, lockReason: 'Đã tổng hợp' });
    await patchPeriod('2027-Q1', { graceDays: 5 });
    expect(await row()).toEqual({ locked: 1, lock_reason: 'Đã tổng hợp' });
    await patchPeriod('2027-Q1', { locked: false });
    expect(await row()).toEqual({ locked: 0, lock_reason: null });
  });

  it('accepting with a blank comment stores no comment', async () => {
    const key = await issueKey('P-VHTT');
    expect((await submit(key, validSubmission('P-VHTT', '2027-Q1'))).status).toBe(201);
    const res = await api('/api/periods/2027-Q1/submissions/P-VHTT/review', {
      method: 'POST',
      key: await coordinatorKey(),
      json: { action: 'accept', comment: '   ' },
    });
    expect(res.status).toBe(201);
    expect((await res.json<{ comment: unknown }>()).comment).toBeNull();
    const stored = await env.DB.prepare(
      'SELECT comment FROM reviews ORDER BY created_at DESC LIMIT 1',
    ).first();
    expect(stored).toEqual({ comment: null });
  });
});
