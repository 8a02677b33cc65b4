/** A Kubernetes object as parsed from YAML or synthesized by cdk8s: plain data. */
export interface Manifest {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
  };
  readonly [field: string]: any;
}

/** A label selector: matchLabels and matchExpressions. */
export interface LabelSelector {
  readonly matchLabels?: Record<string, string>;
  readonly matchExpressions?: ReadonlyArray<{ readonly key: string; readonly operator: string; readonly values?: readonly string[] }>;
}

/** True when the labels satisfy the selector. An empty or missing selector selects nothing here: no workload means that. */
export function matchesSelector(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  const matchLabels = Object.entries(selector?.matchLabels ?? {});
  const expressions = selector?.matchExpressions ?? [];
  if (matchLabels.length === 0 && expressions.length === 0) return false;
  return matchLabels.every(([k, v]) => l[k] === v) && expressions.every((e) => {
    switch (e.operator) {
      case 'In': return k8sHas(l, e.key) && (e.values ?? []).includes(l[e.key]);
      case 'NotIn': return !k8sHas(l, e.key) || !(e.values ?? []).includes(l[e.key]);
      case 'Exists': return k8sHas(l, e.key);
      case 'DoesNotExist': return !k8sHas(l, e.key);
      default: return false;
    }
  });
}

function k8sHas(labels: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

/** `Kind namespace/name`, how violations and plans name an object. */
export function objectRef(m: Manifest): string {
  const ns = m.metadata?.namespace;
  return `${m.kind ?? '?'} ${ns ? `${ns}/` : ''}${m.metadata?.name ?? '?'}`;
}

/** The namespace an object lives in when applied without -n. */
export function namespaceOf(m: Manifest): string {
  return m.metadata?.namespace ?? 'default';
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** A workload with the objects that refer to it. */
export interface Workload {
  readonly manifest: Manifest;
  readonly kind: string;
  readonly namespace: string;
  /** The pod template's labels. */
  readonly podLabels: Record<string, string>;
  /** The pod template's spec. */
  readonly podSpec: any;
  /** The HPA whose scaleTargetRef names this workload. */
  readonly hpa?: Manifest;
  /** Services whose selector matches the pods. */
  readonly services: Manifest[];
  /** PodDisruptionBudgets whose selector matches the pods. */
  readonly pdbs: Manifest[];
  /** The replica count rules are checked against: the HPA's minReplicas when one owns the count, else spec.replicas (default 1). */
  readonly replicas: number;
  /** True for Deployments and StatefulSets, whose replica count the rules reason about. */
  readonly replicated: boolean;
}

/** Everything the rules look at, with the relations between objects resolved once. */
export class AuditContext {
  public readonly workloads: Workload[];
  public readonly services: Manifest[];
  public readonly pdbs: Manifest[];
  public readonly hpas: Manifest[];

  constructor(public readonly manifests: readonly Manifest[]) {
    const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind);
    this.services = ofKind('Service');
    this.pdbs = ofKind('PodDisruptionBudget');
    this.hpas = ofKind('HorizontalPodAutoscaler');
    this.workloads = manifests.filter((m) => WORKLOAD_KINDS.has(m.kind ?? '') && m.spec?.template).map((m) => {
      const namespace = namespaceOf(m);
      const podLabels = m.spec.template.metadata?.labels ?? {};
      const sameNs = (o: Manifest) => namespaceOf(o) === namespace;
      const hpa = this.hpas.find((h) => sameNs(h) && h.spec?.scaleTargetRef?.kind === m.kind && h.spec?.scaleTargetRef?.name === m.metadata?.name);
      const replicated = m.kind !== 'DaemonSet';
      return {
        manifest: m,
        kind: m.kind!,
        namespace,
        podLabels,
        podSpec: m.spec.template.spec ?? {},
        hpa,
        services: this.services.filter((s) => sameNs(s) && s.spec?.selector && matchesSelector({ matchLabels: s.spec.selector }, podLabels)),
        pdbs: this.pdbs.filter((p) => sameNs(p) && matchesSelector(p.spec?.selector, podLabels)),
        replicas: hpa ? hpa.spec?.minReplicas ?? 1 : m.spec.replicas ?? 1,
        replicated,
      };
    });
  }

  /** The PersistentVolumeClaim of this name in this namespace, when the set has it. */
  public claim(namespace: string, name: string): Manifest | undefined {
    return this.manifests.find((m) => m.kind === 'PersistentVolumeClaim' && namespaceOf(m) === namespace && m.metadata?.name === name);
  }

  /** Workloads whose pods match a selector in a namespace. */
  public workloadsSelectedBy(namespace: string, selector: LabelSelector | undefined): Workload[] {
    return this.workloads.filter((w) => w.namespace === namespace && matchesSelector(selector, w.podLabels));
  }
}

/** A container of a workload with its field path. */
export interface ContainerAt {
  readonly container: any;
  /** e.g. `spec.template.spec.containers[0]`. */
  readonly path: string;
}

/** The workload's app containers (init containers do not serve). */
export function containersOf(w: Workload): ContainerAt[] {
  return (w.podSpec.containers ?? []).map((container: any, i: number) => ({ container, path: `spec.template.spec.containers[${i}]` }));
}

/** True when a Service routes to the workload and it runs replicas: the workloads whose rollouts must not drop requests. */
export function isServedAndReplicated(w: Workload): boolean {
  return w.replicated && w.services.length > 0 && w.replicas >= 2;
}
