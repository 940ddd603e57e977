// The module script's entry (taskpane.js): in current webviews (WebView2,
// Excel on the web, Mac) it starts the pane; in EdgeHTML, which runs module
// scripts but lacks newer built-ins, it hands over to the ES5 build instead.
// esbuild bundles the dynamic import in place (no second file to fetch).
import { loadLegacyBuild, needsLegacyBuild } from './legacy/engine.ts';

if (needsLegacyBuild()) loadLegacyBuild();
else void import('./taskpane.ts');
