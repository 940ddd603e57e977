// Shown when the pane cannot work with Excel: opened in a plain browser, or
// office.js could not load (a blocked CDN), or an Excel older than the
// manifest's ExcelApi 1.7. Each points at the web page's upload instead.

import { h } from '../../../client/dom.ts';
import type { Lang } from '../../../client/i18n.ts';
import { t } from '../words.ts';

/** A note (`id`, in the tone `info` or `warning`) saying `word`, then a link to the web page at `/`. */
function webPageNote(L: Lang, id: string, tone: 'info' | 'warning', word: 'outside' | 'tooOld') {
  return h(
    'div',
    { class: `message ${tone}`, role: 'note', id },
    t(L, word),
    ' ',
    h('a', { href: '/' }, t(L, 'webPage')),
    '.',
  );
}

/** The `#outside` note: this is an Excel add-in that cannot reach Excel; the web page instead. */
export const outsideView = (L: Lang): HTMLElement => webPageNote(L, 'outside', 'info', 'outside');

/** The `#too-old` note: this Excel lacks ExcelApi 1.7; report by upload on the web page. */
export const tooOldView = (L: Lang): HTMLElement => webPageNote(L, 'too-old', 'warning', 'tooOld');
