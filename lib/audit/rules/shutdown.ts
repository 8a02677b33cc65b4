import { rolloutArithmeticIfWellFormed } from '../../policy/rollout';
import { endpointPropagationProblem, shutdownProblems } from '../../policy/shutdown';
import { at } from '../../grammar/json';
import { ContainerAt, containerName, containersOf, isServed, preStopsOf, terminationGraceOf, Workload } from '../model';
import { Rule, RuleHit } from '../rule';
import { rollingUpdateOf } from './rollout';

/**
 * True when another pod takes the traffic while one terminates: 2 or more replicas, or a rolling update
 * that starts the new pod first. Otherwise (one pod replaced in place) a preStop delay only delays the gap.
 */
function handsOver(w: Workload): boolean {
  if (w.replicas >= 2) return true;
  const ru = rollingUpdateOf(w);
  return ((ru && rolloutArithmeticIfWellFormed({ replicas: w.replicas, ...ru })?.surge) ?? 0) > 0;
}

/** The containers that take traffic in a served workload: those that declare ports (all of them when the workload is declared served without ports). */
function servingContainers(w: Workload): ContainerAt[] {
  if (!isServed(w)) return [];
  const containers = containersOf(w);
  const withPorts = containers.filter((c) => c.ports.length > 0);
  return withPorts.length > 0 ? withPorts : containers;
}

/** True when a Service that spreads requests over the pods selects them: one that is not headless (clusterIP: None). */
function loadBalanced(w: Workload): boolean {
  return w.services.some((s) => at(s, 'spec', 'clusterIP') !== 'None');
}

/**
 * How a missing preStop is reported, or undefined when it is not: per-pod shards (a StatefulSet whose
 * pods are reached one by one through a headless Service) have no load-balanced endpoint to leave, so a
 * preStop delay protects nothing there; a StatefulSet without any Service in the input may be one, so
 * it is a warning.
 */
function preStopVerdict(w: Workload): 'error' | 'warning' | undefined {
  if (w.kind !== 'StatefulSet' || loadBalanced(w)) return 'error';
  return w.services.length === 0 ? 'warning' : undefined;
}

/** Rules that keep a Terminating pod serving until no traffic reaches it, then let it exit cleanly. */
export const shutdownRules: Rule[] = [
  {
    id: 'prestop-missing',
    severity: 'error',
    summary: 'A served container without a preStop hook gets SIGTERM while kube-proxy and the ingress still route to it.',
    fix: 'add lifecycle.preStop that sleeps about 20 s, and a grace period above it',
    warningWhen: 'for a StatefulSet that no Service of the input selects; none for per-pod shards, which only headless Services select',
    check: (ctx) => ctx.workloads.filter((w) => handsOver(w) && preStopVerdict(w)).flatMap((w) => servingContainers(w)
      .filter(({ container }) => at(container, 'lifecycle', 'preStop') === undefined)
      .map((c): RuleHit => ({
        manifest: w.manifest, field: `${c.path}.lifecycle.preStop`, severity: preStopVerdict(w) === 'warning' ? 'warning' : undefined,
        message: `container "${containerName(c)}" has no preStop hook: requests routed to it before endpoint removal propagates are lost (502 / code -1)`,
        fix: 'add lifecycle.preStop that sleeps about 20 s (exec sleep, or the native sleep action on Kubernetes >= 1.30)',
      }))),
  },
  {
    id: 'prestop-not-below-grace',
    severity: 'error',
    summary: 'A preStop sleep as long as the grace period ends in SIGKILL, cutting in-flight requests.',
    fix: 'set terminationGracePeriodSeconds to the preStop sleep plus the shutdown budget',
    check: (ctx) => ctx.workloads.flatMap((w) => preStopsOf(w).flatMap(({ seconds }) => {
      const grace = terminationGraceOf(w);
      return seconds >= grace ? shutdownProblems({ preStopSeconds: seconds, terminationGracePeriodSeconds: grace, shutdownBudgetSeconds: 0 })
        .map((f): RuleHit => ({ manifest: w.manifest, field: 'spec.template.spec.terminationGracePeriodSeconds', message: f.problem, fix: f.fix })) : [];
    })),
  },
  {
    id: 'grace-below-shutdown-budget',
    severity: 'warning',
    summary: 'The grace period should cover the preStop delay plus the time the application needs after SIGTERM.',
    fix: "raise terminationGracePeriodSeconds to the preStop sleep plus the application's shutdown time",
    check: (ctx, options) => ctx.workloads.flatMap((w) => preStopsOf(w).flatMap(({ seconds }) => {
      const grace = terminationGraceOf(w);
      return seconds < grace ? shutdownProblems({ preStopSeconds: seconds, terminationGracePeriodSeconds: grace, shutdownBudgetSeconds: options.shutdownBudgetSeconds })
        .map((f): RuleHit => ({ manifest: w.manifest, field: 'spec.template.spec.terminationGracePeriodSeconds', message: f.problem, fix: f.fix })) : [];
    })),
  },
  {
    id: 'prestop-shorter-than-propagation',
    severity: 'warning',
    summary: 'A preStop delay shorter than endpoint propagation still lets requests arrive after SIGTERM.',
    fix: 'sleep at least the endpoint propagation time in preStop (20 s is a safe default)',
    check: (ctx, options) => ctx.workloads.filter((w) => isServed(w) && handsOver(w)).flatMap((w) => preStopsOf(w).flatMap(({ seconds, path }) => {
      const problem = endpointPropagationProblem(seconds, options.endpointPropagationSeconds);
      return problem ? [{ manifest: w.manifest, field: path, message: problem,
        fix: `sleep at least ${options.endpointPropagationSeconds} s in preStop (20 s is a safe default)` }] : [];
    })),
  },
  {
    id: 'rolling-update-without-readiness',
    severity: 'error',
    summary: 'Without a readiness probe a rolling update sends traffic to pods that cannot serve yet.',
    fix: 'add a readinessProbe on the serving port or a health endpoint',
    // A container is not Ready until its startupProbe passes, so a startupProbe gates a new pod's first
    // traffic and the rollout's progress; after that, without a readiness probe, the pod stays Ready
    // whatever happens. That remainder is policy: a warning.
    warningWhen: 'when a startupProbe holds new pods back until they have started',
    check: (ctx) => ctx.workloads.flatMap((w) => servingContainers(w)
      .filter(({ container }) => at(container, 'readinessProbe') === undefined)
      .map((c): RuleHit => (at(c.container, 'startupProbe') === undefined ? {
        manifest: w.manifest, field: `${c.path}.readinessProbe`,
        message: `container "${containerName(c)}" has no readiness probe: new pods get traffic as soon as they start, and the rollout cannot tell a broken version`,
        fix: 'add a readinessProbe (httpGet on a health endpoint, or tcpSocket on the serving port)',
      } : {
        manifest: w.manifest, field: `${c.path}.readinessProbe`, severity: 'warning',
        message: `container "${containerName(c)}" has a startupProbe but no readiness probe: new pods get traffic once they have started, but a pod that ` +
          'stops serving later (overload, a lost dependency) stays in the Service until liveness restarts it',
        fix: 'add a readinessProbe on a health endpoint that fails when the pod cannot serve',
      }))),
  },
];
