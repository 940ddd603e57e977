// The plan (with the agency names as the coordinator set them), who the key
// belongs to, and the agency registry.
import { Hono } from 'hono';
import { foldLoose } from '../../../shared/text/normalize.ts';
import { type AgencyRow, listAgencies, renameAgency } from '../db/agencies.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { agencyNamed } from '../lib/names.ts';
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
      // Names come first and codes second everywhere: two agencies may not read alike.
      const same = (a: string, b: string) => foldLoose(a) === foldLoose(b);
      for (const other of await listAgencies(c.env.DB)) {
        if (other.code === agency.code) continue;
        const field = same(other.name, name)
          ? 'name'
          : same(other.short_name, shortName)
            ? 'shortName'
            : null;
        if (field) {
          throw new ApiError(
            'CONFLICT',
            {
              vi: `Tên “${field === 'name' ? name : shortName}” đã là tên của ${agencyNamed(other)}: hãy chọn tên khác.`,
              en: `“${field === 'name' ? name : shortName}” is already the name of ${agencyNamed(other)}: choose another.`,
            },
            { field, agency: other.code },
          );
        }
      }
      const renamed = await renameAgency(c.env.DB, agency, { name, shortName }, c.get('principal'));
      return c.json(agencyJson(renamed));
    },
  );
