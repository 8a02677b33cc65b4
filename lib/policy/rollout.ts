import { Finding } from '../grammar/finding';
import { IntOrPercent, intOrPercentProblem, scaleIntOrPercent } from '../grammar/int-or-percent';

/** A Deployment's RollingUpdate settings against a replica count. */
export interface RollingUpdateInput {
  /** Desired replicas (for an autoscaled Deployment, the HPA's minReplicas: the worst case). */
  readonly replicas: number;
  readonly maxSurge: IntOrPercent;
  readonly maxUnavailable: IntOrPercent;
}

/** What a rolling update does with the pods, in whole pods. */
export interface RolloutArithmetic {
  /** Extra pods the controller may create above `replicas`. */
  readonly surge: number;
  /** Pods that may be unavailable below `replicas`. */
  readonly unavailable: number;
  /** Pods that exist at the peak of the rollout (old and new). */
  readonly peakPods: number;
  /** Ready pods the rollout never goes below. */
  readonly minReadyPods: number;
  /** Waves of replacement: pods are replaced `surge + unavailable` at a time. */
  readonly waves: number;
}

/**
 * The Deployment controller's fence posts: maxSurge rounds up, maxUnavailable rounds down, and when both
 * come to 0 the controller silently uses maxUnavailable 1 (deployment/util ResolveFenceposts).
 */
export function rolloutArithmetic(input: RollingUpdateInput): RolloutArithmetic {
  const surge = scaleIntOrPercent(input.maxSurge, input.replicas, true);
  let unavailable = scaleIntOrPercent(input.maxUnavailable, input.replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  const batch = surge + unavailable;
  return {
    surge,
    unavailable,
    peakPods: input.replicas + surge,
    minReadyPods: Math.max(0, input.replicas - unavailable),
    waves: input.replicas === 0 ? 0 : Math.ceil(input.replicas / batch),
  };
}

/** The arithmetic, or undefined when maxSurge or maxUnavailable is not a count or percentage. */
export function rolloutArithmeticIfWellFormed(input: RollingUpdateInput): RolloutArithmetic | undefined {
  return intOrPercentProblem(input.maxSurge, false) || intOrPercentProblem(input.maxUnavailable) ? undefined : rolloutArithmetic(input);
}

/** What keeps this rolling update from replacing pods without losing capacity or hanging. */
export function rollingUpdateProblems(input: RollingUpdateInput): Finding[] {
  const problems: Finding[] = [];
  for (const field of ['maxSurge', 'maxUnavailable'] as const) {
    // The API server caps only maxUnavailable at 100% (apps validation ValidateRollingUpdateDeployment).
    const problem = intOrPercentProblem(input[field], field === 'maxUnavailable');
    if (problem) problems.push({ field, problem: `${JSON.stringify(input[field])} ${problem}`, fix: `use a whole number such as 1 or a percentage such as '25%'` });
  }
  if (problems.length > 0) return problems;
  const surge = scaleIntOrPercent(input.maxSurge, input.replicas, true);
  const unavailable = scaleIntOrPercent(input.maxUnavailable, input.replicas, false);
  if (surge === 0 && unavailable === 0) {
    problems.push({
      field: 'maxSurge',
      problem: `maxSurge ${JSON.stringify(input.maxSurge)} and maxUnavailable ${JSON.stringify(input.maxUnavailable)} both come to 0 pods at ${input.replicas} replicas: ` +
        `the API server rejects it, or (for percentages) the controller quietly takes a pod down`,
      fix: 'set maxSurge to 1 so that a new pod is ready before an old one stops',
    });
  }
  if (unavailable >= input.replicas && input.replicas > 1) {
    problems.push({
      field: 'maxUnavailable',
      problem: `maxUnavailable ${JSON.stringify(input.maxUnavailable)} allows all ${input.replicas} replicas down at once: the service goes dark during the rollout`,
      fix: 'set maxUnavailable to 0 and let maxSurge bring the new pods up first',
    });
  }
  return problems;
}

/** Probe timings that bound how fast a new pod can become Ready. */
export interface ProbeTimings {
  readonly initialDelaySeconds: number;
  readonly periodSeconds: number;
  readonly successThreshold: number;
}

/**
 * The fewest seconds from container start to Ready: the readiness probe first runs after its own delay
 * and after the startup probe's first success, and must then pass successThreshold times.
 */
export function secondsToReady(readiness: ProbeTimings | undefined, startup: ProbeTimings | undefined): number {
  const firstReadiness = Math.max(readiness?.initialDelaySeconds ?? 0, startup?.initialDelaySeconds ?? 0);
  const repeats = readiness ? (readiness.successThreshold - 1) * readiness.periodSeconds : 0;
  return firstReadiness + repeats;
}

/**
 * The most pods a rolling update has at once when Terminating pods are counted too. The controller counts
 * only pods that are not Terminating against maxSurge, but an old pod holds its node's resources until it
 * is gone: through its preStop and shutdown, up to the grace period. Old pods stopped in later waves
 * overlap with earlier ones still draining: at most `batch x (grace / secondsPerWave + 1)` of them, and
 * never more than the replicas. New pods never exceed the replicas, so the total is at most
 * `replicas + min(replicas, surge + draining)`. Measured on the real cluster (docs/rollout-lab.md): 3
 * replicas, maxSurge 1, preStop 20 s, 5 s waves peak at 6 pods, not 4.
 */
export function peakPodsWithTerminating(arithmetic: RolloutArithmetic, replicas: number, secondsPerWave: number, gracePeriodSeconds: number): number {
  const batch = arithmetic.surge + arithmetic.unavailable;
  const draining = secondsPerWave <= 0 ? replicas : Math.min(replicas, batch * (Math.floor(gracePeriodSeconds / secondsPerWave) + 1));
  return replicas + Math.min(replicas, arithmetic.surge + draining);
}

/**
 * A lower bound on a rollout's duration: each wave waits for its pods to be Ready and then available
 * for minReadySeconds. Image pulls, scheduling and slow probes only add to it.
 */
export function rolloutSecondsLowerBound(waves: number, secondsToReadyPerPod: number, minReadySeconds: number): number {
  return waves * (secondsToReadyPerPod + minReadySeconds);
}
