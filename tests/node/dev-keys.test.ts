// .dev-keys.json: which keys npm start issues, reading and writing the file,
// keeping existing keys, and telling whether the database holds a key.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyRow } from '../../scripts/lib/access-keys.ts';
import {
  type DevKey,
  fillSlots,
  keyState,
  parseDevKeys,
  prefixOf,
  readDevKeys,
  wantedSlots,
  writeDevKeys,
} from '../../scripts/lib/dev-keys.ts';
import { ScriptError } from '../../scripts/lib/messages.ts';
import { parseStartArgs } from '../../scripts/lib/start-args.ts';
import { lySon58 } from '../../shared/plan/index.ts';
import { KEY_PATTERN } from '../../worker/src/lib/keys.ts';

const k = (agency: string, role: DevKey['role'], c: string): DevKey => ({
  agency,
  role,
  key: `lsk_${c.repeat(8)}_${c.repeat(32)}`,
});

describe('wantedSlots', () => {
  it('is the coordinator key, then one agency key per reporting agency', () => {
    const slots = wantedSlots(lySon58);
    expect(slots[0]).toEqual({ agency: 'BTC-NV-LDTBXH', role: 'coordinator' });
    expect(slots.slice(1)).toEqual(
      lySon58.reportingAgencies().map((a) => ({ agency: a.code, role: 'agency' })),
    );
    expect(slots).toHaveLength(17); // 16 reporting bodies + the coordinator key
    expect(slots.some((s) => s.agency === 'BTG-HU')).toBe(false); // named, but no task
  });
});

describe('fillSlots', () => {
  const wanted = [
    { agency: 'BTC-NV-LDTBXH', role: 'coordinator' as const },
    { agency: 'P-TP', role: 'agency' as const },
    { agency: 'THON-01', role: 'agency' as const },
  ];
  let n = 0;
  const gen = () => ({ key: `lsk_${'z'.repeat(8)}_${String(++n).padStart(32, '2')}` });

  it('issues every key when there is no file', () => {
    const { keys, fresh } = fillSlots(wanted, [], gen);
    expect(keys.map(({ agency, role }) => ({ agency, role }))).toEqual(wanted);
    expect(fresh).toEqual(keys);
  });

  it('keeps existing keys, issues the missing, drops slots no longer wanted', () => {
    const old = [
      k('P-TP', 'agency', 'a'),
      k('GONE', 'agency', 'b'),
      k('BTC-NV-LDTBXH', 'coordinator', 'c'),
    ];
    const { keys, fresh } = fillSlots(wanted, old, gen);
    expect(keys[0]).toBe(old[2]);
    expect(keys[1]).toBe(old[0]);
    expect(fresh).toEqual([keys[2]]);
    expect(keys[2]?.agency).toBe('THON-01');
  });

  it('generates real keys by default', () => {
    const { keys } = fillSlots(wanted, []);
    for (const x of keys) expect(x.key).toMatch(KEY_PATTERN);
    expect(new Set(keys.map(prefixOf)).size).toBe(3);
  });
});

describe('the file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ls-devkeys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips as a JSON list of { agency, role, key }, readable by its owner only', () => {
    const file = join(dir, '.dev-keys.json');
    expect(readDevKeys(file)).toBeUndefined();
    const keys = [k('BTC-NV-LDTBXH', 'coordinator', 'a'), k('P-TP', 'agency', 'b')];
    writeDevKeys(keys, file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(keys);
    expect(readDevKeys(file)).toEqual(keys);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('tightens the permissions of an existing file', () => {
    const file = join(dir, 'keys.json');
    writeFileSync(file, '[]', { mode: 0o644 });
    writeDevKeys([], file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['not json', /is not valid JSON; delete it/],
    ['{}', /is not a list of \{ agency, role, key \} \(at \(root\)\)/],
    ['[{"agency":"P-TP","role":"boss","key":"x"}]', /\(at 0\.role\)/],
    ['[{"agency":"P-TP","role":"agency","key":"lsk_short"}]', /\(at 0\.key\)/],
  ])('refuses %j with a bilingual message', (text, en) => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, text);
    expect(() => readDevKeys(file)).toThrow(ScriptError);
    try {
      parseDevKeys(text, file);
    } catch (e) {
      expect((e as ScriptError).en).toMatch(en);
      expect((e as ScriptError).vi).toContain(file);
    }
  });

  it('ignores extra fields', () => {
    const key = k('P-TP', 'agency', 'a');
    expect(parseDevKeys(JSON.stringify([{ ...key, note: 'x' }]))).toEqual([key]);
  });
});

describe('keyState', () => {
  const key = k('P-TP', 'agency', 'a');
  const row: KeyRow = {
    prefix: 'lsk_aaaaaaaa',
    hash: 'h1',
    agency_code: 'P-TP',
    role: 'agency',
    label: null,
    created_at: 'x',
    created_by: 'x',
    revoked_at: null,
  };
  it('ok, missing, revoked, mismatch', () => {
    expect(keyState(key, 'h1', row)).toBe('ok');
    expect(keyState(key, 'h1', undefined)).toBe('missing');
    expect(keyState(key, 'h1', { ...row, revoked_at: '2026-01-01' })).toBe('revoked');
    expect(keyState(key, 'h2', row)).toBe('mismatch');
    expect(keyState(key, 'h1', { ...row, agency_code: 'P-GDDT' })).toBe('mismatch');
    expect(keyState(key, 'h1', { ...row, role: 'coordinator' })).toBe('mismatch');
  });
});

describe('parseStartArgs', () => {
  it('defaults: port 8787, .wrangler/state, .dev-keys.json in the project root', () => {
    const o = parseStartArgs([]);
    expect(o).toMatchObject({ port: 8787, persistTo: undefined, setupOnly: false, help: false });
    expect(o.devKeysFile).toMatch(/\/\.dev-keys\.json$/);
  });
  it('options, relative paths resolved against the working directory', () => {
    expect(
      parseStartArgs(
        ['--port', '9000', '--persist-to', 'st', '--dev-keys', '/k.json', '--setup-only'],
        '/w',
      ),
    ).toEqual({
      port: 9000,
      persistTo: '/w/st',
      devKeysFile: '/k.json',
      setupOnly: true,
      https: false,
      help: false,
    });
  });
  it.each([[['--port', 'x']], [['--port', '70000']], [['--frob']], [['extra']]])(
    'refuses %j',
    (argv) => {
      expect(() => parseStartArgs(argv)).toThrow(ScriptError);
    },
  );
});
