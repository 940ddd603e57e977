// An agency's three steps in Excel: create the sheet, check it, submit it.

import { h } from '../../../client/dom.ts';
import type { Pane, PaneState } from '../pane.ts';
import { t } from '../words.ts';

/**
 * The actions card: `#create`, `#check` and `#submit`, disabled while busy, outside Excel or with
 * no period chosen; `#submit` also while the period is locked and not reopened for this agency.
 * Without ExcelApi 1.8 (in Excel) a hint says the sheet has no dropdown lists but Check still checks.
 */
export function actionsView(pane: Pane, s: PaneState): HTMLElement {
  const L = s.lang;
  const off = s.busy !== null || !s.inExcel || !s.period;
  // A locked period takes no report unless it was reopened for this agency (the lock note says why).
  const p = pane.currentPeriod;
  const closed = !!p?.locked && !p.own?.reopened;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'actions-title' },
    h(
      'h2',
      { id: 'actions-title' },
      s.me?.role === 'coordinator'
        ? t(L, 'ownReportTitle', { a: s.me.agency.shortName })
        : t(L, 'actionsTitle'),
    ),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          id: 'create',
          type: 'button',
          class: 'secondary',
          disabled: off,
          onclick: () => void pane.createSheet(),
        },
        t(L, 'create'),
      ),
      h(
        'button',
        {
          id: 'check',
          type: 'button',
          class: 'secondary',
          disabled: off,
          onclick: () => void pane.check(),
        },
        t(L, 'check'),
      ),
      h(
        'button',
        {
          id: 'submit',
          type: 'button',
          class: 'primary',
          disabled: off || closed,
          onclick: () => void pane.submit(),
        },
        t(L, 'submit'),
      ),
    ),
    s.inExcel && !s.supportsExcelApi18 ? h('p', { class: 'hint' }, t(L, 'noValidation')) : null,
  );
}
