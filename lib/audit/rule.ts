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
   * @default 10 (the same default as ZeroDowntimeDeployment's shutdownBudgetSeconds)
   */
  readonly shutdownBudgetSeconds?: number;
  /**
   * The Kubernetes version the manifests are applied to, `1.N`: API versions removed by then are errors.
   * @default '1.27'
   */
  readonly kubernetesVersion?: string;
}

/** What one rule reports about one object. */
export interface RuleHit {
  /** The object at fault (suppression annotations are read from it). */
  readonly manifest: Manifest;
  /** Field path in the object, e.g. `spec.template.spec.terminationGracePeriodSeconds`. */
  readonly field: string;
  readonly message: string;
  readonly fix: string;
  /**
   * The severity of this hit when it differs from the rule's.
   * @default - the rule's severity
   */
  readonly severity?: Severity;
}

/** One check over the whole set of manifests. */
export interface Rule {
  /** Stable kebab-case id, used in reports and suppression annotations. */
  readonly id: string;
  readonly severity: Severity;
  /** One line: what the rule guards against. */
  readonly summary: string;
  /**
   * One line: the usual fix (each finding also carries its own, with the values of the object).
   * @default - only the findings' fixes
   */
  readonly fix?: string;
  /**
   * True when the rule's findings say another object is missing (a Service that selects nothing, an
   * HPA without its target): that object may live in files not audited, so such findings are warnings
   * unless the audit is told its input is complete.
   * @default false
   */
  readonly crossObject?: boolean;
  /**
   * When some hits of an error rule are only warnings (a hit's own `severity`), the condition, said in
   * a few words: the documentation and `--help` show it beside the severity, so both say what the audit does.
   * @default - every hit has the rule's severity
   */
  readonly warningWhen?: string;
  /** The rule's hits over the whole set of manifests; none when nothing breaks it. */
  check(ctx: AuditContext, options: Required<AuditOptions>): RuleHit[];
}

/**
 * The row of docs/audit.md's rule table, from the registry: id, severity, summary, and the cases in which
 * an error rule's findings are warnings, so the documentation says what the audit does.
 */
export function documentationRow(rule: Rule): string {
  const notes = [
    ...rule.crossObject ? ['(cross-object: a warning unless `--complete`)'] : [],
    ...rule.warningWhen ? [`(a warning ${rule.warningWhen})`] : [],
  ];
  return `| \`${rule.id}\` | ${rule.severity} | ${[rule.summary, ...notes].join(' ')} |`;
}
