#!/usr/bin/env bash
# Builds what the cluster runs and is missing: the Kubernetes binaries and etcd, the add-ons, the load
# generator and this repo's own tools, all from the Go module proxy; then the images. Go's module
# and build caches are kept (GOMODCACHE, GOCACHE), so a rebuild on the same machine is quick.
set -euo pipefail
source "$(dirname "$0")/common.sh"
mkdir -p "$BIN" "$STATE/build"
export CGO_ENABLED=0 GOFLAGS=-trimpath

K8S_VERSION=$K8S_VERSION BIN=$BIN WORK=$STATE/build bash "$REPO/cluster/build-kubernetes.sh"

# Modules without replace directives install directly, each with its own pinned dependencies.
install_module() {
  local name=$1 module=$2
  [ -x "$BIN/$name" ] && return 0
  say "build: $module"
  GOBIN=$STATE/build/gobin go install -ldflags "-s -w" "$module"
  mv "$STATE/build/gobin/$(basename "${module%@*}")" "$BIN/$name"
}
install_module coredns "$COREDNS_MODULE"
install_module metrics-server "$METRICS_SERVER_MODULE"
install_module kube-router "$NETPOL_MODULE"
install_module fortio "$FORTIO_MODULE"
install_module mailpit "$MAILPIT_MODULE"

# This repo's tools (stdlib only): rebuilt when their source changes.
tools_src=$(find "$REPO/cluster/tools" -name '*.go' -newer "$BIN/.tools-built" 2>/dev/null | head -1 || true)
if [ ! -f "$BIN/.tools-built" ] || [ -n "$tools_src" ]; then
  say "build: cluster/tools"
  (cd "$REPO/cluster/tools" && go build -ldflags "-s -w" -o "$BIN/" ./cmd/...)
  touch "$BIN/.tools-built"
fi

bash "$REPO/cluster/images.sh"
