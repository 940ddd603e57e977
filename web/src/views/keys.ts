// Access keys (coordinator): the list (prefixes only), issue a key — shown
// once, with a copy button — and revoke one (a second click confirms; the
// key in use is marked, and its confirmation warns that it signs out).

import { h } from '../../../client/dom.ts';
import { pick } from '../../../client/i18n.ts';
import { keyRoleLabel } from '../../../client/states.ts';
import { viDateTime } from '../../../shared/text/vi-format.ts';
import type { App } from '../app.ts';
import { t } from '../words.ts';
import { badge, button, failureBar, field, noticeBar, section, select } from './ui.ts';

export function keysView(app: App): HTMLElement {
  const { lang, keys, agencies, newKey } = app.state;
  const name = new Map(agencies.map((a) => [a.code, a.shortName]));
  return section(
    'keys',
    t(lang, 'keysTitle'),
    h('p', { class: 'hint' }, t(lang, 'keysIntro')),
    failureBar(app, 'keys'),
    noticeBar(app, 'keys'),
    newKey
      ? h(
          'div',
          { class: 'message message-warning new-key', role: 'status', id: 'new-key' },
          h(
            'p',
            { class: 'message-title' },
            t(lang, 'newKeyTitle', { a: name.get(newKey.agency) ?? newKey.agency }),
          ),
          h('p', {}, t(lang, 'newKeyOnce')),
          h(
            'div',
            { class: 'key-copy' },
            h('code', { id: 'new-key-value', tabindex: 0 }, newKey.key),
            button(app, {
              id: 'copy-key',
              label: app.state.copied ? t(lang, 'copied') : t(lang, 'copy'),
              kind: 'primary',
              onClick: () => app.keys.copyNew(),
            }),
            button(app, {
              id: 'dismiss-key',
              label: t(lang, 'close'),
              kind: 'subtle',
              onClick: () => app.keys.dismissNew(),
            }),
          ),
        )
      : null,
    h(
      'form',
      {
        class: 'inline-form',
        id: 'issue-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void app.keys.issue();
        },
      },
      h(
        'div',
        { class: 'field-row' },
        select(app, {
          id: 'key-agency',
          label: t(lang, 'agency'),
          options: agencies.map((a) => ({ value: a.code, label: `${a.shortName} (${a.code})` })),
        }),
        select(app, {
          id: 'key-role',
          label: t(lang, 'role'),
          options: (['agency', 'coordinator'] as const).map((role) => ({
            value: role,
            label: pick(lang, keyRoleLabel(role)),
          })),
        }),
        field(app, { id: 'key-label', label: t(lang, 'issueLabel'), attrs: { maxlength: 120 } }),
      ),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          {
            type: 'submit',
            id: 'issue-key',
            class: 'btn btn-primary',
            disabled: app.isBusy('issue'),
          },
          app.isBusy('issue') ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
          t(lang, 'issueKey'),
        ),
        keys === null
          ? button(app, {
              id: 'load-keys',
              label: t(lang, 'showKeys'),
              busy: 'keys',
              busyLabel: t(lang, 'loading'),
              onClick: () => app.keys.load(),
            })
          : null,
      ),
    ),
    keys
      ? h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'grid responsive', id: 'keys-table' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                (['prefix', 'agency', 'role', 'label', 'createdAt', 'actions'] as const).map((k) =>
                  h('th', { scope: 'col' }, t(lang, k)),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              [...keys].reverse().map((k) =>
                h(
                  'tr',
                  { id: `key-${k.prefix}` },
                  h(
                    'th',
                    { scope: 'row', 'data-label': t(lang, 'prefix') },
                    h('code', {}, k.prefix),
                    app.keys.isOwn(k.prefix) ? [' ', badge(t(lang, 'inUse'), 'info')] : null,
                  ),
                  h('td', { 'data-label': t(lang, 'agency') }, name.get(k.agency) ?? k.agency),
                  h('td', { 'data-label': t(lang, 'role') }, pick(lang, keyRoleLabel(k.role))),
                  h('td', { 'data-label': t(lang, 'label') }, k.label ?? ''),
                  h('td', { 'data-label': t(lang, 'createdAt') }, viDateTime(k.createdAt)),
                  h(
                    'td',
                    { 'data-label': t(lang, 'actions') },
                    k.revokedAt
                      ? badge(`${t(lang, 'revokedAt')} ${viDateTime(k.revokedAt)}`, 'neutral')
                      : app.state.confirmRevoke === k.prefix
                        ? h(
                            'div',
                            { class: 'row-actions' },
                            h(
                              'span',
                              { class: 'confirm-text', id: `revoke-text-${k.prefix}` },
                              t(
                                lang,
                                app.keys.isOwn(k.prefix) ? 'revokeOwnConfirm' : 'revokeConfirm',
                                {
                                  p: k.prefix,
                                },
                              ),
                            ),
                            button(app, {
                              id: `revoke-confirm-${k.prefix}`,
                              label: t(lang, 'revoke'),
                              kind: 'danger',
                              busy: `revoke:${k.prefix}`,
                              onClick: () => app.keys.revoke(k.prefix),
                            }),
                            button(app, {
                              id: `revoke-cancel-${k.prefix}`,
                              label: t(lang, 'cancel'),
                              kind: 'subtle',
                              onClick: () => app.keys.askRevoke(null),
                            }),
                          )
                        : button(app, {
                            id: `revoke-${k.prefix}`,
                            label: t(lang, 'revoke'),
                            kind: 'subtle',
                            onClick: () => app.keys.askRevoke(k.prefix),
                          }),
                  ),
                ),
              ),
            ),
          ),
        )
      : null,
  );
}
