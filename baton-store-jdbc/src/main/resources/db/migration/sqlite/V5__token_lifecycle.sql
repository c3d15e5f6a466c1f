-- Baton store, schema 5 (SQLite): tokens expire, are revoked (the row stays, so a client learns why) and record
-- when they were last used. Tokens made before keep their names and never expire.

ALTER TABLE api_tokens ADD COLUMN expires_at INTEGER;
ALTER TABLE api_tokens ADD COLUMN revoked_at INTEGER;
ALTER TABLE api_tokens ADD COLUMN last_used_at INTEGER;
