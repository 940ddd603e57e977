// The ES5 build of the task pane (taskpane.legacy.js) for the webviews of
// Office 2016/2019: Internet Explorer 11 (Trident), which runs only the page's
// `nomodule` script, and EdgeHTML 18, which the module bundle hands over to it
// (addin/src/legacy/engine.ts). esbuild cannot lower ES2015+ syntax to ES5, so:
//   1. esbuild bundles addin/src/legacy/taskpane.ts (TypeScript) into one
//      ES module with no imports left, with the files of LEGACY_SWAPS in
//      place of the modern ones;
//   2. SWC lowers it to ES5 and, in preset-env's "usage" mode, adds an import
//      of each core-js module the code calls that IE11 lacks (Promise, Map,
//      Symbol, Array.from, Object.entries, URL…);
//   3. esbuild bundles those core-js imports in, as one classic script
//      (IIFE), minified with target es5 so it adds no newer syntax itself;
//   4. acorn parses the result as ECMAScript 5: a failure is a build error.
// Source maps are carried through each step (inline between them).
// SWC rather than Babel: one native package (no preset and plugin tree to
// keep), with core-js "usage" injection built in; the whole ES5 build takes
// about 1.2 s on the project's machine.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transform } from '@swc/core';
import { parse } from 'acorn';
import corejs from 'core-js/package.json' with { type: 'json' };
import { build, type Plugin } from 'esbuild';
import { ScriptError } from './messages.ts';
import { ROOT } from './wrangler.ts';

/** The served file name (addin/src/legacy/engine.ts LEGACY_SCRIPT says the same). */
export const LEGACY_FILE = 'taskpane.legacy.js';

/**
 * Files of the pane (repository paths) that the ES5 build takes from
 * elsewhere: modern file → its ES5-webview twin, which exports the same.
 */
export const LEGACY_SWAPS: Readonly<Record<string, string>> = {
  // crypto.subtle → @noble/hashes (IE11's msCrypto digest is not promise-based).
  'addin/src/sha256.ts': 'addin/src/legacy/sha256.ts',
};

/** Resolves every import of a LEGACY_SWAPS key to its twin. */
const legacySwaps: Plugin = {
  name: 'legacy-swaps',
  setup(b) {
    const swaps = new Map(
      Object.entries(LEGACY_SWAPS).map(([from, to]) => [join(ROOT, from), join(ROOT, to)]),
    );
    b.onResolve({ filter: /\.ts$/ }, (args) => {
      const twin = swaps.get(resolve(args.resolveDir, args.path));
      return twin ? { path: twin } : undefined;
    });
  },
};

/** Builds PUBLIC_DIR's taskpane.legacy.js (and its .map, no comment pointing at it) into `out`. */
export async function buildLegacyTaskpane(out: string, minify: boolean): Promise<void> {
  const outfile = join(out, LEGACY_FILE);
  const bundled = await build({
    absWorkingDir: ROOT,
    entryPoints: ['addin/src/legacy/taskpane.ts'],
    bundle: true,
    plugins: [legacySwaps],
    write: false,
    format: 'esm',
    target: 'es2020',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  const modern = bundled.outputFiles[0]?.text ?? '';
  const lowered = await transform(modern, {
    filename: 'taskpane.legacy.mjs',
    isModule: true,
    sourceMaps: 'inline',
    inputSourceMap: true,
    jsc: { parser: { syntax: 'ecmascript' } },
    env: { targets: { ie: '11' }, mode: 'usage', coreJs: corejs.version },
    module: { type: 'es6' },
  });
  await build({
    absWorkingDir: ROOT,
    stdin: { contents: lowered.code, resolveDir: ROOT, sourcefile: 'taskpane.legacy.mjs' },
    bundle: true,
    outfile,
    format: 'iife',
    target: 'es5',
    minify,
    // Moved out of the served folder with the others (build-public.ts).
    sourcemap: 'external',
    logLevel: 'warning',
  });
  assertEs5(outfile);
}

/**
 * Throws a ScriptError naming the line and column if `file` does not parse
 * as ECMAScript 5 (a script, not a module): what Internet Explorer 11 runs.
 */
export function assertEs5(file: string): void {
  try {
    parse(readFileSync(file, 'utf8'), { ecmaVersion: 5, sourceType: 'script' });
  } catch (e) {
    throw new ScriptError(
      `${file} không phải ECMAScript 5: ${(e as Error).message}`,
      `${file} is not ECMAScript 5: ${(e as Error).message}`,
    );
  }
}
