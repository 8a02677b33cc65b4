import { ApiObject, App, AppProps, Chart } from 'cdk8s';
import { audit, AuditReport } from '../audit/engine';
import { formatAuditReport } from '../audit/report';
import { formatJobPlans, formatRolloutPlans, jobPlans, rolloutPlans } from '../audit/rollout-plan';
import { Manifest } from '../audit/model';
import { AuditOptions } from '../audit/rule';
import { CLEAN_ERROR, ConfigurationError } from '../core/configuration-error';
import { KubernetesVersion, pluginEntry } from '../core/kubernetes-version';
import { CHECK_ALL_OBJECTS, CHECK_DONE, installSynthCheck, synthProblems } from '../core/synth-check';
import { recordObjectPaths } from './construct-metadata';

/** Props of a ZeroDowntimeApp. */
export interface ZeroDowntimeAppProps extends AppProps {
  /**
   * Tunables of the synth-time audit.
   * @default - the audit's defaults (see AuditOptions)
   */
  readonly audit?: AuditOptions;
  /**
   * Where the rollout plan and the audit report go. Not stdout: `cdk8s synth` captures it.
   * @default - standard error when the app runs under `cdk8s synth` (which sets CDK8S_OUTDIR), where a
   * person reads it; nowhere otherwise, so that unit tests of an app do not print whole plans
   */
  readonly log?: (text: string) => void;
  /**
   * The oldest Kubernetes version the manifests are applied to (`'1.30'`). The API-server rules that
   * changed after 1.27 follow it: `PreStop.nativeSleep` needs 1.30. Set it once for the app, the plugin
   * and the CLI in cdk8s.yaml instead (see KubernetesVersion): when cdk8s.yaml has the plugin, a prop that
   * differs from the plugin's version is refused, as the plugin would fail the written files.
   * @default - cdk8s.yaml's (KubernetesVersion.fromCdk8sYaml), else '1.27'
   */
  readonly kubernetesVersion?: string;
}

/** Thrown by synth when the audit finds error-level violations; its message is the whole report, printed once. */
export class AuditFailedError extends Error {
  /** The audit's report. */
  public readonly report!: AuditReport;

  constructor(report: AuditReport) {
    super(`the zero-downtime audit found ${report.errors} error(s); nothing was written:\n${formatAuditReport(report)}`);
    Object.defineProperty(this, 'name', { value: 'AuditFailedError', enumerable: false, configurable: true, writable: true });
    Object.defineProperty(this, 'report', { value: report, enumerable: false });
    Object.defineProperty(this, CLEAN_ERROR, { value: true, enumerable: false });
  }
}

/**
 * A cdk8s App whose synth checks every object of every chart (props, the API server's rules, duplicate
 * names), audits all charts together (so cross-chart references resolve), prints each workload's rollout
 * plan, and writes nothing when anything is refused.
 */
export class ZeroDowntimeApp extends App {
  private readonly auditOptions: AuditOptions;
  private readonly log: (text: string) => void;
  /** Whether cdk8s writes construct-metadata.json, by cdk8s's own rule (the prop, else cdk8s-cli's variable). */
  private readonly recordsConstructMetadata: boolean;

  constructor(props: ZeroDowntimeAppProps = {}) {
    super(props);
    this.auditOptions = props.audit ?? {};
    this.recordsConstructMetadata = props.recordConstructMetadata ?? process.env.CDK8S_RECORD_CONSTRUCT_METADATA === 'true';
    this.log = props.log ?? (process.env.CDK8S_OUTDIR !== undefined ? (text) => process.stderr.write(`${text}\n`) : () => undefined);
    Object.defineProperty(this, CHECK_ALL_OBJECTS, { value: true });
    if (props.kubernetesVersion !== undefined) {
      refuseOtherPluginVersion(props.kubernetesVersion);
      KubernetesVersion.set(this, props.kubernetesVersion);
    }
    // Chart.toJson() and Testing.synth() validate the app without calling synth(): check there too.
    installSynthCheck(this);
  }

  /**
   * Checks, audits, reports, then writes the manifests. Throws ConfigurationError or AuditFailedError,
   * writing nothing, when anything is refused.
   */
  public override synth(): void {
    const objects = this.checkAndAudit();
    this.withoutSecondCheck(() => super.synth());
    if (this.recordsConstructMetadata) recordObjectPaths(this.outdir, objects);
  }

  /** The manifests as one YAML text, after the same checks and audit as synth. */
  public override synthYaml(): string {
    this.checkAndAudit();
    return this.withoutSecondCheck(() => super.synthYaml());
  }

  /**
   * Throws when any object is refused or the audit finds errors; else logs the rollout plan and the audit.
   * Returns each object with its final JSON.
   */
  private checkAndAudit(): Array<readonly [ApiObject, Manifest]> {
    const json = new Map<ApiObject, Manifest>();
    const jsonOf = (o: ApiObject): Manifest => {
      if (!json.has(o)) json.set(o, o.toJson());
      return json.get(o)!;
    };
    const refused = synthProblems(this, { allObjects: true, jsonOf });
    if (refused.length > 0) throw new ConfigurationError(refused);
    const objects = this.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
    const manifests = this.charts.flatMap((chart) => objects.filter((o) => Chart.of(o) === chart).map(jsonOf));
    // One Kubernetes version for the API-server check and the audit: the app's, unless the audit options name one.
    const kubernetesVersion = this.auditOptions.kubernetesVersion ?? KubernetesVersion.of(this);
    const report = audit(manifests, { ...this.auditOptions, kubernetesVersion });
    if (report.errors > 0) throw new AuditFailedError(report);
    const jobs = formatJobPlans(jobPlans(manifests));
    this.log(`${this.outdir}: rollout plan\n${formatRolloutPlans(rolloutPlans(manifests))}\n\n${jobs ? `${jobs}\n\n` : ''}${formatAuditReport(report)}`);
    return objects.map((o) => [o, jsonOf(o)] as const);
  }

  /** Runs cdk8s's synth, whose validation pass would otherwise run the check just done again. */
  private withoutSecondCheck<T>(synth: () => T): T {
    Object.defineProperty(this, CHECK_DONE, { value: true, configurable: true });
    try {
      return synth();
    } finally {
      delete (this as Record<symbol, unknown>)[CHECK_DONE];
    }
  }
}

/**
 * The plugin of cdk8s.yaml checks the written files against its own version: an app set to another one
 * would pass its synth, then fail the plugin's check after dist/ was written.
 */
function refuseOtherPluginVersion(version: string): void {
  const entry = pluginEntry();
  const pluginVersion = entry?.version ?? KubernetesVersion.DEFAULT;
  if (entry === undefined || pluginVersion === version) return;
  throw new ConfigurationError([{
    path: '',
    label: 'ZeroDowntimeApp',
    problems: [{
      prop: 'kubernetesVersion',
      value: version,
      problem: 'differs from the version the ZeroDowntimeValidation plugin in cdk8s.yaml checks the output against '
        + `('${pluginVersion}'${entry.version === undefined ? ', its default' : ''})`,
      fix: `set kubernetesVersion: '${version}' once, in the plugin's properties in cdk8s.yaml, and drop this prop`,
    }],
  }]);
}
