// npm start's early refusals. `npm run start:https` needs the trusted localhost certificate that
// `npm run certs` (office-addin-dev-certs) installs; without it, it stops at
// once with the command to run, before building or touching the database;
// so does any start on a port another program holds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
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

it('stops, in both languages, when the port is taken, before building or touching the database', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lyson-port-'));
  const state = join(dir, 'state');
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, resolve));
  const port = (taken.address() as AddressInfo).port;
  try {
    const r = spawnSync(
      process.execPath,
      [
        'scripts/start.ts',
        '--port',
        String(port),
        '--persist-to',
        state,
        '--dev-keys',
        join(dir, 'k.json'),
      ],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Cổng ${port} đang bận`);
    expect(r.stderr).toContain(`Port ${port} is in use`);
    expect(r.stdout).not.toContain('Building');
    expect(spawnSync('test', ['-e', state]).status).toBe(1);
  } finally {
    await new Promise((resolve) => taken.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});
