import { DisruptionPolicy, disruptionPolicyProblems } from '../policy/disruption';
import { Finding } from '../grammar/finding';
import { IntOrPercent } from '../grammar/int-or-percent';
import { PreStopHandler, preStopSeconds } from '../policy/probes';
import { SERVED_ANNOTATION } from './annotations';
import { containersIn } from '../grammar/pod';
import { labelSelectorOf, LabelSelector, PossibleLabels, selectorMatches } from '../grammar/label-selector';
import { asInt, asList, asObject, asString, asStringMap, at, objectsOf } from '../grammar/json';

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
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- public type (docs/api/): free-form manifest JSON
  readonly [field: string]: any;
}

/**
 * A value read from a manifest: unchecked JSON, which the rules read defensively (optional chaining,
 * type checks, lib/grammar/json.ts's readers). For the rules; the public types (Manifest, Workload,
 * ContainerAt) spell it `any`, as docs/api/ shows.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are free-form JSON
export type Unchecked = any;

export type { LabelSelector } from '../grammar/label-selector';

/** `Kind namespace/name`, how violations and plans name an object. */
export function objectRef(m: Manifest): string {
  const ns = asString(m.metadata?.namespace);
  return `${asString(m.kind) ?? '?'} ${ns ? `${ns}/` : ''}${asString(m.metadata?.name) ?? '?'}`;
}

/** The namespace an object lives in when applied without -n. */
export function namespaceOf(m: Manifest): string {
  const namespace = asObject(m.metadata)?.namespace;
  return typeof namespace === 'string' && namespace !== '' ? namespace : 'default';
}

/** The object's name, or '' when it has none (or a wrongly typed one). */
export function nameOf(m: Manifest): string {
  const name = asObject(m.metadata)?.name;
  return typeof name === 'string' ? name : '';
}

/** The object's annotations (only string values). */
export function annotationsOf(m: Manifest): Readonly<Record<string, string>> {
  return asStringMap(at(m, 'metadata', 'annotations'));
}

/** Caches a derived value per object, so that every rule reads it computed once. */
function memo<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}


/** A workload with the objects that refer to it. */
export interface Workload {
  readonly manifest: Manifest;
  readonly kind: string;
  readonly namespace: string;
  /** The pod template's labels. */
  readonly podLabels: Record<string, string>;
  /** The pod template's spec (a mapping; `{}` when missing or wrongly typed). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- public type (docs/api/): free-form manifest JSON
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
  /**
   * True when the workload takes traffic. The `zero-downtime.audit/served` annotation decides when it
   * is set. Otherwise, when the audited set is complete (the whole application, as at synth), a Service
   * of the set must select it; when it may be partial (files of a larger whole), declaring a container
   * port is enough, so that the verdict does not depend on which files are audited together.
   */
  readonly served?: boolean;
  /** The app containers (mappings only), read once. */
  readonly containers?: ContainerAt[];
  /** The preStop delays the manifest states, with their field paths, read once. */
  readonly preStops?: Array<{ seconds: number; path: string }>;
}

/**
 * The identity of an object in a cluster: API group (not version), kind, namespace and name, joined by
 * NUL (which no valid name, kind or group holds); undefined without a name.
 */
export function objectIdentity(m: Manifest): string | undefined {
  const name = nameOf(m);
  const kind = asString(m.kind);
  if (!name || !kind) return undefined;
  const apiVersion = asString(m.apiVersion) ?? '';
  const slash = apiVersion.indexOf('/');
  return `${slash < 0 ? '' : apiVersion.slice(0, slash)}\0${kind}\0${namespaceOf(m)}\0${name}`;
}

/** Each object once (its last definition, in input order of the kept copies), and the objects defined more than once. */
function distinctObjects(input: readonly Manifest[]): { unique: Manifest[]; duplicates: Array<{ kept: Manifest; overridden: Manifest[] }> } {
  const ids = input.map(objectIdentity);
  const last = new Map<string, number>();
  ids.forEach((id, i) => { if (id !== undefined) last.set(id, i); });
  if (last.size === ids.filter((id) => id !== undefined).length) return { unique: [...input], duplicates: [] };
  const copies = new Map<string, Manifest[]>();
  ids.forEach((id, i) => { if (id !== undefined) copies.set(id, [...copies.get(id) ?? [], input[i]]); });
  const unique = input.filter((_, i) => ids[i] === undefined || last.get(ids[i] as string) === i);
  const duplicates = [...copies.values()].filter((c) => c.length > 1).map((c) => ({ kept: c[c.length - 1], overridden: c.slice(0, -1) }));
  return { unique, duplicates };
}

/** Options of an AuditContext. */
export interface AuditContextOptions {
  /**
   * True when the manifests are the whole application (every Service is among them).
   * @default true
   */
  readonly complete?: boolean;
}

/** The HPA's minReplicas (default 1) and maxReplicas, as whole numbers when they are. */
export function hpaRange(hpa: Manifest): { min: number; max: number | undefined } {
  return { min: asInt(at(hpa, 'spec', 'minReplicas')) ?? 1, max: asInt(at(hpa, 'spec', 'maxReplicas')) };
}

/** Labels the workload's controller adds to every pod (pod-template-hash, statefulset.kubernetes.io/pod-name, …). */
const generatedLabelsOf = memo((w: Workload): PossibleLabels => {
  const kind = w.kind;
  const name = nameOf(w.manifest);
  const replicas = Math.max(w.replicas, w.hpa ? hpaRange(w.hpa).max ?? 0 : 0);
  if (kind === 'Deployment') return new Map([['pod-template-hash', undefined]]);
  if (kind === 'DaemonSet') return new Map([['controller-revision-hash', undefined], ['pod-template-generation', undefined]]);
  const indexes = Array.from({ length: Math.min(replicas, 10_000) }, (_, i) => i);
  return new Map<string, ReadonlySet<string> | undefined>([
    ['controller-revision-hash', undefined],
    ['statefulset.kubernetes.io/pod-name', new Set(indexes.map((i) => `${name}-${i}`))],
    ['apps.kubernetes.io/pod-index', new Set(indexes.map(String))],
  ]);
});

/** See `Workload.served`. */
function isServedWorkload(w: Workload, complete: boolean): boolean {
  const override = annotationsOf(w.manifest)[SERVED_ANNOTATION];
  if (override === 'true' || override === 'false') return override === 'true';
  if (complete) return w.services.length > 0;
  return containersOf(w).some((c) => c.ports.length > 0);
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
  private readonly selections = new Map<Manifest, Workload[]>();

  /**
   * The objects, each once: when one object (API group, kind, namespace, name) is defined more than
   * once, the last definition, which is what `kubectl apply` and Argo CD leave in the cluster. The rules
   * read these, so an overridden copy neither adds findings of its own nor counts as a second workload.
   */
  public readonly manifests: readonly Manifest[];
  /** Objects defined more than once: the last definition (the one kept) and the earlier ones. */
  public readonly duplicates: ReadonlyArray<{ readonly kept: Manifest; readonly overridden: readonly Manifest[] }>;

  constructor(input: readonly Manifest[], options: AuditContextOptions = {}) {
    const { unique, duplicates } = distinctObjects(input);
    this.manifests = unique;
    this.duplicates = duplicates;
    const manifests = unique;
    this.services = [];
    this.pdbs = [];
    this.hpas = [];
    const candidates: Manifest[] = [];
    for (const m of manifests) {
      switch (m.kind) {
        case 'Service': this.services.push(m); break;
        case 'PodDisruptionBudget': this.pdbs.push(m); break;
        case 'HorizontalPodAutoscaler': this.hpas.push(m); break;
        case 'PersistentVolumeClaim': this.claims.set(`${namespaceOf(m)}/${nameOf(m)}`, m); break;
        case 'Deployment': case 'StatefulSet': case 'DaemonSet': candidates.push(m); break;
        default:
      }
    }
    const hpaByTarget = new Map(this.hpas.map((h) => [`${namespaceOf(h)}/${asString(at(h, 'spec', 'scaleTargetRef', 'kind'))}/${asString(at(h, 'spec', 'scaleTargetRef',
      'name'))}`, h]));

    // In input order, so that reports follow the input.
    const building: Array<Workload & { services: Manifest[]; pdbs: Manifest[]; served: boolean }> = [];
    for (const m of candidates) {
      const kind = m.kind as string;
      const spec = asObject(m.spec);
      const template = asObject(spec?.template);
      if (!template) continue;
      const namespace = namespaceOf(m);
      const hpa = hpaByTarget.get(`${namespace}/${kind}/${nameOf(m)}`);
      if (hpa) this.targetedHpas.add(hpa);
      const podSpec = asObject(template.spec) ?? {};
      const containers = appContainersIn(podSpec);
      building.push({
        manifest: m,
        kind,
        namespace,
        podLabels: asStringMap(asObject(template.metadata)?.labels) as Record<string, string>,
        podSpec,
        hpa,
        services: [],
        pdbs: [],
        replicas: hpa ? hpaRange(hpa).min : asInt(spec?.replicas) ?? 1,
        replicated: kind !== 'DaemonSet',
        served: false,
        containers,
        preStops: preStopsIn(containers),
      });
    }
    for (const w of building) {
      listAt(this.workloadsByNamespace, w.namespace).push(w);
      const index = this.byPodLabel.get(w.namespace) ?? new Map<string, Workload[]>();
      this.byPodLabel.set(w.namespace, index);
      for (const k in w.podLabels) listAt(index, `${k}=${w.podLabels[k]}`).push(w);
    }
    for (const service of this.services) {
      const selected = this.workloadsSelectedBy(namespaceOf(service), serviceSelector(service));
      this.selections.set(service, selected);
      for (const w of selected) (w as typeof building[0]).services.push(service);
    }
    for (const pdb of this.pdbs) {
      const selected = this.workloadsSelectedBy(namespaceOf(pdb), at(pdb, 'spec', 'selector'));
      this.selections.set(pdb, selected);
      for (const w of selected) (w as typeof building[0]).pdbs.push(pdb);
    }
    for (const w of building) w.served = isServedWorkload(w, options.complete ?? true);
    this.workloads = building;
  }

  /** The workloads a Service or PodDisruptionBudget of the set selects (computed once). */
  public selectedBy(serviceOrPdb: Manifest): Workload[] {
    return this.selections.get(serviceOrPdb) ?? [];
  }

  /** The PersistentVolumeClaim of this name in this namespace, when the set has it. */
  public claim(namespace: string, name: string): Manifest | undefined {
    return this.claims.get(`${namespace}/${name}`);
  }

  /** True when the HPA's scaleTargetRef names a workload of the set. */
  public hasTarget(hpa: Manifest): boolean {
    return this.targetedHpas.has(hpa);
  }

  /**
   * Workloads whose pods match a selector in a namespace, counting the labels controllers add to pods:
   * candidates come from the label index, then the full selector decides.
   */
  public workloadsSelectedBy(namespace: string, selector: unknown): Workload[] {
    const clean = labelSelectorOf(selector);
    if (!clean) return [];
    const keys = Object.keys(clean.matchLabels ?? {});
    const first = keys.find((k) => !CONTROLLER_LABELS.has(k));
    const candidates = first ? this.byPodLabel.get(namespace)?.get(`${first}=${clean.matchLabels![first]}`) : this.workloadsByNamespace.get(namespace);
    const controllerLabels = keys.some((k) => CONTROLLER_LABELS.has(k)) || (clean.matchExpressions ?? []).some((e) => CONTROLLER_LABELS.has(e.key));
    return (candidates ?? []).filter((w) => selectorMatches(clean, w.podLabels, controllerLabels ? generatedLabelsOf(w) : undefined));
  }
}

const CONTROLLER_LABELS = new Set(['pod-template-hash', 'controller-revision-hash', 'pod-template-generation', 'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index']);

/**
 * A Service's selector as a label selector (a Service selects by equality only). A Service without a
 * selector, or with an empty one, has no endpoints managed for it: it selects no pod.
 */
export function serviceSelector(service: Manifest): LabelSelector | undefined {
  const matchLabels = asStringMap(at(service, 'spec', 'selector'));
  return matchLabels && Object.keys(matchLabels).length > 0 ? { matchLabels } : undefined;
}

function listAt<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/** Requests and limits with only string or number quantities. */
export interface Quantities {
  readonly requests: Readonly<Record<string, string | number>>;
  readonly limits: Readonly<Record<string, string | number>>;
}

/** A container of a workload with its field path, and what the rules read from it, read once. */
export interface ContainerAt {
  /** The container (always a mapping). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- public type (docs/api/): free-form manifest JSON
  readonly container: any;
  /** e.g. `spec.template.spec.containers[0]`. */
  readonly path: string;
  /** The ports it declares: entries with a whole-number containerPort. */
  readonly ports: Array<{ name?: string; containerPort: number }>;
  /** Its requests and limits, with only string or number quantities. */
  readonly resources: { readonly requests: Readonly<Record<string, string | number>>; readonly limits: Readonly<Record<string, string | number>> };
}

function appContainersIn(podSpec: unknown): ContainerAt[] {
  return containersIn(podSpec).map(({ container, path }) => ({
    container, path: `spec.template.spec.${path}`, ports: declaredPorts(container), resources: resourcesOf(container),
  }));
}

/** The workload's app containers (init containers do not serve); entries that are not mappings are skipped. */
export function containersOf(w: Workload): ContainerAt[] {
  return w.containers ?? appContainersIn(w.podSpec);
}

/** The container's name, or `#i` when it has none. */
export function containerName(c: ContainerAt): string {
  return asString(c.container.name) ?? c.path.replace(/^.*\[(\d+)\]$/, '#$1');
}

/** The ports a manifest container declares (a list of mappings with a whole-number containerPort), for the port checks. */
export function declaredPorts(container: unknown): Array<{ name?: string; containerPort: number }> {
  const ports: Array<{ name?: string; containerPort: number }> = [];
  for (const { item } of objectsOf(asObject(container)?.ports)) {
    const containerPort = asInt(item.containerPort);
    if (containerPort !== undefined) ports.push({ name: asString(item.name), containerPort });
  }
  return ports;
}

/** An IntOrString field as the policy functions take it: numbers and strings pass (they validate them), other types show as their JSON. */
export function intOrPercentField(value: unknown): IntOrPercent | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' || typeof value === 'string' ? value : JSON.stringify(value);
}

/** A PodDisruptionBudget manifest's policy fields (read once per PDB; several rules and the plan need them). */
export const pdbPolicy = memo((pdb: Manifest): DisruptionPolicy => ({
  minAvailable: intOrPercentField(at(pdb, 'spec', 'minAvailable')), maxUnavailable: intOrPercentField(at(pdb, 'spec', 'maxUnavailable')),
}));

/** What is malformed in a PDB's budget (both or neither field set, a bad value), computed once per PDB. */
export const pdbPolicyProblems = memo((pdb: Manifest): readonly Finding[] => disruptionPolicyProblems(pdbPolicy(pdb)));

/** A container's requests and limits with only string or number quantities (other values read as absent). */
export function resourcesOf(container: unknown): Quantities {
  const quantities = (value: unknown) => {
    const out: Record<string, string | number> = {};
    const object = asObject(value);
    for (const key in object) {
      const q = object[key];
      if (typeof q === 'string' || typeof q === 'number') out[key] = q;
    }
    return out;
  };
  const resources = asObject(asObject(container)?.resources);
  return { requests: quantities(resources?.requests), limits: quantities(resources?.limits) };
}

/** The pod's grace period, with the Kubernetes default of 30 s when the spec does not say (or says it with the wrong type). */
export function terminationGraceOf(w: Workload): number {
  return asInt(w.podSpec.terminationGracePeriodSeconds) ?? 30;
}

/** A preStop handler with only its well-typed parts: the sleep seconds and the exec command words. */
function cleanPreStop(value: unknown): PreStopHandler | undefined {
  const handler = asObject(value);
  if (!handler) return undefined;
  const seconds = asInt(at(handler, 'sleep', 'seconds'));
  const words = asList(at(handler, 'exec', 'command'));
  const clean: { sleep?: { seconds: number }; exec?: { command: string[] } } = {};
  if (seconds !== undefined) clean.sleep = { seconds };
  if (words) clean.exec = { command: words.filter((w): w is string => typeof w === 'string') };
  return clean;
}

/** Each container's preStop delay and its field path, where the manifest says how long the delay is. */
export function preStopsOf(w: Workload): Array<{ seconds: number; path: string }> {
  return w.preStops ?? preStopsIn(containersOf(w));
}

function preStopsIn(containers: readonly ContainerAt[]): Array<{ seconds: number; path: string }> {
  const found: Array<{ seconds: number; path: string }> = [];
  for (const { container, path } of containers) {
    const seconds = preStopSeconds(cleanPreStop(asObject(container.lifecycle)?.preStop));
    if (seconds !== undefined) found.push({ seconds, path: `${path}.lifecycle.preStop` });
  }
  return found;
}

/** True when the workload takes traffic (see `Workload.served`). */
export function isServed(w: Workload): boolean {
  return w.served ?? w.services.length > 0;
}

/** True when the workload takes traffic and runs replicas: the workloads a node drain must not take down at once. */
export function isServedAndReplicated(w: Workload): boolean {
  return w.replicated && isServed(w) && w.replicas >= 2;
}
