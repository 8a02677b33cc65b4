# The real cluster's versions, addresses and paths: one place, read by every cluster script.
# shellcheck shell=bash

# Kubernetes 1.34: the newest minor that still runs on containerd 1.6 (Debian's) and on cgroup v1
# without opting in (1.35 requires failCgroupV1: false and is the last to support containerd 1.x).
K8S_VERSION=1.34.4
COREDNS_MODULE=github.com/coredns/coredns@v1.12.4
METRICS_SERVER_MODULE=sigs.k8s.io/metrics-server/cmd/metrics-server@v0.8.0
# NetworkPolicy enforcement: kube-router's firewall (iptables and ipsets). kube-network-policies needs
# the nftables "queue" expression, which this machine's kernel lacks.
NETPOL_MODULE=github.com/cloudnativelabs/kube-router/v2/cmd/kube-router@v2.1.0
FORTIO_MODULE=fortio.org/fortio@v1.68.2
# A mail server for the WordPress SMTP scenario: accepts every message and lists them over HTTP.
MAILPIT_MODULE=github.com/axllent/mailpit@v1.33.1

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=$REPO/.cluster            # binaries, images, certificates, node data, logs, kubeconfig
BIN=$STATE/bin
RUN=/run/zdc                   # sockets, pid files and the lock: one cluster per machine
LOGS=$STATE/logs
PKI=$STATE/pki
KUBECONFIG_FILE=$STATE/kubeconfig

# Addresses from 198.18.0.0/15, the range set aside for network benchmarks (RFC 2544): nothing real
# lives there, and all of it stays inside the network namespaces this script makes.
HOST_BRIDGE=zdc0
HOST_IP=198.18.0.1             # the control plane, on the host side of the node bridge
NODE_NET=198.18.0.0/24
POD_CIDR=198.18.64.0/18        # node N gets 198.18.(64+N).0/24
SERVICE_CIDR=198.19.0.0/16
DNS_IP=198.19.0.10
API_SERVICE_IP=198.19.0.1      # the kubernetes Service: the first address of SERVICE_CIDR
ETCD_PORT=12379
ETCD_PEER_PORT=12380
API_PORT=6443
NODES=(node1 node2)
CLIENT_NS=zdc-client            # the load generator's host: its own kube-proxy, on no node
CLIENT_IP=198.18.0.100

node_index() { echo "${1#node}"; }
node_ns() { echo "zdc-$1"; }
node_ip() { echo "198.18.0.$((10 + $(node_index "$1")))"; }
node_pod_cidr() { echo "198.18.$((64 + $(node_index "$1"))).0/24"; }
node_dir() { echo "$STATE/nodes/$1"; }
node_run() { echo "$RUN/$1"; }

# Debian packages the cluster needs: each program and the package that brings it.
REQUIRED_PROGRAMS=(
  "containerd:containerd" "containerd-shim-runc-v2:containerd" "runc:runc" "ctr:containerd"
  "iptables:iptables" "conntrack:conntrack" "socat:socat" "ip:iproute2" "nsenter:util-linux"
  "openssl:openssl" "nft:nftables" "ldd:libc-bin" "ipset:ipset" "debootstrap:debootstrap" "curl:curl" "go:golang (or Go from the Go project)" "flock:util-linux"
)
CNI_DIR=/usr/lib/cni
CNI_PACKAGE=containernetworking-plugins
