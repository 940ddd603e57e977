// The pane's top bar: its title and the switch to the other language.

import { h } from '../../../client/dom.ts';
import { other } from '../../../client/i18n.ts';
import type { Pane, PaneState } from '../pane.ts';
import { t } from '../words.ts';

/** The `<header>` bar: the title and the `#lang` button that switches vi ↔ en. */
export function headerView(pane: Pane, s: PaneState): HTMLElement {
  const L = s.lang;
  return h(
    'header',
    { class: 'bar' },
    h('h1', {}, t(L, 'appTitle')),
    h(
      'button',
      {
        id: 'lang',
        class: 'link',
        type: 'button',
        'aria-label': t(L, 'switchLangLabel'),
        onclick: () => pane.setLang(other(L)),
      },
      t(L, 'switchLang'),
    ),
  );
}
