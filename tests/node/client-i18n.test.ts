// The word books of both apps (client/i18n.ts over client/words.ts and each
// app's own words): both languages for every word, placeholders filled, the
// stored language choice read safely, and each shared word defined once.
import { describe, expect, it } from 'vitest';
import * as pane from '../../addin/src/words.ts';
import { fill, langFrom, other, pick, wordBook } from '../../client/i18n.ts';
import { SHARED_WORDS } from '../../client/words.ts';
import * as web from '../../web/src/words.ts';

const books = { pane, web };

describe('word books', () => {
  for (const [name, book] of Object.entries(books)) {
    it(`${name}: every word has Vietnamese and English text, naming the same placeholders`, () => {
      for (const key of book.WORD_KEYS) {
        const vi = book.t('vi', key as never);
        const en = book.t('en', key as never);
        expect(vi.trim(), key).not.toBe('');
        expect(en.trim(), key).not.toBe('');
        const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(names(vi), key).toEqual(names(en));
        // Vietnamese text is stored precomposed (NFC), as the rest of the project's text.
        expect(vi, key).toBe(vi.normalize('NFC'));
      }
    });
  }

  it('the web page’s book has its words and every shared one', () => {
    expect(web.WORD_KEYS.length).toBeGreaterThan(100);
    expect(web.WORD_KEYS).toEqual(expect.arrayContaining(Object.keys(SHARED_WORDS)));
    expect(pane.WORD_KEYS).toEqual(expect.arrayContaining(Object.keys(SHARED_WORDS)));
  });

  it('no app redefines a shared word: shared words live once', () => {
    const shared = Object.keys(SHARED_WORDS);
    expect(Object.keys(pane.PANE_WORDS).filter((k) => shared.includes(k))).toEqual([]);
    expect(Object.keys(web.WEB_WORDS).filter((k) => shared.includes(k))).toEqual([]);
  });

  it('a word both apps show reads the same in both', () => {
    expect(pane.t('vi', 'appTitle')).toBe(web.t('vi', 'appTitle'));
    expect(pane.both('errorsN', { n: 2 })).toEqual(web.both('errorsN', { n: 2 }));
  });
});

describe('i18n machinery', () => {
  const { t, both } = wordBook(SHARED_WORDS);

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('vi', 'daysLeft', { n: 3 })).toBe('còn 3 ngày');
    expect(t('en', 'daysLeft', { n: 3 })).toBe('3 days left');
    expect(both('overdue', { n: 2 })).toEqual({ vi: 'quá hạn 2 ngày', en: '2 days overdue' });
    expect(fill('{a} và {b}', { a: 'X' })).toBe('X và {b}');
    expect(pick('en', { vi: 'Lỗi', en: 'Error' })).toBe('Error');
  });

  it('reads the stored language: Vietnamese unless English was chosen', () => {
    expect(langFrom('en')).toBe('en');
    expect(langFrom('vi')).toBe('vi');
    expect(langFrom(null)).toBe('vi');
    expect(langFrom('fr')).toBe('vi');
    expect(other('vi')).toBe('en');
    expect(other('en')).toBe('vi');
  });
});
