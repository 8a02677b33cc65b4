#!/usr/bin/env bash
# The cluster's certificates and keys (ECDSA P-256), made once with openssl: a cluster CA, the API
# server's serving certificate, a client certificate for each component and node, each node's
# serving certificate, the front-proxy pair for aggregated APIs, and the service-account key.
set -euo pipefail
source "$(dirname "$0")/common.sh"
mkdir -p "$PKI"
cd "$PKI"
[ -f done ] && exit 0

key() { openssl ecparam -name prime256v1 -genkey -noout -out "$1.key" 2>/dev/null; }
ca() {
  key "$1"
  openssl req -x509 -new -key "$1.key" -subj "/CN=$2" -days 3650 -out "$1.crt" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
}
# cert NAME CA SUBJECT USAGE [SANS]
cert() {
  local name=$1 signer=$2 subject=$3 usage=$4 sans=${5:-}
  key "$name"
  openssl req -new -key "$name.key" -subj "$subject" -out "$name.csr" 2>/dev/null
  {
    echo "basicConstraints=critical,CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    echo "extendedKeyUsage=$usage"
    if [ -n "$sans" ]; then echo "subjectAltName=$sans"; fi
  } > "$name.ext"
  openssl x509 -req -in "$name.csr" -CA "$signer.crt" -CAkey "$signer.key" -CAcreateserial -days 3650 \
    -extfile "$name.ext" -out "$name.crt" 2>"$name.err" || die "openssl could not sign $name: $(cat "$name.err")"
  rm -f "$name.err"
  rm -f "$name.csr" "$name.ext"
}

ca ca zdc-cluster-ca
ca front-proxy-ca zdc-front-proxy-ca
cert apiserver ca "/CN=kube-apiserver" serverAuth \
  "IP:$HOST_IP,IP:127.0.0.1,IP:$API_SERVICE_IP,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,DNS:localhost"
cert admin ca "/O=system:masters/CN=zdc-admin" clientAuth
cert apiserver-kubelet-client ca "/O=system:masters/CN=kube-apiserver-kubelet-client" clientAuth
cert controller-manager ca "/CN=system:kube-controller-manager" clientAuth
cert scheduler ca "/CN=system:kube-scheduler" clientAuth
cert kube-proxy ca "/CN=system:kube-proxy" clientAuth
cert front-proxy-client front-proxy-ca "/CN=front-proxy-client" clientAuth
for node in "${NODES[@]}"; do
  cert "$node" ca "/O=system:nodes/CN=system:node:$node" clientAuth
  cert "$node-serving" ca "/CN=$node" serverAuth "IP:$(node_ip "$node"),DNS:$node"
done
openssl ecparam -name prime256v1 -genkey -noout -out sa.key 2>/dev/null
openssl ec -in sa.key -pubout -out sa.pub 2>/dev/null
chmod 600 ./*.key
touch done
