// The coordinator reading one agency's report before deciding: the receipt
// of the latest version, the report as a table with the cells changed since
// the compared version highlighted, the review history, and the decision:
// accept, or return with a comment and notes on tasks and fields; an
// accepted report can be reopened with a reason.
import { submissionOf, type Version } from '../../../client/api.ts';
import { h } from '../../../client/dom.ts';
import { type Lang, pick } from '../../../client/i18n.ts';
import { reviewLabel } from '../../../client/states.ts';
import { FILL_KEYS } from '../../../shared/layout/columns.ts';
import { viDateTime } from '../../../shared/text/vi-format.ts';
import { REVIEW_ACTION_LABELS } from '../../../shared/vocabulary/index.ts';
import { REVIEW_FIELDS } from '../actions/review.ts';
import type { App } from '../app.ts';
import { clip } from '../format.ts';
import type { ReportView as Report } from '../state.ts';
import { reviewTone } from '../tones.ts';
import { t } from '../words.ts';
import { fieldHeader, reportTable, taskLabel } from './report-table.ts';
import { reviewsOf } from './reviews.ts';
import {
  badge,
  button,
  failureBar,
  field,
  noticeBar,
  section,
  select,
  submitButton,
} from './ui.ts';

export function reportView(app: App): HTMLElement | null {
  const report = app.state.report;
  if (!report) return null;
  const lang = app.state.lang;
  const row = app.state.completeness?.agencies.find((r) => r.agency.code === report.agency);
  const name = row ? `${row.agency.name} (${report.agency})` : report.agency;
  const latest = report.history?.versions[0];
  return section(
    'report',
    t(lang, 'reportTitle', { a: name }),
    h(
      'div',
      { class: 'actions report-close' },
      button(app, {
        id: 'report-close',
        label: t(lang, 'close'),
        kind: 'subtle',
        onClick: () => app.review.close(),
      }),
    ),
    failureBar(app, 'report'),
    noticeBar(app, 'report'),
    !report.history
      ? h('p', { class: 'loading' }, h('span', { class: 'spinner' }), t(lang, 'loading'))
      : !latest
        ? h('p', { class: 'muted' }, t(lang, 'noReport'))
        : h(
            'div',
            { class: 'report-body' },
            receipt(lang, latest),
            compareBar(app, report),
            reportTable(lang, {
              id: 'report-table',
              rows: submissionOf(latest).rows,
              tasks: app.state.tasks,
              changes: report.diff?.changes ?? [],
            }),
            historyOfReviews(app, report),
            decision(app, report, latest),
          ),
  );
}

function receipt(lang: Lang, v: Version): HTMLElement {
  const review = reviewLabel(v.reviewState);
  return h(
    'dl',
    { class: 'receipt-facts', id: 'report-receipt' },
    h('dt', {}, t(lang, 'version')),
    h('dd', { id: 'report-version' }, String(v.version)),
    h('dt', {}, t(lang, 'receivedAt')),
    h('dd', {}, viDateTime(v.receivedAt)),
    h('dt', {}, t(lang, 'submittedBy')),
    h('dd', {}, v.submittedBy),
    h('dt', {}, t(lang, 'contentHash')),
    h('dd', { class: 'hash' }, h('code', {}, v.contentHash)),
    h('dt', {}, t(lang, 'review')),
    h(
      'dd',
      { id: 'report-state' },
      review ? badge(pick(lang, review), reviewTone(v.reviewState)) : null,
    ),
  );
}

function compareBar(app: App, report: Report): HTMLElement {
  const lang = app.state.lang;
  const diff = report.diff;
  const versions = report.history?.versions.length ?? 0;
  let summary: string;
  if (diff?.from) {
    const from =
      diff.from.period === diff.period
        ? t(lang, 'comparedVersion', { v: diff.from.version })
        : t(lang, 'comparedPeriod', { p: diff.from.period, v: diff.from.version });
    summary = diff.changes.length
      ? t(lang, 'comparing', { f: from, n: diff.changes.length })
      : `${from}: ${t(lang, 'noChanges')}`;
  } else if (report.compare === 'returned' && versions < 2) {
    summary = t(lang, 'nothingToCompare');
  } else {
    summary = app.isBusy(`diff:${report.agency}`) ? t(lang, 'loading') : '';
  }
  const choice = (
    id: string,
    compare: Report['compare'],
    word: 'compareReturned' | 'comparePrevious',
  ) =>
    button(app, {
      id,
      label: t(lang, word),
      pressed: report.compare === compare,
      busy: `diff:${report.agency}`,
      onClick: () => app.review.compare(compare),
    });
  return h(
    'div',
    { class: 'compare-bar', role: 'group', 'aria-labelledby': 'compare-title' },
    h('span', { class: 'compare-title', id: 'compare-title' }, `${t(lang, 'compareTitle')}:`),
    choice('compare-returned', 'returned', 'compareReturned'),
    choice('compare-previous', 'previous-period', 'comparePrevious'),
    summary ? h('p', { class: 'compare-summary', id: 'compare-summary' }, summary) : null,
  );
}

function historyOfReviews(app: App, report: Report): HTMLElement {
  const lang = app.state.lang;
  const versions = report.history?.versions ?? [];
  const reviewed = versions.filter((v) => v.reviews.length);
  return h(
    'div',
    { class: 'review-history', id: 'review-history' },
    h('h3', {}, t(lang, 'reviewHistoryTitle')),
    reviewed.length
      ? reviewed.map((v) =>
          h(
            'div',
            { class: 'review-version' },
            h('h4', {}, `${t(lang, 'version')} ${v.version} · ${viDateTime(v.receivedAt)}`),
            reviewsOf(lang, v, app.state.tasks),
          ),
        )
      : h('p', { class: 'muted' }, t(lang, 'noReviews')),
  );
}

function decision(app: App, report: Report, latest: Version): HTMLElement {
  const lang = app.state.lang;
  const busy = `review:${report.agency}`;
  const intro = h('p', { class: 'hint' }, t(lang, 'decideOnVersion', { v: latest.version }));
  const form = (onSubmit: () => Promise<void>, ...children: (Node | null)[]) =>
    h(
      'form',
      {
        class: 'decision',
        id: 'decision',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void onSubmit();
        },
      },
      h('h3', {}, t(lang, 'decideTitle')),
      intro,
      ...children,
    );
  if (latest.reviewState === 'accepted') {
    return form(
      () => app.review.reopen(),
      field(app, {
        id: REVIEW_FIELDS.reopenReason,
        label: t(lang, 'reopenReviewReason'),
        multiline: true,
        attrs: { maxlength: 2000 },
      }),
      h(
        'div',
        { class: 'actions' },
        submitButton(
          app,
          'review-reopen',
          pick(lang, REVIEW_ACTION_LABELS.reopen),
          busy,
          'secondary',
        ),
      ),
    );
  }
  const tasks = submissionOf(latest).rows.map((r) => r.taskId);
  return form(
    () => app.review.returnReport(),
    h(
      'fieldset',
      { class: 'note-form' },
      h('legend', {}, t(lang, 'notesTitle')),
      select(app, {
        id: REVIEW_FIELDS.noteTask,
        label: t(lang, 'noteTask'),
        options: tasks.map((id) => ({ value: id, label: clip(taskLabel(app.state.tasks, id)) })),
      }),
      select(app, {
        id: REVIEW_FIELDS.noteField,
        label: t(lang, 'noteField'),
        options: [
          { value: '', label: t(lang, 'wholeRow') },
          ...FILL_KEYS.map((f) => ({ value: f, label: fieldHeader(lang, f) })),
        ],
      }),
      field(app, {
        id: REVIEW_FIELDS.noteText,
        label: t(lang, 'noteText'),
        multiline: true,
        attrs: { maxlength: 1000 },
      }),
      h(
        'div',
        { class: 'actions' },
        button(app, {
          id: 'note-add',
          label: t(lang, 'addNote'),
          onClick: () => app.review.addNote(),
        }),
      ),
      report.notes.length
        ? h(
            'ul',
            { class: 'note-list draft-notes', id: 'draft-notes' },
            report.notes.map((n, i) => {
              const where = `${clip(taskLabel(app.state.tasks, n.taskId), 60)}${n.field ? ` — ${fieldHeader(lang, n.field)}` : ''}`;
              return h(
                'li',
                {},
                h('span', { class: 'note-where' }, where),
                h('span', { class: 'note-text' }, n.text),
                button(app, {
                  id: `note-remove-${i}`,
                  label: t(lang, 'removeNote'),
                  kind: 'subtle',
                  title: t(lang, 'removeNoteOf', { t: where }),
                  onClick: () => app.review.removeNote(i),
                }),
              );
            }),
          )
        : null,
    ),
    field(app, {
      id: REVIEW_FIELDS.comment,
      label: t(lang, 'returnComment'),
      multiline: true,
      attrs: { maxlength: 2000 },
    }),
    h(
      'div',
      { class: 'actions' },
      button(app, {
        id: 'review-accept',
        label: pick(lang, REVIEW_ACTION_LABELS.accept),
        kind: 'primary',
        busy,
        onClick: () => app.review.accept(),
      }),
      submitButton(app, 'review-return', pick(lang, REVIEW_ACTION_LABELS.return), busy, 'danger'),
    ),
  );
}
