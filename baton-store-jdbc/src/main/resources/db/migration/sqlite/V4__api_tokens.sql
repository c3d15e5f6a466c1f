-- Baton store, schema 4 (SQLite): the server's API tokens, kept only as SHA-256 digests.

CREATE TABLE api_tokens (
    name       TEXT NOT NULL PRIMARY KEY,
    sha256     TEXT NOT NULL UNIQUE,
    namespace  TEXT NOT NULL,
    role       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
