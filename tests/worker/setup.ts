// Each test file starts from the migrated schema and the plan's seed data.
// All files run in one workerd with one D1 (isolate: false in
// vitest.config.ts: a workerd per file cost ~3 s each), so the tables the
// previous file left are dropped first and the migrations run again.
import { applyD1Migrations, env } from 'cloudflare:test';
import { lySon58 } from '../../shared/plan/index.ts';
import { seedStatements } from '../../worker/src/db/seed.ts';

const { results: tables } = await env.DB.prepare(
  "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
).all<{ name: string }>();
if (tables.length) {
  // One transaction; foreign keys are checked at its end, when every table is gone.
  await env.DB.batch([
    env.DB.prepare('PRAGMA defer_foreign_keys = on'),
    ...tables.map((t) => env.DB.prepare(`DROP TABLE "${t.name}"`)),
  ]);
}
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await env.DB.batch(
  seedStatements(lySon58, '2026-01-01T00:00:00.000Z').map((s) =>
    env.DB.prepare(s.sql).bind(...s.params),
  ),
);
