import { Construct } from 'constructs';
import * as k8s from '../../imports/k8s';
import { deepFreeze } from '../grammar/freeze';

/** The router ports the Service forwards to: read-write (3306 → 6446), read-only, X protocol and read/write splitting. */
export const ROUTER_PORTS = deepFreeze({ readWrite: 6446, readOnly: 6447, xReadWrite: 6448, xReadOnly: 6449, readWriteSplit: 6450 } as const);

/** Where the MySQL Operator runs: deploy-operator.yaml's namespace and pod label. */
export const MYSQL_OPERATOR_PODS = deepFreeze({ namespace: 'mysql-operator', podLabels: { name: 'mysql-operator' } } as const);

/** Props of InnoDbClusterNetworkPolicies. */
export interface InnoDbClusterNetworkPoliciesProps {
  readonly clusterName: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  /** Labels of the pods that connect through the routers. */
  readonly clients: ReadonlyArray<Record<string, string>>;
  /**
   * Namespace of the MySQL Operator.
   * @default 'mysql-operator'
   */
  readonly operatorNamespace?: string;
}

/**
 * NetworkPolicies that keep an InnoDB Cluster working under a namespace default-deny, and admit only the
 * application to its routers. Every pod the operator labels with the cluster (servers, routers, backup
 * Jobs) may talk to the others and to the operator, and reach port 443/6443 anywhere: the sidecars and
 * backup Jobs call the Kubernetes API, whose address a NetworkPolicy cannot name, and S3 backups use 443.
 */
export class InnoDbClusterNetworkPolicies extends Construct {
  public readonly policies: k8s.KubeNetworkPolicy[];

  constructor(scope: Construct, id: string, props: InnoDbClusterNetworkPoliciesProps) {
    super(scope, id);
    const memberPods = { matchLabels: { 'mysql.oracle.com/cluster': props.clusterName } };
    const members: k8s.NetworkPolicyPeer = { podSelector: memberPods };
    const operator: k8s.NetworkPolicyPeer = {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': props.operatorNamespace ?? MYSQL_OPERATOR_PODS.namespace } },
      podSelector: { matchLabels: { ...MYSQL_OPERATOR_PODS.podLabels } },
    };
    const tcp = (port: number): k8s.NetworkPolicyPort => ({ protocol: 'TCP', port: k8s.IntOrString.fromNumber(port) });
    const policy = (suffix: string, spec: k8s.NetworkPolicySpec) => new k8s.KubeNetworkPolicy(this, suffix, {
      metadata: { name: `${props.clusterName}-${suffix}`, namespace: props.namespace, labels: props.labels },
      spec,
    });
    this.policies = [
      policy('members', {
        podSelector: memberPods,
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [members, operator] }],
        egress: [{ to: [members, operator] }, { ports: [tcp(443), tcp(6443)] }],
      }),
      policy('router-clients', {
        podSelector: { matchLabels: { component: 'mysqlrouter', 'mysql.oracle.com/cluster': props.clusterName } },
        policyTypes: ['Ingress'],
        ingress: [{ from: props.clients.map((matchLabels) => ({ podSelector: { matchLabels } })), ports: Object.values(ROUTER_PORTS).map(tcp) }],
      }),
    ];
  }
}
