// The document settings (coordinator): who issues the district's reports, to
// whom, who signs, as the Summary sheet prints them. One field per line; a
// list is one item per line in a textarea. Closed until asked for, so the
// page does not load them on every sign-in.
import { h } from '../../../client/dom.ts';
import {
  LINE_LIMITS,
  type DocumentLine as Line,
  type DocumentList as List,
} from '../../../shared/documents/limits.ts';
import { documentInputId, linesText } from '../actions/document.ts';
import type { App } from '../app.ts';
import { t, type WordKey } from '../words.ts';
import { button, failureBar, field, noticeBar, section, submitButton } from './ui.ts';

/** Each field's label, hint and length, in the order a report prints them. */
const FORM: ({ label: WordKey; hint?: WordKey } & (
  | { line: Line }
  | { list: List; rows: number }
))[] = [
  { line: 'parentBody', label: 'docParentBody' },
  { line: 'issuingBody', label: 'docIssuingBody' },
  { line: 'numberSymbol', label: 'docNumberSymbol', hint: 'docNumberSymbolHint' },
  { line: 'place', label: 'docPlace' },
  { list: 'recipients', label: 'docRecipients', hint: 'onePerLine', rows: 3 },
  { list: 'signerLines', label: 'docSignerLines', hint: 'docSignerLinesHint', rows: 3 },
  { line: 'signerName', label: 'docSignerName' },
  { list: 'copyTo', label: 'docCopyTo', hint: 'onePerLine', rows: 4 },
  { line: 'archiveUnit', label: 'docArchiveUnit' },
];

export function documentView(app: App): HTMLElement {
  const { lang, documentSettings: loaded } = app.state;
  return section(
    'document',
    t(lang, 'documentTitle'),
    h('p', { class: 'hint' }, t(lang, 'documentIntro')),
    failureBar(app, 'document'),
    noticeBar(app, 'document'),
    !loaded
      ? h(
          'div',
          { class: 'actions' },
          button(app, {
            id: 'show-document',
            label: t(lang, 'showDocument'),
            busy: 'document',
            busyLabel: t(lang, 'loading'),
            onClick: () => app.document.open(),
          }),
        )
      : h(
          'form',
          {
            id: 'document-form',
            class: 'document-form',
            onsubmit: (e: Event) => {
              e.preventDefault();
              void app.document.save();
            },
          },
          FORM.map((f) =>
            'line' in f
              ? field(app, {
                  id: documentInputId(f.line),
                  label: t(lang, f.label),
                  value: loaded[f.line] ?? '',
                  hint: f.hint ? t(lang, f.hint) : undefined,
                  attrs: { maxlength: LINE_LIMITS[f.line], autocomplete: 'off' },
                })
              : field(app, {
                  id: documentInputId(f.list),
                  label: t(lang, f.label),
                  value: linesText(loaded[f.list]),
                  hint: f.hint ? t(lang, f.hint) : undefined,
                  multiline: true,
                  attrs: { rows: f.rows },
                }),
          ),
          h(
            'div',
            { class: 'actions' },
            submitButton(app, 'save-document', t(lang, 'saveDocument'), 'save-document', 'primary'),
          ),
        ),
  );
}
