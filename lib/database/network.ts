import { Construct } from 'constructs';
import * as k8s from '../../imports/k8s';
import { DatabaseConnection } from './connection';
import { dnsEgressRule, PlainPeer, PlainPort } from '../network/peers';

/** The ports NetworkPolicy must open on the database's pods: a Service's target ports, not its own port. */
export function peerPortsOf(connection: DatabaseConnection): readonly number[] {
  return connection.peerPorts ?? [connection.port];
}

/** Renders a plain NetworkPolicy rule (lib/network) with the L1 types. */
export function toKubeRule(rule: { to: readonly PlainPeer[]; ports: readonly PlainPort[] }): k8s.NetworkPolicyEgressRule {
  return { to: rule.to.map((peer) => ({ ...peer })), ports: rule.ports.map((p) => ({ protocol: p.protocol, port: k8s.IntOrString.fromNumber(p.port) })) };
}

/**
 * Egress to the cluster DNS (kube-dns / CoreDNS in kube-system, and NodeLocal DNSCache's 169.254.20.10),
 * which every client needs to resolve the database host.
 */
export const DNS_EGRESS: k8s.NetworkPolicyEgressRule = toKubeRule(dnsEgressRule({ namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' } }));

/** The egress rule that lets a client reach the database tier. */
export function databaseEgressRule(connection: DatabaseConnection): k8s.NetworkPolicyEgressRule {
  return {
    to: [...connection.egressPeers],
    ports: peerPortsOf(connection).map((port) => ({ protocol: 'TCP', port: k8s.IntOrString.fromNumber(port) })),
  };
}

/** Options of a DatabaseClientPolicy. */
export interface DatabaseClientPolicyProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  /** The client pods (the tier's own Jobs). */
  readonly podSelector: Record<string, string>;
  readonly connection: DatabaseConnection;
}

/**
 * An egress NetworkPolicy for the database tier's own Jobs: DNS and the database, nothing else. Under a
 * namespace default-deny it is what lets them run; without one it still keeps them from reaching anything else.
 */
export class DatabaseClientPolicy extends Construct {
  public readonly policy: k8s.KubeNetworkPolicy;

  constructor(scope: Construct, id: string, props: DatabaseClientPolicyProps) {
    super(scope, id);
    this.policy = new k8s.KubeNetworkPolicy(this, 'Resource', {
      metadata: { name: props.name, namespace: props.namespace, labels: props.labels },
      spec: {
        podSelector: { matchLabels: props.podSelector },
        policyTypes: ['Egress'],
        egress: [databaseEgressRule(props.connection), DNS_EGRESS],
      },
    });
  }
}
