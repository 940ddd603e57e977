// The access key: the form that takes it, or, once connected, whose key it
// is (role, agency name and code, as the Worker holds them) with a button to
// sign out; and, where this computer's storage is blocked, that the key will
// not be remembered.

import { h } from '../../../client/dom.ts';
import { pick } from '../../../client/i18n.ts';
import { keyRoleLabel } from '../../../client/states.ts';
import type { Pane, PaneState } from '../pane.ts';
import { t } from '../words.ts';

/**
 * The connect card: with `s.me`, who is signed in and `#sign-out`; without, the `#key` password
 * field whose form calls `pane.connect` (the `#connect` button is disabled while anything is busy).
 * Either way `#key-not-kept` says so when the key lasts for this session only.
 */
export function connectView(pane: Pane, s: PaneState): HTMLElement {
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
      keyNotKept(s),
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
    keyNotKept(s),
  );
}

/** The `#key-not-kept` warning where storage is blocked, else null. */
function keyNotKept(s: PaneState): HTMLElement | null {
  if (s.remembersKey) return null;
  return h(
    'p',
    { id: 'key-not-kept', class: 'message warning', role: 'note' },
    t(s.lang, 'keyNotKept'),
  );
}
