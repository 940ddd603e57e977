// Draws the pane from its state. Every control is a native element (button,
// select, input, a), so the keyboard works as everywhere in Office: Tab,
// Enter, Space, arrows in the period list.

import { dueState, dueText } from '../../../client/deadline.ts';
import { h, replace } from '../../../client/dom.ts';
import { type Lang, other, pick } from '../../../client/i18n.ts';
import { listedPeriods } from '../../../client/periods.ts';
import { keyRoleLabel, reviewLabel, timelinessLabel } from '../../../client/states.ts';
import { viDate, viDateTime } from '../../../shared/text/vi-format.ts';
import type { Finding } from '../../../shared/validate/findings.ts';
import { groupFindings } from '../../../shared/validate/group.ts';
import { REVIEW_STATE_LABELS } from '../../../shared/vocabulary/index.ts';
import type { Pane, PaneState } from '../pane.ts';
import { t, type WordKey } from '../words.ts';

const BUSY_WORDS: Record<string, WordKey> = {
  connect: 'connecting',
  create: 'creating',
  check: 'checking',
  submit: 'submitting',
  completeness: 'loading',
  merged: 'openingMerged',
};

export function render(root: HTMLElement, pane: Pane, s: PaneState): void {
  const L = s.lang;
  document.documentElement.lang = L;
  document.title = t(L, 'appTitle');
  replace(
    root,
    header(pane, s),
    h(
      'main',
      { class: 'content' },
      s.inExcel ? null : outside(L),
      connect(pane, s),
      s.me ? period(pane, s) : null,
      s.me?.role === 'agency' ? actions(pane, s) : null,
      s.me?.role === 'coordinator' ? coordinator(pane, s) : null,
      progress(s),
      failure(pane, s),
      notice(s),
      s.receipt ? receipt(s) : null,
      s.check ? findings(pane, s) : null,
    ),
  );
}

function header(pane: Pane, s: PaneState): HTMLElement {
  const L = s.lang;
  return h(
    'header',
    { class: 'bar' },
    h('h1', {}, t(L, 'appTitle')),
    h(
      'button',
      {
        id: 'lang',
        class: 'link',
        type: 'button',
        'aria-label': t(L, 'switchLangLabel'),
        onclick: () => pane.setLang(other(L)),
      },
      t(L, 'switchLang'),
    ),
  );
}

function outside(L: Lang): HTMLElement {
  return h(
    'div',
    { class: 'message info', role: 'note', id: 'outside' },
    t(L, 'outside'),
    ' ',
    h('a', { href: '/' }, t(L, 'webPage')),
    '.',
  );
}

function connect(pane: Pane, s: PaneState): HTMLElement {
  const L = s.lang;
  if (s.me) {
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'who' },
      h(
        'p',
        { id: 'who', class: 'who' },
        h('span', { class: 'caption' }, pick(L, keyRoleLabel(s.me.role))),
        h('strong', {}, s.me.agency.name),
        h('span', { class: 'code' }, s.me.agency.code),
      ),
      h(
        'button',
        { id: 'sign-out', type: 'button', class: 'secondary', onclick: () => pane.signOut() },
        t(L, 'signOut'),
      ),
    );
  }
  const input = h('input', {
    id: 'key',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'key-hint',
  }) as HTMLInputElement;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'connect-title' },
    h('h2', { id: 'connect-title' }, t(L, 'connectTitle')),
    h(
      'form',
      {
        onsubmit: (e: Event) => {
          e.preventDefault();
          void pane.connect(input.value);
        },
      },
      h('label', { for: 'key' }, t(L, 'keyLabel')),
      input,
      h('p', { id: 'key-hint', class: 'hint' }, t(L, 'keyHint')),
      h(
        'button',
        { id: 'connect', type: 'submit', class: 'primary', disabled: s.busy !== null },
        t(L, 'connect'),
      ),
    ),
  );
}

function period(pane: Pane, s: PaneState): HTMLElement {
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

function actions(pane: Pane, s: PaneState): HTMLElement {
  const L = s.lang;
  const off = s.busy !== null || !s.inExcel || !s.period;
  // A locked period takes no report unless it was reopened for this agency (the lock note says why).
  const p = pane.currentPeriod;
  const closed = !!p?.locked && !p.own?.reopened;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'actions-title' },
    h('h2', { id: 'actions-title' }, t(L, 'actionsTitle')),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          id: 'create',
          type: 'button',
          class: 'secondary',
          disabled: off,
          onclick: () => void pane.createSheet(),
        },
        t(L, 'create'),
      ),
      h(
        'button',
        {
          id: 'check',
          type: 'button',
          class: 'secondary',
          disabled: off,
          onclick: () => void pane.check(),
        },
        t(L, 'check'),
      ),
      h(
        'button',
        {
          id: 'submit',
          type: 'button',
          class: 'primary',
          disabled: off || closed,
          onclick: () => void pane.submit(),
        },
        t(L, 'submit'),
      ),
    ),
    s.inExcel && !s.supportsExcelApi18 ? h('p', { class: 'hint' }, t(L, 'noValidation')) : null,
  );
}

function coordinator(pane: Pane, s: PaneState): HTMLElement {
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
                    r.agency.shortName || r.agency.code,
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
    ),
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
  );
}

/** A review state's label, or a dash before any version arrived. */
function reviewCell(L: Lang, state: string | null): string {
  const label = reviewLabel(state);
  return label ? pick(L, label) : '—';
}

function progress(s: PaneState): HTMLElement {
  return h(
    'div',
    {
      id: 'progress',
      role: 'status',
      'aria-live': 'polite',
      class: s.busy ? 'progress' : 'progress idle',
    },
    s.busy
      ? [
          h('span', { class: 'spinner', 'aria-hidden': 'true' }),
          t(s.lang, BUSY_WORDS[s.busy] ?? 'loading'),
        ]
      : null,
  );
}

function failure(pane: Pane, s: PaneState): HTMLElement | null {
  const f = s.failure;
  if (!f) return null;
  const L = s.lang;
  const retry = () => {
    if (f.action === 'submit') void pane.submit();
    else if (f.action === 'merged') void pane.openMerged();
    else if (f.action === 'completeness') void pane.loadCompleteness();
    else if (f.action === 'create') void pane.createSheet();
    else if (f.action === 'check') void pane.check();
    else if (s.key) void pane.connect(s.key);
  };
  return h(
    'div',
    { id: 'failure', class: 'message error', role: 'alert' },
    h('strong', {}, `${t(L, 'error')}: `),
    pick(L, f.text),
    h('span', { class: 'code' }, f.code),
    f.action === 'submit'
      ? h('p', {}, t(L, 'sheetUnchanged'), f.retryable ? ` ${t(L, 'retryNote')}` : '')
      : null,
    f.retryable
      ? h(
          'button',
          { id: 'retry', type: 'button', class: 'secondary', onclick: retry },
          t(L, 'retry'),
        )
      : null,
  );
}

function notice(s: PaneState): HTMLElement | null {
  if (!s.notice) return null;
  return h(
    'div',
    { id: 'notice', class: 'message success', role: 'status' },
    t(s.lang, s.notice.word, { s: s.notice.sheet ?? '' }),
  );
}

function receipt(s: PaneState): HTMLElement {
  const L = s.lang;
  const r = s.receipt;
  if (!r) return h('div');
  return h(
    'section',
    { id: 'receipt', class: 'card receipt', 'aria-labelledby': 'receipt-title' },
    h('h2', { id: 'receipt-title' }, `✓ ${t(L, 'receiptTitle')}`),
    h(
      'dl',
      {},
      h('dt', {}, t(L, 'version')),
      h('dd', { id: 'receipt-version' }, r.version),
      h('dt', {}, t(L, 'receivedAt')),
      h('dd', { id: 'receipt-time' }, viDateTime(r.receivedAt)),
      h('dt', {}, t(L, 'contentHash')),
      h('dd', { id: 'receipt-hash', class: 'hash', title: r.contentHash }, r.contentHash),
    ),
    r.replayed ? h('p', { id: 'replayed', class: 'hint' }, t(L, 'replayed')) : null,
    r.unchanged ? h('p', { id: 'unchanged', class: 'hint' }, t(L, 'receiptUnchanged')) : null,
    h(
      'p',
      { class: r.saved ? 'hint' : 'message warning' },
      r.saved ? t(L, 'receiptSaved', { s: 'Biên nhận' }) : t(L, 'receiptNotSaved'),
    ),
  );
}

function findings(pane: Pane, s: PaneState): HTMLElement {
  const L = s.lang;
  const c = s.check;
  if (!c) return h('div');
  const { errors, warnings } = groupFindings(c.validation.findings);
  const item = (f: Finding) =>
    h(
      'li',
      { class: f.severity },
      h(
        'button',
        {
          type: 'button',
          class: 'finding',
          'data-cell': f.cell,
          'aria-label': `${t(L, 'goToCell', { c: f.cell })}: ${pick(L, f.message)}`,
          onclick: () => void pane.goTo(c.sheet, f.cell),
        },
        h('span', { class: 'cell' }, f.cell),
        h('span', { class: 'text' }, pick(L, f.message)),
      ),
    );
  return h(
    'section',
    { id: 'findings', class: 'card', 'aria-labelledby': 'findings-title' },
    h('h2', { id: 'findings-title' }, t(L, 'checkedSheet', { s: c.sheet })),
    errors.length === 0
      ? h('p', { id: 'clean', class: 'message success' }, t(L, 'clean'))
      : c.beforeSubmit
        ? h(
            'p',
            { id: 'not-sent', class: 'message error', role: 'alert' },
            t(L, 'notSent', { n: errors.length }),
          )
        : null,
    c.highlightFailed ? h('p', { class: 'message warning' }, t(L, 'highlightFailed')) : null,
    errors.length ? h('h3', {}, t(L, 'errorsN', { n: errors.length })) : null,
    errors.length ? h('ul', { id: 'errors', class: 'findings' }, errors.map(item)) : null,
    warnings.length ? h('h3', {}, t(L, 'warningsN', { n: warnings.length })) : null,
    warnings.length ? h('ul', { id: 'warnings', class: 'findings' }, warnings.map(item)) : null,
  );
}
