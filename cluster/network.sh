# The nodes' network: a bridge on the host (the control plane's address), one network namespace per
# node and one for the load generator, each joined to the bridge by a veth pair; routes to each
# node's pod range through that node. Nothing is routed beyond the machine.
# shellcheck shell=bash

netns_up() {
  local ns=$1 ip=$2 veth=$3
  ip netns add "$ns"
  ip link add "$veth" type veth peer name eth0 netns "$ns"
  ip link set "$veth" master "$HOST_BRIDGE" up
  ip -n "$ns" link set lo up
  ip -n "$ns" addr add "$ip/24" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" route add default via "$HOST_IP"
  ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=1 net.ipv4.conf.all.route_localnet=1
  # Pod-to-Service traffic between pods on one bridge must pass through iptables (kube-proxy's DNAT).
  ip netns exec "$ns" sh -c 'echo 1 > /proc/sys/net/bridge/bridge-nf-call-iptables' 2>/dev/null || true
}

network_up() {
  sysctl -qw net.ipv4.ip_forward=1
  [ -w /proc/sys/net/bridge/bridge-nf-call-iptables ] || modprobe br_netfilter 2>/dev/null || true
  ip link add "$HOST_BRIDGE" type bridge
  ip addr add "$HOST_IP/24" dev "$HOST_BRIDGE"
  ip link set "$HOST_BRIDGE" up
  local node
  for node in "${NODES[@]}"; do
    netns_up "$(node_ns "$node")" "$(node_ip "$node")" "zdc-n$(node_index "$node")"
    ip route add "$(node_pod_cidr "$node")" via "$(node_ip "$node")" dev "$HOST_BRIDGE"
    local other
    for other in "${NODES[@]}"; do
      [ "$other" = "$node" ] && continue
      ip -n "$(node_ns "$node")" route add "$(node_pod_cidr "$other")" via "$(node_ip "$other")"
    done
  done
  netns_up "$CLIENT_NS" "$CLIENT_IP" zdc-lg
  for node in "${NODES[@]}"; do
    ip -n "$CLIENT_NS" route add "$(node_pod_cidr "$node")" via "$(node_ip "$node")"
  done
  # The host reaches Services as a client would, through the load generator's kube-proxy; nothing
  # else in the benchmark range leaves the bridge.
  ip route add "$SERVICE_CIDR" via "$CLIENT_IP" dev "$HOST_BRIDGE"
  ip route add blackhole 198.18.0.0/15
  # The host forwards between the namespaces, and only there.
  iptables -N ZDC-FORWARD
  iptables -A ZDC-FORWARD -i "$HOST_BRIDGE" -o "$HOST_BRIDGE" -j ACCEPT
  iptables -I FORWARD 1 -j ZDC-FORWARD
}

network_down() {
  local ns
  for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep '^zdc-' || true); do
    ip netns delete "$ns" 2>/dev/null || true
  done
  ip link delete "$HOST_BRIDGE" 2>/dev/null || true
  ip route delete blackhole 198.18.0.0/15 2>/dev/null || true
  while iptables -D FORWARD -j ZDC-FORWARD 2>/dev/null; do :; done
  iptables -F ZDC-FORWARD 2>/dev/null || true
  iptables -X ZDC-FORWARD 2>/dev/null || true
}
