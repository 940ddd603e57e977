// The coordinator's notes on the agency's returned version: one button per
// note (task, field, text) that selects its cell, whose fill marks it on the sheet.

import { h } from '../../../client/dom.ts';
import { pick } from '../../../client/i18n.ts';
import { COLUMNS } from '../../../shared/layout/columns.ts';
import type { Pane, PaneState } from '../pane.ts';
import { t } from '../words.ts';

/**
 * The `#notes` card for `s.notes`: the version they are about, whether their cells are marked
 * (else how to get the sheet), then `#note-list`, each `.note` button (`data-cell`) calling
 * `pane.goTo(sheet, cell)`.
 */
export function notesView(pane: Pane, s: PaneState): HTMLElement | null {
  const n = s.notes;
  if (!n) return null;
  const L = s.lang;
  return h(
    'section',
    { id: 'notes', class: 'card', 'aria-labelledby': 'notes-title' },
    h('h2', { id: 'notes-title' }, t(L, 'notesTitle', { v: n.version })),
    h(
      'p',
      { class: n.marked ? 'hint' : 'message warning' },
      n.marked ? t(L, 'notesMarked') : t(L, 'notesUnmarked', { s: n.sheet }),
    ),
    h(
      'ul',
      { id: 'note-list', class: 'findings' },
      n.placed.map((note) => {
        const column = COLUMNS.find((c) => c.key === note.field);
        const where = `${t(L, 'taskNo', { n: note.tt })} · ${column ? pick(L, column.header) : t(L, 'wholeRow')}`;
        return h(
          'li',
          { class: 'note' },
          h(
            'button',
            {
              type: 'button',
              class: 'finding note',
              'data-cell': note.cell,
              'aria-label': `${t(L, 'goToCell', { c: note.cell })}: ${where}: ${note.text}`,
              onclick: () => void pane.goTo(n.sheet, note.cell),
            },
            h('span', { class: 'cell' }, note.cell),
            h('span', { class: 'text' }, h('strong', {}, where), ' — ', note.text),
          ),
        );
      }),
    ),
  );
}
