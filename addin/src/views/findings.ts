// The findings of the last check of a sheet: errors then warnings, each a
// button that selects its cell in Excel.

import { h } from '../../../client/dom.ts';
import { pick } from '../../../client/i18n.ts';
import type { Finding } from '../../../shared/validate/findings.ts';
import { groupFindings } from '../../../shared/validate/group.ts';
import type { Pane, PaneState } from '../pane.ts';
import { t } from '../words.ts';

/**
 * The `#findings` card for `s.check` (an empty `<div>` without one): `#clean` with no errors,
 * `#not-sent` when errors stopped a submit, a note when the cells could not be marked, then the
 * `#errors` and `#warnings` lists; each finding's button calls `pane.goTo(sheet, cell)`.
 */
export function findingsView(pane: Pane, s: PaneState): HTMLElement {
  const L = s.lang;
  const c = s.check;
  if (!c) return h('div');
  const { errors, warnings } = groupFindings(c.validation.findings);
  const item = (f: Finding) =>
    h(
      'li',
      { class: f.severity },
      h(
        'button',
        {
          type: 'button',
          class: 'finding',
          'data-cell': f.cell,
          'aria-label': `${t(L, 'goToCell', { c: f.cell })}: ${pick(L, f.message)}`,
          onclick: () => void pane.goTo(c.sheet, f.cell),
        },
        h('span', { class: 'cell' }, f.cell),
        h('span', { class: 'text' }, pick(L, f.message)),
      ),
    );
  return h(
    'section',
    { id: 'findings', class: 'card', 'aria-labelledby': 'findings-title' },
    h('h2', { id: 'findings-title' }, t(L, 'checkedSheet', { s: c.sheet })),
    errors.length === 0
      ? h('p', { id: 'clean', class: 'message success' }, t(L, 'clean'))
      : c.beforeSubmit
        ? h(
            'p',
            { id: 'not-sent', class: 'message error', role: 'alert' },
            t(L, 'notSent', { n: errors.length }),
          )
        : null,
    c.highlightFailed ? h('p', { class: 'message warning' }, t(L, 'highlightFailed')) : null,
    errors.length ? h('h3', {}, t(L, 'errorsN', { n: errors.length })) : null,
    errors.length ? h('ul', { id: 'errors', class: 'findings' }, errors.map(item)) : null,
    warnings.length ? h('h3', {}, t(L, 'warningsN', { n: warnings.length })) : null,
    warnings.length ? h('ul', { id: 'warnings', class: 'findings' }, warnings.map(item)) : null,
  );
}
