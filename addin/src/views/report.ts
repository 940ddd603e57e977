// The coordinator's reading of one agency's report in the pane's narrow
// width: the versions received (receipt, reviews and notes), the cells
// changed since the version last returned, then the latest version task by
// task in appendix order, its changed cells marked.

import { type Diff, type History, submissionOf } from '../../../client/api.ts';
import { h } from '../../../client/dom.ts';
import { type Lang, pick } from '../../../client/i18n.ts';
import { reviewLabel, reviewOutcomeLabel, taskStatusLabel } from '../../../client/states.ts';
import { COLUMNS, type FillKey } from '../../../shared/layout/columns.ts';
import { lySon58 } from '../../../shared/plan/ly-son-58.ts';
import { viDateTime, viNumber } from '../../../shared/text/vi-format.ts';
import type { Pane, PaneState } from '../pane.ts';
import { t } from '../words.ts';

/** A percentage the Vietnamese way: 30,5 (up to two decimals). */
const vn = (v: number) =>
  viNumber(v, Number.isInteger(v) ? 0 : Math.min(2, String(v).split('.')[1]?.length ?? 0));

const header = (field: string, L: Lang) => {
  const c = COLUMNS.find((x) => x.key === field);
  return c ? pick(L, c.header) : field;
};

/** A cell's value as the pane shows it: status by its label, empty as "(trống)". */
function shown(L: Lang, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return t(L, 'empty');
  if (field === 'status') return pick(L, taskStatusLabel(String(v)));
  if (field === 'percent') return typeof v === 'number' ? `${L === 'vi' ? vn(v) : v}%` : `${v}%`;
  return String(v);
}

/**
 * The `#report` card for `s.report`: `#close-report`, `#versions` (newest first: version, time,
 * review state, each review with its comment and notes), `#changes` (the diff, one `.change`
 * per cell with before and after) and `#report-tasks`, one `.task` per task of the latest
 * version with status, percent and texts; a field changed in the diff has class `changed`.
 */
export function reportView(pane: Pane, s: PaneState): HTMLElement | null {
  const r = s.report;
  if (!r) return null;
  const L = s.lang;
  const name = r.history.agency.name;
  const latest = r.history.versions[0];
  return h(
    'section',
    { id: 'report', class: 'card report', 'aria-labelledby': 'report-title' },
    h(
      'button',
      { id: 'close-report', type: 'button', class: 'link', onclick: () => pane.closeReport() },
      t(L, 'backToTable'),
    ),
    h('h2', { id: 'report-title' }, `${name} (${r.agency}) — ${r.history.period}`),
    latest ? versionsView(L, r.history) : h('p', { class: 'hint' }, t(L, 'noVersionYet')),
    latest
      ? h(
          'div',
          { class: 'compare', role: 'group', 'aria-label': t(L, 'compareWith') },
          (['returned', 'previous-period'] as const).map((against) =>
            h(
              'button',
              {
                type: 'button',
                id: `compare-${against}`,
                class: 'btn',
                'aria-pressed': r.against === against ? 'true' : 'false',
                disabled: s.busy !== null,
                onclick: () => pane.compareReport(against),
              },
              t(L, against === 'returned' ? 'compareReturned' : 'comparePrevious'),
            ),
          ),
        )
      : null,
    r.diff ? changesView(L, r.diff) : null,
    latest ? tasksView(L, r.agency, latest, r.diff) : null,
  );
}

function versionsView(L: Lang, history: History): HTMLElement {
  return h(
    'div',
    {},
    h('h3', {}, t(L, 'versionsTitle')),
    h(
      'ol',
      { id: 'versions', class: 'versions', reversed: true },
      history.versions.map((v) => {
        const state = reviewLabel(v.reviewState);
        return h(
          'li',
          { 'data-version': v.version },
          h(
            'p',
            { class: 'receipt-line' },
            h('strong', {}, `${t(L, 'version')} ${v.version}`),
            ` · ${viDateTime(v.receivedAt)}`,
            state ? ` · ${pick(L, state)}` : '',
          ),
          h('p', { class: 'hash', title: t(L, 'contentHash') }, v.contentHash.slice(0, 16)),
          v.reviews.length
            ? h(
                'ul',
                { class: 'reviews' },
                v.reviews.map((rv) =>
                  h(
                    'li',
                    { class: `review ${rv.state}` },
                    `${pick(L, reviewOutcomeLabel(rv.state))} · ${viDateTime(rv.reviewedAt)} · ${rv.reviewer}`,
                    rv.comment ? h('blockquote', {}, rv.comment) : null,
                    rv.notes.length
                      ? h(
                          'ul',
                          { class: 'review-notes' },
                          rv.notes.map((n) =>
                            h(
                              'li',
                              {},
                              h(
                                'strong',
                                {},
                                `${t(L, 'taskNo', { n: n.taskId })} · ${n.field ? header(n.field, L) : t(L, 'wholeRow')}: `,
                              ),
                              n.text,
                            ),
                          ),
                        )
                      : null,
                  ),
                ),
              )
            : null,
        );
      }),
    ),
  );
}

function changesView(L: Lang, diff: Diff): HTMLElement {
  return h(
    'div',
    { id: 'changes' },
    h(
      'h3',
      {},
      diff.from && diff.from.period !== diff.to.period
        ? t(L, 'changesSincePeriod', { p: diff.from.period, v: diff.from.version })
        : t(L, 'changesTitle', { v: diff.from?.version ?? '—' }),
    ),
    diff.changes.length
      ? h(
          'ul',
          { class: 'changes' },
          diff.changes.map((c) =>
            h(
              'li',
              { class: 'change', 'data-task': c.taskId, 'data-field': c.field },
              h('strong', {}, `${t(L, 'taskNo', { n: c.taskId })} · ${header(c.field, L)}`),
              h(
                'p',
                { class: 'before' },
                `${t(L, 'before')}: `,
                h('del', {}, shown(L, c.field, c.before)),
              ),
              h(
                'p',
                { class: 'after' },
                `${t(L, 'after')}: `,
                h('ins', {}, shown(L, c.field, c.after)),
              ),
            ),
          ),
        )
      : h('p', { class: 'hint' }, t(L, 'noChanges')),
  );
}

function tasksView(
  L: Lang,
  agency: string,
  latest: History['versions'][number],
  diff: Diff | null,
): HTMLElement {
  const rows = new Map(submissionOf(latest).rows.map((r) => [r.taskId, r]));
  const changed = new Set(
    (diff?.to.version === latest.version ? diff.changes : []).map((c) => `${c.taskId} ${c.field}`),
  );
  const fields: FillKey[] = ['result', 'completedProducts', 'difficulties', 'proposals'];
  const mark = (taskId: string, field: string) =>
    changed.has(`${taskId} ${field}`) ? 'changed' : undefined;
  return h(
    'div',
    {},
    h('h3', {}, t(L, 'reportTasks', { v: latest.version })),
    h(
      'ol',
      { id: 'report-tasks', class: 'tasks' },
      lySon58.tasksFor(agency).map(({ task }) => {
        const row = rows.get(task.id);
        return h(
          'li',
          { class: 'task', 'data-task': task.id },
          h('p', { class: 'task-title' }, h('strong', {}, task.id), ` ${task.content}`),
          row
            ? [
                h(
                  'p',
                  { class: 'task-state' },
                  h(
                    'span',
                    { class: mark(task.id, 'status'), 'data-field': 'status' },
                    shown(L, 'status', row.status),
                  ),
                  ' · ',
                  h(
                    'span',
                    { class: mark(task.id, 'percent'), 'data-field': 'percent' },
                    shown(L, 'percent', row.percent),
                  ),
                ),
                h(
                  'dl',
                  {},
                  fields.flatMap((f) =>
                    row[f]
                      ? [
                          h('dt', {}, header(f, L)),
                          h('dd', { class: mark(task.id, f), 'data-field': f }, String(row[f])),
                        ]
                      : [],
                  ),
                ),
              ]
            : h('p', { class: 'hint' }, t(L, 'empty')),
        );
      }),
    ),
  );
}
