// npm run seed: the plan's agencies and periods into a D1 database, safe to
// run again (a deployment runs it with --remote after its migrations).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { applyMigrations, d1Execute, ROOT } from '../../scripts/lib/wrangler.ts';
import { lySon58 } from '../../shared/plan/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'lyson-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seed = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/seed.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

it('seeds once and keeps the coordinator’s edits on a second run', async () => {
  await applyMigrations({ persistTo: dir });
  expect(seed('--persist-to', dir).status).toBe(0);
  await d1Execute(
    { persistTo: dir },
    "UPDATE agencies SET name = 'Thôn Đông (đã đặt tên)' WHERE code = 'THON-01';",
  );
  const again = seed('--persist-to', dir);
  expect(again.status).toBe(0);
  expect(again.stdout).toContain(`${lySon58.agencies.length} agencies`);
  const rows = await d1Execute(
    { persistTo: dir },
    "SELECT name FROM agencies WHERE code = 'THON-01'",
  );
  expect(rows.at(-1)).toEqual([{ name: 'Thôn Đông (đã đặt tên)' }]);
});

it('refuses --remote with --persist-to', () => {
  const r = seed('--remote', '--persist-to', dir);
  expect(r.status).toBe(1);
  expect(r.stderr + r.stdout).toContain('--remote and --persist-to exclude each other');
});
