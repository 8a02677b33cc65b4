import { AuditContext, Manifest } from './model';

/** How bad a violation is: errors fail `cdk8s synth` and exit the CLI with 1; warnings are reported only. */
export type Severity = 'error' | 'warning';

/** Tunables of the audit. */
export interface AuditOptions {
  /**
   * Seconds kube-proxy, ingress controllers and cloud load balancers take to stop routing to a
   * Terminating pod; preStop must cover it.
   * @default 5
   */
  readonly endpointPropagationSeconds?: number;
  /**
   * Seconds an application needs after SIGTERM; the grace period should cover preStop plus this.
   * @default 5
   */
  readonly shutdownBudgetSeconds?: number;
}

/** What one rule reports about one object. */
export interface RuleHit {
  /** The object at fault (suppression annotations are read from it). */
  readonly manifest: Manifest;
  /** Field path in the object, e.g. `spec.template.spec.terminationGracePeriodSeconds`. */
  readonly field: string;
  readonly message: string;
  readonly fix: string;
}

/** One check over the whole set of manifests. */
export interface Rule {
  /** Stable kebab-case id, used in reports and suppression annotations. */
  readonly id: string;
  readonly severity: Severity;
  /** One line: what the rule guards against. */
  readonly summary: string;
  check(ctx: AuditContext, options: Required<AuditOptions>): RuleHit[];
}
