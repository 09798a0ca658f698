#!/usr/bin/env bash
# A throw-away PostgreSQL server for tests, listening only on 127.0.0.1.
#
#   bash .ci/pg.sh install        install PostgreSQL from Debian's packages if initdb/pg_ctl are missing (root)
#   eval "$(bash .ci/pg.sh start)" start a cluster; prints export lines for PROVENANCE_TEST_PG and PROVENANCE_PG_DIR
#   bash .ci/pg.sh stop [DIR]     stop the cluster started by `start` (DIR defaults to $PROVENANCE_PG_DIR) and delete it
#   bash .ci/pg.sh run CMD...     start, run CMD with PROVENANCE_TEST_PG set, stop; exits with CMD's status
#
# The cluster lives in a mktemp folder, uses trust authentication on loopback
# only, and is started as a non-root user (`postgres`, created if missing) when
# this runs as root, because PostgreSQL refuses to run as root.
set -euo pipefail

PG_USER_DB=postgres   # the database superuser name inside the cluster

log() { echo "pg.sh: $*" >&2; }

pg_bindir() {
    local d
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        d=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
        if [ -x "$d/initdb" ] && [ -x "$d/postgres" ]; then echo "$d"; return 0; fi
    fi
    # Debian keeps the server binaries out of PATH.
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then echo "$d"; return 0; fi
    done
    return 1
}

cmd_install() {
    if pg_bindir >/dev/null; then
        log "PostgreSQL found in $(pg_bindir)"
        return 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
        log "PostgreSQL (initdb, pg_ctl) not found; install it, e.g. sudo apt-get install postgresql"
        return 1
    fi
    log "installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq </dev/null
    # A service manager may be missing: keep the package from starting its own cluster.
    local policy=/usr/sbin/policy-rc.d created_policy=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; created_policy=1
    fi
    apt-get install -y -qq --no-install-recommends postgresql </dev/null >/dev/null || {
        [ "$created_policy" = 1 ] && rm -f "$policy"; return 1; }
    [ "$created_policy" = 1 ] && rm -f "$policy"
    pg_bindir >/dev/null || { log "PostgreSQL installed but initdb/pg_ctl not found"; return 1; }
    log "PostgreSQL installed in $(pg_bindir)"
}

# Run a command as the cluster's OS owner (ourselves unless we are root).
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$OS_USER" -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 - <<'PY'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

cmd_start() {
    local bindir dir port url
    bindir=$(pg_bindir) || {
        log "PostgreSQL (initdb, pg_ctl) not found: run 'bash .ci/pg.sh install' as root or apt-get install postgresql"
        return 1; }
    OS_USER=$(id -un)
    if [ "$(id -u)" -eq 0 ]; then
        OS_USER=postgres
        if ! id -u "$OS_USER" >/dev/null 2>&1; then
            useradd --system --user-group --home-dir /nonexistent --shell /usr/sbin/nologin "$OS_USER"
        fi
    fi
    # As root the folder must be reachable by the server's user: keep it in /tmp.
    local base=${TMPDIR:-/tmp}
    [ "$(id -u)" -eq 0 ] && base=/tmp
    dir=$(mktemp -d "$base/provenance-pg.XXXXXX")
    chmod 755 "$dir"
    mkdir -p "$dir/data" "$dir/run"
    [ "$(id -u)" -eq 0 ] && chown -R "$OS_USER" "$dir"
    echo "$bindir" > "$dir/bindir"
    echo "$OS_USER" > "$dir/owner"
    if ! as_owner "$bindir/initdb" -D "$dir/data" -U "$PG_USER_DB" --auth=trust -E UTF8 --locale=C.UTF-8 \
            --no-sync >"$dir/initdb.log" 2>&1 \
       && ! as_owner "$bindir/initdb" -D "$dir/data" -U "$PG_USER_DB" --auth=trust -E UTF8 --locale=C \
            --no-sync >"$dir/initdb.log" 2>&1; then
        log "initdb failed:"; cat "$dir/initdb.log" >&2; rm -rf "$dir"; return 1
    fi
    # Loopback only, trust authentication; no durability needed for a throw-away cluster.
    cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/run'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF
    printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' > "$dir/data/pg_hba.conf"
    local try
    for try in 1 2 3 4 5; do
        port=$(free_port)
        if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
            echo "$port" > "$dir/port"
            url="postgresql+psycopg://$PG_USER_DB@127.0.0.1:$port/postgres"
            log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') listening on 127.0.0.1:$port (data in $dir)"
            echo "export PROVENANCE_TEST_PG=$url"
            echo "export PROVENANCE_PG_DIR=$dir"
            return 0
        fi
    done
    log "the server did not start:"; tail -n 20 "$dir/server.log" >&2 || true
    rm -rf "$dir"
    return 1
}

cmd_stop() {
    local dir=${1:-${PROVENANCE_PG_DIR:-}}
    if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
        log "nothing to stop (no cluster folder given and PROVENANCE_PG_DIR unset)"; return 0
    fi
    local bindir; bindir=$(cat "$dir/bindir")
    OS_USER=$(cat "$dir/owner")
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
        || as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    log "PostgreSQL stopped"
}

cmd_run() {
    [ $# -gt 0 ] || { log "usage: pg.sh run CMD..."; return 2; }
    local lines
    lines=$(cmd_start) || return 1
    eval "$lines"
    trap 'cmd_stop "$PROVENANCE_PG_DIR"' EXIT
    trap 'exit 130' INT TERM
    local rc=0
    "$@" || rc=$?
    return "$rc"
}

case "${1:-}" in
    install) shift; cmd_install "$@" ;;
    start) shift; cmd_start "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    run) shift; cmd_run "$@" ;;
    *) echo "usage: bash .ci/pg.sh install|start|stop [DIR]|run CMD..." >&2; exit 2 ;;
esac
