import { Finding } from '../grammar/finding';

/** The seconds a pod's shutdown takes, as declared in its spec. */
export interface ShutdownTimings {
  /** How long the preStop hook keeps the container serving after the pod is marked Terminating. */
  readonly preStopSeconds: number;
  /** The kubelet's deadline, counted from the start of preStop, after which it sends SIGKILL. */
  readonly terminationGracePeriodSeconds: number;
  /** Seconds the application needs after SIGTERM to finish in-flight requests and exit. */
  readonly shutdownBudgetSeconds: number;
}

/**
 * What makes this shutdown drop requests. The grace period covers preStop and the time after SIGTERM,
 * so it must exceed the preStop sleep by at least the application's shutdown budget.
 */
export function shutdownProblems(timings: ShutdownTimings): Finding[] {
  const { preStopSeconds, terminationGracePeriodSeconds: grace, shutdownBudgetSeconds } = timings;
  if (preStopSeconds >= grace) {
    return [{
      field: 'terminationGracePeriodSeconds',
      problem: `terminationGracePeriodSeconds ${grace} is not above the preStop sleep of ${preStopSeconds}s: the kubelet ` +
        `sends SIGKILL ${preStopSeconds === grace ? 'the moment the sleep ends' : 'before the sleep ends'}, so in-flight requests are cut off`,
      fix: `set terminationGracePeriodSeconds to at least ${preStopSeconds + Math.max(1, shutdownBudgetSeconds)} (preStop + shutdown budget)`,
    }];
  }
  if (grace < preStopSeconds + shutdownBudgetSeconds) {
    return [{
      field: 'terminationGracePeriodSeconds',
      problem: `terminationGracePeriodSeconds ${grace} leaves ${grace - preStopSeconds}s after the ${preStopSeconds}s preStop sleep, ` +
        `less than the ${shutdownBudgetSeconds}s shutdown budget`,
      fix: `set terminationGracePeriodSeconds to at least ${preStopSeconds + shutdownBudgetSeconds}`,
    }];
  }
  return [];
}

/** Seconds an application gets after SIGTERM to finish in-flight requests, unless told otherwise. */
export const DEFAULT_SHUTDOWN_BUDGET_SECONDS = 10;

/** Seconds kube-proxy, the ingress and cloud load balancers need to stop sending to a Terminating pod. */
export const DEFAULT_ENDPOINT_PROPAGATION_SECONDS = 5;

/** Why a preStop delay is too short for endpoint removal to reach every load balancer, or undefined. */
export function endpointPropagationProblem(preStopSeconds: number, propagationSeconds = DEFAULT_ENDPOINT_PROPAGATION_SECONDS): string | undefined {
  return preStopSeconds < propagationSeconds
    ? `the preStop delay of ${preStopSeconds}s is shorter than the ${propagationSeconds}s that endpoint removal takes to reach kube-proxy and the ingress, so requests ` +
      `still arrive after SIGTERM`
    : undefined;
}
