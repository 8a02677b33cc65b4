#!/usr/bin/env bash
# Builds the Kubernetes binaries and etcd from the Go module proxy into $BIN, through a small wrapper
# module that replaces k8s.io/kubernetes' ./staging/... directives with the staging modules' releases.
# (k8s.io/kubernetes cannot be `go install`ed directly: its go.mod replaces its staging modules.)
set -euo pipefail
: "${K8S_VERSION:?}" "${BIN:?}" "${WORK:?}"
STAGING="v0.${K8S_VERSION#1.}"
mod="$WORK/k8s-$K8S_VERSION"
mkdir -p "$mod" "$BIN"
cd "$mod"
if [ ! -f go.sum ]; then
  rm -f go.mod
  go mod init local/k8s-bins >/dev/null 2>&1
  gomod=$(go mod download -json "k8s.io/kubernetes@v$K8S_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  [ -n "$gomod" ] || { echo "build: could not download k8s.io/kubernetes@v$K8S_VERSION from the Go module proxy" >&2; exit 1; }
  args=()
  for m in $(sed -n 's|^[[:space:]]*\(k8s\.io/[^ ]*\) => \./staging/.*|\1|p' "$gomod"); do
    args+=("-replace=$m=$m@$STAGING")
  done
  go mod edit "${args[@]}"
  # etcd is built at the version Kubernetes' own go.mod pins (go.etcd.io/etcd/server/v3 is its main package).
  etcd=$(sed -n 's|^[[:space:]]*go.etcd.io/etcd/server/v3 \(v[^ ]*\).*|\1|p' "$gomod" | head -1)
  [ -n "$etcd" ] || { echo "build: k8s.io/kubernetes@v$K8S_VERSION pins no go.etcd.io/etcd/server/v3" >&2; exit 1; }
  cat > tools.go <<GO
//go:build tools

package tools

import (
	_ "go.etcd.io/etcd/server/v3"
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-proxy"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubelet"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
GO
  go get "k8s.io/kubernetes@v$K8S_VERSION" "go.etcd.io/etcd/server/v3@$etcd" >/dev/null
  go mod tidy >/dev/null 2>&1 || true
fi
minor=${K8S_VERSION#1.}; minor=${minor%%.*}
# Stamp the version, so that /version reports it and kubectl sees no skew.
ldflags="-s -w -X k8s.io/component-base/version.gitVersion=v$K8S_VERSION -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor"
for c in kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy kubectl; do
  [ -x "$BIN/$c" ] && continue
  echo "build: $c v$K8S_VERSION" >&2
  CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" -o "$BIN/$c.tmp" "k8s.io/kubernetes/cmd/$c"
  mv "$BIN/$c.tmp" "$BIN/$c"
done
if [ ! -x "$BIN/etcd" ]; then
  echo "build: etcd" >&2
  CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$BIN/etcd.tmp" go.etcd.io/etcd/server/v3
  mv "$BIN/etcd.tmp" "$BIN/etcd"
fi
