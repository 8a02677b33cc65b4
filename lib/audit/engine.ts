import { DEFAULT_ENDPOINT_PROPAGATION_SECONDS, DEFAULT_SHUTDOWN_BUDGET_SECONDS } from '../policy/shutdown';
import { AUDIT_PREFIX, ignoreAnnotation } from './annotations';
import { asString } from '../grammar/json';
import { annotationsOf, AuditContext, Manifest, namespaceOf, nameOf, objectRef } from './model';
import { TARGET_KUBERNETES_VERSION } from './removed-apis';
import { AuditOptions, Rule, Severity } from './rule';
import { ALL_RULES } from './rules';

/** Where something is in the audited text: 1-based line and column. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** One rule failing on one object. */
export interface Violation {
  readonly ruleId: string;
  readonly severity: Severity;
  /** `Kind namespace/name`. */
  readonly object: string;
  /** The object's kind, namespace (as applied: `default` when unset) and name. */
  readonly kind?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly field: string;
  readonly message: string;
  readonly fix: string;
  /** The file the object came from, when audited from files. */
  readonly source?: string;
  /** Where the object starts in its file. */
  readonly objectPosition?: SourcePosition;
  /** Where the field is in its file (or its closest ancestor that the manifest has). */
  readonly fieldPosition?: SourcePosition;
}

/** A violation silenced by an annotation, kept in the report so that suppressions stay visible. */
export interface SuppressedViolation extends Violation {
  readonly reason: string;
}

/** The outcome of an audit. */
export interface AuditReport {
  /** Grouped by object, in input order; within an object, in rule order. */
  readonly violations: readonly Violation[];
  readonly suppressed: readonly SuppressedViolation[];
  readonly errors: number;
  readonly warnings: number;
}

/** Options of one audit run. */
export interface AuditRunOptions extends AuditOptions {
  /**
   * The rules to run.
   * @default ALL_RULES
   */
  readonly rules?: readonly Rule[];
  /**
   * True when the manifests are the whole application, so that a Service, PDB or HPA whose other half
   * is missing is an error; false when other objects may live in files not audited, which makes those
   * findings warnings.
   * @default true
   */
  readonly complete?: boolean;
  /**
   * The objects indexed once; pass it when the caller also needs it (the rollout plans). Build it with
   * the same `complete`.
   * @default - built from the manifests
   */
  readonly context?: AuditContext;
  /**
   * Where each object came from, for the report.
   * @default - no source
   */
  readonly sourceOf?: (manifest: Manifest) => string | undefined;
  /**
   * Where an object, and a field path inside it, are in the source text.
   * @default - no positions
   */
  readonly positionOf?: (manifest: Manifest, field?: string) => SourcePosition | undefined;
}

const IGNORE_PREFIX = `${AUDIT_PREFIX}/ignore.`;

/** The rule options with their defaults applied. */
export function resolveAuditOptions(options: AuditOptions = {}): Required<AuditOptions> {
  return {
    endpointPropagationSeconds: options.endpointPropagationSeconds ?? DEFAULT_ENDPOINT_PROPAGATION_SECONDS,
    shutdownBudgetSeconds: options.shutdownBudgetSeconds ?? DEFAULT_SHUTDOWN_BUDGET_SECONDS,
    kubernetesVersion: options.kubernetesVersion ?? TARGET_KUBERNETES_VERSION,
  };
}

/** Runs the rules over a set of manifests; all violations are returned, none is thrown. */
export function audit(manifests: readonly Manifest[], options: AuditRunOptions = {}): AuditReport {
  const rules = options.rules ?? ALL_RULES;
  const settings = resolveAuditOptions(options);
  const complete = options.complete ?? true;
  const ctx = options.context ?? new AuditContext(manifests, { complete });
  const violations: Array<{ v: Violation; m: Manifest }> = [];
  const suppressed: Array<{ v: SuppressedViolation; m: Manifest }> = [];
  const known = new Set(ALL_RULES.map((r) => r.id));
  const violation = (m: Manifest, fields: Pick<Violation, 'ruleId' | 'severity' | 'field' | 'message' | 'fix'>): Violation => ({
    ...fields,
    object: objectRef(m),
    kind: asString(m.kind) ?? '',
    namespace: namespaceOf(m),
    name: nameOf(m),
    source: options.sourceOf?.(m),
    objectPosition: options.positionOf?.(m),
    fieldPosition: options.positionOf?.(m, fields.field),
  });

  for (const m of manifests) {
    const annotations = m.metadata?.annotations === undefined ? {} : annotationsOf(m);
    for (const key in annotations) {
      if (!key.startsWith(IGNORE_PREFIX)) continue;
      const ruleId = key.slice(IGNORE_PREFIX.length);
      const problem = !known.has(ruleId) ? `names no known rule "${ruleId}"` : !annotations[key].trim() ? 'gives no reason' : undefined;
      if (problem) {
        violations.push({
          m,
          v: violation(m, {
            ruleId: 'suppression-invalid', severity: 'error', field: `metadata.annotations["${key}"]`,
            message: `the suppression ${problem}, so it suppresses nothing`, fix: `use ${ignoreAnnotation('<rule-id>')}: "<why this object is an exception>"`,
          }),
        });
      }
    }
  }

  for (const rule of rules) {
    const severity = rule.crossObject && !complete ? 'warning' : rule.severity;
    for (const hit of rule.check(ctx, settings)) {
      const v = violation(hit.manifest, { ruleId: rule.id, severity: hit.severity ?? severity, field: hit.field, message: hit.message, fix: hit.fix });
      const reason = annotationsOf(hit.manifest)[ignoreAnnotation(rule.id)];
      if (reason && reason.trim()) suppressed.push({ m: hit.manifest, v: { ...v, reason } });
      else violations.push({ m: hit.manifest, v });
    }
  }
  const order = new Map(manifests.map((m, i) => [m, i]));
  const byObject = <T>(list: Array<{ v: T; m: Manifest }>) => list
    .map((x, i) => ({ ...x, i }))
    .sort((a, b) => (order.get(a.m) ?? -1) - (order.get(b.m) ?? -1) || a.i - b.i)
    .map((x) => x.v);
  const sorted = byObject(violations);
  return {
    violations: sorted,
    suppressed: byObject(suppressed),
    errors: sorted.filter((v) => v.severity === 'error').length,
    warnings: sorted.filter((v) => v.severity === 'warning').length,
  };
}
