# A node: containerd, the kubelet and kube-proxy, all three in the node's own network namespace and
# sharing the host's mounts (so the kubelet's volume mounts are what containerd hands to runc).
# shellcheck shell=bash

containerd_config() {
  local node=$1 dir run
  dir=$(node_dir "$node"); run=$(node_run "$node")
  cat > "$dir/containerd.toml" <<TOML
version = 2
root = "$dir/containerd"
state = "$run/containerd"
disabled_plugins = ["io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper"]
[grpc]
  address = "$run/containerd.sock"
[ttrpc]
  address = "$run/containerd.sock.ttrpc"
[plugins."io.containerd.internal.v1.opt"]
  path = "$dir/opt"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "zdc.local/pause:1"
  enable_selinux = false
  # This machine withholds CAP_SYS_RESOURCE, so no process may lower its OOM score below ours
  # (the kubelet asks -998 for sandboxes); keep scores at or above containerd's own.
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
        Root = "$run/runc"
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "$CNI_DIR"
    conf_dir = "$dir/cni"
TOML
  mkdir -p "$dir/cni"
  cat > "$dir/cni/10-zdc.conflist" <<JSON
{
  "cniVersion": "1.0.0",
  "name": "zdc",
  "plugins": [
    {
      "type": "bridge", "bridge": "cni0", "isGateway": true, "isDefaultGateway": true, "ipMasq": false, "hairpinMode": true,
      "ipam": { "type": "host-local", "dataDir": "$dir/ipam", "ranges": [[{ "subnet": "$(node_pod_cidr "$node")" }]] }
    },
    { "type": "portmap", "capabilities": { "portMappings": true } }
  ]
}
JSON
}

kubelet_config() {
  local node=$1 dir
  dir=$(node_dir "$node")
  cat > "$dir/kubelet.yaml" <<YAML
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
containerRuntimeEndpoint: unix://$(node_run "$node")/containerd.sock
cgroupDriver: cgroupfs
cgroupRoot: /zdc-$node
failSwapOn: false
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: $PKI/ca.crt}
authorization: {mode: Webhook}
tlsCertFile: $PKI/$node-serving.crt
tlsPrivateKeyFile: $PKI/$node-serving.key
# Each node its own pod log folder: two kubelets sharing /var/log/pods remove each other's logs.
podLogsDir: $dir/pod-logs
clusterDomain: cluster.local
clusterDNS: [$DNS_IP]
resolvConf: ""
# A shared test disk: no evictions for disk or memory pressure that belongs to the machine, not the node.
evictionHard: {memory.available: "100Mi", nodefs.available: "1%", nodefs.inodesFree: "1%", imagefs.available: "1%"}
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
serializeImagePulls: false
syncFrequency: 10s
fileCheckFrequency: 10s
nodeStatusUpdateFrequency: 5s
shutdownGracePeriod: 0s
YAML
}

kube_proxy_config() {
  local name=$1 out=$2 ip=$3
  cat > "$out" <<YAML
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection: {kubeconfig: $STATE/kubeconfigs/kube-proxy}
hostnameOverride: $name
mode: iptables
clusterCIDR: $POD_CIDR
# Its own address, so that it need not wait for a Node object (the load generator has none).
bindAddress: $ip
nodePortAddresses: [primary]
metricsBindAddress: 127.0.0.1:10249
healthzBindAddress: 127.0.0.1:10256
# Conntrack limits are the machine's (init namespace only): leave them as they are.
conntrack: {maxPerCore: 0, min: 0}
iptables: {syncPeriod: 30s, minSyncPeriod: 0s}
YAML
}

node_up() {
  local node=$1 dir run ns
  dir=$(node_dir "$node"); run=$(node_run "$node"); ns=$(node_ns "$node")
  mkdir -p "$dir/kubelet" "$run"
  containerd_config "$node"
  kubelet_config "$node"
  kube_proxy_config "$node" "$dir/kube-proxy.yaml" "$(node_ip "$node")"
  NETNS=$ns start_daemon "containerd-$node" containerd --config "$dir/containerd.toml"
  wait_for "containerd on $node" 30 "$LOGS/containerd-$node.log" ctr --address "$run/containerd.sock" version
}

node_images() {
  local node=$1 run tar ref digest
  run=$(node_run "$node")
  local have
  have=$(ctr --address "$run/containerd.sock" -n k8s.io images ls 2>/dev/null | awk 'NR>1 {print $1, $3}')
  for tar in "$STATE"/images/*.tar; do
    ref=$(cat "${tar%.tar}.ref"); digest=$(cat "${tar%.tar}.digest")
    grep -qxF "$ref $digest" <<<"$have" && continue
    ctr --address "$run/containerd.sock" -n k8s.io images import "$tar" >/dev/null
  done
}

# The node's cgroup root in every v1 hierarchy (the kubelet creates what is below it).
node_cgroups() {
  local node=$1 root
  for root in /sys/fs/cgroup/*/; do
    [ -d "$root" ] && [ ! -L "${root%/}" ] || continue
    mountpoint -q "$root" || continue
    mkdir -p "$root/zdc-$node"
    if [ -f "$root/cpuset.cpus" ]; then
      cat "$root/cpuset.cpus" > "$root/zdc-$node/cpuset.cpus"
      cat "$root/cpuset.mems" > "$root/zdc-$node/cpuset.mems"
    fi
  done
}

kubelet_up() {
  local node=$1 dir
  dir=$(node_dir "$node")
  node_cgroups "$node"
  NETNS=$(node_ns "$node") start_daemon "kubelet-$node" "$BIN/kubelet" \
    --config "$dir/kubelet.yaml" --kubeconfig "$STATE/kubeconfigs/$node" \
    --root-dir "$dir/kubelet" --cert-dir "$dir/kubelet/pki" \
    --hostname-override "$node" --node-ip "$(node_ip "$node")" \
    --node-labels "zdc.local/node=$node"
  NETNS=$(node_ns "$node") start_daemon "kube-proxy-$node" "$BIN/kube-proxy" --config "$dir/kube-proxy.yaml"
}
