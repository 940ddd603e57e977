#!/usr/bin/env bash
# Runs one vitest project N times in a row while another CPU-heavy process
# keeps every core busy, and counts the runs that passed: the proof that the
# tests do not depend on the machine's speed (issue 10, item 2).
#   bash scripts/flake-check.sh [project] [runs]     (default: worker 20)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
project=${1:-worker}
runs=${2:-20}
log=$(mktemp -d)

# The load: one busy loop per core, niced to the same priority as the tests.
hogs=()
for _ in $(seq "$(nproc)"); do
  node -e 'for (;;) { Math.sqrt(Math.random()); }' &
  hogs+=($!)
done
trap 'kill "${hogs[@]}" 2>/dev/null' EXIT

passed=0
for i in $(seq "$runs"); do
  start=$(date +%s)
  if npx vitest run --project "$project" >"$log/run-$i.log" 2>&1; then
    passed=$((passed + 1)); result=passed
  else
    result="FAILED (log: $log/run-$i.log)"
  fi
  echo "run $i/$runs: $result in $(( $(date +%s) - start )) s"
done
echo "$project: $passed of $runs runs passed under load ($(nproc) busy loops)"
[ "$passed" -eq "$runs" ]
