-- Baton store, schema 1 (SQLite). Instants are epoch microseconds (INTEGER); JSON and YAML are TEXT.

CREATE TABLE runs (
    uid              TEXT    NOT NULL PRIMARY KEY,
    namespace        TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    spec_json        TEXT    NOT NULL,
    phase            TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    started_at       INTEGER,
    finished_at      INTEGER,
    message          TEXT,
    status_json      TEXT,
    lease_owner      TEXT,
    lease_generation INTEGER NOT NULL DEFAULT 0,
    lease_expires_at INTEGER,
    last_seq         INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT runs_namespace_name UNIQUE (namespace, name)
);
CREATE INDEX runs_by_created ON runs (created_at DESC, uid DESC);
CREATE INDEX runs_by_namespace_created ON runs (namespace, created_at DESC, uid DESC);
CREATE INDEX runs_unfinished ON runs (created_at, uid) WHERE finished_at IS NULL;
CREATE INDEX runs_finished ON runs (finished_at, uid) WHERE finished_at IS NOT NULL;

CREATE TABLE run_labels (
    run_uid     TEXT NOT NULL REFERENCES runs (uid) ON DELETE CASCADE,
    label_key   TEXT NOT NULL,
    label_value TEXT NOT NULL,
    PRIMARY KEY (run_uid, label_key)
);
CREATE INDEX run_labels_by_pair ON run_labels (label_key, label_value, run_uid);

CREATE TABLE run_events (
    run_uid      TEXT    NOT NULL REFERENCES runs (uid) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    type         TEXT    NOT NULL,
    payload_json TEXT    NOT NULL,
    occurred_at  INTEGER NOT NULL,
    PRIMARY KEY (run_uid, seq)
);

CREATE TABLE run_nodes (
    run_uid      TEXT NOT NULL REFERENCES runs (uid) ON DELETE CASCADE,
    node_id      TEXT NOT NULL,
    name         TEXT NOT NULL,
    display_name TEXT,
    type         TEXT,
    phase        TEXT NOT NULL,
    started_at   INTEGER,
    finished_at  INTEGER,
    status_json  TEXT,
    PRIMARY KEY (run_uid, node_id)
);

CREATE TABLE run_outbox (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    run_uid      TEXT NOT NULL REFERENCES runs (uid) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    payload_json TEXT NOT NULL
);
CREATE INDEX run_outbox_by_run ON run_outbox (run_uid, id);

CREATE TABLE templates (
    kind       TEXT    NOT NULL,
    namespace  TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    revision   INTEGER NOT NULL,
    yaml       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (kind, namespace, name, revision)
);

CREATE TABLE cron_workflows (
    namespace         TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    yaml              TEXT    NOT NULL,
    suspended         INTEGER NOT NULL,
    last_scheduled_at INTEGER,
    created_at        INTEGER NOT NULL,
    PRIMARY KEY (namespace, name)
);

CREATE TABLE artifact_index (
    run_uid TEXT    NOT NULL REFERENCES runs (uid) ON DELETE CASCADE,
    node_id TEXT    NOT NULL,
    kind    TEXT    NOT NULL,
    name    TEXT    NOT NULL,
    digest  TEXT    NOT NULL,
    size    INTEGER NOT NULL,
    PRIMARY KEY (run_uid, node_id, kind, name)
);
CREATE INDEX artifact_index_by_digest ON artifact_index (digest);
