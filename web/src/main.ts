// The web page served at `/`: the coordinator follows a period, agencies
// without the Excel add-in submit a filled template. Entry of app.js.

import { apiClient } from '../../client/api.ts';
import { h, replace } from '../../client/dom.ts';
import { settingsStore } from '../../client/settings.ts';
import { XLSX_MEDIA_TYPE } from '../../shared/workbook/media-type.ts';
import { App } from './app.ts';
import type { Saved, State } from './state.ts';
import { agencyView } from './views/agency.ts';
import { coordinatorView } from './views/coordinator.ts';
import { header, progress, signInView } from './views/shell.ts';
import { t } from './words.ts';

const root = document.getElementById('app');
if (!root) throw new Error('#app is missing from index.html');

/** localStorage names: the page's own ("ls58.web.key", "ls58.web.lang"), apart from the task pane's. */
const SETTINGS_PREFIX = 'ls58.web.';

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
  accept: `.xlsx,${XLSX_MEDIA_TYPE}`,
}) as HTMLInputElement;
fileInput.addEventListener('change', () => app.upload.chooseFile(fileInput.files?.[0] ?? null));

function render(state: State): void {
  document.documentElement.lang = state.lang;
  if (!state.upload && fileInput.value) fileInput.value = '';
  const body = state.me
    ? state.me.role === 'coordinator'
      ? coordinatorView(app, fileInput)
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
  settings: settingsStore(SETTINGS_PREFIX),
  render,
  save,
  copy,
  newId: () => crypto.randomUUID(),
});
void app.session.start();
