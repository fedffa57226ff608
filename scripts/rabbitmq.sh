# Sourced by run.sh and test.sh: installs RabbitMQ from the OS packages when missing and runs a
# private, loopback-only broker in a folder of our own (no systemd needed).

ensure_rabbitmq_installed() {
  if command -v rabbitmq-server >/dev/null 2>&1; then return 0; fi
  echo "Installing RabbitMQ from the OS packages..." >&2
  if [ "$(id -u)" -ne 0 ]; then echo "rabbitmq-server is missing; run as root or install it first." >&2; return 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null
}

# A TCP port on 127.0.0.1 that nothing listens on (random in 20000-39999, so its +20000 distribution port fits).
free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 20000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# broker_env DIR AMQP_PORT: exports the environment one broker instance runs with.
broker_env() {
  local dir=$1 port=$2
  export RABBITMQ_NODENAME="platform-${port}@localhost"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT=$port
  export RABBITMQ_DIST_PORT=$(( port + 20000 > 65000 ? port - 20000 : port + 20000 ))
  export RABBITMQ_CONFIG_FILE="$dir/rabbitmq"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$dir/mnesia"
  export RABBITMQ_LOG_BASE="$dir/log"
  export RABBITMQ_PID_FILE="$dir/rabbit.pid"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

# start_broker DIR AMQP_PORT MANAGEMENT_PORT: starts a broker and waits until it accepts connections.
start_broker() {
  local dir=$1 port=$2 mgmt=$3
  mkdir -p "$dir/mnesia" "$dir/log"
  cat > "$dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$port
management.tcp.ip = 127.0.0.1
management.tcp.port = $mgmt
loopback_users = none
CONF
  echo '[rabbitmq_management].' > "$dir/enabled_plugins"
  # The broker drops to the rabbitmq user: it must own its folder and reach it.
  chown -R rabbitmq:rabbitmq "$dir" 2>/dev/null || true
  local p; p=$(dirname "$dir"); while [ "$p" != "/" ]; do chmod o+x "$p" 2>/dev/null || true; p=$(dirname "$p"); done
  (broker_env "$dir" "$port"; rabbitmq-server -detached >/dev/null 2>&1)
  (broker_env "$dir" "$port"; rabbitmqctl wait --timeout 120 "$RABBITMQ_PID_FILE" >/dev/null 2>&1) || {
    echo "RabbitMQ did not start; see $dir/log" >&2; tail -n 20 "$dir"/log/*.log >&2 2>/dev/null; return 1; }
}

# stop_broker DIR AMQP_PORT: SIGTERM to the broker's VM, which RabbitMQ takes as a clean stop, then wait for it (15 s at
# most, then SIGKILL). Not rabbitmqctl: starting the CLI's own Erlang VM takes seconds of CPU, and far longer on a
# loaded machine, which once made a Ctrl-C outlast its minute.
stop_broker() {
  local dir=$1 pid
  pid=$(cat "$dir/rabbit.pid" 2>/dev/null) || return 0
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

# http_ok URL: true when a plain-HTTP GET answers 200 (bash only: curl is not on every fresh machine).
http_ok() {
  local rest=${1#http://} hostport path
  hostport=${rest%%/*}; path=/${rest#*/}
  { exec 3<>"/dev/tcp/${hostport%%:*}/${hostport##*:}"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hostport" >&3
  local status; read -r -t 5 _ status _ <&3 || status=0
  exec 3<&- 3>&-
  [ "$status" = "200" ]
}
