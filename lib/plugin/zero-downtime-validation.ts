import * as fs from 'fs';
import { audit, Violation } from '../audit/engine';
import { parseManifests, UnusableInputError } from '../audit/load';
import { Manifest, objectRef } from '../audit/model';
import { AuditOptions } from '../audit/rule';
import { kubernetesMinor } from '../audit/removed-apis';
import { ALL_RULES } from '../audit/rules';
import { PropChecker } from '../core/configuration-error';
import { KubernetesVersion } from '../core/kubernetes-version';
import { formatProblem, PropProblem } from '../core/prop-problem';
import { checkProps, optional, PropSpec, T } from '../core/prop-spec';
import { ValidationPluginContext, ValidationPluginViolatingResource, ValidationPluginViolation } from './validation-context';

/** The `properties` of the plugin's entry in cdk8s.yaml. */
export interface ZeroDowntimeValidationProps extends AuditOptions {
  /**
   * Ids of rules not to run, e.g. `['min-replicas']`. To exempt one object instead, annotate it
   * (`zero-downtime.audit/ignore.<rule-id>: <reason>`).
   * @default - every rule runs
   */
  readonly ignoreRules?: readonly string[];
  /**
   * The severity that fails `cdk8s synth`: `error`, or `warning` to fail on warnings too.
   * @default 'error'
   */
  readonly failOn?: 'error' | 'warning';
}

/** The runtime shape of the properties: cdk8s.yaml is YAML, so nothing has checked their types. */
const PROPERTIES_SPEC: PropSpec<ZeroDowntimeValidationProps> = {
  endpointPropagationSeconds: optional(T.number(), '5'),
  shutdownBudgetSeconds: optional(T.number(), '10'),
  kubernetesVersion: optional(T.string(), "'1.30' (quoted: YAML reads 1.30 as the number 1.3)"),
  ignoreRules: optional(T.array(T.oneOf(...ALL_RULES.map((r) => r.id))), '[min-replicas]'),
  failOn: optional(T.oneOf('error', 'warning')),
};

/** Thrown by the plugin's constructor (so `cdk8s synth` stops) when cdk8s.yaml gives it invalid properties. */
export class ValidationPropertiesError extends Error {
  constructor(public readonly problems: readonly PropProblem[]) {
    super(`ZeroDowntimeValidation: ${problems.length} invalid propert${problems.length === 1 ? 'y' : 'ies'} in cdk8s.yaml (validations[].properties)\n${
      problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ValidationPropertiesError';
  }
}

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
  private readonly failOn: 'error' | 'warning';

  /** @param properties the `properties` of the cdk8s.yaml entry; unknown or ill-typed ones are refused, all at once */
  constructor(properties: ZeroDowntimeValidationProps = {}) {
    const given = properties ?? {};
    const problems = checkProps(given, 'ZeroDowntimeValidationProps', PROPERTIES_SPEC);
    // Whole seconds, checked on the properties that are numbers at all (so every problem shows at once).
    const malformed = new Set(problems.map((p) => p.prop.split(/[.[]/)[0]));
    const check = new PropChecker();
    for (const key of ['endpointPropagationSeconds', 'shutdownBudgetSeconds'] as const) {
      if (!malformed.has(key) && !malformed.has('(props)')) check.wholeNumber(key, given[key], 0);
    }
    problems.push(...check.all);
    const version = given.kubernetesVersion;
    if (typeof version === 'string' && kubernetesMinor(version) === undefined) {
      problems.push({ prop: 'kubernetesVersion', value: version, problem: 'is not a Kubernetes version', fix: "write it as '1.30' (or 'v1.30.2')" });
    }
    if (problems.length > 0) throw new ValidationPropertiesError(problems);
    const { endpointPropagationSeconds, shutdownBudgetSeconds, kubernetesVersion } = given;
    this.options = { endpointPropagationSeconds, shutdownBudgetSeconds, kubernetesVersion: kubernetesVersion ?? KubernetesVersion.DEFAULT };
    this.ignored = new Set(given.ignoreRules);
    this.failOn = given.failOn ?? 'error';
  }

  /** Audits the synthesized manifests and submits the report: failure on any violation of the `failOn` severity. */
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
    const failed = report.errors > 0 || (this.failOn === 'warning' && report.warnings > 0);
    context.report.submit(failed ? 'failure' : 'success', {
      errors: String(report.errors),
      warnings: String(report.warnings),
      suppressed: String(report.suppressed.length),
      ...this.ignored.size > 0 ? { ignoredRules: [...this.ignored].join(', ') } : {},
    });
  }
}

/**
 * The name cdk8s-cli looks the construct path up by. cdk8s records one path per `metadata.name`
 * (construct-metadata.json), so when several objects share a name (a Deployment, its Service, PDB and HPA
 * all called `api`) the recorded path is the last one's, and a Deployment finding would point at the HPA.
 * Such objects are named by kind, namespace and name instead. ZeroDowntimeApp records each object's path
 * under that reference too (lib/app/construct-metadata.ts), so the report finds it; under a plain App the
 * report says no construct path rather than a wrong one.
 */
function resourceNames(manifests: readonly Manifest[]): (m: Manifest | undefined, ref: string) => string {
  const count = new Map<string, number>();
  for (const m of manifests) {
    const name = m.metadata?.name;
    if (typeof name === 'string') count.set(name, (count.get(name) ?? 0) + 1);
  }
  return (m, ref) => {
    const name = m?.metadata?.name;
    return typeof name === 'string' && count.get(name) === 1 ? name : ref;
  };
}

/** One cdk8s violation per rule and message, listing every resource that has it. */
function groupViolations(violations: readonly Violation[], manifests: readonly Manifest[]): ValidationPluginViolation[] {
  const byRef = new Map(manifests.map((m) => [objectRef(m), m]));
  const resourceName = resourceNames(manifests);
  const groups = new Map<string, { ruleName: string; recommendation: string; fix: string; violatingResources: ValidationPluginViolatingResource[] }>();
  for (const v of violations) {
    const key = JSON.stringify([v.ruleId, v.message, v.fix]);
    const group = groups.get(key) ?? { ruleName: v.ruleId, recommendation: `${v.severity}: ${v.message}`, fix: v.fix, violatingResources: [] };
    groups.set(key, group);
    group.violatingResources.push({ resourceName: resourceName(byRef.get(v.object), v.object), manifestPath: v.source ?? 'unknown', locations: [`${v.object}: ${v.field}`] });
  }
  return [...groups.values()];
}
