// Shown when the pane cannot work with Excel: opened in a plain browser, or
// office.js could not load (a blocked CDN), or an Excel older than the
// manifest's ExcelApi 1.7. Each points at the web page's upload instead.

import { h } from '../../../client/dom.ts';
import type { Lang } from '../../../client/i18n.ts';
import { t } from '../words.ts';

/** The `#outside` note: this is an Excel add-in, with a link to the web page at `/`. */
export function outsideView(L: Lang): HTMLElement {
  return h(
    'div',
    { class: 'message info', role: 'note', id: 'outside' },
    t(L, 'outside'),
    ' ',
    h('a', { href: '/' }, t(L, 'webPage')),
    '.',
  );
}

/** The `#too-old` note: this Excel lacks ExcelApi 1.7; report by upload on the web page. */
export function tooOldView(L: Lang): HTMLElement {
  return h(
    'div',
    { class: 'message warning', role: 'note', id: 'too-old' },
    t(L, 'tooOld'),
    ' ',
    h('a', { href: '/' }, t(L, 'webPage')),
    '.',
  );
}
