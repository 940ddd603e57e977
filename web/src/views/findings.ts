// Findings as the add-in shows them: "Lỗi (n)" then "Lưu ý (n)", each with
// its cell and message in the chosen language.

import type { UploadReceipt } from '../../../client/api.ts';
import { h } from '../../../client/dom.ts';
import type { Lang } from '../../../client/i18n.ts';
import { viDateTime } from '../../../shared/text/vi-format.ts';
import type { Finding } from '../../../shared/validate/findings.ts';
import { groupFindings } from '../../../shared/validate/group.ts';
import { t } from '../words.ts';

export function findingsView(
  findings: readonly Finding[],
  lang: Lang,
  notSent = false,
): HTMLElement {
  const { errors, warnings } = groupFindings(findings);
  const group = (kind: 'error' | 'warning', list: Finding[]) =>
    list.length
      ? h(
          'div',
          { class: `findings findings-${kind}` },
          h('h3', {}, t(lang, kind === 'error' ? 'errorsN' : 'warningsN', { n: list.length })),
          h(
            'ul',
            {},
            list.map((f) =>
              h(
                'li',
                { 'data-code': f.code },
                h('span', { class: 'cell', title: t(lang, 'cell') }, f.cell),
                h('span', { class: 'finding-text' }, f.message[lang]),
              ),
            ),
          ),
        )
      : null;
  return h(
    'div',
    { class: 'findings-list' },
    notSent && errors.length
      ? h('p', { class: 'not-sent' }, t(lang, 'notSent', { n: errors.length }))
      : null,
    group('error', errors),
    group('warning', warnings),
  );
}

export function receiptView(receipt: UploadReceipt, lang: Lang): HTMLElement {
  const note = receipt.replayed
    ? t(lang, 'receiptReplayed')
    : receipt.unchanged
      ? t(lang, 'receiptUnchanged')
      : t(lang, 'receiptSaved');
  return h(
    'div',
    { class: 'receipt', role: 'status', id: 'receipt' },
    h('h3', {}, t(lang, 'receiptTitle')),
    h('p', {}, note),
    h(
      'dl',
      {},
      h('dt', {}, t(lang, 'version')),
      h('dd', { id: 'receipt-version' }, String(receipt.version)),
      h('dt', {}, t(lang, 'receivedAt')),
      h('dd', {}, viDateTime(receipt.receivedAt)),
      h('dt', {}, t(lang, 'submittedBy')),
      h('dd', {}, receipt.submittedBy),
      receipt.sheet ? h('dt', {}, t(lang, 'sheet')) : null,
      receipt.sheet ? h('dd', {}, receipt.sheet) : null,
      h('dt', {}, t(lang, 'contentHash')),
      h('dd', { class: 'hash', title: receipt.contentHash }, h('code', {}, receipt.contentHash)),
    ),
    receipt.warnings.length ? findingsView(receipt.warnings, lang) : null,
  );
}
