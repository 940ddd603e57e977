// The tsconfig of each runtime gives its code that runtime's globals and no
// other's: each fixture in tests/fixtures/type-boundaries/ is type-checked
// under the runtime's own config (one tsc run each), and exactly its lines
// marked `// rejected` may fail. And every TypeScript file of the repository
// belongs to exactly one of the projects that `npm run typecheck` builds.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = 'tests/fixtures/type-boundaries';
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const MARK = '// rejected';

/** Each runtime's config (path from the repository root) and the fixture it must reject or accept. */
const RUNTIMES = [
  { config: 'shared/tsconfig.json', fixture: 'shared.ts' },
  { config: 'tests/support/tsconfig.json', fixture: 'shared.ts' },
  { config: 'worker/tsconfig.json', fixture: 'worker.ts' },
  { config: 'tests/worker/tsconfig.json', fixture: 'worker-tests.ts' },
  { config: 'client/tsconfig.json', fixture: 'browser.ts' },
  { config: 'web/tsconfig.json', fixture: 'browser.ts' },
  { config: 'addin/tsconfig.json', fixture: 'addin.ts' },
  { config: 'tsconfig.node.json', fixture: 'node.ts' },
  { config: 'tests/e2e/tsconfig.json', fixture: 'e2e.ts' },
];

/** Runs the TypeScript compiler in the repository root; its output, one line each, without colours. */
function tsc(args: string[]): string[] {
  const run = spawnSync(process.execPath, [TSC, '--pretty', 'false', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  return `${run.stdout}${run.stderr}`.split('\n').filter((line) => line.trim() !== '');
}

/**
 * Type-checks one fixture under a runtime's config, through a temporary config
 * beside it (so that the relative `types` entries mean the same file) that
 * extends it, lists only the fixture and emits nothing. The temporary file is
 * removed afterwards; its name is git-ignored in case a run is killed.
 */
function checkFixture(config: string, fixture: string): string[] {
  const temp = join(ROOT, dirname(config), `tsconfig.boundaries-${process.pid}.json`);
  writeFileSync(
    temp,
    JSON.stringify({
      extends: `./${basename(config)}`,
      compilerOptions: { composite: false, emitDeclarationOnly: false, noEmit: true },
      files: [join(ROOT, FIXTURES, fixture)],
      include: [],
    }),
  );
  try {
    return tsc(['-p', temp]);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** 1-based numbers of the fixture's lines that end in the `// rejected` mark. */
function markedLines(fixture: string): number[] {
  return readFileSync(join(ROOT, FIXTURES, fixture), 'utf8')
    .split('\n')
    .flatMap((line, i) => (line.includes(MARK) ? [i + 1] : []));
}

describe('each runtime sees its own globals only', () => {
  it.each(RUNTIMES)(
    '$config: in $fixture, exactly the lines marked rejected fail',
    ({ config, fixture }) => {
      const expected = markedLines(fixture);
      expect(expected.length).toBeGreaterThan(0);
      const output = checkFixture(config, fixture);
      const file = posix.join(FIXTURES, fixture);
      const pattern = /^(.+)\((\d+),\d+\): error TS\d+: /;
      // Nothing but the fixture's own errors: no config error, no error elsewhere.
      const elsewhere = output.filter((line) => pattern.exec(line)?.[1] !== file);
      expect(elsewhere).toEqual([]);
      const failing = [...new Set(output.map((line) => Number(pattern.exec(line)?.[2])))];
      expect(failing, output.join('\n')).toEqual(expected);
    },
    60_000,
  );
});

describe('project coverage', () => {
  /** Files of one project (from the root solution's references), relative to the repository root. */
  function projectFiles(project: string): string[] {
    const config = JSON.parse(tsc(['--showConfig', '-p', project]).join('\n')) as {
      files?: string[];
    };
    const dir = project.endsWith('.json') ? dirname(project) : project;
    return (config.files ?? []).map((f) => relative(ROOT, join(ROOT, dir, f)));
  }

  it('every TypeScript file is in exactly one project of tsconfig.json', () => {
    const solution = JSON.parse(tsc(['--showConfig', '-p', 'tsconfig.json']).join('\n')) as {
      references: { path: string }[];
    };
    const owners = new Map<string, string[]>();
    for (const { path } of solution.references) {
      for (const file of projectFiles(path)) owners.set(file, [...(owners.get(file) ?? []), path]);
    }
    const listed = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '--', '*.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const files = listed.stdout.split('\n').filter(
      (f) =>
        f !== '' &&
        !f.startsWith(`${FIXTURES}/`) &&
        // Generated by wrangler types; the Worker's config loads it through `types`.
        f !== 'worker/worker-configuration.d.ts',
    );
    expect(files.length).toBeGreaterThan(100);
    const misplaced = files
      .map((file) => ({ file, projects: owners.get(file) ?? [] }))
      .filter(({ projects }) => projects.length !== 1);
    expect(misplaced).toEqual([]);
  }, 60_000);
});
