// The coordinator's part: who has reported for the chosen period (totals,
// one row per expected agency) and the merged workbook, opened or downloaded.

import { h } from '../../../client/dom.ts';
import { type Lang, pick } from '../../../client/i18n.ts';
import { reviewLabel, timelinessLabel } from '../../../client/states.ts';
import { viDateTime } from '../../../shared/text/vi-format.ts';
import type { Pane, PaneState } from '../pane.ts';
import { t } from '../words.ts';

/**
 * The completeness card: `#totals` and the `#completeness` table once `s.completeness` has
 * arrived, `#refresh` and `#open-merged` (disabled while busy or with no period), and the
 * `#merged-link` download when the merged workbook could not be opened in Excel, or on Mac
 * `#merged-web-page`, the web page opened in the browser (OpenBrowserWindowApi) or by the link.
 * Each agency's name is a button (`.open-report`) that opens its report (views/report.ts).
 */
export function coordinatorView(pane: Pane, s: PaneState): HTMLElement {
  const L = s.lang;
  const c = s.completeness;
  const off = s.busy !== null || !s.period;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'completeness-title' },
    h('h2', { id: 'completeness-title' }, t(L, 'completenessTitle')),
    c
      ? h(
          'p',
          { id: 'totals', class: 'totals' },
          `${t(L, 'received')} ${c.totals.received ?? 0}/${c.totals.expected ?? 0} · ${pick(L, timelinessLabel('on-time'))} ${c.totals.onTime ?? 0} · ${pick(L, timelinessLabel('late'))} ${c.totals.late ?? 0} · ${pick(L, timelinessLabel('missing'))} ${c.totals.missing ?? 0}`,
        )
      : null,
    c
      ? h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { id: 'completeness' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, t(L, 'agency')),
                h('th', { scope: 'col' }, t(L, 'timeliness')),
                h('th', { scope: 'col' }, t(L, 'versionShort')),
                h('th', { scope: 'col' }, t(L, 'review')),
              ),
            ),
            h(
              'tbody',
              {},
              c.agencies.map((r) =>
                h(
                  'tr',
                  { 'data-agency': r.agency.code, class: `status-${r.status}` },
                  h(
                    'th',
                    { scope: 'row', title: r.agency.name },
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'link open-report',
                        'aria-label': t(L, 'openReport', { a: r.agency.name }),
                        disabled: s.busy !== null,
                        onclick: () => void pane.openReport(r.agency.code),
                      },
                      r.agency.shortName || r.agency.code,
                    ),
                  ),
                  h(
                    'td',
                    {},
                    pick(L, timelinessLabel(r.status)),
                    r.latestReceivedAt
                      ? h('span', { class: 'time' }, viDateTime(r.latestReceivedAt))
                      : null,
                  ),
                  h('td', {}, r.latestVersion ?? '—'),
                  h('td', {}, reviewCell(L, r.reviewState)),
                ),
              ),
            ),
          ),
        )
      : null,
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          id: 'refresh',
          type: 'button',
          class: 'secondary',
          disabled: off,
          onclick: () => void pane.loadCompleteness(),
        },
        t(L, 'refresh'),
      ),
      h(
        'button',
        {
          id: 'open-merged',
          type: 'button',
          class: 'primary',
          disabled: off,
          onclick: () => void pane.openMerged(),
        },
        t(L, 'openMerged'),
      ),
      h(
        'button',
        {
          id: 'download-report',
          type: 'button',
          class: 'secondary',
          disabled: off,
          onclick: () => void pane.fetchReportDocx(),
        },
        t(L, 'downloadReport'),
      ),
    ),
    s.reportDocxUrl
      ? h(
          'p',
          {},
          h(
            'a',
            { id: 'report-docx-link', href: s.reportDocxUrl, download: `bao-cao-${s.period}.docx` },
            t(L, 'saveReportDocx'),
          ),
        )
      : null,
    s.mergedUrl
      ? h(
          'p',
          {},
          h(
            'a',
            { id: 'merged-link', href: s.mergedUrl, download: `tong-hop-${s.period}.xlsx` },
            t(L, 'downloadMerged'),
          ),
        )
      : null,
    s.mergedViaWebPage
      ? h(
          'p',
          {},
          h(
            'a',
            {
              id: 'merged-web-page',
              href: pane.webPageUrl,
              target: '_blank',
              rel: 'noopener',
              onclick: (e: Event) => {
                if (pane.openWebPage()) e.preventDefault();
              },
            },
            t(L, 'mergedWebPage'),
          ),
        )
      : null,
  );
}

/** A review state's label, or a dash before any version arrived. */
function reviewCell(L: Lang, state: string | null): string {
  const label = reviewLabel(state);
  return label ? pick(L, label) : '—';
}
