// The web page's words: both languages for every word, placeholders filled,
// the stored language choice read safely.
import { describe, expect, it } from 'vitest';
import { both, fill, langFrom, other, t, WORD_KEYS } from '../../web/src/i18n.ts';

describe('web i18n', () => {
  it('every word has Vietnamese and English text, and they name the same placeholders', () => {
    expect(WORD_KEYS.length).toBeGreaterThan(100);
    for (const key of WORD_KEYS) {
      const vi = t('vi', key);
      const en = t('en', key);
      expect(vi.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(vi), key).toEqual(names(en));
      // Vietnamese text is stored precomposed (NFC), as the rest of the project's text.
      expect(vi, key).toBe(vi.normalize('NFC'));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('vi', 'daysLeft', { n: 3 })).toBe('còn 3 ngày');
    expect(t('en', 'daysLeft', { n: 3 })).toBe('3 days left');
    expect(both('overdue', { n: 2 })).toEqual({ vi: 'quá hạn 2 ngày', en: '2 days overdue' });
    expect(fill('{a} và {b}', { a: 'X' })).toBe('X và {b}');
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
