// The coordinator's page: the period, who has reported (totals, a chart,
// one row per expected agency with accept / return / template), then the
// deadline and lock, downloads and access keys.

import type { CompletenessRow } from '../../../client/api.ts';
import { fromMarkup, h } from '../../../client/dom.ts';
import { type Lang, pick } from '../../../client/i18n.ts';
import { reviewLabel, timelinessLabel } from '../../../client/states.ts';
import { viDateTime } from '../../../shared/text/vi-format.ts';
import { REVIEW_ACTION_LABELS } from '../../../shared/vocabulary/index.ts';
import type { App } from '../app.ts';
import { barChartSvg } from '../chart.ts';
import { reviewTone, timelinessTone } from '../tones.ts';
import { t } from '../words.ts';
import { agenciesView } from './agencies.ts';
import { documentView } from './document.ts';
import { keysView } from './keys.ts';
import { periodBar } from './period.ts';
import { reportView } from './report.ts';
import { settingsView } from './settings.ts';
import { badge, button, failureBar, field, noticeBar, savedLink, section } from './ui.ts';
import { uploadSection } from './upload.ts';

/** The page's palette for the chart (Fluent colours, AA contrast on white). */
export const CHART_COLORS = {
  received: '#0f6cbd',
  onTime: '#107c10',
  late: '#bc4b09',
  missing: '#8a8886',
} as const;

export function coordinatorView(app: App, fileInput: HTMLInputElement): HTMLElement {
  const me = app.state.me;
  return h(
    'div',
    { class: 'page coordinator' },
    periodBar(app),
    reportView(app),
    h(
      'div',
      { class: 'columns' },
      h('div', { class: 'main-col' }, completenessView(app)),
      h('div', { class: 'side-col' }, downloadsView(app), settingsView(app)),
    ),
    // The coordinating office reports too: its key sends the office's own report.
    me
      ? uploadSection(
          app,
          fileInput,
          me.agency.code,
          !!app.currentPeriod?.locked,
          t(app.state.lang, 'ownReportIntro', { a: me.agency.shortName }),
        )
      : null,
    agenciesView(app),
    documentView(app),
    keysView(app),
  );
}

function completenessView(app: App): HTMLElement {
  const { lang, completeness } = app.state;
  const reopened = new Map(
    (app.currentPeriod && 'reopenings' in app.currentPeriod
      ? app.currentPeriod.reopenings
      : []
    ).map((r) => [r.agency, r.reason]),
  );
  if (!completeness) {
    return section(
      'completeness',
      t(lang, 'completenessTitle'),
      failureBar(app, 'completeness'),
      h('p', { class: 'loading' }, h('span', { class: 'spinner' }), t(lang, 'loading')),
    );
  }
  const { totals } = completeness;
  // Counts by timeliness take the vocabulary's words, as the table's badges do.
  const labels = {
    expected: t(lang, 'expected'),
    received: t(lang, 'received'),
    onTime: pick(lang, timelinessLabel('on-time')),
    late: pick(lang, timelinessLabel('late')),
    missing: pick(lang, timelinessLabel('missing')),
  };
  const total = (key: keyof typeof labels, tone: string) =>
    h(
      'div',
      { class: `total total-${tone}`, id: `total-${key}` },
      h('span', { class: 'total-value' }, String(totals[key])),
      h('span', { class: 'total-label' }, labels[key]),
    );
  const chart = barChartSvg(
    [
      { label: labels.received, value: totals.received, color: CHART_COLORS.received },
      { label: labels.onTime, value: totals.onTime, color: CHART_COLORS.onTime },
      { label: labels.late, value: totals.late, color: CHART_COLORS.late },
      { label: labels.missing, value: totals.missing, color: CHART_COLORS.missing },
    ],
    // A narrow drawing, so that it stays legible when scaled down to a phone.
    { title: `${t(lang, 'chartTitle')} (${totals.expected})`, width: 380, labelWidth: 100 },
  );
  return section(
    'completeness',
    t(lang, 'completenessTitle'),
    h(
      'div',
      { class: 'totals' },
      total('expected', 'neutral'),
      total('received', 'info'),
      total('onTime', 'success'),
      total('late', 'warning'),
      total('missing', 'danger'),
    ),
    h('figure', { class: 'chart', id: 'chart' }, fromMarkup(chart)),
    failureBar(app, 'completeness'),
    noticeBar(app, 'completeness'),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'grid responsive', id: 'completeness-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            (['agency', 'timeliness', 'version', 'receivedAt', 'review', 'actions'] as const).map(
              (k) => h('th', { scope: 'col' }, t(lang, k)),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          completeness.agencies.flatMap((row) =>
            agencyRows(app, row, reopened.get(row.agency.code)),
          ),
        ),
      ),
    ),
  );
}

function agencyRows(
  app: App,
  row: CompletenessRow,
  reopenReason: string | undefined,
): HTMLElement[] {
  const lang = app.state.lang;
  const code = row.agency.code;
  const review = reviewLabel(row.reviewState);
  const cells = (label: string, ...content: (Node | string | null)[]) =>
    h('td', { 'data-label': label }, ...content);
  const main = h(
    'tr',
    { id: `row-${code}`, 'data-agency': code },
    h(
      'th',
      { scope: 'row', 'data-label': t(lang, 'agency') },
      h('span', { class: 'agency-name' }, row.agency.name),
      h('span', { class: 'agency-code' }, code),
      reopenReason ? badge(t(lang, 'reopenedFor', { r: reopenReason }), 'info') : null,
    ),
    cells(
      t(lang, 'timeliness'),
      badge(
        pick(lang, timelinessLabel(row.status, row.overdue)),
        timelinessTone(row.status, row.overdue),
      ),
    ),
    cells(t(lang, 'version'), row.latestVersion ? String(row.latestVersion) : t(lang, 'none')),
    cells(
      t(lang, 'receivedAt'),
      row.latestReceivedAt ? viDateTime(row.latestReceivedAt) : t(lang, 'none'),
    ),
    cells(
      t(lang, 'review'),
      review ? badge(pick(lang, review), reviewTone(row.reviewState)) : t(lang, 'none'),
      row.reviewState === 'returned' && row.reviewComment
        ? h('span', { class: 'comment' }, `“${row.reviewComment}”`)
        : null,
    ),
    cells(t(lang, 'actions'), rowActions(app, row)),
  );
  if (app.state.returning !== code) return [main];
  return [main, returnForm(app, row, lang)];
}

function rowActions(app: App, row: CompletenessRow): HTMLElement {
  const lang = app.state.lang;
  const code = row.agency.code;
  const reviewing = `review:${code}`;
  return h(
    'div',
    { class: 'row-actions' },
    row.latestVersion
      ? button(app, {
          id: `view-${code}`,
          label: t(lang, 'viewReport'),
          title: t(lang, 'viewReportOf', { a: row.agency.shortName }),
          busy: `report:${code}`,
          pressed: app.state.report?.agency === code,
          onClick: () => app.review.open(code),
        })
      : null,
    row.latestVersion && row.reviewState !== 'accepted'
      ? button(app, {
          id: `accept-${code}`,
          label: pick(lang, REVIEW_ACTION_LABELS.accept),
          kind: 'primary',
          busy: reviewing,
          onClick: () => app.coordinator.accept(code, row.latestVersion),
        })
      : null,
    row.latestVersion && row.reviewState !== 'returned'
      ? button(app, {
          id: `return-${code}`,
          label: pick(lang, REVIEW_ACTION_LABELS.return),
          busy: reviewing,
          pressed: app.state.returning === code,
          onClick: () => app.coordinator.openReturn(app.state.returning === code ? null : code),
        })
      : null,
    button(app, {
      id: `template-${code}`,
      label: t(lang, 'template'),
      kind: 'subtle',
      title: t(lang, 'templateOf', { a: row.agency.shortName }),
      busy: `template:${code}`,
      onClick: () => app.downloads.template(code, 'completeness'),
    }),
  );
}

function returnForm(app: App, row: CompletenessRow, lang: Lang): HTMLElement {
  const code = row.agency.code;
  return h(
    'tr',
    { class: 'return-row' },
    h(
      'td',
      { colspan: 6 },
      h(
        'form',
        {
          class: 'inline-form',
          onsubmit: (e: Event) => {
            e.preventDefault();
            void app.coordinator.returnReport(code, row.latestVersion);
          },
        },
        field(app, {
          id: `return-comment-${code}`,
          label: `${t(lang, 'returnComment')} — ${row.agency.shortName}`,
          multiline: true,
          attrs: { maxlength: 2000 },
        }),
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              type: 'submit',
              id: `return-confirm-${code}`,
              class: 'btn btn-danger',
              disabled: app.isBusy(`review:${code}`),
            },
            app.isBusy(`review:${code}`) ? h('span', { class: 'spinner' }) : null,
            pick(lang, REVIEW_ACTION_LABELS.return),
          ),
          button(app, {
            id: `return-cancel-${code}`,
            label: t(lang, 'cancel'),
            kind: 'subtle',
            onClick: () => app.coordinator.openReturn(null),
          }),
        ),
      ),
    ),
  );
}

function downloadsView(app: App): HTMLElement {
  const lang = app.state.lang;
  const agencies = app.state.completeness?.agencies ?? [];
  const chosen = app.draft('template-agency') || agencies[0]?.agency.code || '';
  return section(
    'downloads',
    t(lang, 'downloadsTitle'),
    h('p', { class: 'hint' }, t(lang, 'mergedHint')),
    h(
      'div',
      { class: 'actions' },
      button(app, {
        id: 'download-merged',
        label: t(lang, 'downloadMerged'),
        kind: 'primary',
        busy: 'merged',
        busyLabel: t(lang, 'loading'),
        onClick: () => app.downloads.merged(),
      }),
      button(app, {
        id: 'download-report',
        label: t(lang, 'downloadReport'),
        kind: 'secondary',
        busy: 'report',
        busyLabel: t(lang, 'loading'),
        onClick: () => app.downloads.report(),
      }),
    ),
    h('p', { class: 'hint' }, t(lang, 'reportHint')),
    savedLink(app, 'merged'),
    savedLink(app, 'report'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'template-agency' }, t(lang, 'agency')),
      h(
        'select',
        {
          id: 'template-agency',
          onchange: (e: Event) =>
            app.setDraft('template-agency', (e.target as HTMLSelectElement).value),
        },
        agencies.map((r) =>
          h(
            'option',
            { value: r.agency.code, selected: r.agency.code === chosen },
            `${r.agency.shortName} (${r.agency.code})`,
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      button(app, {
        id: 'download-template',
        label: t(lang, 'downloadTemplate'),
        busy: `template:${chosen}`,
        busyLabel: t(lang, 'loading'),
        disabled: !chosen,
        onClick: () => app.downloads.template(app.draft('template-agency') || chosen, 'downloads'),
      }),
    ),
    savedLink(app, `template:${chosen}`),
    failureBar(app, 'downloads'),
    noticeBar(app, 'downloads'),
  );
}
