// The key and language kept on this computer (client/settings.ts): in
// localStorage under each app's prefix, and in memory when localStorage is
// missing or throws, so that signing in, switching the language and signing
// out still work until the page is reloaded.
import { describe, expect, it, vi } from 'vitest';
import { partitionedPrefix, settingsStore, type WebStorage } from '../../client/settings.ts';

/** A localStorage over a Map, recording what was written. */
function mapStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  const storage: WebStorage = {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
  return { items, storage };
}

/** A localStorage that refuses everything, as a browser with storage disabled does. */
const throwing: WebStorage = {
  getItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('Quota exceeded', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
};

describe('settingsStore over localStorage', () => {
  it('keeps each app’s settings under its own prefix', () => {
    const { items, storage } = mapStorage({ 'lyson.key': 'pane-key' });
    const web = settingsStore('ls58.web.', () => storage);
    const pane = settingsStore('lyson.', () => storage);
    expect(web.get('key')).toBeNull();
    expect(pane.get('key')).toBe('pane-key');
    web.set('key', 'web-key');
    web.set('lang', 'en');
    expect([...items.keys()].sort()).toEqual(['ls58.web.key', 'ls58.web.lang', 'lyson.key']);
    expect(items.get('ls58.web.key')).toBe('web-key');
    // A later page load reads what this one stored.
    expect(settingsStore('ls58.web.', () => storage).get('lang')).toBe('en');
  });

  it('removes a setting set to null', () => {
    const { items, storage } = mapStorage({ 'lyson.key': 'k' });
    const s = settingsStore('lyson.', () => storage);
    s.set('key', null);
    expect(items.has('lyson.key')).toBe(false);
    expect(s.get('key')).toBeNull();
    expect(settingsStore('lyson.', () => storage).get('key')).toBeNull();
  });
});

describe('settingsStore without a working localStorage', () => {
  it('keeps values in memory when localStorage throws on get and set', () => {
    const s = settingsStore('ls58.web.', () => throwing);
    expect(s.get('key')).toBeNull();
    s.set('key', 'lsk_abc');
    s.set('lang', 'en');
    expect(s.get('key')).toBe('lsk_abc');
    expect(s.get('lang')).toBe('en');
    s.set('key', null);
    expect(s.get('key')).toBeNull();
  });

  it('keeps values in memory when there is no localStorage at all', () => {
    const s = settingsStore('lyson.', () => undefined);
    expect(s.get('lang')).toBeNull();
    s.set('lang', 'en');
    expect(s.get('lang')).toBe('en');
  });

  it('keeps values in memory when merely reaching localStorage throws', () => {
    const s = settingsStore('lyson.', () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    s.set('key', 'k');
    expect(s.get('key')).toBe('k');
  });

  it('reads the value set in this page even when storing it failed (quota)', () => {
    const { storage } = mapStorage({ 'lyson.lang': 'vi' });
    const full: WebStorage = { ...storage, setItem: throwing.setItem };
    const s = settingsStore('lyson.', () => full);
    s.set('lang', 'en');
    expect(s.get('lang')).toBe('en');
  });

  it('uses the page’s localStorage by default, and memory where the page has none', () => {
    const { items, storage } = mapStorage();
    vi.stubGlobal('localStorage', storage);
    try {
      settingsStore('lyson.').set('key', 'k');
      expect(items.get('lyson.key')).toBe('k');
      vi.stubGlobal('localStorage', undefined);
      const s = settingsStore('lyson.');
      expect(s.get('key')).toBeNull();
      s.set('key', 'k2');
      expect(s.get('key')).toBe('k2');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('settingsStore says whether it remembers', () => {
  it('is persistent over a working localStorage, and leaves no probe behind', () => {
    const { items, storage } = mapStorage();
    const s = settingsStore('lyson.', () => storage);
    expect(s.persistent()).toBe(true);
    expect([...items.keys()]).toEqual([]);
    s.set('key', 'k');
    expect(s.persistent()).toBe(true);
  });

  it('is not persistent where localStorage is missing, throws, or refuses a write', () => {
    expect(settingsStore('lyson.', () => undefined).persistent()).toBe(false);
    expect(settingsStore('lyson.', () => throwing).persistent()).toBe(false);
    const { storage } = mapStorage();
    let full = false;
    const quota: WebStorage = {
      ...storage,
      setItem: (k, v) => (full ? throwing.setItem(k, v) : storage.setItem(k, v)),
    };
    const s = settingsStore('lyson.', () => quota);
    expect(s.persistent()).toBe(true);
    full = true;
    s.set('key', 'k');
    expect(s.get('key')).toBe('k');
    expect(s.persistent()).toBe(false);
  });

  it('keeps each partition’s settings apart under Office.context.partitionKey', () => {
    const { items, storage } = mapStorage();
    settingsStore(partitionedPrefix('lyson.', 'part-a'), () => storage).set('key', 'a');
    settingsStore(partitionedPrefix('lyson.', undefined), () => storage).set('key', 'plain');
    expect(settingsStore(partitionedPrefix('lyson.', 'part-a'), () => storage).get('key')).toBe(
      'a',
    );
    expect(
      settingsStore(partitionedPrefix('lyson.', 'part-b'), () => storage).get('key'),
    ).toBeNull();
    expect([...items.keys()].sort()).toEqual(['lyson.key', 'part-alyson.key']);
  });
});
