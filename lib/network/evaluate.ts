import { ipInCidr } from '../grammar/ip';
import { asInt, asList, asObject, asPort, asString, objectsOf } from '../grammar/json';
import { labelSelectorOf, LabelSelector as PlainLabelSelector, selectorMatches } from '../grammar/label-selector';

/** A pod as NetworkPolicy sees it: its namespace (with the namespace's labels), its labels, its IP and its named ports. */
export interface PodEndpoint {
  readonly namespace: string;
  /** Labels of the namespace (the API server always sets kubernetes.io/metadata.name). */
  readonly namespaceLabels?: Record<string, string>;
  readonly labels: Record<string, string>;
  /** The pod IP, for ipBlock peers. */
  readonly ip?: string;
  /** Container ports, for policies that name ports. */
  readonly ports?: ReadonlyArray<{ readonly name: string; readonly containerPort: number; readonly protocol?: string }>;
}

/** Something outside the cluster, known by its IP. */
export interface ExternalEndpoint {
  readonly ip: string;
}

/** Either end of a connection: a pod, or an address outside the cluster. */
export type Endpoint = PodEndpoint | ExternalEndpoint;

/** One connection attempt. */
export interface Connection {
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly port: number;
  /** @default 'TCP' */
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
}

/** The NetworkPolicy fields that decide traffic, as plain data (a parsed or synthesized manifest). */
export interface NetworkPolicyManifest {
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
  readonly spec?: {
    readonly podSelector?: PlainLabelSelector;
    readonly policyTypes?: readonly string[];
    readonly ingress?: ReadonlyArray<{ readonly from?: readonly PolicyPeer[]; readonly ports?: readonly PolicyPort[] }>;
    readonly egress?: ReadonlyArray<{ readonly to?: readonly PolicyPeer[]; readonly ports?: readonly PolicyPort[] }>;
  };
}

/** A NetworkPolicy peer as plain data. */
export interface PolicyPeer {
  readonly podSelector?: PlainLabelSelector;
  readonly namespaceSelector?: PlainLabelSelector;
  readonly ipBlock?: { readonly cidr: string; readonly except?: readonly string[] };
}

/** A NetworkPolicy port as plain data. */
export interface PolicyPort {
  readonly protocol?: string;
  readonly port?: number | string;
  readonly endPort?: number;
}

/** How one direction was decided. */
export type DirectionVerdict =
  /** The endpoint is not a pod, or no policy of that type selects it: allowed. */
  | { readonly decision: 'unrestricted' }
  /** Policies select the pod and one of them allows the connection. */
  | { readonly decision: 'allowed'; readonly by: string[] }
  /** Policies select the pod and none allows the connection. */
  | { readonly decision: 'denied'; readonly selectedBy: string[] };

/** The verdict on a connection: allowed only when the source's egress and the destination's ingress both allow it. */
export interface Verdict {
  readonly allowed: boolean;
  readonly egress: DirectionVerdict;
  readonly ingress: DirectionVerdict;
}

function isPod(e: Endpoint): e is PodEndpoint {
  return (e as PodEndpoint).labels !== undefined;
}

/** The policy types a policy has: as listed, else Ingress, plus Egress when it has egress rules. */
export function policyTypesOf(policy: NetworkPolicyManifest): string[] {
  if (policy.spec?.policyTypes) return [...policy.spec.policyTypes];
  return ['Ingress', ...(policy.spec?.egress ? ['Egress'] : [])];
}

function namespaceLabelsOf(pod: PodEndpoint): Record<string, string> {
  return { 'kubernetes.io/metadata.name': pod.namespace, ...pod.namespaceLabels };
}

/** True when `peer`, written in a policy of namespace `policyNamespace`, matches `endpoint`. */
function peerMatches(peer: PolicyPeer, policyNamespace: string, endpoint: Endpoint): boolean {
  if (peer.ipBlock) {
    const ip = endpoint.ip;
    return ip !== undefined && ipInCidr(ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((c) => ipInCidr(ip, c));
  }
  if (!isPod(endpoint)) return false;
  const namespaceOk = peer.namespaceSelector ? selectorMatches(peer.namespaceSelector, namespaceLabelsOf(endpoint)) : endpoint.namespace === policyNamespace;
  const podOk = peer.podSelector ? selectorMatches(peer.podSelector, endpoint.labels) : true;
  return namespaceOk && podOk;
}

/** True when a rule's port entry covers the connection's port on `destination` (named ports resolve against it). */
function portMatches(entry: PolicyPort, port: number, protocol: string, destination: Endpoint): boolean {
  if ((entry.protocol ?? 'TCP') !== protocol) return false;
  if (entry.port === undefined) return true;
  if (typeof entry.port === 'string') {
    return isPod(destination) && (destination.ports ?? []).some((p) => p.name === entry.port && p.containerPort === port && (p.protocol ?? 'TCP') === protocol);
  }
  return entry.endPort !== undefined ? port >= entry.port && port <= entry.endPort : port === entry.port;
}

/** The peer of a connection, or 'any peer' when only the port is asked about. */
type PeerToMatch = Endpoint | 'any';

function ruleMatches(peers: readonly PolicyPeer[] | undefined, ports: readonly PolicyPort[] | undefined, policyNamespace: string, peerEndpoint: PeerToMatch,
  c: Connection): boolean {
  const protocol = c.protocol ?? 'TCP';
  const portOk = !ports || ports.length === 0 || ports.some((p) => portMatches(p, c.port, protocol, c.to));
  const peerOk = peerEndpoint === 'any' || !peers || peers.length === 0 || peers.some((p) => peerMatches(p, policyNamespace, peerEndpoint));
  return portOk && peerOk;
}

function direction(policies: readonly NetworkPolicyManifest[], type: 'Ingress' | 'Egress', pod: Endpoint, c: Connection,
  peer: PeerToMatch = type === 'Egress' ? c.to : c.from): DirectionVerdict {
  if (!isPod(pod)) return { decision: 'unrestricted' };
  const selecting = policies.filter((p) => (p.metadata?.namespace ?? 'default') === pod.namespace
    && selectorMatches(p.spec?.podSelector ?? {}, pod.labels) && policyTypesOf(p).includes(type));
  if (selecting.length === 0) return { decision: 'unrestricted' };
  const name = (p: NetworkPolicyManifest) => p.metadata?.name ?? '?';
  const allowing = selecting.filter((p) => {
    const ns = p.metadata?.namespace ?? 'default';
    return type === 'Egress'
      ? (p.spec?.egress ?? []).some((r) => ruleMatches(r.to, r.ports, ns, peer, c))
      : (p.spec?.ingress ?? []).some((r) => ruleMatches(r.from, r.ports, ns, peer, c));
  });
  return allowing.length > 0 ? { decision: 'allowed', by: allowing.map(name) } : { decision: 'denied', selectedBy: selecting.map(name) };
}

/**
 * Whether NetworkPolicies let a connection through, by the API's semantics: a pod that no policy of a
 * type selects is unrestricted in that direction; once selected, only what some selecting policy's
 * rules allow passes (policies are additive); a connection needs the source's egress and the
 * destination's ingress. Peers without a namespaceSelector mean the policy's own namespace; an empty
 * selector means all; named ports resolve against the destination pod.
 */
export function evaluateConnection(policies: readonly NetworkPolicyManifest[], c: Connection): Verdict {
  const egress = direction(policies, 'Egress', c.from, c);
  const ingress = direction(policies, 'Ingress', c.to, c);
  return { allowed: egress.decision !== 'denied' && ingress.decision !== 'denied', egress, ingress };
}

/**
 * Whether any source may reach a pod on a port, when the source is not known (an ingress controller
 * outside the input): `unrestricted` when no Ingress policy selects the pod; `allowed` when a selecting
 * policy has a rule admitting the port from some peer; `denied` when every selecting policy's rules
 * leave the port out. The pod's named ports resolve as in evaluateConnection.
 */
export function ingressOnPort(policies: readonly NetworkPolicyManifest[], pod: PodEndpoint, port: number, protocol: 'TCP' | 'UDP' | 'SCTP' = 'TCP'): DirectionVerdict {
  return direction(policies, 'Ingress', pod, { from: { ip: '0.0.0.0' }, to: pod, port, protocol }, 'any');
}

/**
 * A NetworkPolicy manifest read type-safely (wrongly typed parts read as absent, never a crash), for the
 * audit, which reads anyone's YAML: the selectors through labelSelectorOf, ports and peers field by field.
 */
export function networkPolicyOf(m: unknown): NetworkPolicyManifest {
  const metadata = asObject(asObject(m)?.metadata);
  const spec = asObject(asObject(m)?.spec);
  const namespace = asString(metadata?.namespace);
  const peers = (value: unknown): PolicyPeer[] | undefined => (value === undefined ? undefined : objectsOf(value).map(({ item }) => {
    const ipBlock = asObject(item.ipBlock);
    const cidr = asString(ipBlock?.cidr);
    return {
      ...(item.podSelector !== undefined ? { podSelector: labelSelectorOf(item.podSelector) ?? { matchExpressions: [{ key: '', operator: '' }] } } : {}),
      ...(item.namespaceSelector !== undefined ? { namespaceSelector: labelSelectorOf(item.namespaceSelector) ?? { matchExpressions: [{ key: '', operator: '' }] } } : {}),
      ...(cidr !== undefined ? { ipBlock: { cidr, except: (asList(ipBlock?.except) ?? []).filter((c): c is string => typeof c === 'string') } } : {}),
    };
  }));
  const ports = (value: unknown): PolicyPort[] | undefined => (value === undefined ? undefined : objectsOf(value).map(({ item }) => ({
    protocol: asString(item.protocol), port: asPort(item.port), endPort: asInt(item.endPort),
  })));
  const policyTypes = asList(spec?.policyTypes)?.filter((t): t is string => typeof t === 'string');
  return {
    metadata: { name: asString(metadata?.name), namespace: namespace === '' ? undefined : namespace },
    spec: {
      podSelector: spec?.podSelector === undefined ? {} : labelSelectorOf(spec.podSelector) ?? { matchExpressions: [{ key: '', operator: '' }] },
      ...(policyTypes ? { policyTypes } : {}),
      ...(spec?.ingress !== undefined ? { ingress: objectsOf(spec.ingress).map(({ item }) => ({ from: peers(item.from), ports: ports(item.ports) })) } : {}),
      ...(spec?.egress !== undefined ? { egress: objectsOf(spec.egress).map(({ item }) => ({ to: peers(item.to), ports: ports(item.ports) })) } : {}),
    },
  };
}
