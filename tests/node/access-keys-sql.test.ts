// The SQL npm start and npm run keys send through `wrangler d1 execute`:
// values written as literals (toSqlScript), checked here against a real
// SQLite (node:sqlite) with the project's migrations and seed.
import { readdirSync, readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import {
  insertKeyStatements,
  type NewKey,
  revokeStatements,
  selectKeysStatement,
  toSqlScript,
} from '../../scripts/lib/access-keys.ts';
import { lySon58 } from '../../shared/plan/index.ts';
import { seedStatements } from '../../worker/src/db/seed.ts';

const HOSTILE = [
  "O'Brien'",
  "'); DROP TABLE access_keys; --",
  "x' OR '1'='1",
  'semi;colon -- not a comment /* nor this */',
  'Nguyễn Thị Ánh ? 100% "quoted" \\ back\\slash',
  "two\nlines\tand 'quotes'",
];

function database(): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  const dir = new URL('../../worker/migrations/', import.meta.url);
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    db.exec(readFileSync(new URL(f, dir), 'utf8'));
  }
  db.exec(toSqlScript(seedStatements(lySon58, '2026-01-01T00:00:00.000Z')));
  return db;
}

const key = (over: Partial<NewKey> = {}): NewKey => ({
  prefix: 'lsk_abcdefgh',
  hash: 'f'.repeat(64),
  agency: 'P-TP',
  role: 'agency',
  label: null,
  createdAt: '2026-11-26T00:00:00.000Z',
  createdBy: 'test',
  ...over,
});

const tables = (db: DatabaseSync) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();

describe('SQL literals', () => {
  it('escapes quotes: a hostile label is written as one string literal', () => {
    const sql = toSqlScript(insertKeyStatements(key({ label: "O'Brien'" })));
    expect(sql).toContain("'O''Brien'''");
    expect(sql.split('\n')).toHaveLength(2); // one line per statement
  });

  it.each(HOSTILE)('stores %j unchanged and runs nothing else', (hostile) => {
    const db = database();
    const before = tables(db);
    db.exec(
      toSqlScript([
        ...insertKeyStatements(key({ label: hostile, createdBy: hostile })),
        ...revokeStatements('lsk_abcdefgh', '2026-11-27T00:00:00.000Z', hostile),
      ]),
    );
    expect(tables(db)).toEqual(before);
    const row = db.prepare('SELECT * FROM access_keys').get() as Record<string, unknown>;
    expect(row.label).toBe(hostile);
    expect(row.created_by).toBe(hostile);
    expect(row.revoked_at).toBe('2026-11-27T00:00:00.000Z');
    const audit = db.prepare('SELECT actor, action, target FROM audit_log ORDER BY id').all();
    expect(audit).toEqual([
      { actor: hostile, action: 'key.issue', target: 'lsk_abcdefgh' },
      { actor: hostile, action: 'key.revoke', target: 'lsk_abcdefgh' },
    ]);
  });

  it('a hostile prefix in a lookup matches nothing and breaks nothing', () => {
    const db = database();
    const stmt = selectKeysStatement(["lsk_x') OR 1=1 --", 'lsk_abcdefgh']);
    expect(db.prepare(toSqlScript([stmt]).replace(/;$/, '')).all()).toEqual([]);
  });
});

describe('insertKeyStatements', () => {
  it('defaults the label to the short name and prefix, as the API does', () => {
    const db = database();
    db.exec(toSqlScript(insertKeyStatements(key())));
    expect(db.prepare('SELECT label, role, agency_code FROM access_keys').get()).toEqual({
      label: 'Phòng Tư pháp (lsk_abcdefgh)',
      role: 'agency',
      agency_code: 'P-TP',
    });
  });

  it('writes nothing (no key, no audit row) for an unknown agency or a wrong role', () => {
    const db = database();
    db.exec(toSqlScript(insertKeyStatements(key({ agency: 'NOPE' }))));
    db.exec(toSqlScript(insertKeyStatements(key({ role: 'coordinator' }))));
    expect(db.prepare('SELECT COUNT(*) AS n FROM access_keys').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    db.exec(
      toSqlScript(insertKeyStatements(key({ agency: 'BTC-NV-LDTBXH', role: 'coordinator' }))),
    );
    expect(db.prepare('SELECT COUNT(*) AS n FROM access_keys').get()).toEqual({ n: 1 });
  });

  it('is idempotent: inserting the same key twice keeps one row and one audit row', () => {
    const db = database();
    db.exec(toSqlScript(insertKeyStatements(key())));
    db.exec(toSqlScript(insertKeyStatements(key({ createdAt: '2026-11-27T00:00:00.000Z' }))));
    expect(db.prepare('SELECT COUNT(*) AS n FROM access_keys').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
  });

  it('revoking twice keeps the first time and writes one audit row', () => {
    const db = database();
    db.exec(toSqlScript(insertKeyStatements(key())));
    db.exec(toSqlScript(revokeStatements('lsk_abcdefgh', '2026-11-27T00:00:00.000Z', 't')));
    db.exec(toSqlScript(revokeStatements('lsk_abcdefgh', '2026-11-28T00:00:00.000Z', 't')));
    expect(db.prepare('SELECT revoked_at FROM access_keys').get()).toEqual({
      revoked_at: '2026-11-27T00:00:00.000Z',
    });
    expect(
      db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'key.revoke'").get(),
    ).toEqual({ n: 1 });
  });
});
