#!/usr/bin/env bash
# Runs every test: builds the solution, starts one private RabbitMQ broker that the test projects
# share (each test takes its own virtual host), runs all test projects, and ends with the line
# "N passed, N failed[, N skipped]". Fault tests start brokers of their own.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
source scripts/rabbitmq.sh

ensure_rabbitmq_installed || exit 1

echo "Building..."
if ! dotnet build Platform.sln -c Release -v quiet -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

work=$(mktemp -d /tmp/platform-tests.XXXXXX)
chmod 755 "$work"
broker_port=$(free_port)
mgmt_port=$(free_port)
cleanup() { stop_broker "$work/rabbitmq" "$broker_port"; rm -rf "$work"; }
trap cleanup EXIT

if [ -z "${RABBITMQ_URL:-}" ]; then
  echo "Starting the shared test broker on 127.0.0.1:$broker_port..."
  start_broker "$work/rabbitmq" "$broker_port" "$mgmt_port" || { echo "0 passed, 1 failed"; exit 1; }
  export RABBITMQ_URL="amqp://guest:guest@127.0.0.1:$broker_port/"
  export RABBITMQ_MANAGEMENT_URL="http://127.0.0.1:$mgmt_port/"
fi

results="$work/results"
# Two test assemblies at a time on this two-core machine; tests inside each run in parallel too.
dotnet test Platform.sln -c Release --no-build -m:2 --results-directory "$results" \
  --logger "trx" --logger "console;verbosity=minimal" "$@"
status=$?

# Sum the TRX counters of every test project.
sum() { cat "$results"/*.trx 2>/dev/null | grep -o "<Counters [^>]*" | grep -o " $1=\"[0-9]*\"" | awk -F'"' '{s+=$2} END {print s+0}'; }
passed=$(sum passed); failed=$(( $(sum failed) + $(sum error) + $(sum timeout) + $(sum aborted) )); skipped=$(( $(sum total) - $(sum executed) ))  # the TRX logger counts skipped tests as total but not executed
# A failed run without a failed test (a crash, an aborted test host) is never reported green.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
line="${passed:-0} passed, $failed failed"
[ "${skipped:-0}" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
exit $status
