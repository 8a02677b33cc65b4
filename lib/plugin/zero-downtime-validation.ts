import * as fs from 'fs';
import { audit, Violation } from '../audit/engine';
import { parseManifests, UnusableInputError } from '../audit/load';
import { Manifest, objectRef } from '../audit/model';
import { AuditOptions } from '../audit/rule';
import { ALL_RULES } from '../audit/rules';
import { PropChecker } from '../core/configuration-error';
import { wholeNumberProblem } from '../policy/finding';
import { ValidationPluginContext, ValidationPluginViolatingResource, ValidationPluginViolation } from './validation-context';

/** The `properties` of the plugin's entry in cdk8s.yaml. */
export interface ZeroDowntimeValidationProps extends AuditOptions {
  /**
   * Ids of rules not to run, e.g. `['min-replicas']`. To exempt one object instead, annotate it
   * (`zero-downtime.audit/ignore.<rule-id>: <reason>`).
   * @default - every rule runs
   */
  readonly ignoreRules?: readonly string[];
}

const PROPERTIES: ReadonlyArray<keyof ZeroDowntimeValidationProps> = ['endpointPropagationSeconds', 'shutdownBudgetSeconds', 'ignoreRules'];
const WHERE = 'ZeroDowntimeValidation (validations[].properties in cdk8s.yaml)';

/**
 * The zero-downtime audit as a cdk8s validation plugin: `cdk8s synth` runs every audit rule over all the
 * manifests it synthesized, reports each violation with its rule, fix and resources, and fails when
 * any is an error. Works on any cdk8s app, whatever constructs made its objects.
 *
 * In cdk8s.yaml:
 * ```yaml
 * validations:
 *   - package: ./node_modules/zero-downtime-charts
 *     version: 0.1.0
 *     class: ZeroDowntimeValidation
 *     properties: { ignoreRules: [min-replicas] }
 * ```
 */
export class ZeroDowntimeValidation {
  private readonly options: AuditOptions;
  private readonly ignored: ReadonlySet<string>;

  /** @param properties the `properties` of the cdk8s.yaml entry; unknown or ill-typed ones are refused */
  constructor(properties: ZeroDowntimeValidationProps = {}) {
    const given = (properties ?? {}) as Record<string, unknown>;
    const check = new PropChecker();
    if (typeof given !== 'object' || Array.isArray(given)) {
      check.add('properties', given, 'must be a map of property names to values', `give a map with any of ${PROPERTIES.join(', ')}`);
      check.throwIfAny(WHERE);
    }
    for (const key of Object.keys(given).filter((k) => !(PROPERTIES as readonly string[]).includes(k))) {
      check.add(key, given[key], 'is not a property of this plugin', `remove it, or use one of ${PROPERTIES.join(', ')}`);
    }
    for (const key of ['endpointPropagationSeconds', 'shutdownBudgetSeconds'] as const) {
      const problem = given[key] === undefined ? undefined : wholeNumberProblem(given[key], 0);
      if (problem) check.add(key, given[key], problem, 'give a whole number of seconds, such as 5');
    }
    const ignoreRules = given.ignoreRules ?? [];
    const known = ALL_RULES.map((r) => r.id);
    if (!Array.isArray(ignoreRules)) {
      check.add('ignoreRules', ignoreRules, 'must be a list of rule ids', 'write it as a YAML list, e.g. [min-replicas]');
    } else {
      ignoreRules.forEach((id, i) => {
        if (!known.includes(id)) check.add(`ignoreRules[${i}]`, id, 'is not a rule id', `use one of ${known.join(', ')}`);
      });
    }
    check.throwIfAny(WHERE);
    const { endpointPropagationSeconds, shutdownBudgetSeconds } = given as AuditOptions;
    this.options = { endpointPropagationSeconds, shutdownBudgetSeconds };
    this.ignored = new Set(ignoreRules as string[]);
  }

  /** Audits the synthesized manifests and submits the report: failure when any violation is an error. */
  public async validate(context: ValidationPluginContext): Promise<void> {
    const sources = new Map<Manifest, string>();
    const manifests: Manifest[] = [];
    try {
      for (const file of context.manifests) {
        for (const m of parseManifests(fs.readFileSync(file, 'utf8'), file)) {
          sources.set(m, file);
          manifests.push(m);
        }
      }
    } catch (e) {
      if (!(e instanceof UnusableInputError)) throw e;
      context.report.addViolation({ ruleName: 'unusable-input', recommendation: e.message, fix: 'synthesize Kubernetes objects only', violatingResources: [] });
      context.report.submit('failure');
      return;
    }
    const report = audit(manifests, { ...this.options, rules: ALL_RULES.filter((r) => !this.ignored.has(r.id)), sourceOf: (m) => sources.get(m) });
    for (const violation of groupViolations(report.violations, manifests)) context.report.addViolation(violation);
    context.report.submit(report.errors > 0 ? 'failure' : 'success', {
      errors: String(report.errors),
      warnings: String(report.warnings),
      suppressed: String(report.suppressed.length),
      ...this.ignored.size > 0 ? { ignoredRules: [...this.ignored].join(', ') } : {},
    });
  }
}

/** One cdk8s violation per rule and message, listing every resource that has it. */
function groupViolations(violations: readonly Violation[], manifests: readonly Manifest[]): ValidationPluginViolation[] {
  const byRef = new Map(manifests.map((m) => [objectRef(m), m]));
  const groups = new Map<string, { ruleName: string; recommendation: string; fix: string; violatingResources: ValidationPluginViolatingResource[] }>();
  for (const v of violations) {
    const key = JSON.stringify([v.ruleId, v.message, v.fix]);
    const group = groups.get(key) ?? { ruleName: v.ruleId, recommendation: `${v.severity}: ${v.message}`, fix: v.fix, violatingResources: [] };
    groups.set(key, group);
    group.violatingResources.push({ resourceName: byRef.get(v.object)?.metadata?.name ?? v.object, manifestPath: v.source ?? 'unknown', locations: [`${v.object}: ${v.field}`] });
  }
  return [...groups.values()];
}
