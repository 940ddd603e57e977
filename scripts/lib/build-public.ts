// Builds the one folder the Worker serves as static assets: PUBLIC_DIR,
// wrangler.toml's `[assets] directory`, generated and git-ignored. Each app
// keeps its sources in its own folder (the web page is not part of the
// add-in); only what is served meets here:
//   web/index.html            → index.html      the web page at `/`
//   web/src/main.ts           → app.js
//   web/src/styles/index.css  → app.css
//   addin/taskpane.html       → taskpane.html   the Excel task pane (manifest.xml's SourceLocation)
//   addin/src/boot.ts         → taskpane.js     the module script, in syntax EdgeHTML 18 parses
//   addin/src/legacy/taskpane.ts → taskpane.legacy.js  ES5 + polyfills, `nomodule` (IE11; build-legacy.ts)
//   addin/src/taskpane.css    → taskpane.css    design tokens written as literal values (IE11)
//   addin/assets/             → assets/         the add-in's icons (also the page's favicon)
//   worker/_headers           → _headers        response headers of Workers Static Assets
// `npm run build` and `npm start` (so the end-to-end tests too) run it; the
// worker tests need none of it (they call the Worker, not its static assets).
// Source maps go beside the served folder, never into it (MAPS_SUFFIX): they
// would publish the sources and be deployed with everything else, and the
// bundles carry no sourceMappingURL comment pointing at them.
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import postcss, { type Plugin } from 'postcss';
import customProperties from 'postcss-custom-properties';
import { buildLegacyTaskpane } from './build-legacy.ts';
import { ScriptError } from './messages.ts';
import { ROOT } from './wrangler.ts';

/** The served folder, relative to the repository (wrangler.toml says the same). */
export const PUBLIC_DIR = 'dist/public';

/** Repository files and folders copied as they are: place in PUBLIC_DIR → source. */
export const COPIED: Readonly<Record<string, string>> = {
  _headers: 'worker/_headers',
  'index.html': 'web/index.html',
  'taskpane.html': 'addin/taskpane.html',
  assets: 'addin/assets',
};

/**
 * The repository file that PUBLIC_DIR holds at `path` (a URL path such as
 * `/assets/icon-32.png`, or the same without the slash) when it is copied as
 * it is; `undefined` for built files (app.js, taskpane.css…) and unknown paths.
 */
export function sourceOf(path: string): string | undefined {
  const inside = path.replace(/^\/+/, '');
  for (const [to, from] of Object.entries(COPIED)) {
    if (inside === to) return from;
    if (inside.startsWith(`${to}/`)) return `${from}/${inside.slice(to.length + 1)}`;
  }
  return undefined;
}

/**
 * The source maps' folder is the served folder's path plus this suffix
 * (dist/public-sourcemaps for PUBLIC_DIR): outside what the Worker serves and
 * `wrangler deploy` uploads; open a map there by hand when debugging.
 */
export const MAPS_SUFFIX = '-sourcemaps';

export interface BuildOptions {
  /** Minify the bundles (default true). */
  minify?: boolean;
  /** Where to write, absolute or relative to the repository (default PUBLIC_DIR). */
  outDir?: string;
}

/**
 * Builds every served file into `outDir` (default PUBLIC_DIR), emptied first:
 * `wrangler deploy` uploads the whole folder, so a file an earlier build left
 * (a renamed bundle, a moved icon) must not be served or deployed.
 */
export async function buildPublic(options: BuildOptions = {}): Promise<void> {
  const out = resolve(ROOT, options.outDir ?? PUBLIC_DIR);
  const minify = options.minify ?? true;
  const maps = `${out}${MAPS_SUFFIX}`;
  for (const dir of [out, maps]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  for (const [to, from] of Object.entries(COPIED)) {
    cpSync(join(ROOT, from), join(out, to), { recursive: true });
  }
  await Promise.all([buildWebPage(out, minify), buildTaskpane(out, minify)]);
  // The bundlers write each map beside its file; move them out of the served folder.
  for (const file of readdirSync(out)) {
    if (file.endsWith('.map')) renameSync(join(out, file), join(maps, file));
  }
}

const common = {
  absWorkingDir: ROOT,
  bundle: true,
  // A .map beside each file and no sourceMappingURL comment in it (moved out above).
  sourcemap: 'external',
  logLevel: 'warning',
} as const;

/** The page any browser opens: modern browsers only (it is not loaded inside Office). */
async function buildWebPage(out: string, minify: boolean): Promise<void> {
  await Promise.all([
    build({
      ...common,
      minify,
      entryPoints: ['web/src/main.ts'],
      outfile: join(out, 'app.js'),
      format: 'esm',
      target: 'es2020',
    }),
    // Keeps the design tokens as custom properties.
    build({
      ...common,
      minify,
      entryPoints: ['web/src/styles/index.css'],
      outfile: join(out, 'app.css'),
    }),
  ]);
}

/**
 * esbuild's target for the task pane's module script: what EdgeHTML 18 parses
 * (no `?.`, `??`, object rest/spread: ES2017 syntax in effect, checked by
 * tests/node/build-public.test.ts). es2019 alone would leave object spread.
 */
export const MODERN_TARGET = ['es2019', 'edge18'];

async function buildTaskpane(out: string, minify: boolean): Promise<void> {
  await Promise.all([
    build({
      ...common,
      minify,
      entryPoints: ['addin/src/boot.ts'],
      outfile: join(out, 'taskpane.js'),
      format: 'esm',
      // Excel on Windows runs add-ins in WebView2 (Chromium), Excel on the web
      // in any current browser; Office 2016/2019 retail in EdgeHTML 18, which
      // runs module scripts but cannot parse `?.` or `??`: written without them
      // so that boot.ts can send EdgeHTML on to the ES5 build.
      target: MODERN_TARGET,
    }),
    buildLegacyTaskpane(out, minify),
    buildTaskpaneCss(join(out, 'taskpane.css'), minify),
  ]);
}

/** Removes custom property declarations (`--brand: …`) and rules left empty, once every var() is replaced. */
const dropCustomProperties: Plugin = {
  postcssPlugin: 'drop-custom-properties',
  OnceExit(root) {
    root.walkDecls(/^--/, (decl) => {
      const rule = decl.parent;
      decl.remove();
      if (rule?.nodes?.length === 0) rule.remove();
    });
  },
};

/**
 * The task pane's stylesheet. Office 2016/2019 volume-licensed show the pane in
 * Internet Explorer 11, which has no CSS custom properties: after esbuild has
 * bundled the shared tokens (client/styles/tokens.css) in, postcss-custom-properties
 * writes each token's value in place of its var(), then the tokens themselves
 * are dropped, so the served file holds literal values only (esbuild keeps
 * var() as it is).
 * Throws a ScriptError if a var() is left (a token missing from tokens.css).
 */
async function buildTaskpaneCss(outfile: string, minify: boolean): Promise<void> {
  const bundled = await build({
    ...common,
    minify,
    entryPoints: ['addin/src/taskpane.css'],
    outfile,
    sourcemap: 'external',
    // No CSS syntax newer than IE11 in what esbuild writes (e.g. #rrggbbaa colours).
    target: ['ie11'],
    write: false,
  });
  const css = bundled.outputFiles.find((f) => f.path === outfile);
  const map = bundled.outputFiles.find((f) => f.path === `${outfile}.map`);
  if (!css || !map) throw new Error(`esbuild wrote no ${outfile}`);
  const result = await postcss([
    customProperties({ preserve: false }),
    dropCustomProperties,
  ]).process(css.text, {
    from: outfile,
    to: outfile,
    map: { prev: map.text, inline: false, annotation: false },
  });
  const left = [...new Set([...result.css.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]))];
  if (left.length) {
    throw new ScriptError(
      `taskpane.css còn var() không có giá trị: ${left.join(', ')} (thêm vào client/styles/tokens.css)`,
      `taskpane.css still has var() without a value: ${left.join(', ')} (add it to client/styles/tokens.css)`,
    );
  }
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, result.css);
  writeFileSync(`${outfile}.map`, result.map.toString());
}
