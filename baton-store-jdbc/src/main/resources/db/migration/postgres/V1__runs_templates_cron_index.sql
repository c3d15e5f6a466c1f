-- Baton store, schema 1 (PostgreSQL). Instants are TIMESTAMPTZ; JSON and YAML are TEXT (kept byte
-- for byte, never parsed by the database); keys sort bytewise (COLLATE "C") as the keyset cursors expect.

CREATE TABLE runs (
    uid              TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    namespace        TEXT COLLATE "C" NOT NULL,
    name             TEXT COLLATE "C" NOT NULL,
    spec_json        TEXT    NOT NULL,
    phase            TEXT    NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    message          TEXT,
    status_json      TEXT,
    lease_owner      TEXT,
    lease_generation BIGINT NOT NULL DEFAULT 0,
    lease_expires_at TIMESTAMPTZ,
    last_seq         BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT runs_namespace_name UNIQUE (namespace, name)
);
CREATE INDEX runs_by_created ON runs (created_at DESC, uid DESC);
CREATE INDEX runs_by_namespace_created ON runs (namespace, created_at DESC, uid DESC);
CREATE INDEX runs_unfinished ON runs (created_at, uid) WHERE finished_at IS NULL;
CREATE INDEX runs_finished ON runs (finished_at, uid) WHERE finished_at IS NOT NULL;

CREATE TABLE run_labels (
    run_uid     TEXT COLLATE "C" NOT NULL REFERENCES runs (uid) ON DELETE CASCADE,
    label_key   TEXT COLLATE "C" NOT NULL,
    label_value TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (run_uid, label_key)
);
CREATE INDEX run_labels_by_pair ON run_labels (label_key, label_value, run_uid);

CREATE TABLE run_events (
    run_uid      TEXT COLLATE "C" NOT NULL REFERENCES runs (uid) ON DELETE CASCADE,
    seq          BIGINT NOT NULL,
    type         TEXT    NOT NULL,
    payload_json TEXT    NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (run_uid, seq)
);

CREATE TABLE run_nodes (
    run_uid      TEXT COLLATE "C" NOT NULL REFERENCES runs (uid) ON DELETE CASCADE,
    node_id      TEXT COLLATE "C" NOT NULL,
    name         TEXT COLLATE "C" NOT NULL,
    display_name TEXT,
    type         TEXT,
    phase        TEXT NOT NULL,
    started_at   TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ,
    status_json  TEXT,
    PRIMARY KEY (run_uid, node_id)
);

CREATE TABLE run_outbox (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_uid      TEXT COLLATE "C" NOT NULL REFERENCES runs (uid) ON DELETE CASCADE,
    kind         TEXT COLLATE "C" NOT NULL,
    payload_json TEXT NOT NULL
);
CREATE INDEX run_outbox_by_run ON run_outbox (run_uid, id);

CREATE TABLE templates (
    kind       TEXT COLLATE "C" NOT NULL,
    namespace  TEXT COLLATE "C" NOT NULL,
    name       TEXT COLLATE "C" NOT NULL,
    revision   INTEGER NOT NULL,
    yaml       TEXT    NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kind, namespace, name, revision)
);

CREATE TABLE cron_workflows (
    namespace         TEXT COLLATE "C" NOT NULL,
    name              TEXT COLLATE "C" NOT NULL,
    yaml              TEXT    NOT NULL,
    suspended         BOOLEAN NOT NULL,
    last_scheduled_at TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (namespace, name)
);

CREATE TABLE artifact_index (
    run_uid TEXT COLLATE "C" NOT NULL REFERENCES runs (uid) ON DELETE CASCADE,
    node_id TEXT COLLATE "C" NOT NULL,
    kind    TEXT COLLATE "C" NOT NULL,
    name    TEXT COLLATE "C" NOT NULL,
    digest  TEXT    NOT NULL,
    size    BIGINT NOT NULL,
    PRIMARY KEY (run_uid, node_id, kind, name)
);
CREATE INDEX artifact_index_by_digest ON artifact_index (digest);
