// The period picker and what the chosen period says: cut-off window, due
// date, grace, deadline, days left or overdue, lock.

import type { PeriodItem } from '../../../client/api.ts';
import { dueText } from '../../../client/deadline.ts';
import { h } from '../../../client/dom.ts';
import { listedPeriods } from '../../../client/periods.ts';
import { pickOpenPeriod } from '../../../shared/periods/pick-open.ts';
import { viDate } from '../../../shared/text/vi-format.ts';
import type { App } from '../app.ts';
import { dueTone } from '../tones.ts';
import { t } from '../words.ts';
import { badge, button, failureBar, noticeBar } from './ui.ts';

export function periodBar(app: App): HTMLElement {
  const { lang, periods, period } = app.state;
  const open = pickOpenPeriod(periods)?.code;
  const current = app.currentPeriod;
  return h(
    'section',
    { class: 'card period-bar', 'aria-label': t(lang, 'period') },
    h(
      'div',
      { class: 'period-pick' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'period' }, t(lang, 'periodPick')),
        h(
          'select',
          {
            id: 'period',
            onchange: (e: Event) => app.session.choosePeriod((e.target as HTMLSelectElement).value),
            disabled: app.isBusy('period'),
          },
          listedPeriods(periods, period).map(([year, list]) =>
            h(
              'optgroup',
              { label: String(year) },
              list.map((p) =>
                h(
                  'option',
                  { value: p.code, selected: p.code === period },
                  `${p.label[lang]} (${p.code})${p.code === open ? ` ${t(lang, 'openPeriodMark')}` : ''}`,
                ),
              ),
            ),
          ),
        ),
      ),
      button(app, {
        id: 'refresh',
        label: t(lang, 'refresh'),
        busy: 'refresh',
        busyLabel: t(lang, 'loading'),
        onClick: () => app.session.refresh(),
      }),
      app.isBusy('period')
        ? h('span', { class: 'loading' }, h('span', { class: 'spinner' }), t(lang, 'loading'))
        : null,
    ),
    current ? periodFacts(app, current) : null,
    failureBar(app, 'top'),
    noticeBar(app, 'top'),
  );
}

export function periodFacts(app: App, p: PeriodItem): HTMLElement {
  const lang = app.state.lang;
  const fact = (label: string, value: string | Node) =>
    h('div', { class: 'fact' }, h('dt', {}, label), h('dd', {}, value));
  return h(
    'dl',
    { class: 'facts', id: 'period-facts' },
    fact(
      t(lang, 'cutoff'),
      t(lang, 'cutoffRange', { from: viDate(p.cutoff.from), to: viDate(p.cutoff.to) }),
    ),
    fact(t(lang, 'due'), viDate(p.due)),
    fact(t(lang, 'grace'), t(lang, 'graceDays', { n: p.graceDays })),
    fact(t(lang, 'deadline'), viDate(p.deadline)),
    fact(
      t(lang, 'timeliness'),
      badge(dueText(lang, p.daysLeft, p.graceDays), dueTone(p.daysLeft, p.graceDays)),
    ),
    fact(
      t(lang, 'periodState'),
      p.locked
        ? badge(t(lang, 'lockedBecause', { r: p.lockReason ?? '' }), 'danger')
        : badge(t(lang, 'open'), 'success'),
    ),
  );
}
