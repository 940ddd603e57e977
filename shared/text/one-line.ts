// What a name or a printed line may not hold: control characters (a tab, a
// line break), invisible format characters (a soft hyphen, zero-width
// joiners, direction overrides) and line or paragraph separators, which
// would let two names look alike, one read backwards, or a line break in two.
// Plain data, so the web page checks with the Worker's own rule without zod.
export const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
