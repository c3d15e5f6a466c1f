#!/usr/bin/env bash
# Starts (or reuses) a private, throwaway PostgreSQL cluster for integration tests: 127.0.0.1:55432, user
# postgres, trust auth, durability off, data in /tmp/pgci. Creates database baton_test and exports
# BATON_TEST_POSTGRES_URL. Source it (`. .ci/postgres.sh`) so the export reaches the caller; run as a
# program it prints the export line instead. Idempotent. Stop it with:
#   runuser -u postgres -- "$PGBIN/pg_ctl" -D /tmp/pgci/data -m fast -w stop

baton_postgres_start() {
    local pgdir=/tmp/pgci port=55432 pgbin="" run_as=()
    if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
        if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
            echo "postgres.sh: installing postgresql" >&2
            DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
            DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq postgresql >/dev/null \
                || return 1
        else
            echo "postgres.sh: PostgreSQL binaries are missing and cannot be installed (not root)" >&2
            return 1
        fi
    fi
    pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
    # The server refuses to run as root: run it as the postgres system user then.
    if [ "$(id -u)" = "0" ]; then run_as=(runuser -u postgres --); fi

    if "${run_as[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" status >/dev/null 2>&1 \
        && "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
        echo "postgres.sh: reusing the cluster already running on 127.0.0.1:$port" >&2
    else
        if [ -f "$pgdir/data/postmaster.pid" ]; then
            "${run_as[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true
        fi
        rm -rf "$pgdir"
        if [ "$(id -u)" = "0" ]; then install -d -o postgres -g postgres "$pgdir"; else install -d "$pgdir"; fi
        "${run_as[@]}" "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres -E UTF8 --no-sync >"$pgdir/initdb.log" 2>&1 \
            || { cat "$pgdir/initdb.log" >&2; return 1; }
        "${run_as[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -o \
            "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$pgdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
            start >/dev/null || { cat "$pgdir/server.log" >&2; return 1; }
        echo "postgres.sh: started a private cluster on 127.0.0.1:$port ($pgdir)" >&2
    fi
    if [ "$(psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atc \
            "SELECT 1 FROM pg_database WHERE datname = 'baton_test'")" != "1" ]; then
        psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE baton_test" || return 1
    fi
    export PGBIN="$pgbin"
    export BATON_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/baton_test"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    baton_postgres_start
    echo "export BATON_TEST_POSTGRES_URL=$BATON_TEST_POSTGRES_URL"
else
    baton_postgres_start
fi
