// Words on screen, Vietnamese first, English on the switch. Each app's word
// book is the shared words (client/words.ts) plus its own; labels of states
// and roles come from shared/vocabulary; messages from shared/ or the Worker
// already carry both languages and are shown as they are.
import type { Bilingual } from '../shared/text/bilingual.ts';

export type Lang = 'vi' | 'en';
/** Values for {name} placeholders. */
export type Params = Record<string, string | number>;

/** Fills {name} placeholders; unknown ones stay visible, so a missing value shows. */
export function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/** A bilingual text in the chosen language. */
export const pick = (lang: Lang, text: Bilingual): string => text[lang];

/** The language the switch leads to. */
export const other = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');

/** The stored choice, Vietnamese unless English was chosen. */
export function langFrom(stored: string | null | undefined): Lang {
  return stored === 'en' ? 'en' : 'vi';
}

export interface WordBook<K extends string> {
  /** A word in the chosen language, with {name} placeholders filled. */
  t(lang: Lang, key: K, params?: Params): string;
  /** Both languages of a word (e.g. for a notice or an error kept in state). */
  both(key: K, params?: Params): Bilingual;
  /** Every key of the book. */
  keys: K[];
}

/**
 * The word book over `words`. Each app makes one from the shared words and
 * its own, as `wordBook({ ...SHARED_WORDS, ...OWN })`; a test keeps an app's
 * words from redefining a shared one.
 */
export function wordBook<W extends Record<string, Bilingual>>(
  words: W,
): WordBook<keyof W & string> {
  // Every key of W is in `words`: the lookup cannot miss.
  const word = (key: keyof W & string) => words[key] as Bilingual;
  return {
    t: (lang, key, params = {}) => fill(word(key)[lang], params),
    both: (key, params = {}) => ({
      vi: fill(word(key).vi, params),
      en: fill(word(key).en, params),
    }),
    keys: Object.keys(words) as (keyof W & string)[],
  };
}
