// db/periods.ts and db/reopenings.ts on their own: null for an unknown or
// malformed code, the lock-reason rule, writes stored with their audit row
// or not at all, a reopening closed once.
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyPeriodChange,
  findPeriod,
  listPeriods,
  type PeriodRow,
  updatePeriod,
} from '../../../worker/src/db/periods.ts';
import {
  closeReopening,
  isReopenedFor,
  listReopenings,
  reopen,
  reopeningsOf,
} from '../../../worker/src/db/reopenings.ts';
import {
  auditRows,
  breakAuditLog,
  COORDINATOR,
  expectNoChange,
  repairAuditLog,
  testActor,
} from '../helpers.ts';

const coordinator = testActor(COORDINATOR);
afterEach(repairAuditLog);

describe('db/periods', () => {
  it('findPeriod reads a code as shared/periods parses it; unknown or malformed is null', async () => {
    expect(await findPeriod(env.DB, '2023-Q1')).toMatchObject({ code: '2023-Q1', year: 2023 });
    expect((await findPeriod(env.DB, ' 2023-q1 '))?.code).toBe('2023-Q1');
    expect(await findPeriod(env.DB, '2031-Q1')).toBeNull(); // well formed, not seeded
    expect(await findPeriod(env.DB, 'Q1-2023')).toBeNull();
    expect(await findPeriod(env.DB, '')).toBeNull();
  });

  it('listPeriods gives one year by due date, or every year', async () => {
    const y2023 = await listPeriods(env.DB, 2023);
    expect(y2023.length).toBeGreaterThan(0);
    expect(y2023.every((p) => p.year === 2023)).toBe(true);
    const dues = y2023.map((p) => p.due);
    expect(dues).toEqual([...dues].sort());
    const all = await listPeriods(env.DB, null);
    expect(new Set(all.map((p) => p.year)).size).toBeGreaterThan(1);
    expect(await listPeriods(env.DB, 1999)).toEqual([]);
  });

  it('applyPeriodChange keeps a lock reason only while locked', () => {
    const open: PeriodRow = {
      code: '2023-Q2',
      year: 2023,
      kind: 'Q',
      cutoff_from: '2022-12-15',
      cutoff_to: '2023-06-14',
      due: '2023-06-16',
      grace_days: 3,
      locked: 0,
      lock_reason: null,
    };
    expect(applyPeriodChange(open, { lockReason: 'x' })).toMatchObject({ lock_reason: null });
    const locked = applyPeriodChange(open, { locked: true, lockReason: 'Đã tổng hợp' });
    expect(locked).toMatchObject({ locked: 1, lock_reason: 'Đã tổng hợp', due: '2023-06-16' });
    expect(applyPeriodChange(locked, { graceDays: 5 })).toMatchObject({
      locked: 1,
      lock_reason: 'Đã tổng hợp',
      grace_days: 5,
    });
    expect(applyPeriodChange(locked, { locked: false })).toMatchObject({
      locked: 0,
      lock_reason: null,
    });
  });

  it('updatePeriod returns the stored row and audits the row before and the change', async () => {
    const before = (await findPeriod(env.DB, '2023-Q3'))!;
    const change = { due: '2023-09-20', locked: true, lockReason: 'Khóa thử' };
    const after = await updatePeriod(env.DB, before, change, coordinator);
    expect(after).toMatchObject({ due: '2023-09-20', locked: 1, lock_reason: 'Khóa thử' });
    expect(await findPeriod(env.DB, '2023-Q3')).toEqual(after);
    const [audit] = await auditRows('period.update', '2023-Q3');
    expect(JSON.parse(audit!.details!)).toEqual({ before, patch: change });
    // One time, the database's at the write, on the row and in the log.
    const { updated_at } = (await env.DB.prepare('SELECT updated_at FROM periods WHERE code = ?')
      .bind('2023-Q3')
      .first<{ updated_at: string }>())!;
    expect(audit!.at).toBe(updated_at);
  });

  it('an update whose audit row fails changes nothing', async () => {
    const before = (await findPeriod(env.DB, '2023-Q4'))!;
    await breakAuditLog();
    await expectNoChange(() =>
      expect(updatePeriod(env.DB, before, { graceDays: 9 }, coordinator)).rejects.toThrow(
        /audit log unavailable/,
      ),
    );
  });
});

describe('db/reopenings', () => {
  it('reopen, again with a new reason, then close once', async () => {
    expect(await isReopenedFor(env.DB, '2023-H1', 'P-TP')).toBe(false);
    await reopen(env.DB, { period: '2023-H1', agency: 'P-TP', reason: 'Một' }, coordinator);
    // The time of the write (the database's), as stored and as audited.
    const at = (
      await reopen(env.DB, { period: '2023-H1', agency: 'P-TP', reason: 'Hai' }, coordinator)
    ).reopenedAt;
    expect(await isReopenedFor(env.DB, '2023-H1', 'P-TP')).toBe(true);
    expect(await isReopenedFor(env.DB, '2023-H1', 'P-VHTT')).toBe(false);
    expect(await reopeningsOf(env.DB, 'P-TP')).toContainEqual({
      period_code: '2023-H1',
      reason: 'Hai',
    });
    const mine = (await listReopenings(env.DB)).filter((r) => r.period_code === '2023-H1');
    expect(mine).toEqual([
      { period_code: '2023-H1', agency_code: 'P-TP', reason: 'Hai', created_at: at },
    ]);
    const audited = await auditRows('period.reopen', 'P-TP/2023-H1');
    expect(audited).toHaveLength(2);
    expect(audited[1]?.at).toBe(at);

    expect(await closeReopening(env.DB, '2023-H1', 'P-TP', coordinator)).toBe(true);
    expect(await isReopenedFor(env.DB, '2023-H1', 'P-TP')).toBe(false);
    expect(await closeReopening(env.DB, '2023-H1', 'P-TP', coordinator)).toBe(false);
    expect(await auditRows('period.close-reopening', 'P-TP/2023-H1')).toHaveLength(1);
  });

  it('closing a reopening that does not exist writes nothing', async () => {
    await expectNoChange(async () =>
      expect(await closeReopening(env.DB, '2023-M9', 'THON-01', coordinator)).toBe(false),
    );
  });
});
