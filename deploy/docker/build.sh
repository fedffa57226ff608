#!/usr/bin/env bash
# Builds the six images (five services and the gateway) from the repository root with docker or podman:
#   deploy/docker/build.sh [registry/prefix] [tag]      e.g. deploy/docker/build.sh registry.example.com/platform 1.4.0
set -euo pipefail
cd "$(dirname "$0")/../.."
prefix=${1:-platform}
tag=${2:-latest}
engine=$(command -v docker || command -v podman || { echo "docker or podman is needed" >&2; exit 1; })
for image in gateway:gateway/Platform.Gateway.csproj \
             complaints:services/Complaints/Platform.Complaints.csproj \
             work-orders:services/WorkOrders/Platform.WorkOrders.csproj \
             fees:services/Fees/Platform.Fees.csproj \
             inventory:services/Inventory/Platform.Inventory.csproj \
             fire-safety:services/FireSafety/Platform.FireSafety.csproj; do
  name=${image%%:*}
  "$engine" build -f deploy/docker/Dockerfile --build-arg PROJECT="${image#*:}" -t "$prefix/$name:$tag" .
done
