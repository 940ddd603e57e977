// What the pane says about its last or current action: the progress line
// while waiting, a failure with its code and a retry, a success notice.

import { h } from '../../../client/dom.ts';
import { pick } from '../../../client/i18n.ts';
import type { Pane, PaneState } from '../pane.ts';
import { t, type WordKey } from '../words.ts';

/** The progress line's word for each busy action (`PaneState.busy`). */
const BUSY_WORDS: Record<string, WordKey> = {
  connect: 'connecting',
  create: 'creating',
  check: 'checking',
  submit: 'submitting',
  completeness: 'loading',
  merged: 'openingMerged',
  loadLast: 'loadingLast',
  report: 'loadingReport',
  reportDocx: 'fetchingReportDocx',
};

/**
 * The `#progress` live region, always present so screen readers hear it change: a spinner and
 * the busy action's word while `s.busy` is set, empty (class `idle`) otherwise.
 */
export function progressView(s: PaneState): HTMLElement {
  return h(
    'div',
    {
      id: 'progress',
      role: 'status',
      'aria-live': 'polite',
      class: s.busy ? 'progress' : 'progress idle',
    },
    s.busy
      ? [
          h('span', { class: 'spinner', 'aria-hidden': 'true' }),
          t(s.lang, BUSY_WORDS[s.busy] ?? 'loading'),
        ]
      : null,
  );
}

/**
 * The `#failure` alert for `s.failure` (null without one): its text and code, for a failed submit
 * that the sheet is unchanged, and `#retry` for a retryable failure, which repeats the action.
 */
export function failureView(pane: Pane, s: PaneState): HTMLElement | null {
  const f = s.failure;
  if (!f) return null;
  const L = s.lang;
  const retry = () => {
    if (f.action === 'submit') void pane.submit();
    else if (f.action === 'merged') void pane.openMerged();
    else if (f.action === 'completeness') void pane.loadCompleteness();
    else if (f.action === 'create') void pane.createSheet();
    else if (f.action === 'check') void pane.check();
    else if (f.action === 'loadLast') void pane.loadLast();
    else if (f.action === 'report') void pane.retryReport();
    else if (f.action === 'reportDocx') void pane.fetchReportDocx();
    else if (s.key) void pane.connect(s.key);
  };
  return h(
    'div',
    { id: 'failure', class: 'message error', role: 'alert' },
    h('strong', {}, `${t(L, 'error')}: `),
    pick(L, f.text),
    h('span', { class: 'code' }, f.code),
    f.detail ? h('p', { class: 'detail' }, f.detail) : null,
    f.action === 'submit'
      ? h('p', {}, t(L, 'sheetUnchanged'), f.retryable ? ` ${t(L, 'retryNote')}` : '')
      : null,
    f.retryable
      ? h(
          'button',
          { id: 'retry', type: 'button', class: 'secondary', onclick: retry },
          t(L, 'retry'),
        )
      : null,
  );
}

/**
 * The `#notice` for `s.notice` (null without one), naming the sheet it concerns
 * or Excel's message; a warning when the merged workbook did not open in Excel.
 */
export function noticeView(s: PaneState): HTMLElement | null {
  if (!s.notice) return null;
  const { word, sheet, detail, from } = s.notice;
  const warning =
    word === 'mergedNoApi' ||
    word === 'mergedFailed' ||
    word === 'notProgressSheet' ||
    word === 'noCarry' ||
    word === 'nothingSent';
  return h(
    'div',
    { id: 'notice', class: `message ${warning ? 'warning' : 'success'}`, role: 'status' },
    t(s.lang, word, { s: sheet ?? '', d: detail ?? '', f: from ?? '' }),
  );
}
