// db/agencies.ts on its own, against the real local D1: null for an unknown
// code, the plan's order, a rename stored with its audit row or not at all.
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { findAgency, listAgencies, renameAgency } from '../../../worker/src/db/agencies.ts';
import {
  auditRows,
  breakAuditLog,
  expectNoChange,
  plan,
  repairAuditLog,
  testActor,
} from '../helpers.ts';

afterEach(repairAuditLog);

describe('db/agencies', () => {
  it('findAgency gives the row, or null for an unknown code', async () => {
    expect(await findAgency(env.DB, 'P-TP')).toMatchObject({ code: 'P-TP', is_coordinator: 0 });
    expect(await findAgency(env.DB, 'NOPE')).toBeNull();
    expect(await findAgency(env.DB, '')).toBeNull();
  });

  it('listAgencies gives every agency of the plan in its order', async () => {
    const rows = await listAgencies(env.DB);
    expect(rows.map((r) => r.code)).toEqual(plan.agencies.map((a) => a.code));
  });

  it('renameAgency stores the names, ends the placeholder and audits before/after at updated_at', async () => {
    const before = await findAgency(env.DB, 'THON-03');
    expect(before?.placeholder).toBe(1);
    const actor = testActor('BTC-NV-LDTBXH');
    const renamed = await renameAgency(
      env.DB,
      before!,
      { name: 'Thôn Ba (thử)', shortName: 'Thôn Ba' },
      actor,
    );
    expect(renamed).toMatchObject({ code: 'THON-03', name: 'Thôn Ba (thử)', placeholder: 0 });
    expect(await findAgency(env.DB, 'THON-03')).toEqual(renamed);
    const [audit] = await auditRows('agency.rename', 'THON-03');
    const at = renamed.updated_at;
    expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(audit).toMatchObject({ at, actor: 'BTC-NV-LDTBXH/lsk_dbtest00' });
    expect(JSON.parse(audit!.details!)).toEqual({
      before: { name: before!.name, shortName: before!.short_name },
      after: { name: 'Thôn Ba (thử)', shortName: 'Thôn Ba' },
    });
  });

  it('a rename whose audit row fails leaves the agency as it was', async () => {
    const before = (await findAgency(env.DB, 'THON-04'))!;
    await breakAuditLog();
    await expectNoChange(() =>
      expect(
        renameAgency(env.DB, before, { name: 'X', shortName: 'X' }, testActor('P-TP')),
      ).rejects.toThrow(/audit log unavailable/),
    );
  });
});
