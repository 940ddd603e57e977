// npm run build: everything the Worker serves that is generated (the task pane bundle).
import { buildAddin, TASKPANE_OUT } from './lib/build-addin.ts';

await buildAddin();
console.log(`✓ ${TASKPANE_OUT}`);
