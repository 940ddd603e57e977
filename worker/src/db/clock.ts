// The time of a write: the database's clock, read by the statement that
// writes, not the Worker's at the start of the request. A request whose body
// arrives slowly writes seconds after it began; its row and its audit row
// must say when it wrote, so that the audit log's order and its times agree
// (issue 16: a lock logged before a submission it was written after).

/** SQL: the database's clock, in the format of `Date.prototype.toISOString()` ("2026-03-01T02:03:04.567Z"). */
export const DB_NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
