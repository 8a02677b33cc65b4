import { allowedDisruptions } from '../policy/disruption';
import { qosClassOf } from '../policy/qos';
import { cpuMillicores, formatBytes, formatMillicores, memoryBytes } from '../policy/quantity';
import { peakPodsWithTerminating, ProbeTimings, RolloutArithmetic, rolloutArithmeticIfWellFormed, rolloutSecondsLowerBound, secondsToReady } from '../policy/rollout';
import { asInt, asObject, at, objectsOf } from '../grammar/json';
import { AuditContext, containersOf, hpaRange, Manifest, objectRef, pdbPolicy, pdbPolicyProblems, preStopsOf, terminationGraceOf, Workload } from './model';
import { formatTable } from './text-table';
import { rollingUpdateOf } from './rules/rollout';
import { clusterSize, databasePlanNote } from './rules/database';

/** What a rollout of one workload needs from the cluster and how long it takes at least. */
export interface RolloutPlan {
  /** `Kind namespace/name`. */
  readonly object: string;
  /** Fixed replicas, or the HPA's range. */
  readonly replicas: { readonly min: number; readonly max: number; readonly autoscaled: boolean };
  /** Pods at the peak of a rollout, at the minimum replica count, as the controller counts them (Terminating pods not counted). */
  readonly peakPods: number;
  /**
   * Pods at the peak with the old pods still draining (preStop and shutdown) counted too: what the nodes
   * must hold. A RollingUpdate Deployment starts new pods while old ones drain; Recreate and StatefulSets
   * wait for them to be gone.
   */
  readonly peakPodsWithTerminating: number;
  /** Ready pods the rollout never goes below. */
  readonly minReadyPods: number;
  /** CPU (millicores) and memory (bytes) the cluster must have free for the surge pods. */
  readonly surgeCpuMillicores: number;
  readonly surgeMemoryBytes: number;
  /** Whether the containers have a preStop hook at all. */
  readonly hasPreStop: boolean;
  /** Seconds an old pod keeps serving after it is marked Terminating (preStop), when the hook says. */
  readonly preStopSeconds?: number;
  /** Seconds from Terminating to SIGKILL at the latest. */
  readonly terminationGracePeriodSeconds: number;
  /** A lower bound on the rollout's duration from probe timings, minReadySeconds and batch size. */
  readonly rolloutSecondsAtLeast: number;
  /** Evictions a node drain may make at once under the PDB (undefined without one). */
  readonly pdbAllowedDisruptions?: number;
  readonly qosClass: string;
  /** What a restart costs when the workload is a database tier (see rules/database.ts). */
  readonly note?: string;
}

function timingsOf(value: unknown): ProbeTimings | undefined {
  const probe = asObject(value);
  return probe && { initialDelaySeconds: asInt(probe.initialDelaySeconds) ?? 0, periodSeconds: asInt(probe.periodSeconds) ?? 10,
    successThreshold: asInt(probe.successThreshold) ?? 1 };
}

/** How the workload kind replaces pods: a Deployment per its strategy, a StatefulSet one pod at a time. */
function arithmeticOf(w: Workload): { arithmetic: RolloutArithmetic; rolling: boolean } {
  const ru = rollingUpdateOf(w);
  const rolling = ru && rolloutArithmeticIfWellFormed({ replicas: w.replicas, ...ru });
  if (rolling) return { arithmetic: rolling, rolling: true };
  const recreate = w.kind === 'Deployment';
  const minReadyPods = recreate ? 0 : Math.max(0, w.replicas - 1);
  return { arithmetic: { surge: 0, unavailable: recreate ? w.replicas : 1, peakPods: w.replicas, minReadyPods, waves: recreate ? 1 : w.replicas }, rolling: false };
}

function planOf(w: Workload): RolloutPlan {
  const withData = containersOf(w);
  const containers = withData.map((c) => c.container);
  const { arithmetic, rolling } = arithmeticOf(w);
  const request = (r: 'cpu' | 'memory', parse: (q: string | number) => number | undefined) => withData.reduce((sum, c) => {
    const { requests, limits } = c.resources;
    return sum + (parse(requests[r] ?? limits[r] ?? '0') ?? 0);
  }, 0);
  const ready = Math.max(0, ...containers.map((c) => secondsToReady(timingsOf(c.readinessProbe), timingsOf(c.startupProbe))));
  const preStops = preStopsOf(w).map((p) => p.seconds);
  const wellFormed = w.pdbs.find((p) => pdbPolicyProblems(p).length === 0);
  const pdb = wellFormed && pdbPolicy(wellFormed);
  const minReadySeconds = asInt(at(w.manifest, 'spec', 'minReadySeconds')) ?? 0;
  const grace = terminationGraceOf(w);
  return {
    object: objectRef(w.manifest),
    replicas: { min: w.replicas, max: (w.hpa && hpaRange(w.hpa).max) ?? w.replicas, autoscaled: !!w.hpa },
    peakPods: arithmetic.peakPods,
    peakPodsWithTerminating: rolling ? peakPodsWithTerminating(arithmetic, w.replicas, ready + minReadySeconds, grace) : arithmetic.peakPods,
    minReadyPods: arithmetic.minReadyPods,
    surgeCpuMillicores: arithmetic.surge * request('cpu', cpuMillicores),
    surgeMemoryBytes: arithmetic.surge * request('memory', memoryBytes),
    hasPreStop: containers.some((c) => at(c, 'lifecycle', 'preStop') !== undefined),
    preStopSeconds: preStops.length > 0 ? Math.max(...preStops) : undefined,
    terminationGracePeriodSeconds: grace,
    rolloutSecondsAtLeast: rolloutSecondsLowerBound(arithmetic.waves, ready, minReadySeconds),
    pdbAllowedDisruptions: pdb ? allowedDisruptions(pdb, w.replicas) : undefined,
    qosClass: qosClassOf(withData.map((c) => c.resources)),
    note: databasePlanNote(w),
  };
}

/** The rollout plan of every Deployment and StatefulSet in the set (pass the AuditContext to index the objects only once). */
export function rolloutPlans(manifests: readonly Manifest[] | AuditContext): RolloutPlan[] {
  const ctx = manifests instanceof AuditContext ? manifests : new AuditContext(manifests);
  return [...ctx.workloads.filter((w) => w.replicated).map(planOf), ...innoDbClusterPlans(ctx.manifests)];
}

/** The plans as a compact table. */
export function formatRolloutPlans(plans: readonly RolloutPlan[]): string {
  const rows = plans.map((p) => [
    p.object,
    p.replicas.autoscaled ? `${p.replicas.min}-${p.replicas.max} (HPA)` : String(p.replicas.min),
    p.peakPodsWithTerminating > p.peakPods ? `${p.peakPods}, ${p.peakPodsWithTerminating} with draining` : String(p.peakPods),
    String(p.minReadyPods),
    `${formatMillicores(p.surgeCpuMillicores)} / ${formatBytes(p.surgeMemoryBytes)}`,
    p.preStopSeconds !== undefined ? `${p.preStopSeconds}s + ${p.terminationGracePeriodSeconds - p.preStopSeconds}s`
      : `${p.hasPreStop ? '? (hook)' : 'no preStop'} / ${p.terminationGracePeriodSeconds}s`,
    `>= ${p.rolloutSecondsAtLeast}s`,
    p.pdbAllowedDisruptions === undefined ? 'no PDB' : String(p.pdbAllowedDisruptions),
    p.qosClass,
  ]);
  const notes = plans.filter((p) => p.note).map((p) => `${p.object}: ${p.note}`);
  return [formatTable(['WORKLOAD', 'REPLICAS', 'PEAK PODS', 'MIN READY', 'SURGE CPU / MEM', 'DRAIN (PRESTOP + REST)', 'ROLLOUT', 'PDB ALLOWS', 'QOS'], rows), ...notes].join('\n');
}

/** When and how a Job or CronJob runs: install and upgrade steps, and scheduled work, beside the rollouts. */
export interface JobPlan {
  /** `Kind namespace/name`. */
  readonly object: string;
  /** When it runs: on apply, as an Argo CD hook (phase and wave), or on a schedule. */
  readonly runs: string;
  /** The main container's image. */
  readonly image: string;
  /** Seconds before the Job is stopped, when bounded. */
  readonly activeDeadlineSeconds?: number;
  /** Retries of a failed pod. */
  readonly backoffLimit: number;
}

/** The plan of every Job and CronJob in the set, in order. */
export function jobPlans(manifests: readonly Manifest[]): JobPlan[] {
  return manifests.filter((m) => m.kind === 'Job' || m.kind === 'CronJob').map((m) => {
    const job = m.kind === 'CronJob' ? m.spec?.jobTemplate?.spec ?? {} : m.spec ?? {};
    const hook = m.metadata?.annotations?.['argocd.argoproj.io/hook'];
    const wave = m.metadata?.annotations?.['argocd.argoproj.io/sync-wave'] ?? '0';
    const runs = m.kind === 'CronJob'
      ? `schedule '${m.spec?.schedule}'${m.spec?.concurrencyPolicy ? `, ${m.spec.concurrencyPolicy}` : ''}`
      : hook ? `on apply; Argo CD ${hook} hook, wave ${wave}` : 'on apply';
    return {
      object: objectRef(m), runs, image: job.template?.spec?.containers?.[0]?.image ?? '?',
      activeDeadlineSeconds: job.activeDeadlineSeconds, backoffLimit: job.backoffLimit ?? 6,
    };
  });
}

/** The Job plans as a compact table (empty text when there are none). */
export function formatJobPlans(plans: readonly JobPlan[]): string {
  if (plans.length === 0) return '';
  return formatTable(['JOB', 'RUNS', 'IMAGE', 'DEADLINE', 'RETRIES'], plans.map((p) => [
    p.object, p.runs, p.image, p.activeDeadlineSeconds === undefined ? 'none' : `${p.activeDeadlineSeconds}s`, String(p.backoffLimit),
  ]));
}

/**
 * Rollout-plan rows for InnoDB Clusters: the operator replaces one server at a time (a StatefulSet with
 * its PodDisruptionBudget of maxUnavailable 1 and a 120 s grace period, per mysql-operator 2.2.2), and the
 * primary fails over to another member.
 */
export function innoDbClusterPlans(manifests: readonly Manifest[]): RolloutPlan[] {
  return manifests.filter((m) => m.kind === 'InnoDBCluster').map((m) => {
    const { instances, routers } = clusterSize(m);
    const podSpec = at(m, 'spec', 'podSpec');
    const resources = [...objectsOf(at(podSpec, 'containers')), ...objectsOf(at(podSpec, 'initContainers'))].map(({ item: c }) => asObject(c.resources) ?? {});
    return {
      object: objectRef(m),
      replicas: { min: instances, max: instances, autoscaled: false },
      peakPods: instances,
      peakPodsWithTerminating: instances,
      minReadyPods: Math.max(0, instances - 1),
      surgeCpuMillicores: 0,
      surgeMemoryBytes: 0,
      hasPreStop: false,
      terminationGracePeriodSeconds: 120,
      rolloutSecondsAtLeast: 0,
      pdbAllowedDisruptions: allowedDisruptions({ maxUnavailable: 1 }, instances),
      qosClass: resources.length > 0 ? qosClassOf(resources) : 'BestEffort',
      note: `${instances} Group Replication member${instances === 1 ? '' : 's'} behind ${routers} router${routers === 1 ? '' : 's'}: `
        + (instances >= 3 ? 'the operator restarts one server at a time and the primary fails over' : 'no majority survives the loss of a member'),
    };
  });
}
