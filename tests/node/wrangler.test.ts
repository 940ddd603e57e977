// Reading `wrangler d1 execute --json` output and choosing the database flags.
import { describe, expect, it } from 'vitest';
import { parseD1Json, targetFlags, WranglerError } from '../../scripts/lib/wrangler.ts';

describe('parseD1Json', () => {
  it("returns each statement's rows (wrangler 4.156 prints a newline before the JSON)", () => {
    const out = `\n${JSON.stringify([
      { results: [], success: true, meta: { duration: 0 } },
      { results: [{ n: 17 }], success: true, meta: { duration: 0 } },
    ])}\n`;
    expect(parseD1Json(out)).toEqual([[], [{ n: 17 }]]);
  });

  it('skips text printed before the JSON', () => {
    expect(parseD1Json('warning: something\n[{"results":[{"a":1}],"success":true}]')).toEqual([
      [{ a: 1 }],
    ]);
  });

  it("throws wrangler's own message for an error object", () => {
    const out = '\n{\n  "error": {\n    "text": "no such table: nope: SQLITE_ERROR"\n  }\n}\n';
    expect(() => parseD1Json(out)).toThrow(WranglerError);
    expect(() => parseD1Json(out)).toThrow('no such table: nope: SQLITE_ERROR');
  });

  it.each([
    '',
    'Logs were written to …',
    '[{"nope":1}]',
    '{"x":1}',
    '[{"results":[],"success":false}]',
  ])('throws on %j', (out) => {
    expect(() => parseD1Json(out)).toThrow(WranglerError);
  });
});

describe('targetFlags', () => {
  it('local by default, --persist-to when given, --remote alone', () => {
    expect(targetFlags({})).toEqual(['--local']);
    expect(targetFlags({ persistTo: '/tmp/x' })).toEqual(['--local', '--persist-to', '/tmp/x']);
    expect(targetFlags({ remote: true })).toEqual(['--remote']);
    expect(() => targetFlags({ remote: true, persistTo: '/tmp/x' })).toThrow();
  });
});
