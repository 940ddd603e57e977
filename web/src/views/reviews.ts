// The review history of a report's versions: for each review, the version,
// what it did (the vocabulary's outcome words), who, when (dd/mm/yyyy
// HH:MM), the comment and the notes on tasks. The coordinator's report view
// and the agency's version history show it.
import type { Version } from '../../../client/api.ts';
import { h } from '../../../client/dom.ts';
import { type Lang, pick } from '../../../client/i18n.ts';
import { reviewOutcomeLabel } from '../../../client/states.ts';
import { viDateTime } from '../../../shared/text/vi-format.ts';
import type { TaskName } from '../state.ts';
import { reviewTone } from '../tones.ts';
import { t } from '../words.ts';
import { fieldHeader, taskLabel } from './report-table.ts';
import { badge } from './ui.ts';

/** One review: outcome badge, who and when, the comment, the notes as a list. */
function reviewItem(
  lang: Lang,
  r: Version['reviews'][number],
  tasks: Record<string, TaskName> | null,
): HTMLElement {
  // A reopening makes the version "awaiting review" again: the same tone as received.
  const tone = reviewTone(r.state === 'reopened' ? 'received' : r.state);
  return h(
    'li',
    { class: 'review-item', 'data-state': r.state },
    h(
      'p',
      { class: 'review-head' },
      badge(pick(lang, reviewOutcomeLabel(r.state)), tone),
      h('span', { class: 'muted' }, `${r.reviewer} · ${viDateTime(r.reviewedAt)}`),
    ),
    r.comment ? h('p', { class: 'comment' }, `“${r.comment}”`) : null,
    r.notes.length
      ? h(
          'ul',
          { class: 'note-list' },
          r.notes.map((n) =>
            h(
              'li',
              {},
              h(
                'span',
                { class: 'note-where' },
                taskLabel(tasks, n.taskId),
                n.field ? ` — ${fieldHeader(lang, n.field)}` : '',
              ),
              h('span', { class: 'note-text' }, n.text),
            ),
          ),
        )
      : null,
  );
}

/** The reviews of one version, oldest first; null when it has none. */
export function reviewsOf(
  lang: Lang,
  v: Version,
  tasks: Record<string, TaskName> | null,
): HTMLElement | null {
  if (!v.reviews.length) return null;
  return h(
    'ol',
    { class: 'review-list', 'aria-label': t(lang, 'reviewHistoryTitle') },
    v.reviews.map((r) => reviewItem(lang, r, tasks)),
  );
}
