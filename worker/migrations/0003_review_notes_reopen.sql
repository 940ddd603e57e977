-- Issue 13: the coordinator annotates a returned report cell by cell, and may
-- reopen an accepted report (it is then awaiting review again).
--
-- 'reopened' is one more review state, stored in reviews like the others, so
-- "the latest review is the state" stays one rule for every query that reads
-- it (history, completeness, periods, the merged workbook's choice of the
-- accepted version). SQLite cannot alter a CHECK constraint, so the table is
-- rebuilt (https://www.sqlite.org/lang_altertable.html#otheralter): a copy
-- with the wider CHECK, rows copied with their rowid (reads order ties by
-- rowid), the old table dropped, the copy renamed. No table references
-- reviews yet, and the migration runs in one transaction.
CREATE TABLE reviews_new (
  id            TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  state         TEXT NOT NULL CHECK (state IN ('accepted', 'returned', 'reopened')),
  comment       TEXT,
  reviewer      TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
INSERT INTO reviews_new (rowid, id, submission_id, state, comment, reviewer, created_at)
SELECT rowid, id, submission_id, state, comment, reviewer, created_at FROM reviews;
DROP TABLE reviews;
ALTER TABLE reviews_new RENAME TO reviews;
CREATE INDEX reviews_submission ON reviews (submission_id, created_at DESC);

-- The notes of a review (a return): one row per note, in the order given.
-- Append-only, like the review they belong to.
CREATE TABLE review_notes (
  review_id TEXT NOT NULL REFERENCES reviews (id),
  ord       INTEGER NOT NULL CHECK (ord >= 0),
  task_id   TEXT NOT NULL,
  -- null: the note is about the task's row as a whole.
  field     TEXT CHECK (field IN ('status', 'percent', 'result', 'completedProducts', 'difficulties', 'proposals')),
  text      TEXT NOT NULL,
  PRIMARY KEY (review_id, ord)
);
