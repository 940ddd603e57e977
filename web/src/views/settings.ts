// The chosen period's deadline and lock (coordinator): due date and grace,
// lock with a reason or unlock, reopen for one agency and close a reopening.

import { h } from '../../../client/dom.ts';
import { viDate } from '../../../shared/text/vi-format.ts';
import type { App } from '../app.ts';
import { t } from '../words.ts';
import { button, failureBar, field, noticeBar, section, select, submitButton } from './ui.ts';

export function settingsView(app: App): HTMLElement | null {
  const { lang, completeness } = app.state;
  const p = app.currentPeriod;
  if (!p) return null;
  const reopenings = 'reopenings' in p ? p.reopenings : [];
  const names = new Map(
    (completeness?.agencies ?? []).map((r) => [r.agency.code, r.agency.shortName]),
  );
  return section(
    'settings',
    t(lang, 'settingsTitle'),
    failureBar(app, 'settings'),
    noticeBar(app, 'settings'),
    h(
      'form',
      {
        class: 'inline-form',
        id: 'deadline-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void app.coordinator.saveDeadline();
        },
      },
      h(
        'div',
        { class: 'field-row' },
        // Typed and shown as dd/mm/yyyy whatever the browser's language (a date
        // input follows the browser's locale: 12/16/2026 in an English Chromium).
        field(app, {
          id: 'due',
          label: t(lang, 'dueLabel'),
          value: viDate(p.due),
          hint: t(lang, 'dateHint'),
          attrs: { required: true, inputmode: 'numeric', autocomplete: 'off', maxlength: 10 },
        }),
        field(app, {
          id: 'grace',
          label: t(lang, 'graceLabel'),
          type: 'number',
          value: String(p.graceDays),
          attrs: { min: 0, max: 365, step: 1, inputmode: 'numeric' },
        }),
      ),
      h(
        'div',
        { class: 'actions' },
        submitButton(app, 'save-deadline', t(lang, 'saveDeadline'), 'deadline'),
      ),
    ),
    h('hr', {}),
    p.locked
      ? h(
          'div',
          { class: 'lock-state' },
          h('p', {}, t(lang, 'lockedBecause', { r: p.lockReason ?? '' })),
          h(
            'div',
            { class: 'actions' },
            button(app, {
              id: 'unlock',
              label: t(lang, 'unlock'),
              busy: 'lock',
              onClick: () => app.coordinator.setLocked(false),
            }),
          ),
        )
      : h(
          'form',
          {
            class: 'inline-form',
            onsubmit: (e: Event) => {
              e.preventDefault();
              void app.coordinator.setLocked(true);
            },
          },
          field(app, {
            id: 'lock-reason',
            label: t(lang, 'lockReason'),
            attrs: { maxlength: 500 },
          }),
          h(
            'div',
            { class: 'actions' },
            submitButton(app, 'lock', t(lang, 'lock'), 'lock', 'danger'),
          ),
        ),
    h('hr', {}),
    h('h3', {}, t(lang, 'reopenTitle')),
    h('p', { class: 'hint' }, t(lang, 'reopenHint')),
    reopenings.length
      ? h(
          'ul',
          { class: 'reopenings', 'aria-label': t(lang, 'reopenings') },
          reopenings.map((r) =>
            h(
              'li',
              {},
              h('span', {}, h('strong', {}, names.get(r.agency) ?? r.agency), ` — ${r.reason}`),
              button(app, {
                id: `close-reopening-${r.agency}`,
                label: t(lang, 'closeReopening'),
                kind: 'subtle',
                busy: `close:${r.agency}`,
                onClick: () => app.coordinator.closeReopening(r.agency),
              }),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t(lang, 'noReopenings')),
    h(
      'form',
      {
        class: 'inline-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void app.coordinator.reopen();
        },
      },
      select(app, {
        id: 'reopen-agency',
        label: t(lang, 'agency'),
        options: (completeness?.agencies ?? []).map((r) => ({
          value: r.agency.code,
          label: `${r.agency.shortName} (${r.agency.code})`,
        })),
      }),
      field(app, {
        id: 'reopen-reason',
        label: t(lang, 'reopenReason'),
        attrs: { maxlength: 500 },
      }),
      h('div', { class: 'actions' }, submitButton(app, 'reopen', t(lang, 'reopen'), 'reopen')),
    ),
  );
}
