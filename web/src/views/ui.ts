// Small building blocks shared by the views: buttons that show progress,
// badges, message bars (failures explained in both languages), fields.

import { h } from '../../../client/dom.ts';
import { other } from '../../../client/i18n.ts';
import type { App } from '../app.ts';
import type { Section } from '../state.ts';
import type { Tone } from '../tones.ts';
import { t } from '../words.ts';
import { findingsView } from './findings.ts';

export interface ButtonOptions {
  id: string;
  label: string;
  /** The action in app.busy this button waits on. */
  busy?: string;
  busyLabel?: string;
  kind?: 'primary' | 'secondary' | 'subtle' | 'danger';
  onClick: () => void;
  disabled?: boolean;
  title?: string;
  pressed?: boolean;
}

export function button(app: App, o: ButtonOptions): HTMLElement {
  const waiting = o.busy ? app.isBusy(o.busy) : false;
  return h(
    'button',
    {
      type: 'button',
      id: o.id,
      class: `btn btn-${o.kind ?? 'secondary'}`,
      disabled: waiting || o.disabled,
      'aria-busy': waiting ? 'true' : undefined,
      'aria-pressed': o.pressed === undefined ? undefined : String(o.pressed),
      title: o.title,
      onclick: () => o.onClick(),
    },
    waiting ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
    waiting ? (o.busyLabel ?? t(app.state.lang, 'working')) : o.label,
  );
}

export function badge(text: string, tone: Tone): HTMLElement {
  return h('span', { class: `badge badge-${tone}` }, text);
}

/** A labelled input whose value survives re-draws (kept in app drafts). */
export function field(
  app: App,
  o: {
    id: string;
    label: string;
    type?: string;
    value?: string;
    hint?: string;
    multiline?: boolean;
    attrs?: Record<string, string | number | boolean>;
  },
): HTMLElement {
  const value = o.id in app.state.drafts ? app.draft(o.id) : (o.value ?? '');
  const hintId = o.hint ? `${o.id}-hint` : undefined;
  const failure = app.state.failure?.field === o.id ? app.state.failure : null;
  const errorId = failure ? `${o.id}-error` : undefined;
  const common = {
    id: o.id,
    name: o.id,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
    'aria-invalid': failure ? 'true' : undefined,
    oninput: (e: Event) => app.setDraft(o.id, (e.target as HTMLInputElement).value),
    ...o.attrs,
  };
  const input = o.multiline
    ? h('textarea', { rows: 3, ...common }, value)
    : h('input', { ...common, type: o.type ?? 'text', value });
  return h(
    'div',
    { class: 'field' },
    h('label', { for: o.id }, o.label),
    input,
    o.hint ? h('p', { class: 'hint', id: hintId }, o.hint) : null,
    failure
      ? h(
          'p',
          { class: 'field-error', id: errorId, role: 'alert' },
          failure.text[app.state.lang],
          h(
            'span',
            { class: 'message-other', lang: other(app.state.lang) },
            failure.text[other(app.state.lang)],
          ),
        )
      : null,
  );
}

export function select(
  app: App,
  o: {
    id: string;
    label: string;
    options: { value: string; label: string }[];
    value?: string;
    onChange?: (value: string) => void;
  },
): HTMLElement {
  const value = app.draft(o.id) || o.value || o.options[0]?.value || '';
  return h(
    'div',
    { class: 'field' },
    h('label', { for: o.id }, o.label),
    h(
      'select',
      {
        id: o.id,
        name: o.id,
        onchange: (e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          app.setDraft(o.id, v);
          o.onChange?.(v);
        },
      },
      o.options.map((opt) =>
        h('option', { value: opt.value, selected: opt.value === value }, opt.label),
      ),
    ),
  );
}

/**
 * The failure of the last action, if it happened in this section: the
 * message in the chosen language, the other language under it, the code,
 * and any findings grouped by severity.
 */
export function failureBar(app: App, section: Section): HTMLElement | null {
  const f = app.state.failure;
  // A failure about one field is shown beside it (field()), not atop the section.
  if (!f || f.section !== section || f.field) return null;
  const lang = app.state.lang;
  return h(
    'div',
    { class: 'message message-error', role: 'alert', id: `failure-${section}` },
    h('p', { class: 'message-title' }, f.text[lang]),
    h('p', { class: 'message-other', lang: other(lang) }, f.text[other(lang)]),
    h('p', { class: 'message-code' }, `${t(lang, 'errorCode')}: ${f.code}`),
    f.sheet ? h('p', { class: 'message-sheet' }, t(lang, 'checkedSheet', { s: f.sheet })) : null,
    f.findings.length ? findingsView(f.findings, lang, true) : null,
  );
}

export function noticeBar(app: App, section: Section): HTMLElement | null {
  const n = app.state.notice;
  if (!n || n.section !== section) return null;
  return h(
    'div',
    { class: 'message message-success', role: 'status' },
    h('p', { class: 'message-title' }, n.text[app.state.lang]),
  );
}

export function section(
  id: string,
  title: string,
  ...children: (Node | null | false | undefined)[]
): HTMLElement {
  return h(
    'section',
    { class: 'card', id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title),
    ...children.filter((c): c is Node => !!c),
  );
}

/** A link to a file already downloaded, in case the browser blocked the automatic save. */
export function savedLink(app: App, what: string): HTMLElement | null {
  const s = app.state.saved[what];
  if (!s) return null;
  return h(
    'a',
    { class: 'saved-link', href: s.url, download: s.name },
    `${t(app.state.lang, 'downloadAgain')}: ${s.name}`,
  );
}

/** A form's submit button, showing progress while the action `busy` runs. */
export function submitButton(
  app: App,
  id: string,
  label: string,
  busy: string,
  kind: 'secondary' | 'danger' | 'primary' = 'secondary',
): HTMLElement {
  const waiting = app.isBusy(busy);
  return h(
    'button',
    {
      type: 'submit',
      id,
      class: `btn btn-${kind}`,
      disabled: waiting,
      'aria-busy': waiting ? 'true' : undefined,
    },
    waiting ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
    waiting ? t(app.state.lang, 'working') : label,
  );
}
