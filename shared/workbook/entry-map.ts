// Zip entries by name, held in objects without a prototype. An entry may be
// named "constructor", "toString", "hasOwnProperty" or "__proto__" (a zip
// allows any name): on a plain {} a lookup of such a name finds
// Object.prototype's member (a function, whose `length` may even equal the
// entry's declared size), and an assignment to "__proto__" sets the object's
// prototype instead of storing the entry. Every map of entries the reader
// builds is made here, and every lookup by a name taken from the file goes
// through entryOf.
import type { Unzipped } from 'fflate';

/** A map of entries with no prototype, holding `from`'s own entries (in their order) when given. */
export function entryMap(from?: Unzipped): Unzipped {
  const out = Object.create(null) as Unzipped;
  if (from) for (const [name, data] of Object.entries(from)) out[name] = data;
  return out;
}

/** The entry `name` of `files`, only when it is one of its own (never an inherited member). */
export function entryOf(files: Unzipped, name: string): Unzipped[string] | undefined {
  return Object.hasOwn(files, name) ? files[name] : undefined;
}
