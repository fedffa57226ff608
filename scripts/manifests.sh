# Sourced by test.sh: what the Kubernetes manifest and monitoring tests need beside kubectl. Node and npm come
# from the OS packages when missing (as root); the validator's packages (kubernetes-models, pinned in its lock file)
# from npm. Without them the schema tests report themselves skipped, saying why; nothing else depends on them.
ensure_manifest_validator() {
  local folder="$root/deploy/k8s/validate"
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "node and npm are missing and this is not root: the manifest schema tests will be skipped" >&2
      return 0
    fi
    echo "Installing node and npm from the OS packages..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null || { echo "could not install node and npm" >&2; return 0; }
  fi
  [ -d "$folder/node_modules/kubernetes-models" ] && return 0
  echo "Installing the manifest validator's packages (npm ci in deploy/k8s/validate)..." >&2
  (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || echo "npm ci failed: the manifest schema tests will be skipped" >&2
}

# Prometheus (the Debian package) for the end-to-end scrape test and promtool for the alert-rule tests. Without it
# those tests report themselves skipped, saying why.
ensure_prometheus() {
  command -v promtool >/dev/null 2>&1 && [ -x /usr/bin/prometheus ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Prometheus is missing and this is not root: the scrape and alert-rule tests will be skipped" >&2
    return 0
  fi
  echo "Installing Prometheus from the OS packages..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null || echo "could not install Prometheus" >&2
  # The package starts its own server where an init system runs; the tests start theirs on free ports.
  command -v systemctl >/dev/null 2>&1 && systemctl disable --now prometheus >/dev/null 2>&1
  return 0
}
