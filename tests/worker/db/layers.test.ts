/// <reference types="vite/client" />
// The layers stay apart: SQL only in worker/src/db/, and db/ knows nothing of
// HTTP (no Hono, no ApiError, no request context). Read as text through
// Vite's import.meta.glob, since workerd has no file system.
import { describe, expect, it } from 'vitest';

const read = (files: Record<string, unknown>) =>
  Object.entries(files).map(([path, text]) => ({ path, text: String(text) }));

const db = read(
  import.meta.glob('../../../worker/src/db/*.ts', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
);
const outsideDb = read(
  import.meta.glob(['../../../worker/src/**/*.ts', '!../../../worker/src/db/**'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
);

describe('layers', () => {
  it('reads the files it checks', () => {
    expect(db.map((f) => f.path)).toContain('../../../worker/src/db/store-submission.ts');
    expect(outsideDb.map((f) => f.path)).toContain('../../../worker/src/routes/periods.ts');
  });

  it('no D1 statement outside worker/src/db/', () => {
    const offenders = outsideDb.filter((f) => /\.(prepare|batch)\(/.test(f.text));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('db/ imports no HTTP layer: no hono, no ../errors.ts, no ../env.ts, no routes or middleware', () => {
    const imports = db.flatMap((f) =>
      [...f.text.matchAll(/from '([^']+)'/g)].map((m) => `${f.path}: ${m[1]}`),
    );
    const forbidden = imports.filter((i) =>
      /: (hono|hono\/.*|\.\.\/errors\.ts|\.\.\/env\.ts|\.\.\/(routes|middleware)\/.*)$/.test(i),
    );
    expect(forbidden).toEqual([]);
    expect(imports.length).toBeGreaterThan(0);
  });
});
