#!/usr/bin/env bash
# `make run`: the sample requests through an embedded deployment, from
# enqueue to a table of stored results.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=.build/debug
database=var/run/voyageur.db
mkdir -p "$(dirname "$database")"
rm -f "$database" "$database-wal" "$database-shm"
export VOYAGEUR_DATABASE_URL="sqlite:$database"
export VOYAGEUR_BROKER_URL="sqlite:$database"

"$bin/voyageurctl" migrate
count=$("$bin/voyageur-enqueue" jobs/samples/*.json | wc -l)
echo "Enqueued $count sample requests; running a worker until the queues are empty."
"$bin/voyageur-worker" --drain --id make-run
echo
"$bin/voyageurctl" results --limit 0
echo
echo "Read one in full: VOYAGEUR_DATABASE_URL=sqlite:$database $bin/voyageurctl results --job sample-aapl-buy-en-standard"
