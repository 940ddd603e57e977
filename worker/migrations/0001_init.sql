-- The district's record of progress reports.
-- Submissions and reviews are append-only: a correction is a new version, a
-- review a new row. Every write also lands in audit_log in the same batch.

CREATE TABLE agencies (
  code           TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  short_name     TEXT NOT NULL,
  kind           TEXT NOT NULL,
  is_coordinator INTEGER NOT NULL DEFAULT 0,
  placeholder    INTEGER NOT NULL DEFAULT 0,
  sort_order     INTEGER NOT NULL,
  updated_at     TEXT NOT NULL
);

-- Only a SHA-256 hash of each key is stored; the prefix lets people tell keys apart.
CREATE TABLE access_keys (
  id          TEXT PRIMARY KEY,
  prefix      TEXT NOT NULL UNIQUE,
  hash        TEXT NOT NULL,
  agency_code TEXT NOT NULL REFERENCES agencies (code),
  role        TEXT NOT NULL CHECK (role IN ('agency', 'coordinator')),
  label       TEXT,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  revoked_at  TEXT
);
CREATE INDEX access_keys_agency ON access_keys (agency_code);

CREATE TABLE periods (
  code        TEXT PRIMARY KEY,
  year        INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  cutoff_from TEXT NOT NULL,
  cutoff_to   TEXT NOT NULL,
  due         TEXT NOT NULL,
  grace_days  INTEGER NOT NULL CHECK (grace_days >= 0),
  locked      INTEGER NOT NULL DEFAULT 0,
  lock_reason TEXT,
  updated_at  TEXT NOT NULL
);

-- One agency allowed to submit into a locked period (a DHIS2 "lock exception").
CREATE TABLE period_reopenings (
  period_code TEXT NOT NULL REFERENCES periods (code),
  agency_code TEXT NOT NULL REFERENCES agencies (code),
  reason      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  PRIMARY KEY (period_code, agency_code)
);

CREATE TABLE submissions (
  id              TEXT PRIMARY KEY,
  agency_code     TEXT NOT NULL REFERENCES agencies (code),
  period_code     TEXT NOT NULL REFERENCES periods (code),
  version         INTEGER NOT NULL CHECK (version >= 1),
  received_at     TEXT NOT NULL,
  submitted_by    TEXT NOT NULL,
  key_prefix      TEXT NOT NULL,
  content_hash    TEXT NOT NULL,
  idempotency_key TEXT,
  source          TEXT NOT NULL DEFAULT 'api',
  payload         TEXT NOT NULL,
  warnings        TEXT NOT NULL,
  UNIQUE (agency_code, period_code, version),
  UNIQUE (agency_code, idempotency_key)
);
-- Completeness and history read by (period, agency), newest version first.
CREATE INDEX submissions_period ON submissions (period_code, agency_code, version DESC);

CREATE TABLE reviews (
  id            TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  state         TEXT NOT NULL CHECK (state IN ('accepted', 'returned')),
  comment       TEXT,
  reviewer      TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE INDEX reviews_submission ON reviews (submission_id, created_at DESC);

CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  target  TEXT NOT NULL,
  details TEXT
);
CREATE INDEX audit_log_target ON audit_log (target, at);
