// `npm run start:https` needs the trusted localhost certificate that
// `npm run certs` (office-addin-dev-certs) installs; without it, it stops at
// once with the command to run, before building or touching the database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseStartArgs } from '../../scripts/lib/start-args.ts';
import { ROOT } from '../../scripts/lib/wrangler.ts';

it('parses --https', () => {
  expect(parseStartArgs(['--https']).https).toBe(true);
  expect(parseStartArgs([]).https).toBe(false);
});

it('stops with "npm run certs" when the certificate is missing', () => {
  const home = mkdtempSync(join(tmpdir(), 'lyson-home-'));
  const state = join(home, 'state');
  try {
    const r = spawnSync(
      process.execPath,
      ['scripts/start.ts', '--https', '--persist-to', state, '--dev-keys', join(home, 'k.json')],
      { cwd: ROOT, env: { ...process.env, HOME: home, NO_COLOR: '1' }, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr + r.stdout).toContain('npm run certs');
    expect(r.stderr + r.stdout).toContain('.office-addin-dev-certs');
    // Nothing was set up.
    expect(spawnSync('test', ['-e', state]).status).toBe(1);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
