// zod's classic entry re-exports every locale (~260 KiB minified) and esbuild
// cannot drop them; the browser bundles use only the default English
// messages (the project writes its own Vietnamese ones). This plugin gives
// zod's locales index just `en`, cutting the task pane bundle by half.
import { dirname } from 'node:path';
import type { Plugin } from 'esbuild';

export const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};
