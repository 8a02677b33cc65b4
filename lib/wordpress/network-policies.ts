import { Construct } from 'constructs';
import * as k8s from '../../imports/k8s';
import { DatabaseConnection } from '../database/connection';
import { databaseEgressRule, toKubeRule } from '../database/network';
import { dnsEgressRule, ingressControllerPeers, podsPeer } from '../network/peers';
import { deepFreeze } from '../grammar/freeze';

/** Pods in another namespace, by the namespace's name and the pods' labels. */
export interface PeerPods {
  /** The namespace (matched by its kubernetes.io/metadata.name label, which the API server sets). */
  readonly namespace: string;
  /** Labels of the pods. */
  readonly podLabels: Record<string, string>;
  /**
   * The nodes' networks, for an ingress controller on hostNetwork, whose traffic comes from its node's
   * address and matches no pod selector. Only for ingressController.
   * @default - none
   */
  readonly nodeCidrs?: string[];
}

/** Traefik's Helm chart: namespace `traefik`, pods labelled app.kubernetes.io/name=traefik. */
export const TRAEFIK_PODS: PeerPods = deepFreeze({ namespace: 'traefik', podLabels: { 'app.kubernetes.io/name': 'traefik' } });
/** CoreDNS (and kube-dns): namespace kube-system, pods labelled k8s-app=kube-dns. */
export const CLUSTER_DNS_PODS: PeerPods = deepFreeze({ namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' } });

/** Where WordPress may connect outside the cluster (updates, plugins, SMTP). */
export interface WordpressEgressProps {
  /**
   * TCP ports.
   * @default [443]
   */
  readonly ports?: number[];
  /**
   * Destination CIDRs.
   * @default ['0.0.0.0/0', '::/0']
   */
  readonly cidrs?: string[];
}

/** What the policies are about. */
export interface WordpressNetworkPoliciesProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly wordpressPods: Record<string, string>;
  readonly wordpressPort: number;
  readonly cliPods: Record<string, string>;
  readonly cronPods: Record<string, string>;
  readonly database: DatabaseConnection;
  readonly ingressController: PeerPods;
  readonly dns: PeerPods;
  readonly egress: Required<WordpressEgressProps>;
  /** Prometheus's pods, admitted to the metrics sidecar's port, when there is one. */
  readonly metricsScraper?: { readonly pods: PeerPods; readonly port: number };
}

const tcp = (port: number): k8s.NetworkPolicyPort => ({ protocol: 'TCP', port: k8s.IntOrString.fromNumber(port) });

/**
 * Default deny for the whole namespace, then only the flows the site needs: the ingress controller to
 * WordPress, WordPress and the wp-cli pods to the database, every pod to the cluster DNS, and WordPress
 * and the cron pods out to the configured ports (updates, plugins, SMTP).
 */
export class WordpressNetworkPolicies extends Construct {
  public readonly policies: k8s.KubeNetworkPolicy[];

  constructor(scope: Construct, id: string, props: WordpressNetworkPoliciesProps) {
    super(scope, id);
    const policy = (suffix: string, spec: k8s.NetworkPolicySpec) => new k8s.KubeNetworkPolicy(this, suffix, {
      metadata: { name: `${props.name}-${suffix}`, namespace: props.namespace, labels: props.labels },
      spec,
    });
    const toDatabase = databaseEgressRule(props.database);
    const outside: k8s.NetworkPolicyEgressRule = { to: props.egress.cidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: props.egress.ports.map(tcp) };
    this.policies = [
      policy('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
      // CoreDNS and NodeLocal DNSCache (169.254.20.10).
      policy('dns', { podSelector: {}, policyTypes: ['Egress'], egress: [toKubeRule(dnsEgressRule(props.dns))] }),
      policy('from-ingress-controller', {
        podSelector: { matchLabels: props.wordpressPods },
        policyTypes: ['Ingress'],
        ingress: [{ from: ingressControllerPeers(props.ingressController, props.ingressController.nodeCidrs).map((p) => ({ ...p })), ports: [tcp(props.wordpressPort)] }],
      }),
      policy('wordpress-egress', { podSelector: { matchLabels: props.wordpressPods }, policyTypes: ['Egress'], egress: [toDatabase, outside] }),
      policy('wp-cli-egress', { podSelector: { matchLabels: props.cliPods }, policyTypes: ['Egress'], egress: [toDatabase] }),
      policy('cron-egress', { podSelector: { matchLabels: props.cronPods }, policyTypes: ['Egress'], egress: [outside] }),
      ...(props.metricsScraper ? [policy('from-metrics-scraper', {
        podSelector: { matchLabels: props.wordpressPods },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ ...podsPeer(props.metricsScraper.pods) }], ports: [tcp(props.metricsScraper.port)] }],
      })] : []),
    ];
  }
}
