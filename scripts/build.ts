// npm run build: everything the Worker serves that is generated (the task pane and web page bundles).
import { buildAddin, TASKPANE_OUT, WEB_OUT } from './lib/build-addin.ts';

await buildAddin();
console.log(`✓ ${TASKPANE_OUT}, ${WEB_OUT.js}, ${WEB_OUT.css}`);
