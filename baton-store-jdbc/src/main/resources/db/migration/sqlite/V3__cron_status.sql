-- Baton store, schema 3 (SQLite): the scheduling status of cron workflows (runs started and not finished, one
-- name a line; counts of succeeded and failed runs; stopped by stopStrategy) and the version that fences its writes.

ALTER TABLE cron_workflows ADD COLUMN active TEXT NOT NULL DEFAULT '';
ALTER TABLE cron_workflows ADD COLUMN succeeded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cron_workflows ADD COLUMN failed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cron_workflows ADD COLUMN stopped INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cron_workflows ADD COLUMN status_version INTEGER NOT NULL DEFAULT 0;
