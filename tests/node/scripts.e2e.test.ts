// End to end, against a throwaway local D1 (--persist-to a temporary
// directory: the developer's .wrangler/state and .dev-keys.json are never
// touched). Each wrangler call takes a second or two, so this file makes few:
// npm start's setup twice, one key issued, one query.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { d1Execute } from '../../scripts/lib/wrangler.ts';
import { hashKey } from '../../worker/src/lib/keys.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ls-e2e-'));
const devKeys = join(dir, 'dev-keys.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [join(ROOT, 'scripts', script), ...args],
      { cwd: ROOT, timeout: 90_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}

const setup = () => run('start.ts', ['--setup-only', '--persist-to', dir, '--dev-keys', devKeys]);

describe('npm start (setup) and npm run keys on a throwaway local D1', () => {
  it('migrates, seeds and issues the development keys; a second run reuses them', async () => {
    const first = await setup();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Applied 0001_init.sql');
    expect(first.stdout).toContain('17 agencies, 72 periods');
    expect(first.stdout).toContain('Issued 17 new keys');
    const keys = JSON.parse(readFileSync(devKeys, 'utf8')) as { role: string; key: string }[];
    const coordinator = keys.find((k) => k.role === 'coordinator');
    expect(first.stdout).toContain(`Coordinator key (BTC-NV-LDTBXH): ${coordinator?.key}`);

    const second = await setup();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('No new migrations');
    expect(second.stdout).toContain('Keys: 17 reused, 0 re-inserted, 0 new');
    expect(JSON.parse(readFileSync(devKeys, 'utf8'))).toEqual(keys);
  });

  it('keys issue P-TP prints a key once and stores its hash', async () => {
    const r = await run('keys.ts', ['issue', 'P-TP', '--label', "O'Brien'", '--persist-to', dir]);
    expect(r.code, r.stderr).toBe(0);
    const key = /^\s*(lsk_[a-z2-9]{8}_[a-z2-9]{32})\s*$/m.exec(r.stdout)?.[1];
    expect(key, r.stdout).toBeDefined();
    const prefix = key!.slice(0, 12);
    const results = await d1Execute(
      { persistTo: dir },
      `SELECT prefix, hash, agency_code, role, label, revoked_at FROM access_keys WHERE prefix = '${prefix}';
       SELECT action, target FROM audit_log WHERE target = '${prefix}'`,
    );
    expect(results[0]).toEqual([
      {
        prefix,
        hash: await hashKey(key!),
        agency_code: 'P-TP',
        role: 'agency',
        label: "O'Brien'",
        revoked_at: null,
      },
    ]);
    expect(results[1]).toEqual([{ action: 'key.issue', target: prefix }]);
  });

  it('refuses an unknown agency or a coordinator key for P-TP before calling wrangler', async () => {
    const unknown = await run('keys.ts', ['issue', 'NOPE', '--persist-to', dir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Không có cơ quan mã “NOPE”');
    expect(unknown.stderr).toContain('There is no agency with code “NOPE”');
    const role = await run('keys.ts', ['issue', 'P-TP', '--coordinator', '--persist-to', dir]);
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('can hold a coordinator key; P-TP cannot');
  });
});
