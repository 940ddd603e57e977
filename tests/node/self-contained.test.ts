// A fresh clone (CI's `.ci/run`) has nothing beside the repository: no seed
// folder, no reference fixtures. So no tracked code, script, config or test may
// name a path outside it: neither a relative path that climbs above the
// repository root from the file's own folder, nor an absolute path into a
// developer's machine. Fixtures the tests need live in tests/fixtures/.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Files whose text is code or configuration (what the before-stop hook checks, item 3b). */
const CHECKED = /\.(ts|js|mjs|cjs|sh|json)$|^\.ci\//;

/**
 * Paths that look outside but are not file paths. biome.json's
 * noRestrictedImports patterns are import specifiers matched against the
 * importing file under shared/, where "../worker/*" stays inside.
 */
const NOT_PATHS: Record<string, RegExp> = {
  'biome.json': /^"\.\.\/(\.\.\/)?(worker|addin)\/\*",?$/,
};

/** Machine-specific roots: a file there exists on one computer only. */
const ABSOLUTE = /(?<![\w.~$-])\/(?:work|home|root|Users|mnt)\/[^\s'"`)]*/g;

/** A run of "../" that starts a path (not the tail of "a/../b" or a URL). */
const CLIMB = /(?<![\w.~/-])((?:\.\.\/)+)[^\s'"`)]*/g;

/**
 * Every place in a file's text that names a path outside the repository:
 * `{ line, path }` with 1-based line numbers. `file` is repository-relative
 * with "/" separators; a relative path resolves from its folder, as
 * `new URL(path, import.meta.url)` and `import` resolve it.
 */
function outsidePaths(file: string, text: string): { line: number; path: string }[] {
  const found: { line: number; path: string }[] = [];
  text.split('\n').forEach((lineText, i) => {
    if (NOT_PATHS[file]?.test(lineText.trim())) return;
    for (const m of lineText.matchAll(CLIMB)) {
      const target = posix.normalize(posix.join(posix.dirname(file), m[1] ?? ''));
      if (target === '..' || target.startsWith('../')) found.push({ line: i + 1, path: m[0] });
    }
    for (const m of lineText.matchAll(ABSOLUTE)) found.push({ line: i + 1, path: m[0] });
  });
  return found;
}

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\0').filter((f) => f !== '' && CHECKED.test(f));
}

describe('the repository is self-contained', () => {
  // Built from pieces so this file does not name the paths it looks for.
  const up = (n: number) => '../'.repeat(n);
  const seed = `${up(3)}shared/seed/plan.txt`;

  it('finds a relative path that climbs out, resolved from the file’s folder', () => {
    const text = `const a = new URL('${seed}', import.meta.url);`;
    expect(outsidePaths('tests/shared/seed-table.ts', text)).toEqual([{ line: 1, path: seed }]);
    // Two levels up from tests/shared/ is the repository root: inside.
    expect(outsidePaths('tests/shared/x.ts', `import '${up(2)}shared/plan/index.ts';`)).toEqual([]);
    expect(outsidePaths('bench/x.ts', `import '${up(1)}shared/plan/index.ts';`)).toEqual([]);
    expect(outsidePaths('bench/x.ts', `\nreadFileSync("${up(2)}shared/x.txt")`)).toEqual([
      { line: 2, path: `${up(2)}shared/x.txt` },
    ]);
  });

  it('finds an absolute path into one machine, and leaves system tools and URLs alone', () => {
    const machine = ['', 'work', 'shared', 'fixtures', 'a.xlsx'].join('/');
    expect(outsidePaths('tests/x.ts', `read('${machine}')`)).toEqual([{ line: 1, path: machine }]);
    expect(outsidePaths('tests/x.ts', "const PY = '/usr/bin/python3'; fetch('/api/x');")).toEqual(
      [],
    );
    expect(outsidePaths('tests/x.ts', "'https://example.org/home/x'")).toEqual([]);
  });

  it('no tracked code, script or configuration names a path outside the repository', () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(100);
    const offending = files.flatMap((f) =>
      outsidePaths(f, readFileSync(join(ROOT, f), 'utf8')).map((p) => `${f}:${p.line}: ${p.path}`),
    );
    expect(offending).toEqual([]);
  });

  it('keeps the plan appendix the plan test reads, with its source named', () => {
    const text = readFileSync(join(ROOT, 'tests/fixtures/plan-58-appendix.txt'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/58\/KH-UBND.*Phụ lục.*000_7081f17a6c91c2d5\.txt/);
    expect(text).toContain('TT\tNội dung công việc\tCơ quan chủ trì');
  });
});
