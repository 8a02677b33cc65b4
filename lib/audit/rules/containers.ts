import { imagePinProblem } from '../../policy/image';
import { probeProblems, sameProbe } from '../../policy/probes';
import { qosClassOf } from '../../policy/qos';
import { isCredentialName } from '../../policy/secrets';
import { QOS_CLASS_ANNOTATION } from '../annotations';
import { ContainerAt, containersOf, declaredPorts, Workload } from '../model';
import { Rule, RuleHit } from '../rule';

const PROBES = ['startupProbe', 'readinessProbe', 'livenessProbe'] as const;

/** Applies `check` to every container of every workload. */
function eachContainer(workloads: Workload[], check: (w: Workload, c: ContainerAt) => RuleHit[]): RuleHit[] {
  return workloads.flatMap((w) => containersOf(w).flatMap((c) => check(w, c)));
}

/** Probe findings of each container, split by whether they concern the port. */
function probeHits(workloads: Workload[], portFindings: boolean): RuleHit[] {
  return eachContainer(workloads, (w, { container, path }) => PROBES.flatMap((probe) => {
    if (!container[probe]) return [];
    const kind = probe.replace('Probe', '') as 'startup' | 'readiness' | 'liveness';
    return probeProblems(kind, container[probe], declaredPorts(container))
      .filter((f) => f.field.endsWith('.port') === portFindings)
      .map((f) => ({ manifest: w.manifest, field: `${path}.${probe}.${f.field}`, message: f.problem, fix: f.fix }));
  }));
}

/** Rules on each container: resources, QoS, image, probes, credentials. */
export const containerRules: Rule[] = [
  {
    id: 'requests-missing',
    severity: 'error',
    summary: 'Without cpu and memory requests the scheduler cannot reserve room for pods or their surge, and an HPA cannot compute utilization.',
    check: (ctx) => eachContainer(ctx.workloads, (w, { container, path }) => (['cpu', 'memory'] as const)
      .filter((r) => container.resources?.requests?.[r] === undefined && container.resources?.limits?.[r] === undefined)
      .map((r) => ({ manifest: w.manifest, field: `${path}.resources.requests.${r}`, message: `container "${container.name}" has no ${r} request`, fix: `set resources.requests.${r} (and a limit)` }))),
  },
  {
    id: 'limits-missing',
    severity: 'warning',
    summary: 'Without limits a container can take a node\'s memory, and its pod is not Guaranteed.',
    check: (ctx) => eachContainer(ctx.workloads, (w, { container, path }) => (['cpu', 'memory'] as const)
      .filter((r) => container.resources?.limits?.[r] === undefined)
      .map((r) => ({ manifest: w.manifest, field: `${path}.resources.limits.${r}`, message: `container "${container.name}" has no ${r} limit`, fix: `set resources.limits.${r} equal to the request for Guaranteed QoS` }))),
  },
  {
    id: 'qos-mismatch',
    severity: 'error',
    summary: 'A workload that declares its QoS class must have the resources that produce it.',
    check: (ctx) => ctx.workloads.flatMap((w) => {
      const declared = w.manifest.metadata?.annotations?.[QOS_CLASS_ANNOTATION];
      const actual = qosClassOf(containersOf(w).map(({ container }) => container.resources ?? {}));
      return declared && declared !== actual ? [{
        manifest: w.manifest, field: 'spec.template.spec.containers[*].resources',
        message: `declares QoS ${declared} (${QOS_CLASS_ANNOTATION}) but its resources make it ${actual}`,
        fix: declared === 'Guaranteed' ? 'set every container\'s cpu and memory limits equal to its requests' : `change the annotation to ${actual}`,
      }] : [];
    }),
  },
  {
    id: 'image-not-pinned',
    severity: 'error',
    summary: 'An untagged or :latest image makes rollouts and rollbacks run unknown builds.',
    check: (ctx) => eachContainer(ctx.workloads, (w, { container, path }) => {
      const problem = imagePinProblem(container.image ?? '');
      return problem ? [{ manifest: w.manifest, field: `${path}.image`, message: `image "${container.image}" ${problem}`, fix: 'pin a version tag or a digest' }] : [];
    }),
  },
  {
    id: 'probe-port-undeclared',
    severity: 'error',
    summary: 'A probe on a port the container does not declare never passes (or checks the wrong thing).',
    check: (ctx) => probeHits(ctx.workloads, true),
  },
  {
    id: 'probe-invalid',
    severity: 'error',
    summary: 'Probe timings must be whole numbers in range, and startup and liveness probes need successThreshold 1.',
    check: (ctx) => probeHits(ctx.workloads, false),
  },
  {
    id: 'liveness-equals-readiness',
    severity: 'error',
    summary: 'A liveness probe identical to the readiness probe restarts pods exactly when they are overloaded.',
    check: (ctx) => eachContainer(ctx.workloads, (w, { container, path }) => (container.livenessProbe && container.readinessProbe && sameProbe(container.livenessProbe, container.readinessProbe) ? [{
      manifest: w.manifest, field: `${path}.livenessProbe`,
      message: `container "${container.name}" has a liveness probe identical to its readiness probe: under load the pods leave the Service and restart at the same moment, and the restarts cascade`,
      fix: 'drop the liveness probe, or give it a cheaper check and a higher failureThreshold',
    }] : [])),
  },
  {
    id: 'literal-secret-env',
    severity: 'error',
    summary: 'A credential written as a literal env value ends up in Git with the rendered YAML.',
    check: (ctx) => eachContainer(ctx.workloads, (w, { container, path }) => (container.env ?? []).flatMap((e: any, i: number) => (e.value !== undefined && isCredentialName(e.name) ? [{
      manifest: w.manifest, field: `${path}.env[${i}]`,
      message: `env ${e.name} of container "${container.name}" is a literal credential`,
      fix: 'use valueFrom.secretKeyRef to a Secret created outside Git',
    }] : []))),
  },
];
