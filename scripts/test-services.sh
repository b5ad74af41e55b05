#!/usr/bin/env bash
# Starts (or stops) the servers the integration tests need, each private to
# this checkout, on loopback and on ports of their own: PostgreSQL, RabbitMQ
# and the llama.cpp server with SmolLM2. `start` writes the variables the
# tests read to the file `env-file` prints; `stop` stops what `start` started.
#
# State lives under /tmp: PostgreSQL runs as its own user, which must be able
# to reach its data directory wherever the checkout is.
set -euo pipefail
cd "$(dirname "$0")/.."

state=${VOYAGEUR_TEST_STATE:-/tmp/voyageur-test-$(printf '%s' "$PWD" | md5sum | cut -c1-8)}
env_file=$state/env

start() {
    mkdir -p "$state"
    chmod 755 "$state"
    : > "$env_file"
    local url
    url=$(scripts/postgres-test-server.sh start "$state/postgres" | tail -n 1)
    {
        echo "VOYAGEUR_TEST_POSTGRES_URL=$url"
        echo "VOYAGEUR_TEST_POSTGRES_DIR=$state/postgres"
    } >> "$env_file"
    url=$(scripts/rabbitmq-test-server.sh start "$state/rabbitmq" | tail -n 1)
    {
        echo "VOYAGEUR_TEST_AMQP_URL=$url"
        echo "VOYAGEUR_TEST_RABBITMQ_DIR=$state/rabbitmq"
    } >> "$env_file"
    url=$(scripts/llm-test-server.sh start "$state/llm" | tail -n 1)
    echo "VOYAGEUR_TEST_LLM_URL=$url" >> "$env_file"
    echo "Test services ($env_file):"
    sed 's/^/  /' "$env_file"
}

stop() {
    scripts/llm-test-server.sh stop "$state/llm" || true
    scripts/rabbitmq-test-server.sh stop "$state/rabbitmq" || true
    scripts/postgres-test-server.sh stop "$state/postgres" || true
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    env-file) echo "$env_file" ;;
    *) echo "usage: $0 start|stop|env-file" >&2; exit 64 ;;
esac
