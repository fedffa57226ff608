# Sourced by run.sh and test.sh: finds an EventStoreDB for the platform, in the order the project documents:
# EVENTSTORE_CONNECTION when set; a container where a Docker engine runs (tests: Testcontainers does it);
# else a node started from the binaries in ../shared/eventstoredb beside this checkout.

# The start script of the shared binaries, or nothing.
eventstoredb_script() {
  local script
  script="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/../shared/eventstoredb/start.sh"
  [ -x "$script" ] && echo "$script"
}

docker_runs() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

# start_eventstoredb PORT DIR [--mem]: starts one node on 127.0.0.1:PORT (replication on PORT-1000), prints its pid.
start_eventstoredb() {
  local script; script=$(eventstoredb_script) || { echo "No EventStoreDB binaries in ../shared/eventstoredb." >&2; return 1; }
  # The server reads every EVENTSTORE_* variable as an option and refuses unknown ones (EVENTSTORE_CONNECTION).
  env $(env | grep -o '^EVENTSTORE_[A-Za-z0-9_]*' | sed 's/^/-u /') "$script" "$@"
}

# A port for a node whose replication port (1000 below) is free too.
free_eventstoredb_port() {
  local port
  while :; do
    port=$(free_port)
    (exec 3<>"/dev/tcp/127.0.0.1/$(( port - 1000 ))") 2>/dev/null || { echo "$port"; return; }
  done
}

# The shared start script waits for the node with curl, which a fresh machine may lack.
ensure_curl_installed() {
  command -v curl >/dev/null 2>&1 && return 0
  echo "Installing curl from the OS packages..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null
}
