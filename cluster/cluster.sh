#!/usr/bin/env bash
# The real cluster: `up` builds what is missing and starts a control plane and two nodes on this
# machine; `status` says what runs; `down` stops it all and removes every process, mount, network
# namespace, link and iptables rule it made. Run as root: npm run cluster -- up|status|down
set -Eeuo pipefail
source "$(dirname "$0")/common.sh"
source "$REPO/cluster/kubeconfig.sh"
source "$REPO/cluster/network.sh"
source "$REPO/cluster/control-plane.sh"
source "$REPO/cluster/node.sh"
source "$REPO/cluster/teardown.sh"

usage() { echo "usage: npm run cluster -- up|status|down" >&2; exit 2; }

cmd_up() {
  require_root up
  require_packages
  mkdir -p "$RUN" "$LOGS"
  exec 9>"$RUN/lock"
  flock -n 9 || die "another 'cluster up' or 'down' is running (lock $RUN/lock held by pid $(cat "$RUN/lock.pid" 2>/dev/null || echo '?'))"
  echo $$ > "$RUN/lock.pid"
  if [ -f "$RUN/up" ]; then
    die "a cluster is already up (started $(cat "$RUN/up")); stop it first: npm run cluster -- down"
  fi
  leftovers && { say "removing what an earlier cluster left behind"; teardown; }
  local port
  for port in "$ETCD_PORT" "$ETCD_PEER_PORT" 10257 10259; do
    port_free "$port" || die "port $port is in use on this machine ($(ss -Hltnp "sport = :$port" | awk '{print $NF}' | head -1)); stop what holds it, or change it in cluster/config.sh"
  done
  local started=$SECONDS
  bash "$REPO/cluster/build.sh"
  bash "$REPO/cluster/pki.sh"
  : > "$LOGS/up.log"
  local built=$SECONDS
  date -u +%FT%TZ > "$RUN/up"
  if [ -n "${ZDC_KEEP_ON_FAILURE:-}" ]; then trap 'say "up failed; left running for inspection (ZDC_KEEP_ON_FAILURE); logs in $LOGS"; exit 1' ERR
  else trap 'say "up failed; stopping what started (logs in $LOGS)"; teardown; exit 1' ERR; fi
  kubeconfig admin admin "https://$HOST_IP:$API_PORT"
  cp "$STATE/kubeconfigs/admin" "$KUBECONFIG_FILE"
  kubeconfig controller-manager controller-manager "https://$HOST_IP:$API_PORT"
  kubeconfig scheduler scheduler "https://$HOST_IP:$API_PORT"
  kubeconfig kube-proxy kube-proxy "https://$HOST_IP:$API_PORT"
  local node
  for node in "${NODES[@]}"; do kubeconfig "$node" "$node" "https://$HOST_IP:$API_PORT"; done

  network_up
  control_plane_up
  for node in "${NODES[@]}"; do node_up "$node"; done
  local importers=()
  for node in "${NODES[@]}"; do node_images "$node" & importers+=($!); done
  wait "${importers[@]}"
  for node in "${NODES[@]}"; do kubelet_up "$node"; done
  mkdir -p "$STATE/nodes/client"
  # The load generator has no Node object; it takes node1's name only so that kube-proxy need not wait
  # for one (no Service here routes by topology).
  kube_proxy_config node1 "$STATE/nodes/client/kube-proxy.yaml" "$CLIENT_IP"
  NETNS=$CLIENT_NS start_daemon kube-proxy-client "$BIN/kube-proxy" --config "$STATE/nodes/client/kube-proxy.yaml"

  local ca
  ca=$(sed 's/^/    /' "$PKI/ca.crt")
  awk -v dns="$DNS_IP" -v ca="$ca" '{ gsub(/@DNS_IP@/, dns); if ($0 == "@CA_CERT@") print ca; else print }' "$REPO/cluster/addons.yaml" | kctl apply -f - >/dev/null
  for node in "${NODES[@]}"; do
    WATCH=kubelet-$node wait_for "node $node Ready" 90 "$LOGS/kubelet-$node.log" \
      sh -c "'$BIN/kubectl' --kubeconfig '$KUBECONFIG_FILE' get node $node -o jsonpath='{.status.conditions[?(@.type==\"Ready\")].status}' | grep -qx True"
  done
  wait_for "CoreDNS" 90 "$LOGS/kubelet-node1.log" kctl -n kube-system rollout status deploy/coredns --timeout=2s
  WATCH=kube-proxy-client wait_for "the load generator's kube-proxy" 30 "$LOGS/kube-proxy-client.log" \
    sh -c "ip netns exec $CLIENT_NS iptables -t nat -S KUBE-SERVICES | grep -q kube-dns"
  trap - ERR
  say "up: $(( SECONDS - built ))s to Ready nodes and DNS ($(( built - started ))s building); kubeconfig: $KUBECONFIG_FILE, kubectl: $BIN/kubectl"
}

cmd_status() {
  local name any=
  for name in etcd kube-apiserver kube-controller-manager kube-scheduler $(for n in "${NODES[@]}"; do echo "containerd-$n kubelet-$n kube-proxy-$n"; done) kube-proxy-client; do
    if pid_alive "$name"; then printf '%-26s running (pid %s)\n' "$name" "$(cat "$RUN/pids/$name")"; any=1
    else printf '%-26s stopped\n' "$name"; fi
  done
  if [ -n "$any" ] && pid_alive kube-apiserver; then
    kctl get nodes -o wide 2>&1 || true
    kctl get pods -A -o wide 2>&1 || true
  fi
  [ -n "$any" ]
}

cmd_down() {
  require_root down
  mkdir -p "$RUN"
  exec 9>"$RUN/lock"
  flock -w 60 9 || die "another 'cluster up' or 'down' is running (lock $RUN/lock)"
  teardown
  say "down: nothing left running"
}

case "${1:-}" in
  up) cmd_up ;;
  status) cmd_status ;;
  down) cmd_down ;;
  *) usage ;;
esac
