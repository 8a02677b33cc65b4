import { DisruptionPolicy } from '../policy/disruption';
import { PreStopHandler, preStopSeconds } from '../policy/probes';

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

/** Everything the rules look at, with the relations between objects resolved once, through indexes (linear in the number of objects). */
export class AuditContext {
  public readonly workloads: Workload[];
  public readonly services: Manifest[];
  public readonly pdbs: Manifest[];
  public readonly hpas: Manifest[];
  /** Pod-label index: namespace, then `key=value`, then the workloads whose pods carry that label. */
  private readonly byPodLabel = new Map<string, Map<string, Workload[]>>();
  private readonly workloadsByNamespace = new Map<string, Workload[]>();
  private readonly claims = new Map<string, Manifest>();
  private readonly targetedHpas = new Set<Manifest>();

  constructor(public readonly manifests: readonly Manifest[]) {
    const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind);
    this.services = ofKind('Service');
    this.pdbs = ofKind('PodDisruptionBudget');
    this.hpas = ofKind('HorizontalPodAutoscaler');
    for (const claim of ofKind('PersistentVolumeClaim')) this.claims.set(`${namespaceOf(claim)}/${claim.metadata?.name}`, claim);
    const hpaByTarget = new Map(this.hpas.map((h) => [`${namespaceOf(h)}/${h.spec?.scaleTargetRef?.kind}/${h.spec?.scaleTargetRef?.name}`, h]));

    const building = manifests.filter((m) => WORKLOAD_KINDS.has(m.kind ?? '') && m.spec?.template).map((m) => {
      const namespace = namespaceOf(m);
      const hpa = hpaByTarget.get(`${namespace}/${m.kind}/${m.metadata?.name}`);
      if (hpa) this.targetedHpas.add(hpa);
      return {
        manifest: m,
        kind: m.kind!,
        namespace,
        podLabels: (m.spec.template.metadata?.labels ?? {}) as Record<string, string>,
        podSpec: m.spec.template.spec ?? {},
        hpa,
        services: [] as Manifest[],
        pdbs: [] as Manifest[],
        replicas: (hpa ? hpa.spec?.minReplicas ?? 1 : m.spec.replicas ?? 1) as number,
        replicated: m.kind !== 'DaemonSet',
      };
    });
    for (const w of building) {
      listAt(this.workloadsByNamespace, w.namespace).push(w);
      const index = this.byPodLabel.get(w.namespace) ?? new Map<string, Workload[]>();
      this.byPodLabel.set(w.namespace, index);
      for (const [k, v] of Object.entries(w.podLabels)) listAt(index, `${k}=${v}`).push(w);
    }
    for (const service of this.services) {
      if (service.spec?.selector) this.workloadsSelectedBy(namespaceOf(service), { matchLabels: service.spec.selector }).forEach((w) => (w as typeof building[0]).services.push(service));
    }
    for (const pdb of this.pdbs) this.workloadsSelectedBy(namespaceOf(pdb), pdb.spec?.selector).forEach((w) => (w as typeof building[0]).pdbs.push(pdb));
    this.workloads = building;
  }

  /** The PersistentVolumeClaim of this name in this namespace, when the set has it. */
  public claim(namespace: string, name: string): Manifest | undefined {
    return this.claims.get(`${namespace}/${name}`);
  }

  /** True when the HPA's scaleTargetRef names a workload of the set. */
  public hasTarget(hpa: Manifest): boolean {
    return this.targetedHpas.has(hpa);
  }

  /** Workloads whose pods match a selector in a namespace: candidates come from the label index, then the full selector decides. */
  public workloadsSelectedBy(namespace: string, selector: LabelSelector | undefined): Workload[] {
    const [first] = Object.entries(selector?.matchLabels ?? {});
    const candidates = first ? this.byPodLabel.get(namespace)?.get(`${first[0]}=${first[1]}`) : this.workloadsByNamespace.get(namespace);
    return (candidates ?? []).filter((w) => matchesSelector(selector, w.podLabels));
  }
}

function listAt<T>(map: Map<string, T[]>, key: string): T[] {
  const list = map.get(key) ?? [];
  map.set(key, list);
  return list;
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

/** The ports a manifest container declares, for the port checks. */
export function declaredPorts(container: any): Array<{ name?: string; containerPort: number }> {
  return (container.ports ?? []).map((p: any) => ({ name: p.name, containerPort: p.containerPort }));
}

/** A PodDisruptionBudget manifest's policy fields. */
export function pdbPolicy(pdb: Manifest): DisruptionPolicy {
  return { minAvailable: pdb.spec?.minAvailable, maxUnavailable: pdb.spec?.maxUnavailable };
}

/** The pod's grace period, with the Kubernetes default of 30 s when the spec does not say. */
export function terminationGraceOf(w: Workload): number {
  return w.podSpec.terminationGracePeriodSeconds ?? 30;
}

/** Each container's preStop delay and its field path, where the manifest says how long the delay is. */
export function preStopsOf(w: Workload): Array<{ seconds: number; path: string }> {
  return containersOf(w).flatMap(({ container, path }) => {
    const seconds = preStopSeconds(container.lifecycle?.preStop as PreStopHandler | undefined);
    return seconds === undefined ? [] : [{ seconds, path: `${path}.lifecycle.preStop` }];
  });
}

/** True when a Service routes to the workload and it runs replicas: the workloads whose rollouts must not drop requests. */
export function isServedAndReplicated(w: Workload): boolean {
  return w.replicated && w.services.length > 0 && w.replicas >= 2;
}
