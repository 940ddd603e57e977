// The coordinator's document settings (what the printed reports say about
// who issues them, to whom, who signs): loaded when the form is opened,
// checked here with the Worker's own limits (shared/documents/limits.ts, no
// zod in the page) so a refusal is shown beside its field before anything
// is sent, then PUT whole; what only the Worker refuses (a broken
// character) comes back as a 400 naming the field, shown there too.
import type { Params } from '../../../client/i18n.ts';
import type { DocumentSettings } from '../../../shared/documents/index.ts';
import {
  CONTROL,
  type DocumentLine,
  type DocumentList,
  LINE_LIMITS,
  LIST_LIMITS,
} from '../../../shared/documents/limits.ts';
import type { Store } from '../store.ts';
import type { WordKey } from '../words.ts';

/** The settings' one-line fields. */
const LINES = Object.keys(LINE_LIMITS) as DocumentLine[];
/** The settings' lists, typed one item per line in a textarea. */
const LISTS = Object.keys(LIST_LIMITS) as DocumentList[];

/** The input id of a settings field: "doc-parentBody". */
export const documentInputId = (field: DocumentLine | DocumentList) => `doc-${field}`;

/** The input of a request field the form has ("recipients.1": the recipients), or undefined. */
function inputOf(apiField: string): string | undefined {
  const name = apiField.split('.')[0] ?? '';
  const known = [...LINES, ...LISTS].find((f) => f === name);
  return known ? documentInputId(known) : undefined;
}

/** A list as the textarea shows it: one item per line. */
export const linesText = (items: readonly string[]) => items.join('\n');

/** A textarea's items: one per line, trimmed, blank lines dropped. */
const itemsOf = (value: string) =>
  value
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The first setting the Worker would refuse for its length, its number of
 * lines or a control character (DocumentSettingsSchema's rules), with the
 * words that say so; null when every one fits. Lengths count the NFC form,
 * as the Worker does.
 */
export function refusalOf(
  settings: DocumentSettings,
): { field: DocumentLine | DocumentList; word: WordKey; params: Params } | null {
  const tooLong = (s: string, max: number) => s.normalize('NFC').length > max;
  for (const f of LINES) {
    const value = settings[f];
    if (value === null) continue;
    if (CONTROL.test(value)) return { field: f, word: 'docBadChar', params: {} };
    const n = LINE_LIMITS[f];
    if (tooLong(value, n)) return { field: f, word: 'docTooLong', params: { n } };
  }
  for (const f of LISTS) {
    const { lines, chars } = LIST_LIMITS[f];
    const items = settings[f];
    if (items.length > lines) return { field: f, word: 'docTooManyLines', params: { n: lines } };
    for (const [i, item] of items.entries()) {
      if (CONTROL.test(item)) return { field: f, word: 'docBadChar', params: {} };
      if (tooLong(item, chars)) {
        return { field: f, word: 'docLineTooLong', params: { l: i + 1, n: chars } };
      }
    }
  }
  return null;
}

export class DocumentActions {
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  /** Loads the settings (GET /api/settings/document); the form shows once they are there. */
  async open(): Promise<void> {
    const store = this.store;
    await store.act('document', 'document', async () => {
      store.set({ documentSettings: await store.api().documentSettings() });
    });
  }

  /** What the form holds: typed text where typed, else what was loaded. */
  private typed(loaded: DocumentSettings): DocumentSettings {
    const drafts = this.store.state.drafts;
    const settings = { ...loaded };
    for (const f of LINES) {
      const id = documentInputId(f);
      if (id in drafts) settings[f] = (drafts[id] ?? '').trim() || null;
    }
    for (const f of LISTS) {
      const id = documentInputId(f);
      if (id in drafts) settings[f] = itemsOf(drafts[id] ?? '');
    }
    return settings;
  }

  /** Checks what was typed and saves it whole (PUT); a refusal is shown beside its field. */
  async save(): Promise<void> {
    const store = this.store;
    const loaded = store.state.documentSettings;
    if (!loaded) return;
    const settings = this.typed(loaded);
    const refused = refusalOf(settings);
    if (refused) {
      const input = documentInputId(refused.field);
      store.refuse('document', 'INVALID_REQUEST', refused.word, input, refused.params);
      return;
    }
    await store.act(
      'save-document',
      'document',
      async () => {
        const saved = await store.api().saveDocumentSettings(settings);
        store.clearDrafts(...[...LINES, ...LISTS].map(documentInputId));
        store.set({ documentSettings: saved });
        store.notice('document', 'documentSaved');
      },
      // Any other field the API names stays atop the form.
      { fieldOf: inputOf },
    );
  }
}
