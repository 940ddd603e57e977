// The docs are checked against the code, so they cannot go stale silently:
// every repository path they name in `code` exists, every `npm run <script>`
// they show is a script of package.json, and every relative link resolves.
// The README stays a front page (at most ~200 lines).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const TOP = /^(shared|worker|client|addin|web|scripts|tests|bench|docs|\.ci)\//;
/** Written by a build or a run, not tracked: named in the docs but absent from a fresh clone. */
const GENERATED = /^(dist|\.wrangler|\.tsbuild|test-artifacts)\//;
const scripts = Object.keys(
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts,
);

/** Repository paths in inline code: `worker/src/app.ts`, `tests/e2e/`, `routes/keys.ts` is not one. */
function pathsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/`([^`\s]+)`/g)) {
    const token = (m[1] ?? '').replace(/[.,:;)]+$/, '');
    if (!TOP.test(token) || GENERATED.test(token)) continue;
    // Placeholders and patterns name no one file.
    if (/[*…<>{}]|\.\.\./.test(token)) continue;
    out.push(token.replace(/#.*$/, ''));
  }
  return out;
}

describe('docs', () => {
  for (const doc of DOCS) {
    const text = readFileSync(join(ROOT, doc), 'utf8');

    it(`${doc}: every repository path it names exists`, () => {
      const missing = pathsIn(text).filter((p) => !existsSync(join(ROOT, p)));
      expect(missing).toEqual([]);
    });

    it(`${doc}: every npm run script it shows exists`, () => {
      const shown = [...text.matchAll(/npm run ([\w-]+(?::[\w-]+)*)/g)].map((m) => m[1] ?? '');
      expect(shown.filter((s) => !scripts.includes(s))).toEqual([]);
    });

    it(`${doc}: every relative link resolves`, () => {
      const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
        .map((m) => m[1] ?? '')
        .filter((l) => !/^[a-z]+:/.test(l) && !l.startsWith('#'))
        .map((l) => l.replace(/#.*$/, ''));
      const broken = links.filter((l) => !existsSync(join(ROOT, dirname(doc), l)));
      expect(broken).toEqual([]);
    });
  }

  it('README.md is a front page: at most 200 lines, the two commands shown', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme.split('\n').length).toBeLessThanOrEqual(200);
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
  });
});
