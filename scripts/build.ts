// npm run build: every file the Worker serves, built or copied into one
// folder (dist/public, wrangler.toml's [assets] directory): the web page and
// the task pane each keep their sources in their own folder (web/, addin/).
import { buildPublic, PUBLIC_DIR } from './lib/build-public.ts';
import { report } from './lib/messages.ts';

try {
  await buildPublic();
  console.log(
    `✓ ${PUBLIC_DIR}: index.html, app.js, app.css, taskpane.html, taskpane.js, taskpane.legacy.js, taskpane.css`,
  );
} catch (e) {
  process.exitCode = report(e);
}
