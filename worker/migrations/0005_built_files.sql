-- Issue 15: the merged workbook and the written report (.docx) of a period,
-- built once per change of what they are made from. One row per (period,
-- kind): the file last built and `inputs`, the exact text of everything they
-- were built from (worker/src/db/built-files.ts reads it again on each
-- request and serves the bytes only when it is equal). Nothing refers to this
-- table and it holds nothing that cannot be rebuilt: deleting rows is safe.
CREATE TABLE built_files (
  period_code TEXT NOT NULL REFERENCES periods (code),
  kind        TEXT NOT NULL CHECK (kind IN ('workbook', 'report')),
  inputs      TEXT NOT NULL,
  -- base64: D1 answers a BLOB as a JSON array of numbers, several times
  -- larger and slower to read back than base64 text.
  base64      TEXT NOT NULL,
  built_at    TEXT NOT NULL,
  PRIMARY KEY (period_code, kind)
);
