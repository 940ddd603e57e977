// Each test file starts from the migrated schema and the plan's seed data.
import { applyD1Migrations, env } from 'cloudflare:test';
import { lySon58 } from '../../shared/plan/index.ts';
import { seedStatements } from '../../worker/src/db/seed.ts';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await env.DB.batch(
  seedStatements(lySon58, '2026-01-01T00:00:00.000Z').map((s) =>
    env.DB.prepare(s.sql).bind(...s.params),
  ),
);
