import { Finding } from '../grammar/finding';

/**
 * Why an HPA's replica range cannot scale, or undefined when it can: a maxReplicas equal to minReplicas
 * holds the count fixed. The construct and the audit both ask here. A maxReplicas below minReplicas is
 * the API server's rule (lib/validation/hpa.ts), which both report from the rendered object.
 */
export function fixedReplicaRangeProblem(minReplicas: number, maxReplicas: number): Finding | undefined {
  if (minReplicas !== maxReplicas) return undefined;
  return {
    field: 'maxReplicas',
    problem: `maxReplicas ${maxReplicas} equals minReplicas, so the autoscaler can never scale`,
    fix: 'raise maxReplicas above minReplicas, or drop the autoscaler and set a fixed replica count',
  };
}
