// The frame of the page: header (title, who is signed in, language, sign
// out), a progress bar while anything waits on the network, and the sign-in form.

import { h } from '../../../client/dom.ts';
import { other, pick } from '../../../client/i18n.ts';
import { keyRoleLabel } from '../../../client/states.ts';
import type { App } from '../app.ts';
import { t } from '../words.ts';
import { failureBar, field } from './ui.ts';

export function header(app: App): HTMLElement {
  const { lang, me } = app.state;
  return h(
    'header',
    { class: 'topbar' },
    h(
      'div',
      { class: 'brand' },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '58'),
      h(
        'div',
        {},
        h('h1', {}, t(lang, 'appTitle')),
        h('p', { class: 'subtitle' }, t(lang, 'appSubtitle')),
      ),
    ),
    h(
      'div',
      { class: 'topbar-actions' },
      me
        ? h(
            'p',
            { class: 'who', id: 'who' },
            h('strong', {}, me.agency.shortName),
            h('span', {}, pick(lang, keyRoleLabel(me.role))),
          )
        : null,
      h(
        'button',
        {
          type: 'button',
          id: 'lang',
          class: 'btn btn-subtle on-dark',
          lang: other(lang),
          'aria-label': t(lang, 'switchLangLabel'),
          onclick: () => app.session.setLang(other(lang)),
        },
        t(lang, 'switchLang'),
      ),
      me
        ? h(
            'button',
            {
              type: 'button',
              id: 'sign-out',
              class: 'btn btn-subtle on-dark',
              onclick: () => app.session.signOut(),
            },
            t(lang, 'signOut'),
          )
        : null,
    ),
  );
}

/** An indeterminate bar at the top while any request is on its way. */
export function progress(app: App): HTMLElement {
  const busy = app.state.busy.length > 0;
  return h(
    'div',
    {
      class: `progress${busy ? ' active' : ''}`,
      role: 'progressbar',
      'aria-hidden': busy ? undefined : 'true',
      'aria-label': t(app.state.lang, 'loading'),
    },
    h('div', { class: 'progress-bar' }),
  );
}

export function signInView(app: App): HTMLElement {
  const lang = app.state.lang;
  const submit = () => app.session.signIn(app.draft('key'));
  // A stored key being checked: show progress, not the form.
  if (app.state.key && app.isBusy('signin')) {
    return h(
      'section',
      { class: 'card signin', 'aria-busy': 'true' },
      h('p', { class: 'loading' }, h('span', { class: 'spinner' }), t(lang, 'signingIn')),
    );
  }
  return h(
    'section',
    { class: 'card signin', 'aria-labelledby': 'signin-title' },
    h('h2', { id: 'signin-title' }, t(lang, 'signInTitle')),
    h('p', {}, t(lang, 'signInIntro')),
    h(
      'form',
      {
        onsubmit: (e: Event) => {
          e.preventDefault();
          void submit();
        },
      },
      field(app, {
        id: 'key',
        label: t(lang, 'keyLabel'),
        type: 'password',
        hint: t(lang, 'keyHint'),
        attrs: { autocomplete: 'off', spellcheck: 'false', placeholder: 'lsk_…' },
      }),
      failureBar(app, 'signin'),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          {
            type: 'submit',
            id: 'sign-in',
            class: 'btn btn-primary',
            disabled: app.isBusy('signin'),
            'aria-busy': app.isBusy('signin') ? 'true' : undefined,
          },
          app.isBusy('signin') ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
          t(lang, app.isBusy('signin') ? 'signingIn' : 'signIn'),
        ),
      ),
    ),
  );
}
