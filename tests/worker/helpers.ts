// Test helpers: issue real keys into the test D1, call the app through workerd.
import { env, SELF } from 'cloudflare:test';
import { buildLayout, layoutToGrid } from '../../shared/layout/index.ts';
import { getPeriod } from '../../shared/periods/index.ts';
import { lySon58 } from '../../shared/plan/index.ts';
import type { Submission } from '../../shared/submission/schema.ts';
import { validate } from '../../shared/validate/index.ts';
import { generateKey, hashKey } from '../../worker/src/lib/keys.ts';

export const plan = lySon58;
export const COORDINATOR = 'BTC-NV-LDTBXH';

export async function issueKey(
  agency: string,
  role: 'agency' | 'coordinator' = 'agency',
  label?: string,
) {
  const { key, prefix } = generateKey();
  await env.DB.prepare(
    `INSERT INTO access_keys (id, prefix, hash, agency_code, role, label, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'test')`,
  )
    .bind(
      crypto.randomUUID(),
      prefix,
      await hashKey(key),
      agency,
      role,
      label ?? `${agency} test`,
      new Date().toISOString(),
    )
    .run();
  return key;
}

export function api(path: string, init: RequestInit & { key?: string; json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  if (init.key) headers.set('authorization', `Bearer ${init.key}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  return SELF.fetch(`https://example.com${path}`, { ...init, headers, body });
}

/** A valid Submission for an agency and period, made the way the add-in makes it. */
export function validSubmission(agency: string, period = '2026-Q1', note = ''): Submission {
  const layout = buildLayout(plan, agency, getPeriod(period));
  const grid = layoutToGrid(layout, (t) => ({
    status: 'Đang triển khai',
    percent: 50,
    result: `Đã triển khai ${t.taskId}${note}`,
  }));
  const r = validate({ values: grid }, { plan, agency, period });
  if (!r.submission) throw new Error(JSON.stringify(r.findings));
  return r.submission;
}

/** Row counts of every table: proof that a refused request changed nothing. */
export async function snapshot() {
  const tables = [
    'agencies',
    'access_keys',
    'periods',
    'period_reopenings',
    'submissions',
    'reviews',
    'audit_log',
  ];
  const counts: Record<string, unknown> = {};
  for (const t of tables) {
    counts[t] = (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${t}`).first<{ n: number }>())?.n;
  }
  counts.periodsState = (
    await env.DB.prepare(
      'SELECT code, due, grace_days, locked, lock_reason FROM periods ORDER BY code',
    ).all()
  ).results;
  return counts;
}
