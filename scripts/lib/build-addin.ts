// Bundles the task pane (addin/src) into addin/public/taskpane.js, which the
// Worker serves as a static asset next to taskpane.html. The output is
// generated (git-ignored); `npm start` and `npm run build` make it.
import { build } from 'esbuild';
import { zodEnglishOnly } from './esbuild-zod.ts';

export const TASKPANE_OUT = 'addin/public/taskpane.js';

export async function buildAddin(options: { minify?: boolean } = {}): Promise<void> {
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
