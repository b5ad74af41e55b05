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

# The model shares two cores with everything else: its suites run alone, so
# their timings mean something.
on_their_own='PostgresIntegrationTests|AMQPIntegrationTests|ProductionFaultTests|LLMIntegrationTests|LLMEndToEndTests'

status=0
swift test --skip-build --skip "$on_their_own" || status=1
for suite in ${on_their_own//|/ }; do
    swift test --skip-build --filter "$suite" || status=1
done
exit $status
