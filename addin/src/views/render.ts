// Draws the pane from its state, one part per file in this folder. Every
// control is a native element (button, select, input, a), so the keyboard
// works as everywhere in Office: Tab, Enter, Space, arrows in the period list.

import { h, replace } from '../../../client/dom.ts';
import type { Pane, PaneState } from '../pane.ts';
import { t } from '../words.ts';
import { actionsView } from './actions.ts';
import { connectView } from './connect.ts';
import { coordinatorView } from './coordinator.ts';
import { findingsView } from './findings.ts';
import { headerView } from './header.ts';
import { notesView } from './notes.ts';
import { outsideView, tooOldView } from './outside.ts';
import { periodView } from './period.ts';
import { receiptView } from './receipt.ts';
import { reportView } from './report.ts';
import { failureView, noticeView, progressView } from './status.ts';

/**
 * Replaces `root`'s content with the pane drawn from `s` (keyboard focus stays on the element
 * with the same id) and sets the document's language and title. Parts shown by the key's role:
 * the agency's actions or the coordinator's completeness table.
 */
export function render(root: HTMLElement, pane: Pane, s: PaneState): void {
  const L = s.lang;
  document.documentElement.lang = L;
  document.title = t(L, 'appTitle');
  replace(
    root,
    headerView(pane, s),
    h(
      'main',
      { class: 'content' },
      s.inExcel ? null : outsideView(L),
      s.inExcel && !s.supportsRequiredApi ? tooOldView(L) : null,
      connectView(pane, s),
      s.me ? periodView(pane, s) : null,
      s.me?.role === 'coordinator' && s.report ? reportView(pane, s) : null,
      s.me?.role === 'coordinator' && !s.report ? coordinatorView(pane, s) : null,
      s.me ? notesView(pane, s) : null,
      // An Excel without the required set gets the note above instead of buttons that would fail.
      // The coordinator's key sends the coordinating office's own report with the same buttons.
      s.me && !(s.inExcel && !s.supportsRequiredApi) ? actionsView(pane, s) : null,
      progressView(s),
      failureView(pane, s),
      noticeView(s),
      s.receipt ? receiptView(s) : null,
      s.check ? findingsView(pane, s) : null,
    ),
  );
}
