// The upload of a filled template for the key's own agency: the template to
// download, the file, the send button, then the receipt or the findings.
// An agency's page shows it for its chosen period; the coordinator's page
// shows it for the coordinating office's own report.
import { h } from '../../../client/dom.ts';
import type { App } from '../app.ts';
import { t } from '../words.ts';
import { receiptView } from './findings.ts';
import { button, failureBar, noticeBar, savedLink, section } from './ui.ts';

/**
 * The upload card for agency `code` in the current period. `locked`: the
 * period is locked for it (the reason is shown; sending is still allowed
 * to show the Worker's answer). `intro` replaces the usual steps.
 */
export function uploadSection(
  app: App,
  fileInput: HTMLInputElement,
  code: string,
  locked: boolean,
  intro?: string,
): HTMLElement {
  const lang = app.state.lang;
  const p = app.currentPeriod;
  return section(
    'upload',
    t(lang, 'uploadTitle'),
    h('p', { class: 'hint' }, intro ?? t(lang, 'uploadSteps')),
    h(
      'div',
      { class: 'actions' },
      button(app, {
        id: 'download-own-template',
        label: t(lang, 'downloadTemplate'),
        busy: `template:${code}`,
        busyLabel: t(lang, 'loading'),
        onClick: () => app.downloads.template(code, 'upload'),
      }),
      button(app, {
        id: 'download-start-template',
        label: t(lang, 'startFromLast'),
        busy: `start:${code}`,
        busyLabel: t(lang, 'loading'),
        onClick: () => app.downloads.templateFromLastAccepted(code, 'upload'),
      }),
    ),
    savedLink(app, `template:${code}`),
    savedLink(app, `start:${code}`),
    locked
      ? h(
          'div',
          { class: 'message message-error' },
          h('p', {}, t(lang, 'lockedBecause', { r: p?.lockReason ?? '' })),
        )
      : null,
    h(
      'form',
      {
        class: 'inline-form',
        id: 'upload-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void app.upload.send();
        },
      },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'file' }, t(lang, 'fileLabel')),
        fileInput,
        app.state.upload
          ? h(
              'p',
              { class: 'hint' },
              `${app.state.upload.file.name} · ${Math.ceil(app.state.upload.file.size / 1024)} KB`,
            )
          : null,
      ),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          {
            type: 'submit',
            id: 'upload-submit',
            class: 'btn btn-primary',
            disabled: app.isBusy('upload'),
            'aria-busy': app.isBusy('upload') ? 'true' : undefined,
          },
          app.isBusy('upload') ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
          t(lang, app.isBusy('upload') ? 'submitting' : 'submit'),
        ),
      ),
    ),
    failureBar(app, 'upload'),
    annotatedOffer(app),
    app.state.failure?.section === 'upload' && app.state.failure.retryable
      ? h('p', { class: 'hint' }, t(lang, 'retryNote'))
      : null,
    noticeBar(app, 'upload'),
    app.state.uploadOutcome ? receiptView(app.state.uploadOutcome.receipt, lang) : null,
  );
}

/**
 * After a file was refused with findings (422 VALIDATION_FAILED): the same
 * file back with each finding's cell marked, to fix in Excel.
 */
function annotatedOffer(app: App): HTMLElement | null {
  const f = app.state.failure;
  if (f?.section !== 'upload' || f.code !== 'VALIDATION_FAILED' || !app.state.upload) return null;
  const lang = app.state.lang;
  return h(
    'div',
    { class: 'annotated-offer' },
    h('p', { class: 'hint' }, t(lang, 'annotatedHint')),
    h(
      'div',
      { class: 'actions' },
      button(app, {
        id: 'download-annotated',
        label: t(lang, 'downloadAnnotated'),
        kind: 'primary',
        busy: 'annotated',
        busyLabel: t(lang, 'loading'),
        onClick: () => app.downloads.annotated(),
      }),
    ),
    savedLink(app, 'annotated'),
  );
}
