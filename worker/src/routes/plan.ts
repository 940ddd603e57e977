// The plan (with the agency names as the coordinator set them), who the key
// belongs to, and the agency registry.
import { Hono } from 'hono';
import { type AgencyRow, listAgencies, renameAgency } from '../db/agencies.ts';
import type { AppEnv } from '../env.ts';
import { requireCoordinator } from '../middleware/auth.ts';
import { jsonBody, limitBody } from '../middleware/json.ts';
import { plan } from '../plan.ts';
import { AgencyPatchSchema } from '../schemas.ts';
import { agencyOr404 } from './lookups.ts';

function agencyJson(a: AgencyRow) {
  return {
    code: a.code,
    name: a.name,
    shortName: a.short_name,
    kind: a.kind,
    coordinator: a.is_coordinator === 1,
    placeholder: a.placeholder === 1,
  };
}

export const planRoutes = new Hono<AppEnv>()
  .get('/plan', async (c) => {
    const names = new Map((await listAgencies(c.env.DB)).map((a) => [a.code, a]));
    const agencies = plan.def.agencies.map((a) => {
      const row = names.get(a.code);
      return row
        ? { ...a, name: row.name, shortName: row.short_name, placeholder: row.placeholder === 1 }
        : a;
    });
    const assignments = Object.fromEntries(
      plan.agencies.map((a) => [
        a.code,
        plan.tasksFor(a.code).map((t) => ({ taskId: t.task.id, role: t.role })),
      ]),
    );
    return c.json({ plan: { ...plan.def, agencies }, assignments });
  })

  .get('/me', async (c) => {
    const principal = c.get('principal');
    const agency = await agencyOr404(c.env.DB, principal.agencyCode);
    return c.json({
      role: principal.role,
      keyPrefix: principal.keyPrefix,
      label: principal.label,
      agency: agencyJson(agency),
      tasks: plan.tasksFor(agency.code).map((t) => ({ taskId: t.task.id, role: t.role })),
    });
  })

  .get('/agencies', async (c) => {
    const expected = new Set(plan.reportingAgencies().map((a) => a.code));
    const rows = await listAgencies(c.env.DB);
    return c.json({
      agencies: rows.map((a) => ({ ...agencyJson(a), reports: expected.has(a.code) })),
    });
  })

  .patch(
    '/agencies/:code',
    requireCoordinator,
    limitBody,
    jsonBody(AgencyPatchSchema),
    async (c) => {
      const agency = await agencyOr404(c.env.DB, c.req.param('code'));
      const patch = c.req.valid('json');
      const name = patch.name ?? agency.name;
      const shortName =
        patch.shortName ?? (patch.name ? patch.name.slice(0, 40) : agency.short_name);
      const renamed = await renameAgency(
        c.env.DB,
        agency,
        { name, shortName },
        c.get('principal'),
        c.get('now'),
      );
      return c.json(agencyJson(renamed));
    },
  );
