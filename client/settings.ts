// What the task pane and the web page remember on this computer: the access
// key and the chosen language, in localStorage under each app's own prefix.
// localStorage may be missing, or throw on every use (storage disabled, a
// sandboxed or partitioned frame in Excel on the web, a full quota): then the
// values live in memory for as long as the page is open, so signing in,
// switching the language and signing out still work, and are only forgotten
// on a reload.

/** The settings an app keeps. */
export type Setting = 'key' | 'lang';

/**
 * Named so as not to shadow the DOM's `Storage`: get gives the stored value
 * or null; set stores a value, or removes it when given null.
 */
export interface SettingsStore {
  get(name: Setting): string | null;
  set(name: Setting, value: string | null): void;
}

/** The part of the DOM's Storage (localStorage) that a SettingsStore uses. */
export type WebStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The page's localStorage, or undefined where there is none or reading it throws. */
function pageStorage(): WebStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    // Some browsers throw SecurityError on the mere access when storage is blocked.
    return undefined;
  }
}

/**
 * Settings kept in `storage` (the page's localStorage by default) under
 * `prefix` + name, e.g. "ls58.web.key", with every value also kept in memory:
 * what was set while the page is open is read back from memory, whether or
 * not the storage took it; what was not is read from the storage.
 */
export function settingsStore(
  prefix: string,
  storage: () => WebStorage | undefined = pageStorage,
): SettingsStore {
  const memory = new Map<Setting, string | null>();
  return {
    get(name) {
      if (memory.has(name)) return memory.get(name) ?? null;
      try {
        return storage()?.getItem(prefix + name) ?? null;
      } catch {
        return null;
      }
    },
    set(name, value) {
      memory.set(name, value);
      try {
        const s = storage();
        if (value === null) s?.removeItem(prefix + name);
        else s?.setItem(prefix + name, value);
      } catch {
        // Kept in memory only: the page still works, and forgets on a reload.
      }
    },
  };
}
