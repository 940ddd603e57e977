// Agency names (coordinator): placeholder villages first, each row with its
// full and short name to edit and a save button. Closed until asked for, so
// the page does not load the list on every sign-in.
import { h } from '../../../client/dom.ts';
import type { App } from '../app.ts';
import { t } from '../words.ts';
import { badge, button, failureBar, field, noticeBar, section } from './ui.ts';

export function agenciesView(app: App): HTMLElement {
  const { lang, agencies, renaming } = app.state;
  const rows = [...agencies].sort((a, b) => Number(b.placeholder) - Number(a.placeholder));
  return section(
    'agencies',
    t(lang, 'agenciesTitle'),
    h('p', { class: 'hint' }, t(lang, 'agenciesIntro')),
    failureBar(app, 'agencies'),
    noticeBar(app, 'agencies'),
    !renaming
      ? h(
          'div',
          { class: 'actions' },
          button(app, {
            id: 'show-agencies',
            label: t(lang, 'showAgencies'),
            busy: 'agencies',
            busyLabel: t(lang, 'loading'),
            onClick: () => app.agencies.open(),
          }),
        )
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'grid responsive', id: 'agencies-table' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                (['agency', 'agencyName', 'agencyShortName', 'actions'] as const).map((k) =>
                  h('th', { scope: 'col' }, t(lang, k)),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              rows.map((a) =>
                h(
                  'tr',
                  { id: `agency-${a.code}` },
                  h(
                    'th',
                    { scope: 'row', 'data-label': t(lang, 'agency') },
                    h('code', {}, a.code),
                    a.placeholder ? [' ', badge(t(lang, 'placeholderName'), 'warning')] : null,
                  ),
                  h(
                    'td',
                    { 'data-label': t(lang, 'agencyName') },
                    field(app, {
                      id: `agency-name-${a.code}`,
                      label: t(lang, 'agencyName'),
                      value: a.name,
                      attrs: { maxlength: 200 },
                    }),
                  ),
                  h(
                    'td',
                    { 'data-label': t(lang, 'agencyShortName') },
                    field(app, {
                      id: `agency-short-${a.code}`,
                      label: t(lang, 'agencyShortName'),
                      value: a.shortName,
                      attrs: { maxlength: 40 },
                    }),
                  ),
                  h(
                    'td',
                    { 'data-label': t(lang, 'actions') },
                    button(app, {
                      id: `rename-${a.code}`,
                      label: t(lang, 'saveName'),
                      busy: `rename:${a.code}`,
                      onClick: () => app.agencies.rename(a.code),
                    }),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}
