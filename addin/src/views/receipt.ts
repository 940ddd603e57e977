// The receipt of a submitted report: version, time and content hash, and
// whether it was also recorded in the workbook's "Biên nhận" sheet.

import { h } from '../../../client/dom.ts';
import { viDateTime } from '../../../shared/text/vi-format.ts';
import type { PaneState } from '../pane.ts';
import { t } from '../words.ts';

/**
 * The `#receipt` card for `s.receipt` (an empty `<div>` without one): version, time (Vietnam
 * time, `viDateTime`), content hash, `#replayed` / `#unchanged` when the Worker said so, and
 * whether the receipt was saved to the "Biên nhận" sheet (a warning when it was not).
 */
export function receiptView(s: PaneState): HTMLElement {
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
