#!/usr/bin/env bash
# Packs the cluster's images as one-layer OCI archives in .cluster/images/, from the binaries built
# here. An image is rebuilt only when its inputs are newer than its archive.
set -euo pipefail
source "$(dirname "$0")/common.sh"
IMAGES=$STATE/images
mkdir -p "$IMAGES"

# image NAME REF INPUT... -- OCI-IMAGE-FLAGS...
image() {
  local name=$1 ref=$2; shift 2
  local inputs=()
  while [ "$1" != -- ]; do inputs+=("$1"); shift; done
  shift
  local out=$IMAGES/$name.tar stale=
  for f in "${inputs[@]}"; do [ "$f" -nt "$out" ] && stale=1; done
  [ -f "$out" ] && [ -z "$stale" ] && [ "$(cat "$IMAGES/$name.ref" 2>/dev/null)" = "$ref" ] && return 0
  say "image: $ref"
  "$BIN/oci-image" -ref "$ref" -o "$out" "$@" > "$IMAGES/$name.digest"
  echo "$ref" > "$IMAGES/$name.ref"
}

# Static binaries need only /etc/passwd-free basics; a nobody user for those that run unprivileged.
base=$STATE/build/base-rootfs
if [ ! -d "$base" ]; then
  mkdir -p "$base/etc" "$base/tmp"
  chmod 1777 "$base/tmp"
  printf 'root:x:0:0:root:/:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n' > "$base/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$base/etc/group"
  printf 'hosts: files dns\n' > "$base/etc/nsswitch.conf"
fi

# A root filesystem with Debian's dynamically linked programs and the libraries they load (from ldd).
with_programs() {
  local dir=$1; shift
  rm -rf "$dir"; cp -a "$base" "$dir"
  local prog lib
  for prog in "$@"; do
    for lib in "$prog" $(ldd "$prog" | grep -o '/[^ ]*'); do
      mkdir -p "$dir$(dirname "$lib")"
      cp -L "$lib" "$dir$lib"
    done
  done
}

image pause zdc.local/pause:1 "$BIN/pause" -- -file "$BIN/pause:/pause:0755" -entrypoint /pause
image coredns zdc.local/coredns:v1.12.4 "$BIN/coredns" -- -rootfs "$base" -file "$BIN/coredns:/coredns:0755" -entrypoint /coredns
image metrics-server zdc.local/metrics-server:v0.8.0 "$BIN/metrics-server" -- -rootfs "$base" -file "$BIN/metrics-server:/metrics-server:0755" -entrypoint /metrics-server -user 65534
# kube-router's firewall runs Debian's iptables (nft backend, with its dlopen'ed extensions) and ipset.
netpol_root=$STATE/build/kube-router-rootfs
if [ ! -d "$netpol_root" ] || [ "$(command -v ipset)" -nt "$netpol_root" ]; then
  with_programs "$netpol_root" $(for p in iptables iptables-save iptables-restore ip6tables ip6tables-save ip6tables-restore ipset; do command -v $p; done)
  mkdir -p "$netpol_root/usr/lib/x86_64-linux-gnu"
  cp -a /usr/lib/x86_64-linux-gnu/xtables "$netpol_root/usr/lib/x86_64-linux-gnu/"
fi
image kube-router zdc.local/kube-router:v2.1.0 "$BIN/kube-router" "$netpol_root" -- -rootfs "$netpol_root" \
  -file "$BIN/kube-router:/usr/local/bin/kube-router:0755" -entrypoint /usr/local/bin/kube-router
for v in v1 v2; do
  image "demo-server-$v" "zdc.local/demo-server:$v" "$BIN/demo-server" -- -rootfs "$base" -file "$BIN/demo-server:/demo-server:0755" \
    -entrypoint /demo-server -env "VERSION=$v" -env PORT=8080 -expose 8080/tcp -user 65534
done
image fortio zdc.local/fortio:v1.68.2 "$BIN/fortio" -- -rootfs "$base" -file "$BIN/fortio:/usr/bin/fortio:0755" -entrypoint /usr/bin/fortio -user 65534
image mailpit zdc.local/mailpit:v1.33.1 "$BIN/mailpit" -- -rootfs "$base" -file "$BIN/mailpit:/usr/bin/mailpit:0755" -entrypoint /usr/bin/mailpit \
  -expose 1025/tcp -expose 8025/tcp -user 65534
for hook in "$REPO"/cluster/images/*.sh; do
  [ -e "$hook" ] && IMAGE_LIB=1 source "$hook"
done
true
