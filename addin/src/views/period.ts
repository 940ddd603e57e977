// The period picker (grouped by year) and what the chosen period says: due
// date and days left, grace, lock, the comment returned and the last version sent.

import { dueState, dueText } from '../../../client/deadline.ts';
import { h } from '../../../client/dom.ts';
import { pick } from '../../../client/i18n.ts';
import { listedPeriods } from '../../../client/periods.ts';
import { viDate, viDateTime } from '../../../shared/text/vi-format.ts';
import { REVIEW_STATE_LABELS } from '../../../shared/vocabulary/index.ts';
import type { Pane, PaneState } from '../pane.ts';
import { t } from '../words.ts';

/**
 * The period card: the `#period` select (changing it calls `pane.choosePeriod`), then for
 * `pane.currentPeriod` the `#due` line and, when they apply, `#lock`, `#returned` and `#last-sent`.
 */
export function periodView(pane: Pane, s: PaneState): HTMLElement {
  const L = s.lang;
  const p = pane.currentPeriod;
  const select = h(
    'select',
    {
      id: 'period',
      disabled: s.busy !== null,
      onchange: (e: Event) => void pane.choosePeriod((e.target as HTMLSelectElement).value),
    },
    [...listedPeriods(s.periods, s.period)].map(([year, list]) =>
      h(
        'optgroup',
        { label: String(year) },
        list.map((x) => {
          const o = h(
            'option',
            { value: x.code },
            `${pick(L, x.label)} (${x.code})`,
          ) as HTMLOptionElement;
          o.selected = x.code === s.period;
          return o;
        }),
      ),
    ),
  );
  const details: (HTMLElement | null)[] = [];
  if (p) {
    // Past the due date reads as overdue here, grace or not; the grace days are said beside it.
    const d = dueState(p.daysLeft, p.graceDays).kind;
    details.push(
      h(
        'p',
        { id: 'due', class: p.daysLeft < 0 ? 'due overdue' : 'due' },
        `${t(L, 'due')}: ${viDate(p.due)} — `,
        h('strong', {}, dueText(L, p.daysLeft, p.graceDays)),
        p.graceDays > 0 && (d === 'today' || d === 'overdue')
          ? ` ${t(L, 'graceNote', { n: p.graceDays })}`
          : null,
      ),
    );
    if (p.locked) {
      details.push(
        h(
          'div',
          { id: 'lock', class: 'message warning', role: 'note' },
          h('strong', {}, `${t(L, 'periodLocked')}: `),
          p.lockReason ?? '',
          p.own?.reopened ? h('p', {}, t(L, 'reopened')) : null,
        ),
      );
    }
    if (p.own?.returnedComment) {
      details.push(
        h(
          'div',
          { id: 'returned', class: 'message warning', role: 'note' },
          h('strong', {}, t(L, 'returnedComment')),
          h('blockquote', {}, p.own.returnedComment),
        ),
      );
    }
    if (p.own?.latestVersion && p.own.latestReceivedAt) {
      details.push(
        h(
          'p',
          { id: 'last-sent', class: 'hint' },
          t(L, 'lastSent', { v: p.own.latestVersion, t: viDateTime(p.own.latestReceivedAt) }),
          p.own.reviewState === 'accepted' ? ` — ${pick(L, REVIEW_STATE_LABELS.accepted)}` : '',
        ),
      );
    }
  }
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'period-title' },
    h('h2', { id: 'period-title' }, t(L, 'period')),
    h('label', { for: 'period' }, t(L, 'periodPick')),
    select,
    details,
  );
}
