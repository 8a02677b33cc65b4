import { Finding } from '../grammar/finding';
import { cpuMillicores, memoryBytes, parseQuantity } from './quantity';

/** The pod QoS classes (https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/). */
export enum QosClass {
  /** Every container has cpu and memory limits equal to its requests: evicted last. */
  GUARANTEED = 'Guaranteed',
  /** At least one request or limit, but not Guaranteed. */
  BURSTABLE = 'Burstable',
  /** No requests or limits at all: evicted first. */
  BEST_EFFORT = 'BestEffort',
}
Object.freeze(QosClass);

/** A container's requests and limits, as they appear in a manifest. */
export interface ResourceRequirements {
  readonly requests?: { readonly [resource: string]: string | number | undefined };
  readonly limits?: { readonly [resource: string]: string | number | undefined };
}

const COMPUTE = ['cpu', 'memory'] as const;

function amount(resource: string, quantity: string | number | undefined): number | undefined {
  if (quantity === undefined) return undefined;
  return resource === 'cpu' ? cpuMillicores(quantity) : memoryBytes(quantity);
}

/**
 * The QoS class the kubelet assigns to a pod with these containers. As the API server does, a missing
 * request defaults to its limit.
 */
export function qosClassOf(containers: readonly ResourceRequirements[]): QosClass {
  let any = false;
  let guaranteed = containers.length > 0;
  for (const container of containers) {
    for (const resource of COMPUTE) {
      const limit = amount(resource, container.limits?.[resource]);
      const request = amount(resource, container.requests?.[resource]) ?? limit;
      // A request defaults to its limit: a container with either has a request.
      if (request !== undefined) any = true;
      if (limit === undefined || request !== limit || limit === 0) guaranteed = false;
    }
  }
  if (guaranteed) return QosClass.GUARANTEED;
  return any ? QosClass.BURSTABLE : QosClass.BEST_EFFORT;
}

/** Why a cpu or memory amount cannot be what was meant: not a quantity, negative, or memory in thousandths of a byte. */
function quantityProblem(resource: string, quantity: string | number): Omit<Finding, 'field'> | undefined {
  const value = parseQuantity(quantity);
  if (value === undefined) return { problem: `'${quantity}' is not a Kubernetes quantity`, fix: `write it like '250m' or '1' for cpu, '128Mi' or '1Gi' for memory` };
  if (value < 0) return { problem: `${JSON.stringify(quantity)} is negative; the API server rejects it`,
    fix: `use a positive amount such as ${JSON.stringify(String(quantity).replace(/^-/, ''))}` };
  if (resource === 'memory' && typeof quantity === 'string' && /m$/.test(quantity)) {
    return { problem: `'${quantity}' is ${value} bytes ('m' means thousandths, not mebibytes)`, fix: `write '${quantity.slice(0, -1)}Mi'` };
  }
  return undefined;
}

/**
 * What keeps these resources from being valid for `wanted`: unparsable quantities, a limit below its
 * request, and for Guaranteed a missing value or a request that differs from its limit.
 */
export function resourceProblems(resources: ResourceRequirements, wanted: QosClass): Finding[] {
  const problems: Finding[] = [];
  for (const kind of ['requests', 'limits'] as const) {
    for (const [resource, quantity] of Object.entries(resources[kind] ?? {})) {
      if (quantity === undefined) continue;
      const problem = quantityProblem(resource, quantity);
      if (problem) problems.push({ field: `${kind}.${resource}`, ...problem });
    }
  }
  if (problems.length > 0) return problems;
  for (const resource of COMPUTE) {
    // As written in the manifest, for the messages.
    const requested = resources.requests?.[resource];
    const limited = resources.limits?.[resource];
    const request = amount(resource, requested);
    const limit = amount(resource, limited);
    if (request !== undefined && limit !== undefined && limit < request) {
      problems.push({ field: `limits.${resource}`, problem: `limit ${limited} is below the request ${requested}`,
        fix: 'raise the limit to at least the request (the API server rejects it otherwise)' });
    }
    if (wanted === QosClass.GUARANTEED) {
      if (limit === undefined) {
        problems.push({ field: `limits.${resource}`, problem: `is missing, so the pod cannot be Guaranteed`,
          fix: `set limits.${resource} equal to requests.${resource}, or ask for qosClass Burstable explicitly` });
      } else if (request === undefined) {
        problems.push({ field: `requests.${resource}`, problem: 'is missing', fix: `set requests.${resource} equal to limits.${resource} (${limited})` });
      } else if (request !== limit) {
        problems.push({ field: `requests.${resource}`,
          problem: `${requested} differs from limits.${resource} ${limited}, so the pod would be Burstable`,
          fix: `make requests.${resource} and limits.${resource} equal, or ask for qosClass Burstable explicitly` });
      }
    } else if (request === undefined) {
      problems.push({ field: `requests.${resource}`, problem: 'is missing, so the scheduler cannot reserve room for the pod or its surge', fix: `set requests.${resource}` });
    }
  }
  return problems;
}
