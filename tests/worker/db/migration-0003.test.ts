// Migration 0003 on a database that already holds reviews: the rebuilt
// reviews table keeps every row and its rowid (ties of created_at are read in
// rowid order), and its CHECK now admits 'reopened' and nothing else new.
import { applyD1Migrations, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { lySon58 } from '../../../shared/plan/index.ts';
import { reviewsOfReport } from '../../../worker/src/db/reviews.ts';
import { seedStatements } from '../../../worker/src/db/seed.ts';
import { history, reviewState } from '../../../worker/src/db/submissions.ts';

async function dropAll() {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
  ).all<{ name: string }>();
  await env.DB.batch([
    env.DB.prepare('PRAGMA defer_foreign_keys = on'),
    ...results.map((t) => env.DB.prepare(`DROP TABLE "${t.name}"`)),
  ]);
}

const seed = () =>
  env.DB.batch(
    seedStatements(lySon58, '2026-01-01T00:00:00.000Z').map((s) =>
      env.DB.prepare(s.sql).bind(...s.params),
    ),
  );

describe('migration 0003 (reviews rebuilt, review_notes)', () => {
  it('keeps the reviews written before it, in order, and widens the state CHECK', async () => {
    const before = env.TEST_MIGRATIONS.filter((m) => !m.name.startsWith('0003'));
    expect(before.length).toBe(env.TEST_MIGRATIONS.length - 1);
    await dropAll();
    await applyD1Migrations(env.DB, before);
    await seed();
    const at = '2026-03-20T01:00:00.000Z';
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO submissions (id, agency_code, period_code, version, received_at, submitted_by,
           key_prefix, content_hash, payload, warnings)
         VALUES ('s1', 'P-TP', '2026-Q1', 1, ?1, 'x', 'lsk_x', 'h', '{"rows":[]}', '[]')`,
      ).bind(at),
      // Same created_at: only the rowid says which came last (the accept).
      env.DB.prepare(
        "INSERT INTO reviews (id, submission_id, state, comment, reviewer, created_at) VALUES ('r-b', 's1', 'returned', 'Sửa', 'A', ?1)",
      ).bind(at),
      env.DB.prepare(
        "INSERT INTO reviews (id, submission_id, state, comment, reviewer, created_at) VALUES ('r-a', 's1', 'accepted', NULL, 'B', ?1)",
      ).bind(at),
    ]);
    const rowsBefore = (await env.DB.prepare('SELECT rowid, * FROM reviews ORDER BY rowid').all())
      .results;

    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

    expect(
      (await env.DB.prepare('SELECT rowid, * FROM reviews ORDER BY rowid').all()).results,
    ).toEqual(rowsBefore);
    const [latest] = await history(env.DB, 'P-TP', '2026-Q1');
    expect(latest && reviewState(latest)).toBe('accepted');
    const reviews = await reviewsOfReport(env.DB, 'P-TP', '2026-Q1');
    expect(reviews.get('s1')?.map((r) => [r.state, r.reviewer])).toEqual([
      ['returned', 'A'],
      ['accepted', 'B'],
    ]);
    await env.DB.prepare(
      "INSERT INTO reviews (id, submission_id, state, comment, reviewer, created_at) VALUES ('r-c', 's1', 'reopened', 'Lý do', 'B', ?1)",
    )
      .bind(at)
      .run();
    await expect(
      env.DB.prepare(
        "INSERT INTO reviews (id, submission_id, state, comment, reviewer, created_at) VALUES ('r-d', 's1', 'rejected', NULL, 'B', ?1)",
      )
        .bind(at)
        .run(),
    ).rejects.toThrow(/CHECK/);
    // A note must belong to a review and name a fillable column.
    await expect(
      env.DB.prepare(
        "INSERT INTO review_notes (review_id, ord, task_id, field, text) VALUES ('r-c', 0, 'I.1', 'role', 'x')",
      ).run(),
    ).rejects.toThrow(/CHECK/);
    await expect(
      env.DB.prepare(
        "INSERT INTO review_notes (review_id, ord, task_id, field, text) VALUES ('nope', 0, 'I.1', NULL, 'x')",
      ).run(),
    ).rejects.toThrow(/FOREIGN KEY/);
    const [now] = await history(env.DB, 'P-TP', '2026-Q1');
    expect(now && reviewState(now)).toBe('received');
  });
});
