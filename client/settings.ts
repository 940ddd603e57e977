// What the task pane and the web page remember on this computer: the access
// key and the chosen language, in localStorage under each app's own prefix.
// localStorage may be missing, or throw on every use (storage disabled, a
// sandboxed or partitioned frame in Excel on the web, a full quota): then the
// values live in memory for as long as the page is open, so signing in,
// switching the language and signing out still work, and are only forgotten
// on a reload; `persistent()` tells the page so, for it to say so.

/** The settings an app keeps. */
export type Setting = 'key' | 'lang';

/**
 * Named so as not to shadow the DOM's `Storage`: get gives the stored value
 * or null; set stores a value, or removes it when given null.
 */
export interface SettingsStore {
  get(name: Setting): string | null;
  set(name: Setting, value: string | null): void;
  /**
   * Whether what is set outlives the page: false when there is no storage,
   * when a probe write to it throws, or once any write has thrown (quota).
   */
  persistent(): boolean;
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

/** The name the probe write uses, under the store's prefix; removed at once. */
const PROBE = 'probe';

/**
 * Settings kept in `storage` (the page's localStorage by default) under
 * `prefix` + name, e.g. "ls58.web.key", with every value also kept in memory:
 * what was set while the page is open is read back from memory, whether or
 * not the storage took it; what was not is read from the storage.
 * In an add-in, `prefix` begins with Office.context.partitionKey where there
 * is one (Microsoft, "Persist add-in state and settings": Excel on the web
 * partitions localStorage, and the key prefix keeps each partition's own).
 */
export function settingsStore(
  prefix: string,
  storage: () => WebStorage | undefined = pageStorage,
): SettingsStore {
  const memory = new Map<Setting, string | null>();
  let failed = false;
  let probed: boolean | undefined;
  /** One write and removal, as MDN's "Using the Web Storage API" tests availability. */
  const probe = (): boolean => {
    try {
      const s = storage();
      if (!s) return false;
      s.setItem(prefix + PROBE, '1');
      s.removeItem(prefix + PROBE);
      return true;
    } catch {
      return false;
    }
  };
  return {
    persistent() {
      probed ??= probe();
      return probed && !failed;
    },
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
        if (!s) failed = true;
        else if (value === null) s.removeItem(prefix + name);
        else s.setItem(prefix + name, value);
      } catch {
        failed = true;
        // Kept in memory only: the page still works, and forgets on a reload.
      }
    },
  };
}

/**
 * An add-in's localStorage prefix: `prefix` after Office.context.partitionKey
 * where the host gives one (Excel on the web), as Microsoft's "Persist add-in
 * state and settings" does; the bare prefix where it is undefined (Windows).
 */
export function partitionedPrefix(prefix: string, partitionKey: string | null | undefined): string {
  return (partitionKey ?? '') + prefix;
}
