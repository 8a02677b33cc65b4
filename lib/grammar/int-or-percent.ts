/**
 * IntOrString counts and percentages: the API server's format (apps validation IsValidPercent,
 * "[0-9]+%") and the arithmetic of the Deployment and disruption controllers
 * (k8s.io/apimachinery intstr.GetScaledValueFromIntOrPercent).
 */

/** A count of pods, or a percentage of the desired count such as `'25%'`. */
export type IntOrPercent = number | string;

const PERCENT = /^(\d+)%$/;

/** The number of a percentage such as `'25%'`, or undefined when the text is not one. */
export function parsePercent(text: string): number | undefined {
  const match = PERCENT.exec(text);
  return match ? Number(match[1]) : undefined;
}

/**
 * Why the value is not a whole non-negative number or a percentage, or undefined when it is. Percentages
 * above 100% are refused where the API server refuses them (`atMost100Percent`: a Deployment's
 * maxUnavailable, a PDB's fields) and allowed elsewhere (maxSurge: '150%' surges one and a half times).
 */
export function intOrPercentProblem(value: IntOrPercent, atMost100Percent = true): string | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0 ? undefined : 'must be a whole number >= 0';
  }
  const percent = typeof value === 'string' ? parsePercent(value) : undefined;
  if (percent === undefined) return `must be a whole number or a percentage such as '25%'`;
  return !atMost100Percent || percent <= 100 ? undefined : 'a percentage must be at most 100%';
}

/**
 * Resolves a count or percentage against `total`. Percentages round up for maxSurge and for
 * PodDisruptionBudgets, and down for a Deployment's maxUnavailable.
 */
export function scaleIntOrPercent(value: IntOrPercent, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const percent = parsePercent(value);
  if (percent === undefined) throw new Error(`not an integer or percentage: '${value}'`);
  const exact = (percent * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}
