#!/usr/bin/env bash
# Starts the whole platform on this machine: a private RabbitMQ broker on loopback, every service with its store, and
# the gateway. Ctrl-C (or SIGTERM) stops everything.
#
# Stores: each service's embedded SQLite file under the data folder, unless EventStoreDB is asked for:
# EVENTSTORE_CONNECTION names a server, or EVENTSTORE=1 (implied by REPLICAS > 1) starts a node from
# ../shared/eventstoredb with its data under the data folder.
#
# Settings (environment): GATEWAY_PORT (8080), COMPLAINTS_PORT (5101), WORKORDERS_PORT (5102), FEES_PORT (5103), INVENTORY_PORT (5104), FIRESAFETY_PORT (5105), RABBITMQ_PORT (5672),
# DATA_DIR (./.data), REPLICAS (1; instance k > 1 of a service listens on its port + 10*(k-1), or on the k-th of
# <NAME>_PORTS, e.g. COMPLAINTS_PORTS=5101,5111), EVENTSTORE, EVENTSTORE_PORT (2113), EVENTSTORE_CONNECTION,
# PLATFORM_NO_BUILD=1 to skip the build (the Release build must exist). Each instance writes its pid to
# DATA_DIR/<Name>-<k>.pid and its log to DATA_DIR/<Name>-<k>.log.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
source scripts/rabbitmq.sh
source scripts/eventstoredb.sh

gateway_port=${GATEWAY_PORT:-8080}
rabbit_port=${RABBITMQ_PORT:-5672}
rabbit_mgmt_port=${RABBITMQ_MANAGEMENT_PORT:-$(( rabbit_port + 10000 ))}
data_dir=$(realpath -m "${DATA_DIR:-$root/.data}")
replicas=${REPLICAS:-1}
mkdir -p "$data_dir"

# name=port of every service; the gateway finds them through Services__<Name>__Url(s).
services=(
  "Complaints=${COMPLAINTS_PORT:-5101}"
  "WorkOrders=${WORKORDERS_PORT:-5102}"
  "Fees=${FEES_PORT:-5103}"
  "Inventory=${INVENTORY_PORT:-5104}"
  "FireSafety=${FIRESAFETY_PORT:-5105}"
)

# replica_port NAME BASE K: the port of instance K.
replica_port() {
  local upper list
  upper=$(echo "$1" | tr '[:lower:]' '[:upper:]')
  list_var="${upper}_PORTS"; list=${!list_var:-}
  if [ -n "$list" ]; then echo "$list" | cut -d, -f"$3"; else echo $(( $2 + 10 * ($3 - 1) )); fi
}

ensure_rabbitmq_installed
if [ "${PLATFORM_NO_BUILD:-0}" != "1" ]; then
  echo "Building..."
  dotnet build Platform.sln -c Release -v quiet -nologo -clp:ErrorsOnly
fi

pids=()
broker_dir="$data_dir/rabbitmq"
esdb_pid=""
stopping=0
stop_all() {
  [ $stopping = 1 ] && return; stopping=1
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  # Each process has 20 s in all to finish what it is doing; one still running then is killed, so a loaded machine
  # cannot make a Ctrl-C hang.
  local deadline=$(( SECONDS + 20 ))
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  stop_broker "$broker_dir" "$rabbit_port"
  [ -n "$esdb_pid" ] && kill "$esdb_pid" 2>/dev/null || true
  echo "Stopped."
}
trap stop_all EXIT
trap 'exit 130' INT TERM

echo "Starting RabbitMQ on 127.0.0.1:$rabbit_port..."
start_broker "$broker_dir" "$rabbit_port" "$rabbit_mgmt_port"
rabbit_url="amqp://guest:guest@127.0.0.1:$rabbit_port/"

store_env=()
store_line="embedded SQLite under $data_dir"
if [ -z "${EVENTSTORE_CONNECTION:-}" ] && { [ "${EVENTSTORE:-0}" = "1" ] || [ "$replicas" -gt 1 ]; }; then
  ensure_curl_installed
  esdb_port=${EVENTSTORE_PORT:-2113}
  echo "Starting EventStoreDB on 127.0.0.1:$esdb_port from ../shared/eventstoredb..."
  esdb_pid=$(start_eventstoredb "$esdb_port" "$data_dir/eventstoredb")
  EVENTSTORE_CONNECTION="esdb://127.0.0.1:$esdb_port?tls=false"
fi
if [ -n "${EVENTSTORE_CONNECTION:-}" ]; then
  store_env=(EventStore__ConnectionString="$EVENTSTORE_CONNECTION" EventStore__Embedded=false)
  store_line="EventStoreDB at $EVENTSTORE_CONNECTION"
elif [ "$replicas" -gt 1 ]; then
  echo "REPLICAS > 1 needs EventStoreDB." >&2; exit 1
fi

common_env=(ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" RabbitMq__Url="$rabbit_url")
gateway_env=()
ready_urls=()
for entry in "${services[@]}"; do
  name=${entry%%=*}; base=${entry##*=}
  bin="$root/services/$name/bin/Release/net10.0"
  urls=()
  for k in $(seq 1 "$replicas"); do
    port=$(replica_port "$name" "$base" "$k")
    # Instance 1 keeps the single-instance layout; further ones get read models of their own.
    instance_data=$data_dir; [ "$k" -gt 1 ] && instance_data="$data_dir/replica-$k"
    mkdir -p "$instance_data"
    log="$data_dir/$name.log"; [ "$replicas" -gt 1 ] && log="$data_dir/$name-$k.log"
    env "${common_env[@]}" "${store_env[@]}" Data__Path="$instance_data" \
      dotnet "$bin/Platform.$name.dll" --contentRoot "$bin" --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
    pids+=($!)
    echo $! > "$data_dir/$name-$k.pid"
    urls+=("http://127.0.0.1:$port")
    ready_urls+=("http://127.0.0.1:$port/health/ready")
  done
  gateway_env+=("Services__${name}__Urls=$(IFS=,; echo "${urls[*]}")")
done
bin="$root/gateway/bin/Release/net10.0"
env "${common_env[@]}" "${gateway_env[@]}" dotnet "$bin/Platform.Gateway.dll" --contentRoot "$bin" \
  --urls "http://127.0.0.1:$gateway_port" >"$data_dir/Gateway.log" 2>&1 &
pids+=($!)
echo $! > "$data_dir/Gateway.pid"

wait_ready() {
  local url=$1 deadline=$(( SECONDS + 120 ))
  until http_ok "$url"; do
    if (( SECONDS > deadline )); then echo "Not ready in time: $url (logs in $data_dir)" >&2; return 1; fi
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "A process exited; logs in $data_dir" >&2; return 1; }; done
    sleep 0.5
  done
}
for url in "${ready_urls[@]}"; do wait_ready "$url"; done
wait_ready "http://127.0.0.1:$gateway_port/health/ready"

cat <<MSG
Platform ready.
  Gateway:        http://127.0.0.1:$gateway_port
  API reference:  http://127.0.0.1:$gateway_port/scalar
  Health:         http://127.0.0.1:$gateway_port/health/ready
  RabbitMQ UI:    http://127.0.0.1:$rabbit_mgmt_port (guest/guest)
  Store:          $store_line
  Instances:      $replicas of each service
  Data and logs:  $data_dir
Press Ctrl-C to stop.
MSG
# A replica that dies is not the end of the platform while others of its service remain.
gateway_pid=${pids[-1]}
live=("${pids[@]::${#pids[@]}-1}")
while :; do
  wait -n "$gateway_pid" "${live[@]}" || true
  kill -0 "$gateway_pid" 2>/dev/null || { echo "The gateway exited; see the logs in $data_dir." >&2; exit 1; }
  still=(); for pid in "${live[@]}"; do kill -0 "$pid" 2>/dev/null && still+=("$pid"); done
  [ "$replicas" -gt 1 ] && [ ${#still[@]} -gt 0 ] || { echo "A service exited; see the logs in $data_dir." >&2; exit 1; }
  echo "An instance exited; the other instances go on (logs in $data_dir)." >&2
  live=("${still[@]}")
done
