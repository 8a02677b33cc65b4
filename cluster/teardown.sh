# Stopping the cluster and removing everything it made, also after a crash or a killed `up`.
# shellcheck shell=bash

# Processes of this cluster: those with pid files, and any still running one of its binaries or
# configurations (a pid file can be lost when `up` is killed).
cluster_pids() {
  local f
  for f in "$RUN"/pids/*; do [ -f "$f" ] && cat "$f"; done 2>/dev/null
  # By the paths in their arguments (not by binary: others may run the same binaries).
  pgrep -f -- " ($STATE/(kubeconfigs|nodes|pki)/|$RUN/)" 2>/dev/null || true
}

leftovers() {
  [ -n "$(cluster_pids | sort -u)" ] && return 0
  ip netns list 2>/dev/null | grep -q '^zdc-' && return 0
  ip link show "$HOST_BRIDGE" >/dev/null 2>&1 && return 0
  iptables -S ZDC-FORWARD >/dev/null 2>&1 && return 0
  grep -qE " ($STATE|$RUN)/" /proc/self/mounts && return 0
  return 1
}

# The pods' network namespaces, named by containerd: read them before containerd stops.
pod_netns() {
  local node sock id
  for node in "${NODES[@]}"; do
    sock=$(node_run "$node")/containerd.sock
    [ -S "$sock" ] || continue
    for id in $(timeout 10 ctr --address "$sock" -n k8s.io containers ls -q 2>/dev/null); do
      timeout 10 ctr --address "$sock" -n k8s.io containers info "$id" 2>/dev/null | grep -o '"/var/run/netns/cni-[0-9a-f-]*"' | tr -d '"'
    done
  done | sort -u
}

kill_cgroup_members() {
  local node procs
  for node in "${NODES[@]}"; do
    procs=$(find /sys/fs/cgroup/*/zdc-"$node" -name cgroup.procs -exec cat {} + 2>/dev/null | sort -u | tr '\n' ' ')
    [ -n "${procs// }" ] && kill -KILL $procs 2>/dev/null
  done
  return 0
}

kill_all() {
  local signal=$1 pids
  pids=$(cluster_pids | sort -u | tr '\n' ' ')
  [ -n "${pids// }" ] && kill "-$signal" $pids 2>/dev/null || true
}

# The containers' records go through containerd itself (tasks first), so that its image store and
# unpacked layers stay valid for the next `up`, which then need not import the images again.
remove_containers() {
  local node sock id
  for node in "${NODES[@]}"; do
    sock=$(node_run "$node")/containerd.sock
    [ -S "$sock" ] || continue
    for id in $(timeout 10 ctr --address "$sock" -n k8s.io tasks ls -q 2>/dev/null); do
      timeout 10 ctr --address "$sock" -n k8s.io tasks delete -f "$id" >/dev/null 2>&1
    done
    for id in $(timeout 10 ctr --address "$sock" -n k8s.io containers ls -q 2>/dev/null); do
      timeout 10 ctr --address "$sock" -n k8s.io containers delete "$id" >/dev/null 2>&1
    done
  done
}

stop_named() {
  local signal=$1; shift
  local name
  for name in "$@"; do [ -f "$RUN/pids/$name" ] && kill "-$signal" "$(cat "$RUN/pids/$name")" 2>/dev/null; done
  return 0
}

teardown() {
  set +e
  local netns node i
  netns=$(pod_netns)
  # The kubelets first, so that nothing restarts the containers; then the containers, through
  # containerd; then every daemon.
  local agents=()
  for node in "${NODES[@]}"; do agents+=("kubelet-$node"); done
  stop_named TERM "${agents[@]}"
  sleep 0.5
  stop_named KILL "${agents[@]}"
  kill_cgroup_members
  remove_containers
  kill_all TERM
  for i in $(seq 1 20); do [ -z "$(cluster_pids | sort -u)" ] && break; sleep 0.25; done
  kill_all KILL
  # Container processes outlive a killed shim: find them by the nodes' cgroups.
  kill_cgroup_members
  sleep 0.3
  # Mounts: containers' root filesystems, the kubelet's volumes, pod network namespaces.
  local m
  for m in $(awk '{print $2}' /proc/self/mounts | grep -E "^($STATE|$RUN)/" | sort -r); do
    umount -l "$m" 2>/dev/null
  done
  for m in $netns; do
    umount "$m" 2>/dev/null; rm -f "$m"
    ip netns delete "$(basename "$m")" 2>/dev/null
  done
  network_down
  # The nodes' cgroups (cgroupfs driver): depth first, once their processes are gone.
  local root
  for root in /sys/fs/cgroup/*/; do
    for node in "${NODES[@]}"; do
      [ -d "$root/zdc-$node" ] && find "$root/zdc-$node" -depth -type d -exec rmdir {} + 2>/dev/null
    done
  done
  # The lock stays: the `up` or `down` that holds it is still running.
  [ -d "$RUN" ] && find "$RUN" -mindepth 1 -maxdepth 1 ! -name lock ! -name lock.pid -exec rm -rf {} +
  rm -rf "$STATE/nodes"/*/kubelet "$STATE/nodes"/*/ipam "$STATE/nodes"/*/pod-logs
  # The CRI plugin's own sandbox state goes; images and their unpacked layers stay.
  for node in "${NODES[@]}"; do
    rm -rf "$(node_dir "$node")/containerd/io.containerd.grpc.v1.cri" 2>/dev/null
  done
  set -e
}
