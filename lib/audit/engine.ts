import { AUDIT_PREFIX, ignoreAnnotation } from './annotations';
import { AuditContext, Manifest, objectRef } from './model';
import { AuditOptions, Rule, Severity } from './rule';
import { ALL_RULES } from './rules';

/** One rule failing on one object. */
export interface Violation {
  readonly ruleId: string;
  readonly severity: Severity;
  /** `Kind namespace/name`. */
  readonly object: string;
  readonly field: string;
  readonly message: string;
  readonly fix: string;
  /** The file the object came from, when audited from files. */
  readonly source?: string;
}

/** A violation silenced by an annotation, kept in the report so that suppressions stay visible. */
export interface SuppressedViolation extends Violation {
  readonly reason: string;
}

/** The outcome of an audit. */
export interface AuditReport {
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
   * Where each object came from, for the report.
   * @default - no source
   */
  readonly sourceOf?: (manifest: Manifest) => string | undefined;
}

const IGNORE_PREFIX = `${AUDIT_PREFIX}/ignore.`;

/** Runs the rules over a set of manifests; all violations are returned, none is thrown. */
export function audit(manifests: readonly Manifest[], options: AuditRunOptions = {}): AuditReport {
  const rules = options.rules ?? ALL_RULES;
  const settings = { endpointPropagationSeconds: options.endpointPropagationSeconds ?? 5, shutdownBudgetSeconds: options.shutdownBudgetSeconds ?? 5 };
  const ctx = new AuditContext(manifests);
  const violations: Violation[] = [];
  const suppressed: SuppressedViolation[] = [];
  const known = new Set(ALL_RULES.map((r) => r.id));

  for (const manifest of manifests) {
    for (const [key, reason] of Object.entries(manifest.metadata?.annotations ?? {})) {
      if (!key.startsWith(IGNORE_PREFIX)) continue;
      const ruleId = key.slice(IGNORE_PREFIX.length);
      const problem = !known.has(ruleId) ? `names no known rule "${ruleId}"` : !String(reason).trim() ? 'gives no reason' : undefined;
      if (problem) {
        violations.push({
          ruleId: 'suppression-invalid', severity: 'error', object: objectRef(manifest), field: `metadata.annotations["${key}"]`,
          message: `the suppression ${problem}, so it suppresses nothing`, fix: `use ${ignoreAnnotation('<rule-id>')}: "<why this object is an exception>"`,
          source: options.sourceOf?.(manifest),
        });
      }
    }
  }

  for (const rule of rules) {
    for (const hit of rule.check(ctx, settings)) {
      const violation: Violation = {
        ruleId: rule.id, severity: rule.severity, object: objectRef(hit.manifest), field: hit.field, message: hit.message, fix: hit.fix,
        source: options.sourceOf?.(hit.manifest),
      };
      const reason = hit.manifest.metadata?.annotations?.[ignoreAnnotation(rule.id)];
      if (reason && String(reason).trim()) suppressed.push({ ...violation, reason: String(reason) });
      else violations.push(violation);
    }
  }
  return {
    violations,
    suppressed,
    errors: violations.filter((v) => v.severity === 'error').length,
    warnings: violations.filter((v) => v.severity === 'warning').length,
  };
}
