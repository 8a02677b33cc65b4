/**
 * NetworkPolicy pieces every namespace under a default-deny needs, as plain data (the constructs render
 * them; the audit and the evaluator read the same shapes).
 */

/** The link-local address NodeLocal DNSCache listens on, on every node (its documented default). */
export const NODE_LOCAL_DNS_IP = '169.254.20.10';

/** Every address, in both families: `0.0.0.0/0` alone leaves an IPv6 or dual-stack pod without the internet. */
export const INTERNET_CIDRS: readonly string[] = Object.freeze(['0.0.0.0/0', '::/0']);

/** The label cert-manager puts on its HTTP-01 solver pods (`cm-acme-http-solver-*`). */
export const ACME_HTTP01_SOLVER_LABELS: Readonly<Record<string, string>> = Object.freeze({ 'acme.cert-manager.io/http01-solver': 'true' });

/** The port cert-manager's HTTP-01 solver pods listen on. */
export const ACME_HTTP01_SOLVER_PORT = 8089;

/** A NetworkPolicy peer as plain data. */
export interface PlainPeer {
  readonly podSelector?: { readonly matchLabels: Record<string, string> };
  readonly namespaceSelector?: { readonly matchLabels: Record<string, string> };
  readonly ipBlock?: { readonly cidr: string };
}

/** A NetworkPolicy port as plain data. */
export interface PlainPort {
  readonly protocol: 'TCP' | 'UDP';
  readonly port: number;
}

/** Pods in a namespace, by the namespace's name and the pods' labels. */
export interface NamespacedPods {
  readonly namespace: string;
  readonly podLabels: Record<string, string>;
}

/** The peer for pods of another namespace (kubernetes.io/metadata.name is set by the API server). */
export function podsPeer(pods: NamespacedPods): PlainPeer {
  return { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': pods.namespace } }, podSelector: { matchLabels: { ...pods.podLabels } } };
}

/**
 * Whom an ingress controller's traffic comes from. A controller on the pod network is its pods; one on
 * hostNetwork (common for bare-metal Traefik, ingress-nginx and k3s' ServiceLB setups) sends from its
 * node's address, which no pod selector matches, so the nodes' networks are admitted as ipBlocks.
 */
export function ingressControllerPeers(controller: NamespacedPods, nodeCidrs: readonly string[] = []): PlainPeer[] {
  return [podsPeer(controller), ...nodeCidrs.map((cidr) => ({ ipBlock: { cidr } }))];
}

/**
 * Egress to the cluster DNS: the kube-dns/CoreDNS pods, and NodeLocal DNSCache's link-local address.
 * With NodeLocal DNSCache, pods' resolv.conf names 169.254.20.10 (or kube-proxy redirects the kube-dns
 * address to it), which is no pod, so a pod-selector allow alone times every lookup out.
 */
export function dnsEgressRule(dns: NamespacedPods): { to: PlainPeer[]; ports: PlainPort[] } {
  return {
    to: [podsPeer(dns), { ipBlock: { cidr: `${NODE_LOCAL_DNS_IP}/32` } }],
    ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
  };
}

/** A NetworkPolicy manifest as plain data. */
export interface PlainNetworkPolicy {
  readonly apiVersion: 'networking.k8s.io/v1';
  readonly kind: 'NetworkPolicy';
  readonly metadata: { readonly name: string; readonly namespace: string; readonly labels?: Record<string, string> };
  readonly spec: {
    readonly podSelector: { readonly matchLabels: Record<string, string> };
    readonly policyTypes: readonly string[];
    readonly ingress: ReadonlyArray<{ readonly from: readonly PlainPeer[]; readonly ports: readonly PlainPort[] }>;
  };
}

/** What an ACME HTTP-01 solver allow is about. */
export interface AcmeSolverPolicyOptions {
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Record<string, string>;
  /** The ingress controller that forwards `/.well-known/acme-challenge/` to the solver. */
  readonly ingressController: NamespacedPods;
  /**
   * The nodes' networks, for an ingress controller on hostNetwork.
   * @default - none
   */
  readonly nodeCidrs?: readonly string[];
}

/**
 * A NetworkPolicy that lets the ingress controller reach cert-manager's HTTP-01 solver pods on 8089.
 * cert-manager creates those pods in the Certificate's namespace while an order is pending; under a
 * namespace default-deny nothing reaches them, Let's Encrypt's validation fails, and the certificate
 * never issues. The policy selects only solver pods, so it is harmless when none run.
 */
export function acmeHttp01SolverPolicy(o: AcmeSolverPolicyOptions): PlainNetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: o.name, namespace: o.namespace, ...(o.labels ? { labels: { ...o.labels } } : {}) },
    spec: {
      podSelector: { matchLabels: { ...ACME_HTTP01_SOLVER_LABELS } },
      policyTypes: ['Ingress'],
      ingress: [{ from: ingressControllerPeers(o.ingressController, o.nodeCidrs), ports: [{ protocol: 'TCP', port: ACME_HTTP01_SOLVER_PORT }] }],
    },
  };
}
