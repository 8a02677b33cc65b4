# kubeconfig NAME CERT SERVER: a kubeconfig with embedded certificates, written to $STATE/kubeconfigs/NAME.
# shellcheck shell=bash
kubeconfig() {
  local name=$1 cert=$2 server=$3 out=$STATE/kubeconfigs/$1
  mkdir -p "$STATE/kubeconfigs"
  cat > "$out" <<KC
apiVersion: v1
kind: Config
clusters:
- name: zdc
  cluster:
    server: $server
    certificate-authority-data: $(base64 -w0 < "$PKI/ca.crt")
users:
- name: $name
  user:
    client-certificate-data: $(base64 -w0 < "$PKI/$cert.crt")
    client-key-data: $(base64 -w0 < "$PKI/$cert.key")
contexts:
- name: zdc
  context: {cluster: zdc, user: $name}
current-context: zdc
KC
  chmod 600 "$out"
}
