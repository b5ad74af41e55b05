#!/usr/bin/env bash
# `make test` after the build: starts the test servers, runs the unit,
# end-to-end and integration tests against them, and stops the servers
# whatever happened. Suites that stop their server on purpose (to test
# recovery) run on their own, so they never pull a server from under others.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/test-services.sh start || { scripts/test-services.sh stop; exit 1; }
trap 'scripts/test-services.sh stop' EXIT
set -a
# shellcheck disable=SC1090
. "$(scripts/test-services.sh env-file)"
set +a

status=0
swift test --skip-build --skip 'PostgresIntegrationTests|AMQPIntegrationTests' || status=1
swift test --skip-build --filter PostgresIntegrationTests || status=1
swift test --skip-build --filter AMQPIntegrationTests || status=1
exit $status
