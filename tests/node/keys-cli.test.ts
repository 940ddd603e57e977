// npm run keys: argument parsing and the checks made before any database is touched.
import { describe, expect, it } from 'vitest';
import {
  checkIssue,
  formatKeyList,
  LABEL_MAX,
  parseKeysArgs,
  UsageError,
} from '../../scripts/lib/keys-cli.ts';
import { ScriptError } from '../../scripts/lib/messages.ts';
import { lySon58 } from '../../shared/plan/index.ts';

describe('parseKeysArgs', () => {
  it('issue: agency key on the local database by default', () => {
    expect(parseKeysArgs(['issue', 'P-TP'])).toEqual({
      cmd: 'issue',
      agency: 'P-TP',
      role: 'agency',
      label: null,
      target: {},
    });
  });

  it('issue: --coordinator, --label (whitespace folded), --remote, code case-folded', () => {
    expect(
      parseKeysArgs([
        'issue',
        ' btc-nv-ldtbxh ',
        '--coordinator',
        '--label',
        '  Chị  Lan ',
        '--remote',
      ]),
    ).toEqual({
      cmd: 'issue',
      agency: 'BTC-NV-LDTBXH',
      role: 'coordinator',
      label: 'Chị Lan',
      target: { remote: true },
    });
    expect(parseKeysArgs(['issue', 'P-TP', '--label=x']).cmd).toBe('issue');
  });

  it('--persist-to gives an absolute local directory', () => {
    const c = parseKeysArgs(['list', '--persist-to', '/tmp/x']);
    expect(c).toEqual({ cmd: 'list', target: { persistTo: '/tmp/x' } });
    const rel = parseKeysArgs(['list', '--persist-to', 'rel/dir']);
    expect(rel.cmd === 'list' && rel.target.persistTo).toMatch(/^\/.*rel\/dir$/);
  });

  it('revoke takes a prefix or a whole key', () => {
    expect(parseKeysArgs(['revoke', 'lsk_abcdefgh'])).toEqual({
      cmd: 'revoke',
      prefix: 'lsk_abcdefgh',
      target: {},
    });
    const key = `lsk_abcdefgh_${'a'.repeat(32)}`;
    expect(parseKeysArgs(['revoke', key, '--remote'])).toEqual({
      cmd: 'revoke',
      prefix: 'lsk_abcdefgh',
      target: { remote: true },
    });
  });

  it('help with no command, help or -h', () => {
    expect(parseKeysArgs([])).toEqual({ cmd: 'help' });
    expect(parseKeysArgs(['--help'])).toEqual({ cmd: 'help' });
    expect(parseKeysArgs(['issue', '-h'])).toEqual({ cmd: 'help' });
  });

  it.each([
    [['frob'], /Unknown command “frob”/],
    [['issue'], /issue takes exactly one <agency-code>/],
    [['issue', 'P-TP', 'P-GDDT'], /exactly one/],
    [['list', 'extra'], /list takes no arguments/],
    [['revoke', "lsk_x'; DROP"], /is not a key prefix/],
    [['revoke', 'lsk_ABCDEFGH'], /is not a key prefix/],
    [['list', '--coordinator'], /go with issue only/],
    [['revoke', 'lsk_abcdefgh', '--label', 'x'], /go with issue only/],
    [['issue', 'P-TP', '--label', '   '], new RegExp(`1–${LABEL_MAX} characters`)],
    [['issue', 'P-TP', '--label', 'x'.repeat(LABEL_MAX + 1)], /characters/],
    [['list', '--remote', '--persist-to', '/tmp/x'], /cannot go with --remote/],
    [['list', '--frob'], /Invalid arguments/],
    [['issue', 'P-TP', '--label'], /Invalid arguments/],
  ])('refuses %j with a bilingual usage error', (argv, en) => {
    let error: unknown;
    try {
      parseKeysArgs(argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    const e = error as UsageError;
    expect(e.exitCode).toBe(1);
    expect(e.en).toMatch(en);
    expect(e.vi).not.toBe(e.en);
  });
});

describe('checkIssue', () => {
  it('accepts any agency of the plan, and a coordinator key for the coordinator', () => {
    expect(() => checkIssue(lySon58, 'P-TP', 'agency')).not.toThrow();
    expect(() => checkIssue(lySon58, 'BTG-HU', 'agency')).not.toThrow();
    expect(() => checkIssue(lySon58, 'BTC-NV-LDTBXH', 'coordinator')).not.toThrow();
  });

  it('refuses an unknown code, naming the known ones', () => {
    expect(() => checkIssue(lySon58, 'NOPE', 'agency')).toThrow(ScriptError);
    expect(() => checkIssue(lySon58, 'NOPE', 'agency')).toThrow(/Không có cơ quan mã “NOPE”/);
    expect(() => checkIssue(lySon58, 'NOPE', 'agency')).toThrow(/Codes: BTC-NV-LDTBXH, /);
  });

  it('refuses a coordinator key for another agency', () => {
    expect(() => checkIssue(lySon58, 'P-TP', 'coordinator')).toThrow(
      /Only the coordinating office \(BTC-NV-LDTBXH\) can hold a coordinator key; P-TP cannot/,
    );
  });
});

describe('formatKeyList', () => {
  it('aligns columns and counts active keys', () => {
    const row = {
      hash: 'h',
      created_by: 'x',
      created_at: '2026-11-26T21:13:26.665Z',
      role: 'agency',
    };
    const out = formatKeyList([
      { ...row, prefix: 'lsk_aaaaaaaa', agency_code: 'P-TP', label: 'A', revoked_at: null },
      {
        ...row,
        prefix: 'lsk_bbbbbbbb',
        agency_code: 'BTC-NV-LDTBXH',
        label: null,
        revoked_at: '2026-11-27T01:02:03.000Z',
      },
    ]);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^prefix\s+agency\s+role\s+created\s+revoked\s+label$/);
    expect(lines[1]).toBe(
      'lsk_aaaaaaaa  P-TP           agency  2026-11-26 21:13  -                 A',
    );
    expect(lines[2]).toContain('2026-11-27 01:02');
    expect(lines[3]).toBe('2 khóa, 1 đang dùng / 2 keys, 1 active');
    expect(formatKeyList([])).toMatch(/No keys yet/);
  });
});
