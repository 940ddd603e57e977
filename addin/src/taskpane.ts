// Task pane entry: finds out where it runs, then hands the pane its parts —
// the Office module, the Worker client (same origin: the Worker serves this
// page) and this computer's storage for the key and the language.
import { apiClient } from './api.ts';
import * as host from './office/host.ts';
import { Pane, type Storage } from './pane.ts';
import { render } from './ui/view.ts';

const PREFIX = 'lyson.';

/** localStorage, which a locked-down browser may refuse: then nothing is remembered. */
const storage: Storage = {
  get(name) {
    try {
      return localStorage.getItem(PREFIX + name);
    } catch {
      return null;
    }
  },
  set(name, value) {
    try {
      if (value === null) localStorage.removeItem(PREFIX + name);
      else localStorage.setItem(PREFIX + name, value);
    } catch {}
  },
};

async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const { inExcel, has18 } = await host.detectHost();
  const pane: Pane = new Pane({
    host,
    api: (key) => apiClient(location.origin, key),
    storage,
    inExcel,
    has18,
    render: (state) => render(root, pane, state),
  });
  await pane.start();
}

void main();
