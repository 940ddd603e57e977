-- The district's document settings (shared/documents/settings.ts): one row,
-- the settings as JSON, replaced whole by the coordinator (audited like every
-- write). No row: nothing set, every line prints as a dotted blank.
CREATE TABLE document_settings (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  settings   TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
