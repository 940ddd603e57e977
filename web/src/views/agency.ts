// An agency's page: its periods with due dates and days left, then the
// chosen period: the comment returned to it, its blank template, the upload
// of a filled template (receipt or findings), and its version history.

import { type PeriodItem, submissionOf } from '../../../client/api.ts';
import { dueText } from '../../../client/deadline.ts';
import { h } from '../../../client/dom.ts';
import { pick } from '../../../client/i18n.ts';
import { listedPeriods } from '../../../client/periods.ts';
import { reviewLabel, timelinessLabel } from '../../../client/states.ts';
import { viDate, viDateTime } from '../../../shared/text/vi-format.ts';
import type { App } from '../app.ts';
import { shortHash } from '../format.ts';
import { dueTone, reviewTone } from '../tones.ts';
import { t } from '../words.ts';
import { findingsView } from './findings.ts';
import { periodFacts } from './period.ts';
import { reportTable } from './report-table.ts';
import { reviewsOf } from './reviews.ts';
import { badge, button, failureBar, noticeBar, savedLink, section } from './ui.ts';
import { uploadSection } from './upload.ts';

type Own = NonNullable<PeriodItem['own']>;

export function agencyView(app: App, fileInput: HTMLInputElement): HTMLElement {
  return h(
    'div',
    { class: 'page agency' },
    h(
      'div',
      { class: 'columns' },
      h('div', { class: 'side-col' }, periodsList(app)),
      h('div', { class: 'main-col' }, chosenPeriod(app, fileInput)),
    ),
  );
}

function ownState(app: App, own: Own | null): HTMLElement {
  const lang = app.state.lang;
  if (!own?.submitted) return badge(pick(lang, timelinessLabel('missing')), 'neutral');
  const review = reviewLabel(own.reviewState);
  return h(
    'span',
    { class: 'own-state' },
    t(lang, 'submittedVersion', { v: own.latestVersion ?? '' }),
    review ? badge(pick(lang, review), reviewTone(own.reviewState)) : null,
  );
}

function periodsList(app: App): HTMLElement {
  const { lang, periods, year, period } = app.state;
  const years = listedPeriods(periods, period);
  const shown = years.find(([y]) => y === year)?.[1] ?? years.at(-1)?.[1] ?? [];
  return section(
    'my-periods',
    t(lang, 'myPeriodsTitle'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'year' }, t(lang, 'year')),
      h(
        'select',
        {
          id: 'year',
          onchange: (e: Event) =>
            app.session.chooseYear(Number((e.target as HTMLSelectElement).value)),
        },
        years.map(([y]) => h('option', { value: y, selected: y === year }, String(y))),
      ),
    ),
    failureBar(app, 'top'),
    h(
      'ul',
      { class: 'period-list', id: 'period-list' },
      shown.map((p) =>
        h(
          'li',
          { class: p.code === period ? 'chosen' : '' },
          h(
            'button',
            {
              type: 'button',
              id: `choose-${p.code}`,
              class: 'period-item',
              'aria-pressed': String(p.code === period),
              'aria-label': `${t(lang, 'choose')} ${p.label[lang]}`,
              onclick: () => app.session.choosePeriod(p.code),
            },
            h('span', { class: 'period-name' }, p.label[lang]),
            h(
              'span',
              { class: 'period-meta' },
              `${t(lang, 'due')} ${viDate(p.due)} · `,
              // Once its report is in, a period is no longer "n days overdue".
              p.own?.submitted
                ? null
                : badge(dueText(lang, p.daysLeft, p.graceDays), dueTone(p.daysLeft, p.graceDays)),
              p.locked ? badge(t(lang, 'locked'), 'danger') : null,
            ),
            h('span', { class: 'period-own' }, ownState(app, p.own)),
          ),
        ),
      ),
    ),
  );
}

function chosenPeriod(app: App, fileInput: HTMLInputElement): HTMLElement | null {
  const { lang, me } = app.state;
  const p = app.currentPeriod;
  if (!p || !me) return null;
  const own = p.own;
  const code = me.agency.code;
  return h(
    'div',
    {},
    section(
      'period-detail',
      `${p.label[lang]} (${p.code})`,
      periodFacts(app, p),
      h('p', { class: 'own-line' }, h('strong', {}, `${t(lang, 'myState')}: `), ownState(app, own)),
      own?.returnedComment
        ? h(
            'div',
            { class: 'message message-warning', id: 'returned-comment', role: 'note' },
            h('p', { class: 'message-title' }, t(lang, 'returnedComment')),
            h('blockquote', {}, own.returnedComment),
          )
        : null,
      own?.reopened
        ? h(
            'div',
            { class: 'message message-info' },
            h('p', {}, t(lang, 'reopenedBanner', { r: own.reopenReason ?? '' })),
          )
        : null,
      noticeBar(app, 'top'),
    ),
    returnedNotes(app),
    uploadSection(app, fileInput, code, !!(p.locked && !own?.reopened)),
    historyView(app),
  );
}

function historyView(app: App): HTMLElement {
  const { lang, history } = app.state;
  if (!history) {
    return section(
      'history',
      t(lang, 'historyTitle'),
      h('p', { class: 'loading' }, h('span', { class: 'spinner' }), t(lang, 'loading')),
    );
  }
  if (!history.versions.length) {
    return section(
      'history',
      t(lang, 'historyTitle'),
      h('p', { class: 'muted' }, t(lang, 'noHistory')),
    );
  }
  return section(
    'history',
    t(lang, 'historyTitle'),
    failureBar(app, 'history'),
    noticeBar(app, 'history'),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'grid responsive', id: 'history-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            (
              ['version', 'receivedAt', 'submittedBy', 'contentHash', 'review', 'file'] as const
            ).map((k) => h('th', { scope: 'col' }, t(lang, k))),
          ),
        ),
        h(
          'tbody',
          {},
          history.versions.map((v) => {
            const review = reviewLabel(v.reviewState);
            return h(
              'tr',
              { id: `version-${v.version}` },
              h('th', { scope: 'row', 'data-label': t(lang, 'version') }, String(v.version)),
              h('td', { 'data-label': t(lang, 'receivedAt') }, viDateTime(v.receivedAt)),
              h('td', { 'data-label': t(lang, 'submittedBy') }, v.submittedBy),
              h(
                'td',
                { 'data-label': t(lang, 'contentHash') },
                h('code', { title: v.contentHash }, shortHash(v.contentHash)),
              ),
              h(
                'td',
                { 'data-label': t(lang, 'review') },
                review ? badge(pick(lang, review), reviewTone(v.reviewState)) : null,
                reviewsOf(lang, v, app.state.tasks),
                v.warnings.length ? findingsView(v.warnings, lang) : null,
              ),
              h(
                'td',
                { 'data-label': t(lang, 'file') },
                button(app, {
                  id: `download-version-${v.version}`,
                  label: t(lang, 'downloadVersion'),
                  kind: 'subtle',
                  title: t(lang, 'downloadVersionOf', { v: v.version }),
                  busy: `version:${history.agency.code}:${v.version}`,
                  onClick: () => app.downloads.version(history.agency.code, v.version, 'history'),
                }),
                savedLink(app, `version:${history.agency.code}:${v.version}`),
              ),
            );
          }),
        ),
      ),
    ),
  );
}

/**
 * The coordinator's notes on the agency's returned version, beside its rows:
 * its tasks as a table, each note next to the task or in the cell it is about.
 */
function returnedNotes(app: App): HTMLElement | null {
  const { lang, history } = app.state;
  const latest = history?.versions[0];
  if (latest?.reviewState !== 'returned' || !latest.notes.length) return null;
  return section(
    'my-notes',
    t(lang, 'myNotesTitle'),
    h('p', { class: 'hint' }, t(lang, 'myNotesIntro', { v: latest.version })),
    reportTable(lang, {
      id: 'notes-table',
      rows: submissionOf(latest).rows,
      tasks: app.state.tasks,
      notes: latest.notes,
    }),
  );
}
