// The web page served at `/`: the coordinator follows a period, agencies
// without the Excel add-in submit a filled template. Entry of app.js.

import { h, replace } from '../../client/dom.ts';
import { apiClient } from './api.ts';
import { App, type Saved, type State } from './app.ts';
import { t } from './i18n.ts';
import { agencyView } from './views/agency.ts';
import { coordinatorView } from './views/coordinator.ts';
import { header, progress, signInView } from './views/shell.ts';

const root = document.getElementById('app');
if (!root) throw new Error('#app is missing from index.html');

const storage = {
  get: (name: string) => {
    try {
      return localStorage.getItem(name);
    } catch {
      return null; // storage disabled: the page still works, it just forgets
    }
  },
  set: (name: string, value: string | null) => {
    try {
      if (value === null) localStorage.removeItem(name);
      else localStorage.setItem(name, value);
    } catch {}
  },
};

function save(saved: Saved): void {
  const a = h('a', { href: saved.url, download: saved.name, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
}

async function copy(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Clipboard refused (no permission, plain http): fall back to a selection.
    }
  }
  const area = h('textarea', { readonly: true, class: 'offscreen' }) as HTMLTextAreaElement;
  area.value = text;
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

// The file input lives across re-draws, so the chosen file stays chosen.
const fileInput = h('input', {
  type: 'file',
  id: 'file',
  name: 'file',
  accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}) as HTMLInputElement;
fileInput.addEventListener('change', () => app.chooseFile(fileInput.files?.[0] ?? null));

function render(state: State): void {
  document.documentElement.lang = state.lang;
  if (!state.upload && fileInput.value) fileInput.value = '';
  const body = state.me
    ? state.me.role === 'coordinator'
      ? coordinatorView(app)
      : agencyView(app, fileInput)
    : signInView(app);
  document.title = state.me
    ? `${state.me.agency.shortName} — ${t(state.lang, 'appTitle')}`
    : document.title;
  replace(
    root as HTMLElement,
    progress(app),
    header(app),
    h('main', { id: 'main', 'aria-busy': state.busy.length ? 'true' : 'false' }, body),
  );
}

const app = new App({
  api: (key) => apiClient(location.origin, key),
  storage,
  render,
  save,
  copy,
  newId: () => crypto.randomUUID(),
});
void app.start();
