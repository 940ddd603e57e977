// An agency's three steps in Excel: create the sheet, check it, submit it.

import { h } from '../../../client/dom.ts';
import type { Pane, PaneState } from '../pane.ts';
import { t } from '../words.ts';

/**
 * The actions card: `#create`, `#check` and `#submit`, disabled while busy, outside Excel or with
 * no period chosen; `#submit` also while the period is locked and not reopened for this agency.
 * Without ExcelApi 1.8 (in Excel) a hint says the sheet has no dropdown lists but Check still checks.
 * Then the `#start-from-last` option for Create (carry forward), `#load-last` once a version was
 * sent, and `#confirm` (`#confirm-yes`, `#confirm-no`) when loading would overwrite typed cells.
 */
export function actionsView(pane: Pane, s: PaneState): HTMLElement {
  const L = s.lang;
  const off = s.busy !== null || !s.inExcel || !s.period;
  // A locked period takes no report unless it was reopened for this agency (the lock note says why).
  const p = pane.currentPeriod;
  const closed = !!p?.locked && !p.own?.reopened;
  const sent = !!p?.own?.latestVersion;
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
    h(
      'label',
      { class: 'option' },
      h('input', {
        id: 'start-from-last',
        type: 'checkbox',
        checked: s.startFromLast,
        disabled: off,
        onchange: (e: Event) => pane.setStartFromLast((e.target as HTMLInputElement).checked),
      }),
      ' ',
      t(L, 'startFromLast'),
    ),
    sent
      ? h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              id: 'load-last',
              type: 'button',
              class: 'secondary',
              disabled: off,
              onclick: () => void pane.loadLast(),
            },
            t(L, 'loadLast'),
          ),
        )
      : null,
    s.confirm
      ? h(
          'div',
          {
            id: 'confirm',
            class: 'message warning',
            role: 'alertdialog',
            'aria-live': 'assertive',
          },
          h('p', {}, t(L, 'confirmOverwrite', { n: s.confirm.typed, v: s.confirm.version })),
          h(
            'div',
            { class: 'actions' },
            h(
              'button',
              {
                id: 'confirm-yes',
                type: 'button',
                class: 'primary',
                onclick: () => void pane.confirmLoad(true),
              },
              t(L, 'overwrite'),
            ),
            h(
              'button',
              {
                id: 'confirm-no',
                type: 'button',
                class: 'secondary',
                onclick: () => void pane.confirmLoad(false),
              },
              t(L, 'cancel'),
            ),
          ),
        )
      : null,
    s.inExcel && !s.supportsExcelApi18 ? h('p', { class: 'hint' }, t(L, 'noValidation')) : null,
  );
}
