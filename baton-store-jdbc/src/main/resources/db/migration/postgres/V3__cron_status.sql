-- Baton store, schema 3 (PostgreSQL): the scheduling status of cron workflows (runs started and not finished, one
-- name a line; counts of succeeded and failed runs; stopped by stopStrategy) and the version that fences its writes.

ALTER TABLE cron_workflows ADD COLUMN active TEXT NOT NULL DEFAULT '';
ALTER TABLE cron_workflows ADD COLUMN succeeded BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cron_workflows ADD COLUMN failed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cron_workflows ADD COLUMN stopped BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE cron_workflows ADD COLUMN status_version BIGINT NOT NULL DEFAULT 0;
