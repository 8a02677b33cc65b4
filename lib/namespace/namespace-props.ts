/** A Pod Security Standard level (https://kubernetes.io/docs/concepts/security/pod-security-standards/). */
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

/** The Pod Security admission labels of a Namespace: what is refused, recorded in the audit log, and warned of. */
export interface PodSecurityProps {
  /**
   * Pods that break this level are refused.
   * @default 'baseline'
   */
  readonly enforce?: PodSecurityLevel;
  /**
   * Pods that break this level are recorded in the API server's audit log.
   * @default 'restricted'
   */
  readonly audit?: PodSecurityLevel;
  /**
   * Pods (and workloads) that break this level get a warning from kubectl.
   * @default 'restricted'
   */
  readonly warn?: PodSecurityLevel;
  /**
   * The version of the standards the levels mean, `v1.N` or `latest`. A pinned version keeps a cluster
   * upgrade from tightening the rules under running workloads.
   * @default - the app's target version (KubernetesVersion), e.g. `v1.27`
   */
  readonly version?: string;
}

/** A Namespace with Pod Security labels, kept when its Argo CD Application is deleted. */
export interface NamespaceProps {
  /**
   * The Namespace's name, a DNS-1123 label.
   * @default - the Chart's namespace; required when the Chart has none
   */
  readonly name?: string;
  /**
   * The Pod Security admission labels.
   * @default - enforce baseline, audit and warn restricted, at the target version
   */
  readonly podSecurity?: PodSecurityProps;
  /**
   * Keep the Namespace (and so everything in it, volumes included) when its Argo CD Application is deleted
   * or when the Namespace leaves Git: `argocd.argoproj.io/sync-options: Delete=false,Prune=false`.
   * Deleting a Namespace deletes every object in it, claims and their data included.
   * @default true
   */
  readonly keepOnDelete?: boolean;
  /**
   * Extra labels. The Pod Security labels are set by `podSecurity`, not here.
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * Extra annotations.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
}
