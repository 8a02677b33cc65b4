/**
 * One thing wrong with a configuration, independent of where it came from: the construct turns
 * `field` into a prop path, the audit into a manifest field path.
 */
export interface Finding {
  /** The field at fault, relative to the object that was checked (e.g. `maxSurge`). */
  readonly field: string;
  /** What is wrong and what it would cause. */
  readonly problem: string;
  /** One line that says how to fix it. */
  readonly fix: string;
  /**
   * What kind of problem this is, for the problems that more than one check meets: a report names each
   * such problem once by its code, never by matching the message.
   * @default - none: only one check reports this problem
   */
  readonly code?: FindingCode;
}

/**
 * Problems that two checks meet. `probe-timing`: a probe's timings or thresholds out of the API server's
 * range (the audit's probe-invalid rule). `probe-port-undeclared`: a probe on a named port its container
 * does not declare (the audit's probe-port-undeclared rule).
 */
export type FindingCode = 'probe-timing' | 'probe-port-undeclared';

/** Why `value` is not a whole number of at least `min`, or undefined when it is. */
export function wholeNumberProblem(value: unknown, min: number): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) return `${JSON.stringify(value)} is not a whole number`;
  return value < min ? `${value} is below the minimum of ${min}` : undefined;
}
