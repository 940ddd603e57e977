// Bundles the task pane (addin/src) into addin/public/taskpane.js, which the
// Worker serves as a static asset next to taskpane.html, and the web page
// (web/src) into addin/public/app.js + app.css for index.html. The output is
// generated (git-ignored); `npm start` and `npm run build` make it.
import { build } from 'esbuild';
import { zodEnglishOnly } from './esbuild-zod.ts';

export const TASKPANE_OUT = 'addin/public/taskpane.js';

/** The web page at `/` (web/src → addin/public/app.js and app.css). */
export const WEB_OUT = { js: 'addin/public/app.js', css: 'addin/public/app.css' } as const;

export async function buildAddin(options: { minify?: boolean } = {}): Promise<void> {
  await Promise.all([buildTaskpane(options), buildWebPage(options)]);
}

/** The page any browser opens: modern browsers only (it is not loaded inside Office). */
export async function buildWebPage(options: { minify?: boolean } = {}): Promise<void> {
  const common = {
    bundle: true,
    minify: options.minify ?? true,
    sourcemap: true,
    logLevel: 'warning',
    target: 'es2020',
  } as const;
  await Promise.all([
    build({ ...common, entryPoints: ['web/src/main.ts'], outfile: WEB_OUT.js, format: 'esm' }),
    build({ ...common, entryPoints: ['web/src/style.css'], outfile: WEB_OUT.css }),
  ]);
}

async function buildTaskpane(options: { minify?: boolean }): Promise<void> {
  await build({
    entryPoints: ['addin/src/taskpane.ts'],
    outfile: TASKPANE_OUT,
    bundle: true,
    format: 'esm',
    // Excel on Windows runs add-ins in WebView2 (Chromium); Excel on the web in any modern browser.
    target: 'es2020',
    minify: options.minify ?? true,
    sourcemap: true,
    logLevel: 'warning',
    plugins: [zodEnglishOnly],
  });
}
