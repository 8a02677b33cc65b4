import { Finding } from '../grammar/finding';
import { IntOrPercent, intOrPercentProblem, scaleIntOrPercent } from '../grammar/int-or-percent';

/** The policy fields of a PodDisruptionBudget. */
export interface DisruptionPolicy {
  readonly minAvailable?: IntOrPercent;
  readonly maxUnavailable?: IntOrPercent;
}

/** How many pods a voluntary disruption (a node drain) may evict at once, as the disruption controller counts (percentages round up). */
export function allowedDisruptions(policy: DisruptionPolicy, replicas: number): number {
  if (policy.maxUnavailable !== undefined) return Math.min(replicas, scaleIntOrPercent(policy.maxUnavailable, replicas, true));
  if (policy.minAvailable !== undefined) return Math.max(0, replicas - scaleIntOrPercent(policy.minAvailable, replicas, true));
  return 0;
}

/** What keeps the budget from being one well-formed policy: both fields, neither, or a malformed value. */
export function disruptionPolicyProblems(policy: DisruptionPolicy): Finding[] {
  const set = (['minAvailable', 'maxUnavailable'] as const).filter((field) => policy[field] !== undefined);
  if (set.length === 2) {
    return [{ field: 'minAvailable', problem: 'minAvailable and maxUnavailable are both set; the API server accepts only one',
      fix: 'keep maxUnavailable: 1 and drop minAvailable' }];
  }
  if (set.length === 0) {
    return [{ field: 'maxUnavailable', problem: 'neither minAvailable nor maxUnavailable is set, so the budget says nothing', fix: 'set maxUnavailable: 1' }];
  }
  const valueProblem = intOrPercentProblem(policy[set[0]]!);
  return valueProblem ? [{ field: set[0], problem: `${JSON.stringify(policy[set[0]])} ${valueProblem}`, fix: `use a whole number such as 1 or a percentage such as '25%'` }] : [];
}

/** What keeps this budget from both protecting the pods and letting a node drain finish. */
export function disruptionProblems(policy: DisruptionPolicy, replicas: number): Finding[] {
  const shape = disruptionPolicyProblems(policy);
  if (shape.length > 0) return shape;
  const field = policy.maxUnavailable !== undefined ? 'maxUnavailable' : 'minAvailable';
  const allowed = allowedDisruptions(policy, replicas);
  if (allowed < 1) {
    return [{ field, problem: `${field} ${JSON.stringify(policy[field])} allows no disruption at ${replicas} replicas: every node drain would hang`,
      fix: 'use maxUnavailable: 1' }];
  }
  if (allowed >= replicas && replicas > 1) {
    return [{ field, problem: `${field} ${JSON.stringify(policy[field])} lets a drain evict all ${replicas} replicas at once: the budget protects nothing`,
      fix: 'use maxUnavailable: 1' }];
  }
  return [];
}
