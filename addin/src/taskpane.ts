// Task pane entry: finds out where it runs, then hands the pane its parts —
// the Office module, the Worker client (same origin: the Worker serves this
// page) and this computer's settings for the key and the language.
import { apiClient } from '../../client/api.ts';
import { partitionedPrefix, settingsStore } from '../../client/settings.ts';
import * as host from './office/host.ts';
import { Pane } from './pane.ts';
import { render } from './views/render.ts';

/**
 * localStorage names: the pane's own ("lyson.key", "lyson.lang"), apart from
 * the web page's, after Office.context.partitionKey where the host has one.
 */
const SETTINGS_PREFIX = 'lyson.';

async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const info = await host.detectHost();
  const pane: Pane = new Pane({
    host,
    api: (key) => apiClient(location.origin, key),
    settings: settingsStore(partitionedPrefix(SETTINGS_PREFIX, info.partitionKey)),
    inExcel: info.inExcel,
    supportsRequiredApi: info.supportsRequiredApi,
    supportsExcelApi18: info.supportsExcelApi18,
    platform: info.platform,
    opensBrowser: info.opensBrowser,
    // The Worker serves the web page at its root, beside this pane.
    webPageUrl: new URL('/', location.href).href,
    render: (state) => render(root, pane, state),
  });
  await pane.start();
}

void main();
