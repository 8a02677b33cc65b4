/** Timing fields of a startup probe, as in a manifest (Kubernetes defaults when absent). */
export interface StartupProbeTimings {
  readonly initialDelaySeconds?: number;
  readonly periodSeconds?: number;
  readonly failureThreshold?: number;
}

/** The longest a startup probe lets a container start before the kubelet restarts it. */
export function startupBudgetSeconds(probe: StartupProbeTimings | undefined): number | undefined {
  if (!probe) return undefined;
  return (probe.initialDelaySeconds ?? 0) + (probe.periodSeconds ?? 10) * (probe.failureThreshold ?? 3);
}

/**
 * What restarting a single-instance database costs, in words: there is no replica to fail over to, so
 * every client fails for the grace period (InnoDB flushing), the volume's detach and attach when the pod
 * moves, and the server's startup (crash recovery after a kill).
 */
export function singleInstanceRestartCost(graceSeconds: number, startup: StartupProbeTimings | undefined): string {
  const budget = startupBudgetSeconds(startup);
  return `single instance, no replica to fail over to: a restart, drain or upgrade is an outage of up to ${graceSeconds}s grace`
    + ' + volume detach/attach when the pod moves'
    + ` + startup${budget === undefined ? '' : ` (up to ${budget}s by its startup probe)`}`;
}
