import { imagePinProblem } from '../../policy/image';
import { ProbeSpec, probeProblems, sameProbe } from '../../policy/probes';
import { qosClassOf } from '../../policy/qos';
import { isCredentialName } from '../../policy/secrets';
import { QOS_CLASS_ANNOTATION } from '../annotations';
import { asObject, asPort, asString, objectsOf } from '../../grammar/json';
import { annotationsOf, ContainerAt, containerName, containersOf, Workload } from '../model';
import { Rule, RuleHit } from '../rule';

const PROBES = ['startupProbe', 'readinessProbe', 'livenessProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

/** Applies `check` to every container of every workload. */
function eachContainer(workloads: Workload[], check: (w: Workload, c: ContainerAt) => RuleHit[]): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const w of workloads) {
    for (const c of containersOf(w)) hits.push(...check(w, c));
  }
  return hits;
}

/** A probe with its port read type-safely (a port of the wrong type reads as absent); timings pass through, the probe checks validate them. */
function probeOf(value: unknown): ProbeSpec | undefined {
  const probe = asObject(value);
  if (!probe) return undefined;
  const clean: Record<string, unknown> = { ...probe };
  for (const handler of HANDLERS) {
    const h = asObject(probe[handler]);
    if (h) clean[handler] = { ...h, port: asPort(h.port) };
    else delete clean[handler];
  }
  return clean as ProbeSpec;
}

/** Every probe finding of a container, computed once for the two probe rules; `named` is set for a finding on a named port. */
const probeFindings = new WeakMap<object, Array<{ field: string; problem: string; fix: string; port: boolean; named: boolean }>>();
function probeFindingsOf({ container, ports }: ContainerAt) {
  let found = probeFindings.get(container);
  if (!found) {
    found = PROBES.flatMap((probe) => {
      const spec = probeOf(container[probe]);
      if (!spec) return [];
      const kind = probe.replace('Probe', '') as 'startup' | 'readiness' | 'liveness';
      const named = HANDLERS.some((h) => typeof (spec[h] as { port?: unknown } | undefined)?.port === 'string');
      return probeProblems(kind, spec, ports).map((f) => ({ ...f, field: `${probe}.${f.field}`, port: f.field.endsWith('.port'), named }));
    });
    probeFindings.set(container, found);
  }
  return found;
}

/**
 * Probe findings of each container, split by whether they concern the port. Only a named port must be
 * declared: the kubelet probes any port number, declared or not.
 */
function probeHits(workloads: Workload[], portFindings: boolean): RuleHit[] {
  return eachContainer(workloads, (w, c) => probeFindingsOf(c)
    .filter((f) => f.port === portFindings && (!portFindings || f.named))
    .map((f) => ({ manifest: w.manifest, field: `${c.path}.${f.field}`, message: f.problem, fix: f.fix })));
}

/**
 * Env names that match the credential pattern but hold a switch or a file path, not a secret:
 * MYSQL_ALLOW_EMPTY_PASSWORD, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD, MYSQL_RANDOM_ROOT_PASSWORD, POSTGRES_PASSWORD_FILE, ….
 */
const NOT_A_CREDENTIAL = /(_ALLOW_EMPTY_(ROOT_)?PASSWORD|_RANDOM_ROOT_PASSWORD|_ONETIME_PASSWORD|_FILE|_PATH|_DIR)$/i;

/** True when an env entry carries a credential literally. */
function isLiteralCredential(name: string | undefined, value: unknown): boolean {
  return name !== undefined && value !== undefined && value !== '' && isCredentialName(name) && !NOT_A_CREDENTIAL.test(name);
}

/** Rules on each container: resources, QoS, image, probes, credentials. */
export const containerRules: Rule[] = [
  {
    id: 'requests-missing',
    severity: 'error',
    summary: 'Without cpu and memory requests the scheduler cannot reserve room for pods or their surge, and an HPA cannot compute utilization.',
    fix: 'set cpu and memory requests on every container',
    check: (ctx) => eachContainer(ctx.workloads, (w, c) => {
      const { requests, limits } = c.resources;
      return (['cpu', 'memory'] as const).filter((r) => requests[r] === undefined && limits[r] === undefined)
        .map((r) => ({ manifest: w.manifest, field: `${c.path}.resources.requests.${r}`, message: `container "${containerName(c)}" has no ${r} request`,
          fix: `set resources.requests.${r} (and a limit)` }));
    }),
  },
  {
    id: 'limits-missing',
    severity: 'warning',
    summary: 'Without limits a container can take a node\'s memory, and its pod is not Guaranteed.',
    fix: 'set cpu and memory limits equal to the requests',
    check: (ctx) => eachContainer(ctx.workloads, (w, c) => {
      const { limits } = c.resources;
      return (['cpu', 'memory'] as const).filter((r) => limits[r] === undefined)
        .map((r) => ({ manifest: w.manifest, field: `${c.path}.resources.limits.${r}`, message: `container "${containerName(c)}" has no ${r} limit`,
          fix: `set resources.limits.${r} equal to the request for Guaranteed QoS` }));
    }),
  },
  {
    id: 'qos-mismatch',
    severity: 'error',
    summary: 'A workload that declares its QoS class must have the resources that produce it.',
    fix: 'make the resources match the declared QoS class, or change the annotation',
    check: (ctx) => ctx.workloads.flatMap((w) => {
      const declared = annotationsOf(w.manifest)[QOS_CLASS_ANNOTATION];
      if (!declared) return [];
      const actual = qosClassOf(containersOf(w).map((c) => c.resources));
      return declared !== actual ? [{
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
    fix: 'pin a version tag or a digest',
    check: (ctx) => eachContainer(ctx.workloads, (w, { container, path }) => {
      const image = asString(container.image);
      const problem = image === undefined ? undefined : imagePinProblem(image);
      return problem ? [{ manifest: w.manifest, field: `${path}.image`, message: `image "${image}" ${problem}`, fix: 'pin a version tag or a digest' }] : [];
    }),
  },
  {
    id: 'probe-port-undeclared',
    severity: 'error',
    summary: 'A probe on a named port the container does not declare never passes.',
    fix: 'declare the named port on the container, or probe a declared name or a number',
    check: (ctx) => probeHits(ctx.workloads, true),
  },
  {
    id: 'probe-invalid',
    severity: 'error',
    summary: 'Probe timings must be whole numbers in range, and startup and liveness probes need successThreshold 1.',
    fix: 'use whole-number timings in range, and successThreshold 1 for startup and liveness probes',
    check: (ctx) => probeHits(ctx.workloads, false),
  },
  {
    id: 'liveness-equals-readiness',
    severity: 'error',
    summary: 'A liveness probe identical to the readiness probe restarts pods exactly when they are overloaded.',
    fix: 'drop the liveness probe, or make it cheaper with a higher failureThreshold',
    check: (ctx) => eachContainer(ctx.workloads, (w, c) => {
      const liveness = probeOf(c.container.livenessProbe);
      const readiness = probeOf(c.container.readinessProbe);
      return liveness && readiness && sameProbe(liveness, readiness, c.ports) ? [{
        manifest: w.manifest, field: `${c.path}.livenessProbe`,
        message: `container "${containerName(c)}" has a liveness probe identical to its readiness probe: under load the pods leave the Service and restart at the same ` +
          `moment, and the restarts cascade`,
        fix: 'drop the liveness probe, or give it a cheaper check and a higher failureThreshold',
      }] : [];
    }),
  },
  {
    id: 'literal-secret-env',
    severity: 'error',
    summary: 'A credential written as a literal env value ends up in Git with the rendered YAML.',
    fix: 'use valueFrom.secretKeyRef to a Secret created outside Git',
    check: (ctx) => eachContainer(ctx.workloads, (w, c) => objectsOf(c.container.env).flatMap(({ item: e, index }) => (isLiteralCredential(asString(e.name), e.value) ? [{
      manifest: w.manifest, field: `${c.path}.env[${index}]`,
      message: `env ${asString(e.name)} of container "${containerName(c)}" is a literal credential`,
      fix: 'use valueFrom.secretKeyRef to a Secret created outside Git',
    }] : []))),
  },
];
