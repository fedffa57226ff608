#!/usr/bin/env bash
# Starts the whole platform on this machine: a private RabbitMQ broker on loopback, every service
# with its embedded SQLite store under the data folder, and the gateway. Ctrl-C stops everything.
#
# Settings (environment): GATEWAY_PORT (8080), COMPLAINTS_PORT (5101), WORKORDERS_PORT (5102), RABBITMQ_PORT (5672), DATA_DIR (./.data),
# PLATFORM_NO_BUILD=1 to skip the build (the Release build must exist).
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
source scripts/rabbitmq.sh

gateway_port=${GATEWAY_PORT:-8080}
rabbit_port=${RABBITMQ_PORT:-5672}
rabbit_mgmt_port=${RABBITMQ_MANAGEMENT_PORT:-$(( rabbit_port + 10000 ))}
data_dir=$(realpath -m "${DATA_DIR:-$root/.data}")
mkdir -p "$data_dir"

# name=port of every service; the gateway finds them through Services__<Name>__Url.
services=(
  "Complaints=${COMPLAINTS_PORT:-5101}"
  "WorkOrders=${WORKORDERS_PORT:-5102}"
)

ensure_rabbitmq_installed
if [ "${PLATFORM_NO_BUILD:-0}" != "1" ]; then
  echo "Building..."
  dotnet build Platform.sln -c Release -v quiet -nologo -clp:ErrorsOnly
fi

pids=()
broker_dir="$data_dir/rabbitmq"
stopping=0
stop_all() {
  [ $stopping = 1 ] && return; stopping=1
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  stop_broker "$broker_dir" "$rabbit_port"
  echo "Stopped."
}
trap stop_all EXIT
trap 'exit 130' INT TERM

echo "Starting RabbitMQ on 127.0.0.1:$rabbit_port..."
start_broker "$broker_dir" "$rabbit_port" "$rabbit_mgmt_port"
rabbit_url="amqp://guest:guest@127.0.0.1:$rabbit_port/"

common_env=(ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" RabbitMq__Url="$rabbit_url" Data__Path="$data_dir")
gateway_env=()
for entry in "${services[@]}"; do
  name=${entry%%=*}; port=${entry##*=}
  bin="$root/services/$name/bin/Release/net10.0"
  env "${common_env[@]}" dotnet "$bin/Platform.$name.dll" --contentRoot "$bin" --urls "http://127.0.0.1:$port" >"$data_dir/$name.log" 2>&1 &
  pids+=($!)
  gateway_env+=("Services__${name}__Url=http://127.0.0.1:$port")
done
bin="$root/gateway/bin/Release/net10.0"
env "${common_env[@]}" "${gateway_env[@]}" dotnet "$bin/Platform.Gateway.dll" --contentRoot "$bin" \
  --urls "http://127.0.0.1:$gateway_port" >"$data_dir/Gateway.log" 2>&1 &
pids+=($!)

wait_ready() {
  local url=$1 deadline=$(( SECONDS + 120 ))
  until http_ok "$url"; do
    if (( SECONDS > deadline )); then echo "Not ready in time: $url (logs in $data_dir)" >&2; return 1; fi
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "A process exited; logs in $data_dir" >&2; return 1; }; done
    sleep 0.5
  done
}
for entry in "${services[@]}"; do wait_ready "http://127.0.0.1:${entry##*=}/health/ready"; done
wait_ready "http://127.0.0.1:$gateway_port/health/ready"

cat <<MSG
Platform ready.
  Gateway:        http://127.0.0.1:$gateway_port
  API reference:  http://127.0.0.1:$gateway_port/scalar
  Health:         http://127.0.0.1:$gateway_port/health/ready
  RabbitMQ UI:    http://127.0.0.1:$rabbit_mgmt_port (guest/guest)
  Data and logs:  $data_dir
Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}" || true
echo "A process exited; see the logs in $data_dir." >&2
exit 1
