-- Baton store, schema 2 (SQLite): run priority (existing runs get 0) and the claim index that uses it; the
-- memoization cache; synchronization locks.

ALTER TABLE runs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
DROP INDEX runs_unfinished;
CREATE INDEX runs_unfinished ON runs (priority DESC, created_at, uid) WHERE finished_at IS NULL;

CREATE TABLE memo_entries (
    cache_name   TEXT    NOT NULL,
    cache_key    TEXT    NOT NULL,
    outputs_json TEXT    NOT NULL,
    node_id      TEXT,
    created_at   INTEGER NOT NULL,
    last_hit_at  INTEGER,
    PRIMARY KEY (cache_name, cache_key)
);

CREATE TABLE sync_locks (
    name TEXT NOT NULL PRIMARY KEY
);

CREATE TABLE sync_holders (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    lock_name TEXT NOT NULL REFERENCES sync_locks (name) ON DELETE CASCADE,
    holder    TEXT NOT NULL,
    CONSTRAINT sync_holders_once UNIQUE (lock_name, holder)
);
CREATE INDEX sync_holders_by_holder ON sync_holders (holder);
