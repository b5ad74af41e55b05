#!/usr/bin/env bash
# A private PostgreSQL cluster for tests, on loopback, on a port of its own.
#
#   scripts/postgres-test-server.sh start DIR   # create if needed, start, print the URL
#   scripts/postgres-test-server.sh stop DIR    # stop (fast); keeps the data
#   scripts/postgres-test-server.sh url DIR     # print the URL
#   scripts/postgres-test-server.sh status DIR  # exit 0 when running
#
# VOYAGEUR_TEST_POSTGRES_PORT chooses the port when the cluster is created
# (default 55432); later calls reuse the port recorded in DIR. The superuser
# `voyageur` connects from 127.0.0.1 without a password; every other role
# needs one (scram-sha-256). PostgreSQL refuses to run as root, so as root
# the cluster runs as the `postgres` user (created if missing) and DIR is
# given to it. Installs PostgreSQL with apt-get when it is missing.
set -euo pipefail

usage() {
    echo "usage: $0 start|stop|url|status DIR" >&2
    exit 64
}

[[ $# -eq 2 ]] || usage
command=$1
dir=$2
data="$dir/data"
socket_dir="$dir/run"
log_file="$dir/postgres.log"
port_file="$dir/port"
superuser=voyageur
database=voyageur

find_bin() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n $found && -x $found/initdb ]]; then
        echo "$found"
    fi
}

install_postgres() {
    echo "postgres-test-server: installing PostgreSQL with apt-get" >&2
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
}

bin=$(find_bin)
if [[ -z $bin && $command != url ]]; then
    install_postgres
    bin=$(find_bin)
    [[ -n $bin ]] || { echo "postgres-test-server: initdb not found after install" >&2; exit 1; }
fi

# Runs a command as the cluster's owner.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

port() {
    if [[ -s $port_file ]]; then
        cat "$port_file"
    else
        echo "${VOYAGEUR_TEST_POSTGRES_PORT:-55432}"
    fi
}

url() {
    echo "postgres://$superuser@127.0.0.1:$(port)/$database"
}

is_running() {
    [[ -f $data/PG_VERSION ]] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

create_cluster() {
    if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
    fi
    mkdir -p "$dir" "$socket_dir"
    [[ $(id -u) -ne 0 ]] || chown -R postgres: "$dir"
    if ! as_owner test -w "$dir"; then
        echo "postgres-test-server: $dir is not reachable by the postgres user;" \
            "choose a directory outside private home directories" >&2
        exit 1
    fi
    local chosen
    chosen=$(port)
    echo "$chosen" > "$port_file"

    as_owner "$bin/initdb" -D "$data" -U "$superuser" -E UTF8 --no-locale \
        --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    cat > "$data/pg_hba.conf" <<EOF
local all all                    trust
host  all $superuser 127.0.0.1/32 trust
host  all all        127.0.0.1/32 scram-sha-256
EOF
    cat >> "$data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $(port)
unix_socket_directories = '$socket_dir'
max_connections = 200
EOF
    [[ $(id -u) -ne 0 ]] || chown -R postgres: "$dir"
}

# The server outlives this script: it must not keep the caller's pipes or
# sockets open (a caller waiting for their end would wait forever).
close_inherited_fds() {
    local fd
    for fd in /proc/$BASHPID/fd/*; do
        fd=${fd##*/}
        if [[ $fd -gt 2 && $fd -ne 255 ]]; then
            eval "exec $fd>&-"
        fi
    done 2>/dev/null
    exec </dev/null
}

start() {
    [[ -f $data/PG_VERSION ]] || create_cluster
    mkdir -p "$socket_dir"
    [[ $(id -u) -ne 0 ]] || chown postgres: "$dir" "$socket_dir"
    if ! is_running; then
        if ! (close_inherited_fds && as_owner "$bin/pg_ctl" -D "$data" -l "$log_file" -w -t 60 start >/dev/null); then
            echo "postgres-test-server: start failed; last lines of $log_file:" >&2
            tail -n 20 "$log_file" >&2 || true
            exit 1
        fi
    fi
    local psql=("$bin/psql" -h 127.0.0.1 -p "$(port)" -U "$superuser" -d postgres -qtAX)
    if [[ -z $("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$database'") ]]; then
        "${psql[@]}" -c "CREATE DATABASE $database" >/dev/null
    fi
    url
}

stop() {
    if is_running; then
        as_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
    fi
}

case $command in
start) start ;;
stop) stop ;;
url) url ;;
status) is_running ;;
*) usage ;;
esac
