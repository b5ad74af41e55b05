#!/bin/sh
# A private RabbitMQ node for the integration tests, on loopback and on ports
# of its own, with all its state under DIR.
#
#   scripts/rabbitmq-test-server.sh start DIR        start (idempotent); prints the AMQP URL
#   scripts/rabbitmq-test-server.sh stop DIR         stop this node and the epmd it started
#   scripts/rabbitmq-test-server.sh restart-app DIR  rabbitmqctl stop_app + start_app
#   scripts/rabbitmq-test-server.sh restart DIR      stop, then start the whole node
#   scripts/rabbitmq-test-server.sh url DIR          print the AMQP URL
#   scripts/rabbitmq-test-server.sh add-vhost DIR NAME     create a virtual host; prints its URL
#   scripts/rabbitmq-test-server.sh delete-vhost DIR NAME  delete it
#
# Ports (override with the environment): AMQP VOYAGEUR_RABBITMQ_PORT (56720),
# Erlang distribution port +5, epmd port +6, CLI distribution ports +7..+15.
# The user is voyageur / voyageur on vhost "/". VOYAGEUR_RABBITMQ_NODENAME names the
# node (default voyageur-test@localhost), so that two test brokers can coexist.
set -eu

usage() {
    echo "usage: $0 start|stop|restart-app|restart|url DIR | add-vhost|delete-vhost DIR NAME" >&2
    exit 64
}

[ $# -eq 2 ] || [ $# -eq 3 ] || usage
command=$1
vhost=${3:-}
mkdir -p "$2"
dir=$(cd "$2" && pwd)

port=${VOYAGEUR_RABBITMQ_PORT:-56720}
node=${VOYAGEUR_RABBITMQ_NODENAME:-voyageur-test@localhost}
user=voyageur
password=voyageur
sbin=/usr/lib/rabbitmq/bin

export HOME="$dir/home"
export RABBITMQ_NODENAME="$node"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$port"
export RABBITMQ_DIST_PORT=$((port + 5))
export ERL_EPMD_PORT=$((port + 6))
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_CTL_DIST_PORT_MIN=$((port + 7))
export RABBITMQ_CTL_DIST_PORT_MAX=$((port + 15))
export RABBITMQ_MNESIA_BASE="$dir/mnesia"
export RABBITMQ_LOG_BASE="$dir/log"
export RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
export RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
export RABBITMQ_PLUGINS_EXPAND_DIR="$dir/plugins-expand"
export RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
# Keeps the Erlang distribution listener on loopback too.
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"

url="amqp://$user:$password@127.0.0.1:$port/%2f"

install_server() {
    [ -x "$sbin/rabbitmq-server" ] && return 0
    echo "installing rabbitmq-server" >&2
    apt-get update -qq >&2
    # Debian starts the packaged service on 5672 where it can; it does not
    # share any port with this node, but it is not needed either.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >&2
    if command -v systemctl >/dev/null 2>&1; then
        systemctl disable --now rabbitmq-server >/dev/null 2>&1 || true
    fi
    service rabbitmq-server stop >/dev/null 2>&1 || true
}

ctl() {
    "$sbin/rabbitmqctl" -n "$node" "$@"
}

is_running() {
    ctl status >/dev/null 2>&1
}

write_config() {
    mkdir -p "$HOME" "$RABBITMQ_MNESIA_BASE" "$RABBITMQ_LOG_BASE"
    : >"$RABBITMQ_CONF_ENV_FILE"
    echo "[]." >"$RABBITMQ_ENABLED_PLUGINS_FILE"
    cat >"$RABBITMQ_CONFIG_FILE" <<EOF
listeners.tcp.default = 127.0.0.1:$port
default_user = $user
default_pass = $password
default_vhost = /
loopback_users = none
disk_free_limit.absolute = 50MB
vm_memory_high_watermark.relative = 0.8
log.file.level = warning
EOF
}

start() {
    install_server
    if is_running; then
        ctl await_startup >/dev/null 2>&1 || ctl start_app >/dev/null
        echo "$url"
        return 0
    fi
    write_config
    nohup "$sbin/rabbitmq-server" >"$RABBITMQ_LOG_BASE/stdout.log" 2>&1 &
    echo $! >"$dir/server.pid"
    # Waits for the node to come up, then for the AMQP listener.
    tries=0
    until ctl await_startup --timeout 60 >/dev/null 2>&1; do
        tries=$((tries + 1))
        if [ "$tries" -ge 60 ] || ! kill -0 "$(cat "$dir/server.pid")" 2>/dev/null; then
            echo "rabbitmq did not start; see $RABBITMQ_LOG_BASE" >&2
            tail -n 30 "$RABBITMQ_LOG_BASE/stdout.log" >&2 || true
            exit 1
        fi
        sleep 1
    done
    echo "$url"
}

stop() {
    if is_running; then
        ctl stop "$RABBITMQ_PID_FILE" >/dev/null 2>&1 || true
    fi
    if [ -f "$dir/server.pid" ]; then
        pid=$(cat "$dir/server.pid")
        tries=0
        while kill -0 "$pid" 2>/dev/null && [ "$tries" -lt 30 ]; do
            sleep 1
            tries=$((tries + 1))
        done
        rm -f "$dir/server.pid"
    fi
    # Only the epmd on this node's own port, which no other node uses.
    epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1 || true
}

case "$command" in
start) start ;;
stop) stop ;;
restart-app)
    ctl stop_app >/dev/null
    ctl start_app >/dev/null
    ;;
restart)
    stop
    start
    ;;
url) echo "$url" ;;
add-vhost)
    [ -n "$vhost" ] || usage
    ctl add_vhost "$vhost" >/dev/null
    ctl set_permissions -p "$vhost" "$user" '.*' '.*' '.*' >/dev/null
    echo "${url%/*}/$vhost"
    ;;
delete-vhost)
    [ -n "$vhost" ] || usage
    ctl delete_vhost "$vhost" >/dev/null
    ;;
*) usage ;;
esac
