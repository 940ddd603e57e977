// Shown when the pane is opened in a plain browser rather than in Excel.

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
