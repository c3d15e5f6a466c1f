-- Baton store, schema 2 (PostgreSQL): run priority (existing runs get 0) and the claim index that uses it; the
-- memoization cache; synchronization locks.

ALTER TABLE runs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
DROP INDEX runs_unfinished;
CREATE INDEX runs_unfinished ON runs (priority DESC, created_at, uid) WHERE finished_at IS NULL;

CREATE TABLE memo_entries (
    cache_name   TEXT COLLATE "C" NOT NULL,
    cache_key    TEXT COLLATE "C" NOT NULL,
    outputs_json TEXT    NOT NULL,
    node_id      TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    last_hit_at  TIMESTAMPTZ,
    PRIMARY KEY (cache_name, cache_key)
);

CREATE TABLE sync_locks (
    name TEXT COLLATE "C" NOT NULL PRIMARY KEY
);

CREATE TABLE sync_holders (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lock_name TEXT COLLATE "C" NOT NULL REFERENCES sync_locks (name) ON DELETE CASCADE,
    holder    TEXT COLLATE "C" NOT NULL,
    CONSTRAINT sync_holders_once UNIQUE (lock_name, holder)
);
CREATE INDEX sync_holders_by_holder ON sync_holders (holder);
