-- Every Idempotency-Key an agency used, with the receipt it was answered
-- with: also keys whose request stored nothing new (the content equalled the
-- latest version), so that a retry later can never create a version.
CREATE TABLE idempotency_keys (
  agency_code     TEXT NOT NULL REFERENCES agencies (code),
  idempotency_key TEXT NOT NULL,
  period_code     TEXT NOT NULL REFERENCES periods (code),
  content_hash    TEXT NOT NULL,
  submission_id   TEXT NOT NULL REFERENCES submissions (id),
  -- The request that first used the key (its would-be submission id).
  request_id      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  PRIMARY KEY (agency_code, idempotency_key)
);

INSERT INTO idempotency_keys (agency_code, idempotency_key, period_code, content_hash, submission_id, request_id, created_at)
SELECT agency_code, idempotency_key, period_code, content_hash, id, id, received_at
FROM submissions WHERE idempotency_key IS NOT NULL;
