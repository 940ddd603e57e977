// An agency's report as a table to read: its tasks in appendix order with
// the status (the status list's words), the percent (decimal comma) and the
// texts, under the workbook's own column headers. Cells that changed since
// the compared version are highlighted with the earlier value under them;
// cells (or whole rows) the coordinator noted carry the note. The
// coordinator's report view and the agency's returned notes both draw it.
import type { DiffChange, ReviewNoteItem } from '../../../client/api.ts';
import { h } from '../../../client/dom.ts';
import { type Lang, pick } from '../../../client/i18n.ts';
import { taskStatusLabel } from '../../../client/states.ts';
import { COLUMNS, FILL_KEYS, type FillKey } from '../../../shared/layout/columns.ts';
import type { SubmissionRow } from '../../../shared/submission/schema.ts';
import { viNumber } from '../../../shared/text/vi-format.ts';
import type { TaskName } from '../state.ts';
import { t } from '../words.ts';

/** The workbook's header of a fillable column ("Tình trạng", "Tỷ lệ hoàn thành (%)"…). */
export function fieldHeader(lang: Lang, field: FillKey): string {
  const column = COLUMNS.find((c) => c.key === field);
  return column ? pick(lang, column.header) : field;
}

/** A task as people name it: "I.1 · Tổ chức nghiên cứu…" (section and number, then content). */
export function taskLabel(tasks: Record<string, TaskName> | null, taskId: string): string {
  const name = tasks?.[taskId];
  return name ? `${taskId} · ${name.content}` : taskId;
}

/** A cell's value as shown: the status's words, the percent with a decimal comma, the text. */
export function cellText(lang: Lang, field: FillKey, value: unknown): string {
  if (value === null || value === undefined || value === '') return t(lang, 'empty');
  if (field === 'status') return pick(lang, taskStatusLabel(String(value)));
  if (field === 'percent' && typeof value === 'number') {
    const digits = Math.min(2, String(value).split('.')[1]?.length ?? 0);
    return viNumber(value, digits);
  }
  return String(value);
}

export interface ReportTableOptions {
  id: string;
  rows: readonly SubmissionRow[];
  tasks: Record<string, TaskName> | null;
  /** Cells to highlight, with their earlier value. */
  changes?: readonly DiffChange[];
  /** Notes shown beside the task (no field) or in the cell they concern. */
  notes?: readonly ReviewNoteItem[];
}

export function reportTable(lang: Lang, o: ReportTableOptions): HTMLElement {
  const changed = new Map((o.changes ?? []).map((c) => [`${c.taskId}|${c.field}`, c]));
  const notesAt = (taskId: string, field: string | null) =>
    (o.notes ?? []).filter((n) => n.taskId === taskId && (n.field ?? null) === field);
  const noteView = (n: ReviewNoteItem) =>
    h('p', { class: 'cell-note' }, h('strong', {}, `${t(lang, 'noteOn')}: `), n.text);
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'grid responsive report-table', id: o.id },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t(lang, 'taskCol')),
          FILL_KEYS.map((f) => h('th', { scope: 'col' }, fieldHeader(lang, f))),
        ),
      ),
      h(
        'tbody',
        {},
        o.rows.map((row) => {
          const rowNotes = notesAt(row.taskId, null);
          const cells = FILL_KEYS.map((field) => {
            const change = changed.get(`${row.taskId}|${field}`);
            const notes = notesAt(row.taskId, field);
            const classes = [
              field === 'percent' ? 'num' : '',
              change ? 'changed' : '',
              notes.length ? 'noted' : '',
            ].filter(Boolean);
            return h(
              'td',
              {
                'data-label': fieldHeader(lang, field),
                'data-field': field,
                class: classes.join(' ') || undefined,
              },
              h(
                'span',
                {
                  class:
                    row[field] === null || row[field] === '' ? 'cell-value empty' : 'cell-value',
                },
                cellText(lang, field, row[field]),
              ),
              change
                ? h(
                    'span',
                    { class: 'before' },
                    `${t(lang, 'before')}: `,
                    h('del', {}, cellText(lang, field, change.before)),
                  )
                : null,
              notes.map(noteView),
            );
          });
          return h(
            'tr',
            {
              'data-task': row.taskId,
              class: rowNotes.length ? 'noted-row' : undefined,
            },
            h(
              'th',
              { scope: 'row', 'data-label': t(lang, 'taskCol') },
              h('span', { class: 'task-name' }, taskLabel(o.tasks, row.taskId)),
              rowNotes.map(noteView),
            ),
            cells,
          );
        }),
      ),
    ),
  );
}
