// db/store-submission.ts on its own, against the real local D1: versions
// numbered 1, 2, 3; the same content acknowledged, not stored again; an
// Idempotency-Key replayed or refused; a locked period refused with its
// reason; and nothing half-written when the batch fails.
import { env } from 'cloudflare:test';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Submission } from '../../../shared/submission/schema.ts';
import { IdempotencyConflict, KeyRevoked, PeriodLocked } from '../../../worker/src/db/errors.ts';
import { findPeriod, updatePeriod } from '../../../worker/src/db/periods.ts';
import { reopen } from '../../../worker/src/db/reopenings.ts';
import { type StoreRequest, storeSubmission } from '../../../worker/src/db/store-submission.ts';
import { history } from '../../../worker/src/db/submissions.ts';
import {
  breakAuditLog,
  COORDINATOR,
  expectNoChange,
  registerTestActor,
  repairAuditLog,
  testActor,
  validSubmission,
} from '../helpers.ts';

beforeAll(() => registerTestActor());
afterEach(repairAuditLog);

async function request(
  agency: string,
  submission: Submission,
  idempotencyKey: string | null = null,
): Promise<StoreRequest> {
  const period = await findPeriod(env.DB, submission.periodCode);
  if (!period) throw new Error(`no period ${submission.periodCode}`);
  return {
    actor: testActor(agency),
    period,
    submission,
    warnings: [],
    idempotencyKey,
    source: 'api',
  };
}

const store = async (agency: string, s: Submission, key: string | null = null) =>
  storeSubmission(env.DB, await request(agency, s, key));

/**
 * The real env.DB, with another request's work run just before or just
 * after this request's one db.batch: the interleavings concurrent requests
 * may produce, made to happen every time instead of when the scheduler
 * happens to choose them.
 */
function dbWithInterleaving(at: 'before-batch' | 'after-batch', other: () => Promise<unknown>) {
  let ran = false;
  return new Proxy(env.DB, {
    get(target, prop) {
      if (prop === 'batch') {
        return async (statements: D1PreparedStatement[]) => {
          const runOther = async () => {
            if (ran) return;
            ran = true;
            await other();
          };
          if (at === 'before-batch') await runOther();
          const result = await target.batch(statements);
          if (at === 'after-batch') await runOther();
          return result;
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function idempotencyKeyCount(agency: string) {
  const row = await env.DB.prepare(
    'SELECT COUNT(*) AS n FROM idempotency_keys WHERE agency_code = ?',
  )
    .bind(agency)
    .first<{ n: number }>();
  return row?.n;
}

describe('storeSubmission', () => {
  it('numbers versions 1, 2, 3 and records who sent each', async () => {
    const outcomes = [];
    for (const note of ['', ' (2)', ' (3)']) {
      outcomes.push(await store('P-TP', validSubmission('P-TP', '2024-Q1', note)));
    }
    expect(outcomes.map((o) => [o.outcome, o.row.version])).toEqual([
      ['created', 1],
      ['created', 2],
      ['created', 3],
    ]);
    const rows = await history(env.DB, 'P-TP', '2024-Q1');
    expect(rows.map((r) => r.version)).toEqual([3, 2, 1]);
    for (const r of rows) {
      expect(r).toMatchObject({ key_prefix: 'lsk_dbtest00', submitted_by: 'P-TP test' });
    }
  });

  it('the latest content again is unchanged: the same row, nothing stored', async () => {
    const s = validSubmission('P-VHTT', '2024-Q2');
    const first = await store('P-VHTT', s);
    const again = await expectNoChange(() => store('P-VHTT', s));
    expect(again.outcome).toBe('unchanged');
    expect(again.row).toMatchObject(first.row);
  });

  it('an Idempotency-Key replays its first row; with other content it is IdempotencyConflict', async () => {
    const s = validSubmission('P-GDDT', '2024-Q3');
    const first = await store('P-GDDT', s, 'retry-1');
    expect(first.outcome).toBe('created');
    const replay = await expectNoChange(() => store('P-GDDT', s, 'retry-1'));
    expect(replay.outcome).toBe('replayed');
    expect(replay.row.id).toBe(first.row.id);

    const other = validSubmission('P-GDDT', '2024-Q3', ' khác');
    const refused = await expectNoChange(() =>
      store('P-GDDT', other, 'retry-1').then(
        () => null,
        (e: unknown) => e,
      ),
    );
    expect(refused).toBeInstanceOf(IdempotencyConflict);
    expect(refused).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', key: 'retry-1' });
  });

  it('a locked period throws PeriodLocked with the reason; a reopening lets the agency in', async () => {
    const period = (await findPeriod(env.DB, '2024-Q4'))!;
    const coordinator = testActor(COORDINATOR);
    await updatePeriod(env.DB, period, { locked: true, lockReason: 'Đã tổng hợp' }, coordinator);
    const s = validSubmission('THON-01', '2024-Q4');
    const refused = await expectNoChange(() =>
      store('THON-01', s).then(
        () => null,
        (e: unknown) => e,
      ),
    );
    expect(refused).toBeInstanceOf(PeriodLocked);
    expect(refused).toMatchObject({ period: '2024-Q4', reason: 'Đã tổng hợp' });

    await reopen(env.DB, { period: '2024-Q4', agency: 'THON-01', reason: 'Bổ sung' }, coordinator);
    expect((await store('THON-01', s)).outcome).toBe('created');
    // Another agency is still refused.
    await expect(store('THON-02', validSubmission('THON-02', '2024-Q4'))).rejects.toBeInstanceOf(
      PeriodLocked,
    );
  });

  it('a replay is answered even after the period was locked', async () => {
    const s = validSubmission('THON-03', '2024-H1');
    const first = await store('THON-03', s, 'before-lock');
    const period = (await findPeriod(env.DB, '2024-H1'))!;
    await updatePeriod(
      env.DB,
      period,
      { locked: true, lockReason: 'Khóa' },
      testActor(COORDINATOR),
    );
    const replay = await store('THON-03', s, 'before-lock');
    expect(replay).toMatchObject({ outcome: 'replayed', row: { id: first.row.id } });
  });

  it('nothing is half-written: when the audit row fails, no version and no key are stored', async () => {
    await breakAuditLog();
    const keysBefore = await idempotencyKeyCount('THON-05');
    await expectNoChange(() =>
      expect(store('THON-05', validSubmission('THON-05', '2024-M9'), 'k-1')).rejects.toThrow(
        /audit log unavailable/,
      ),
    );
    expect(await idempotencyKeyCount('THON-05')).toBe(keysBefore);
    await repairAuditLog();
    // The same request succeeds afterwards as version 1: nothing was left behind.
    const ok = await store('THON-05', validSubmission('THON-05', '2024-M9'), 'k-1');
    expect(ok).toMatchObject({ outcome: 'created', row: { version: 1 } });
  });
});

describe('storeSubmission between concurrent requests (each interleaving made to happen)', () => {
  it('the latest content again, with a new version landing before it reads back: unchanged, not a 500', async () => {
    // The regression behind "racing new versions is never a 500": the skipped
    // INSERT used to be answered by re-reading the latest version, which by
    // then was another request's.
    const agency = 'P-KTHT';
    const same = validSubmission(agency, '2023-Y');
    const v1 = await store(agency, same);
    const db = dbWithInterleaving('after-batch', () =>
      store(agency, validSubmission(agency, '2023-Y', ' mới')),
    );
    const again = await storeSubmission(db, await request(agency, same));
    expect(again.outcome).toBe('unchanged');
    expect(again.row).toMatchObject({ id: v1.row.id, version: 1 });
    expect((await history(env.DB, agency, '2023-Y')).map((r) => r.version)).toEqual([2, 1]);
  });

  it('the same new content from another request first: this one is unchanged, one version', async () => {
    const agency = 'THON-06';
    const s = validSubmission(agency, '2023-M9');
    const db = dbWithInterleaving('before-batch', () => store(agency, s));
    const late = await storeSubmission(db, await request(agency, s));
    expect(late.outcome).toBe('unchanged');
    expect((await history(env.DB, agency, '2023-M9')).map((r) => r.id)).toEqual([late.row.id]);
  });

  it('the same Idempotency-Key stored first by another request: replayed with its row', async () => {
    const agency = 'MTTQ';
    const s = validSubmission(agency, '2023-Q1');
    let winner: string | undefined;
    const db = dbWithInterleaving('before-batch', async () => {
      winner = (await store(agency, s, 'double-click')).row.id;
    });
    const late = await storeSubmission(db, await request(agency, s, 'double-click'));
    expect(late).toMatchObject({ outcome: 'replayed', row: { id: winner, version: 1 } });
    expect(await history(env.DB, agency, '2023-Q1')).toHaveLength(1);
  });

  it('the same Idempotency-Key taken first by other content: IdempotencyConflict, nothing stored', async () => {
    const agency = 'BCD-GNBV';
    const db = dbWithInterleaving('before-batch', () =>
      store(agency, validSubmission(agency, '2023-Q2', ' khác'), 'one-key'),
    );
    const mine = validSubmission(agency, '2023-Q2');
    await expect(
      storeSubmission(db, await request(agency, mine, 'one-key')),
    ).rejects.toBeInstanceOf(IdempotencyConflict);
    expect(await history(env.DB, agency, '2023-Q2')).toHaveLength(1);
  });
});

/** What `act` threw (null if it returned). */
const thrown = (act: Promise<unknown>) =>
  act.then(
    () => null,
    (e: unknown) => e,
  );

describe('storeSubmission checks at the write, not at the start of the request', () => {
  it('a lock that lands after the period was read (a slow upload): PeriodLocked, nothing stored', async () => {
    const agency = 'P-VHTT';
    const s = validSubmission(agency, '2023-Q3');
    const req = await request(agency, s, 'slow-upload');
    expect(req.period.locked).toBe(0);
    await updatePeriod(
      env.DB,
      req.period,
      { locked: true, lockReason: 'Đã tổng hợp' },
      testActor(COORDINATOR),
    );
    const keysBefore = await idempotencyKeyCount(agency);
    const refused = await expectNoChange(() => thrown(storeSubmission(env.DB, req)));
    expect(refused).toBeInstanceOf(PeriodLocked);
    expect(refused).toMatchObject({ period: '2023-Q3', reason: 'Đã tổng hợp' });
    expect(await idempotencyKeyCount(agency)).toBe(keysBefore);
  });

  it('a key revoked after the request began: KeyRevoked, nothing stored, not even the unchanged answer', async () => {
    const agency = 'THON-02';
    await registerTestActor(agency, 'lsk_revoked0');
    const actor = testActor(agency, 'lsk_revoked0');
    const s = validSubmission(agency, '2022-Q1');
    const first = await storeSubmission(env.DB, { ...(await request(agency, s)), actor });
    expect(first.outcome).toBe('created');
    await env.DB.prepare(
      "UPDATE access_keys SET revoked_at = 'x' WHERE prefix = 'lsk_revoked0'",
    ).run();
    for (const [content, key] of [
      [validSubmission(agency, '2022-Q1', ' mới'), null],
      [s, 'after-revocation'],
    ] as const) {
      const req = { ...(await request(agency, content, key)), actor };
      const refused = await expectNoChange(() => thrown(storeSubmission(env.DB, req)));
      expect(refused).toBeInstanceOf(KeyRevoked);
      expect(refused).toMatchObject({ code: 'KEY_REVOKED', keyPrefix: 'lsk_revoked0' });
    }
    expect(await idempotencyKeyCount(agency)).toBe(0);
  });

  it('received_at and the audit time are the time of the write, the same instant', async () => {
    const agency = 'THON-03';
    const before = new Date().toISOString();
    const { row } = await store(agency, validSubmission(agency, '2022-Q2'));
    const after = new Date().toISOString();
    expect(row.received_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(row.received_at >= before && row.received_at <= after).toBe(true);
    const audit = await env.DB.prepare(
      "SELECT at FROM audit_log WHERE action = 'submission.create' AND details ->> 'id' = ?",
    )
      .bind(row.id)
      .first<{ at: string }>();
    expect(audit?.at).toBe(row.received_at);
  });

  it('a key first answered "unchanged", with versions landing right after its batch: it and its replay name one version', async () => {
    // The regression behind issue 16's burst: the "unchanged" answer used to
    // be read after the batch, as the newest version with this content, while
    // the key remembered the version of the batch; B then A landing in
    // between made them differ (version 3 answered, version 1 replayed).
    const agency = 'P-GDDT';
    const a = validSubmission(agency, '2023-Q4');
    const v1 = await store(agency, a);
    const db = dbWithInterleaving('after-batch', async () => {
      await store(agency, validSubmission(agency, '2023-Q4', ' B'));
      await store(agency, a);
    });
    const unchanged = await storeSubmission(db, await request(agency, a, 'one-receipt'));
    expect(unchanged).toMatchObject({ outcome: 'unchanged', row: { id: v1.row.id, version: 1 } });
    expect((await history(env.DB, agency, '2023-Q4')).map((r) => r.version)).toEqual([3, 2, 1]);
    const replay = await store(agency, a, 'one-receipt');
    expect(replay).toMatchObject({ outcome: 'replayed', row: { id: v1.row.id, version: 1 } });
  });
});
