// The reads of db/submissions.ts and the writes of db/reviews.ts on their
// own: one version or the latest (null when none), the latest per
// (agency, period) with its first receipt and review, history newest first,
// and the version the merged workbook takes.
import { env } from 'cloudflare:test';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findPeriod } from '../../../worker/src/db/periods.ts';
import { addReview } from '../../../worker/src/db/reviews.ts';
import { storeSubmission } from '../../../worker/src/db/store-submission.ts';
import {
  chosenSubmissions,
  findById,
  findVersion,
  history,
  latestVersions,
  reviewState,
} from '../../../worker/src/db/submissions.ts';
import {
  auditRows,
  breakAuditLog,
  COORDINATOR,
  expectNoChange,
  registerTestActor,
  repairAuditLog,
  testActor,
  validSubmission,
} from '../helpers.ts';

const coordinator = testActor(COORDINATOR);
beforeAll(() => registerTestActor());
afterEach(repairAuditLog);

/**
 * Stores a version per time in `receivedAt`, numbered in its text from
 * `first`. A version is received when it is written (the database's clock),
 * so each is then moved to its given instant: a history laid out in time.
 */
async function versions(agency: string, periodCode: string, receivedAt: string[], first = 1) {
  const period = (await findPeriod(env.DB, periodCode))!;
  const rows = [];
  for (const [i, now] of receivedAt.entries()) {
    const { row } = await storeSubmission(env.DB, {
      actor: testActor(agency),
      period,
      submission: validSubmission(agency, periodCode, ` v${first + i}`),
      warnings: [],
      idempotencyKey: null,
      source: 'api',
    });
    await env.DB.prepare('UPDATE submissions SET received_at = ? WHERE id = ?')
      .bind(now, row.id)
      .run();
    rows.push({ ...row, received_at: now });
  }
  return rows;
}

describe('db/submissions reads', () => {
  it('findById and findVersion: the row, the latest, or null', async () => {
    const [v1, v2] = await versions('P-TP', '2025-Q1', [
      '2025-03-10T01:00:00.000Z',
      '2025-03-11T01:00:00.000Z',
    ]);
    expect((await findById(env.DB, v1!.id))?.version).toBe(1);
    expect(await findById(env.DB, 'no-such-id')).toBeNull();
    expect((await findVersion(env.DB, 'P-TP', '2025-Q1'))?.id).toBe(v2!.id);
    expect((await findVersion(env.DB, 'P-TP', '2025-Q1', 1))?.id).toBe(v1!.id);
    expect(await findVersion(env.DB, 'P-TP', '2025-Q1', 3)).toBeNull();
    expect(await findVersion(env.DB, 'P-VHTT', '2025-Q1')).toBeNull();
  });

  it('latestVersions: per (agency, period), the latest with the first receipt and its review', async () => {
    await versions('P-GDDT', '2025-Q2', ['2025-06-10T01:00:00.000Z', '2025-06-20T01:00:00.000Z']);
    await versions('P-GDDT', '2025-Q3', ['2025-09-10T01:00:00.000Z']);
    await versions('THON-01', '2025-Q2', ['2025-06-12T01:00:00.000Z']);
    const latest = await findVersion(env.DB, 'P-GDDT', '2025-Q2');
    await addReview(
      env.DB,
      { submission: latest!, state: 'returned', comment: 'Thiếu số liệu' },
      coordinator,
    );

    const byPeriod = await latestVersions(env.DB, { period: '2025-Q2' });
    expect(byPeriod.map((r) => r.agency_code).sort()).toEqual(['P-GDDT', 'THON-01']);
    expect(byPeriod.find((r) => r.agency_code === 'P-GDDT')).toMatchObject({
      period_code: '2025-Q2',
      latest_version: 2,
      first_received_at: '2025-06-10T01:00:00.000Z',
      latest_received_at: '2025-06-20T01:00:00.000Z',
      review_state: 'returned',
      review_comment: 'Thiếu số liệu',
    });
    const byAgency = await latestVersions(env.DB, { agency: 'P-GDDT' });
    expect(byAgency.map((r) => r.period_code).sort()).toEqual(['2025-Q2', '2025-Q3']);
    expect(await latestVersions(env.DB, { period: '2025-Q2', agency: 'THON-01' })).toHaveLength(1);
    expect(await latestVersions(env.DB, { period: '2025-H1' })).toEqual([]);
  });

  it('history is newest first, each version with its latest review', async () => {
    const [v1] = await versions('THON-02', '2025-Q4', ['2025-12-10T01:00:00.000Z']);
    await addReview(env.DB, { submission: v1!, state: 'returned', comment: 'a' }, coordinator);
    await addReview(env.DB, { submission: v1!, state: 'accepted', comment: null }, coordinator);
    await versions('THON-02', '2025-Q4', ['2025-12-11T01:00:00.000Z'], 2);
    const rows = await history(env.DB, 'THON-02', '2025-Q4');
    expect(rows.map((r) => [r.version, reviewState(r)])).toEqual([
      [2, 'received'],
      [1, 'accepted'],
    ]);
    expect(await history(env.DB, 'THON-02', '2025-H2')).toEqual([]);
  });

  it('chosenSubmissions takes the newest accepted version, else the newest', async () => {
    const [a1] = await versions('THON-04', '2025-M9', ['2025-09-01T00:00:00Z']);
    await versions('THON-06', '2025-M9', ['2025-09-01T00:00:00Z', '2025-09-02T00:00:00Z']);
    await addReview(env.DB, { submission: a1!, state: 'accepted', comment: null }, coordinator);
    // Accepted, then a newer version sent: the accepted one is still chosen.
    await versions('THON-04', '2025-M9', ['2025-09-02T00:00:00Z'], 2);
    const chosen = await chosenSubmissions(env.DB, '2025-M9');
    expect(chosen.map((c) => [c.agency_code, c.version, c.review_state])).toEqual([
      ['THON-04', 1, 'accepted'],
      ['THON-06', 2, null],
    ]);
  });
});

describe('db/reviews', () => {
  it('addReview is audited as submission.<state>; a failing audit row leaves no review', async () => {
    const [v1] = await versions('THON-05', '2025-Y', ['2025-12-20T00:00:00Z']);
    const { reviewedAt } = await addReview(
      env.DB,
      { submission: v1!, state: 'accepted', comment: null },
      coordinator,
    );
    const [audit] = await auditRows('submission.accepted', 'THON-05/2025-Y');
    expect(JSON.parse(audit!.details!)).toEqual({ submission: v1!.id, version: 1, comment: null });
    // The time of the write, the database's, on the review and its audit row.
    expect(audit!.at).toBe(reviewedAt);

    await breakAuditLog();
    await expectNoChange(() =>
      expect(
        addReview(env.DB, { submission: v1!, state: 'returned', comment: 'x' }, coordinator),
      ).rejects.toThrow(/audit log unavailable/),
    );
    expect(reviewState((await history(env.DB, 'THON-05', '2025-Y'))[0]!)).toBe('accepted');
  });
});
