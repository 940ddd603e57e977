// GET /api/plan, GET /api/agencies and PATCH /api/agencies/:code.
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
  plan,
} from './helpers.ts';

interface AgencyJson {
  code: string;
  name: string;
  shortName: string;
  kind: string;
  coordinator: boolean;
  placeholder: boolean;
  reports?: boolean;
}

describe('GET /api/plan', () => {
  it('returns the plan and every agency’s assignments, to any key', async () => {
    for (const key of [await issueKey('MTTQ'), await coordinatorKey()]) {
      const res = await api('/api/plan', { key });
      expect(res.status).toBe(200);
      const body = await res.json<{
        plan: { id: string; tasks: { id: string }[]; agencies: AgencyJson[] };
        assignments: Record<string, { taskId: string; role: string }[]>;
      }>();
      expect(body.plan.id).toBe(plan.def.id);
      expect(body.plan.tasks.map((t) => t.id)).toEqual(plan.def.tasks.map((t) => t.id));
      expect(body.plan.agencies.map((a) => a.code)).toEqual(plan.def.agencies.map((a) => a.code));
      expect(Object.keys(body.assignments).sort()).toEqual(plan.agencies.map((a) => a.code).sort());
      for (const a of plan.agencies) {
        expect(body.assignments[a.code], a.code).toEqual(
          plan.tasksFor(a.code).map((t) => ({ taskId: t.task.id, role: t.role })),
        );
      }
      expect(body.assignments['BTG-HU']).toEqual([]);
      expect(body.assignments['THON-01']?.length).toBe(18);
    }
  });

  it('shows agency names as the coordinator set them', async () => {
    const key = await coordinatorKey();
    const res = await api('/api/agencies/THON-05', {
      method: 'PATCH',
      key,
      json: { name: 'Thôn thử nghiệm Một', shortName: 'Thử nghiệm Một' },
    });
    expect(res.status).toBe(200);
    const body = await (await api('/api/plan', { key: await issueKey('P-TP') })).json<{
      plan: { agencies: AgencyJson[] };
    }>();
    const village = body.plan.agencies.find((a) => a.code === 'THON-05');
    expect(village).toMatchObject({
      name: 'Thôn thử nghiệm Một',
      shortName: 'Thử nghiệm Một',
      placeholder: false,
    });
  });
});

describe('GET /api/agencies', () => {
  it('lists the registry with who reports', async () => {
    const res = await api('/api/agencies', { key: await issueKey('P-GDDT') });
    expect(res.status).toBe(200);
    const { agencies } = await res.json<{ agencies: AgencyJson[] }>();
    expect(agencies.map((a) => a.code)).toEqual(plan.agencies.map((a) => a.code));
    const reporting = new Set(plan.reportingAgencies().map((a) => a.code));
    expect(reporting.size).toBe(16);
    for (const a of agencies) {
      expect(Object.keys(a).sort()).toEqual(
        ['code', 'coordinator', 'kind', 'name', 'placeholder', 'reports', 'shortName'].sort(),
      );
      expect(a.reports, a.code).toBe(reporting.has(a.code));
      expect(a.coordinator, a.code).toBe(a.code === COORDINATOR);
    }
    expect(agencies.find((a) => a.code === 'BTG-HU')?.reports).toBe(false);
    expect(agencies.find((a) => a.code === 'THON-06')).toMatchObject({
      kind: 'village',
      placeholder: true,
      reports: true,
    });
  });
});

describe('PATCH /api/agencies/:code', () => {
  it('renames a placeholder village and records it in audit_log', async () => {
    const key = await coordinatorKey();
    const res = await api('/api/agencies/THON-01', {
      method: 'PATCH',
      key,
      json: { name: '  Thôn thử nghiệm Hai  ', shortName: 'Thử nghiệm Hai' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      code: 'THON-01',
      name: 'Thôn thử nghiệm Hai',
      shortName: 'Thử nghiệm Hai',
      kind: 'village',
      coordinator: false,
      placeholder: false,
    });
    const row = await env.DB.prepare('SELECT * FROM agencies WHERE code = ?')
      .bind('THON-01')
      .first<Record<string, unknown>>();
    expect(row).toMatchObject({ name: 'Thôn thử nghiệm Hai', short_name: 'Thử nghiệm Hai' });
    const audit = await auditRows('agency.rename', 'THON-01');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toBe(`${COORDINATOR}/${key.slice(0, 12)}`);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({
      before: { name: 'Thôn 01 (chưa đặt tên)' },
      after: { name: 'Thôn thử nghiệm Hai', shortName: 'Thử nghiệm Hai' },
    });
    // The registry shows the new name.
    const { agencies } = await (await api('/api/agencies', { key })).json<{
      agencies: AgencyJson[];
    }>();
    expect(agencies.find((a) => a.code === 'THON-01')?.name).toBe('Thôn thử nghiệm Hai');
  });

  it('a new name alone also sets the short name (at most 40 characters)', async () => {
    const key = await coordinatorKey();
    const name = 'Thôn Bắc, xã An Hải, huyện Lý Sơn, tỉnh Quảng Ngãi';
    const res = await api('/api/agencies/THON-02', { method: 'PATCH', key, json: { name } });
    expect(res.status).toBe(200);
    const body = await res.json<AgencyJson>();
    expect(body.name).toBe(name);
    expect(body.shortName).toBe(name.slice(0, 40));
  });

  it('a short name alone keeps the name', async () => {
    const key = await coordinatorKey();
    const before = await env.DB.prepare('SELECT name FROM agencies WHERE code = ?')
      .bind('P-TP')
      .first<{ name: string }>();
    const res = await api('/api/agencies/P-TP', {
      method: 'PATCH',
      key,
      json: { shortName: 'Tư pháp' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: before?.name, shortName: 'Tư pháp' });
  });

  it('an unknown agency is 404 and changes nothing', async () => {
    const key = await coordinatorKey();
    for (const code of ['NOPE', 'thon-01', 'THON-07']) {
      const body = await expectNoChange(async () =>
        expectError(
          await api(`/api/agencies/${code}`, { method: 'PATCH', key, json: { name: 'X' } }),
          'NOT_FOUND',
        ),
      );
      expect(body.error.message.en).toContain(code);
    }
  });

  it('invalid bodies are 400 naming the field, and change nothing', async () => {
    const key = await coordinatorKey();
    const cases: [unknown, string][] = [
      [{}, '(body)'],
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 42 }, 'name'],
      [{ shortName: 'x'.repeat(41) }, 'shortName'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ name: 'Thôn A', kind: 'office' }, '(body)'],
      [[], '(body)'],
    ];
    for (const [json, field] of cases) {
      const body = await expectNoChange(async () =>
        expectError(
          await api('/api/agencies/THON-04', { method: 'PATCH', key, json }),
          'INVALID_REQUEST',
        ),
      );
      expect(issueFields(body), JSON.stringify(json)).toContain(field);
    }
  });
});
