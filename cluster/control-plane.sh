# etcd and the control plane, as host processes bound to loopback and the node bridge's address.
# shellcheck shell=bash

control_plane_up() {
  rm -rf "$RUN/etcd"
  # etcd's data is on tmpfs (/run) and fsync is off: a test cluster, rebuilt on every `up`.
  start_daemon etcd "$BIN/etcd" --name zdc --data-dir "$RUN/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "zdc=http://127.0.0.1:$ETCD_PEER_PORT" --unsafe-no-fsync --log-level warn
  wait_for etcd 30 "$LOGS/etcd.log" curl -sf "http://127.0.0.1:$ETCD_PORT/health"

  start_daemon kube-apiserver "$BIN/kube-apiserver" \
    --etcd-servers "http://127.0.0.1:$ETCD_PORT" \
    --bind-address "$HOST_IP" --advertise-address "$HOST_IP" --secure-port "$API_PORT" \
    --tls-cert-file "$PKI/apiserver.crt" --tls-private-key-file "$PKI/apiserver.key" \
    --client-ca-file "$PKI/ca.crt" \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-account-key-file "$PKI/sa.pub" --service-account-signing-key-file "$PKI/sa.key" \
    --service-cluster-ip-range "$SERVICE_CIDR" \
    --authorization-mode Node,RBAC --enable-admission-plugins NodeRestriction --allow-privileged=true \
    --kubelet-client-certificate "$PKI/apiserver-kubelet-client.crt" --kubelet-client-key "$PKI/apiserver-kubelet-client.key" \
    --kubelet-certificate-authority "$PKI/ca.crt" \
    --requestheader-client-ca-file "$PKI/front-proxy-ca.crt" --requestheader-allowed-names front-proxy-client \
    --requestheader-username-headers X-Remote-User --requestheader-group-headers X-Remote-Group \
    --requestheader-extra-headers-prefix X-Remote-Extra- \
    --proxy-client-cert-file "$PKI/front-proxy-client.crt" --proxy-client-key-file "$PKI/front-proxy-client.key" \
    --enable-aggregator-routing=true --kubelet-preferred-address-types InternalIP \
    --profiling=false
  wait_for kube-apiserver 60 "$LOGS/kube-apiserver.log" kctl get --raw /readyz

  start_daemon kube-controller-manager "$BIN/kube-controller-manager" \
    --kubeconfig "$STATE/kubeconfigs/controller-manager" \
    --authentication-kubeconfig "$STATE/kubeconfigs/controller-manager" \
    --authorization-kubeconfig "$STATE/kubeconfigs/controller-manager" \
    --bind-address 127.0.0.1 --leader-elect=false --use-service-account-credentials=true \
    --service-account-private-key-file "$PKI/sa.key" --root-ca-file "$PKI/ca.crt" \
    --cluster-signing-cert-file "$PKI/ca.crt" --cluster-signing-key-file "$PKI/ca.key" \
    --controllers '*' --profiling=false
  start_daemon kube-scheduler "$BIN/kube-scheduler" \
    --kubeconfig "$STATE/kubeconfigs/scheduler" \
    --authentication-kubeconfig "$STATE/kubeconfigs/scheduler" \
    --authorization-kubeconfig "$STATE/kubeconfigs/scheduler" \
    --bind-address 127.0.0.1 --leader-elect=false --profiling=false
}
