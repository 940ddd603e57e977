// GET /api/periods/{period}/carry-forward?agency=CODE (the agency itself or
// the coordinator): what the agency starts the period's sheet from, and what
// the validator compares it with for REGRESSION warnings.
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { carryForward } from '../lib/carry-forward.ts';
import { plan } from '../plan.ts';
import { agencyQuery, readableReport } from './lookups.ts';

export const carryForwardRoutes = new Hono<AppEnv>().get('/:period/carry-forward', async (c) => {
  const db = c.env.DB;
  const code = agencyQuery(c.req.query('agency'));
  const { period, agency } = await readableReport(
    db,
    c.get('principal'),
    c.req.param('period'),
    code,
  );
  return c.json(await carryForward(db, plan, agency.code, period.code));
});
