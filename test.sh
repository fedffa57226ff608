#!/usr/bin/env bash
# Runs every test: builds the solution, starts one private RabbitMQ broker and one EventStoreDB node that the
# test projects share (each test takes its own virtual host and store namespace), runs all test projects, and
# ends with the line "N passed, N failed[, N skipped]". Fault tests start brokers and nodes of their own.
#
# EventStoreDB comes from EVENTSTORE_CONNECTION when set, else Testcontainers where Docker runs (the tests start
# it), else the binaries in ../shared/eventstoredb; with none of them, the EventStoreDB tests report themselves
# skipped, with that reason.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
source scripts/rabbitmq.sh
source scripts/eventstoredb.sh
source scripts/manifests.sh

ensure_rabbitmq_installed || exit 1
ensure_manifest_validator
ensure_prometheus

echo "Building..."
if ! dotnet build Platform.sln -c Release -v quiet -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

work=$(mktemp -d /tmp/platform-tests.XXXXXX)
chmod 755 "$work"
broker_port=$(free_port)
mgmt_port=$(free_port)
esdb_pid=""
cleanup() {
  stop_broker "$work/rabbitmq" "$broker_port"
  [ -n "$esdb_pid" ] && kill "$esdb_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${RABBITMQ_URL:-}" ]; then
  echo "Starting the shared test broker on 127.0.0.1:$broker_port..."
  start_broker "$work/rabbitmq" "$broker_port" "$mgmt_port" || { echo "0 passed, 1 failed"; exit 1; }
  export RABBITMQ_URL="amqp://guest:guest@127.0.0.1:$broker_port/"
  export RABBITMQ_MANAGEMENT_URL="http://127.0.0.1:$mgmt_port/"
fi

if [ -z "${EVENTSTORE_CONNECTION:-}" ] && ! docker_runs && eventstoredb_script >/dev/null; then
  ensure_curl_installed || { echo "0 passed, 1 failed"; exit 1; }
  esdb_port=$(free_eventstoredb_port)
  echo "Starting the shared test EventStoreDB node on 127.0.0.1:$esdb_port from ../shared/eventstoredb..."
  esdb_pid=$(start_eventstoredb "$esdb_port" "$work/eventstoredb" --mem) || { echo "0 passed, 1 failed"; exit 1; }
  export EVENTSTORE_CONNECTION="esdb://127.0.0.1:$esdb_port?tls=false"
fi
echo "EventStoreDB for the tests: ${EVENTSTORE_CONNECTION:-Testcontainers or none (see the skipped tests)}"

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
