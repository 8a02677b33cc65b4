import * as fs from 'fs';
import { ApiObject, App, AppProps, Chart, Yaml } from 'cdk8s';
import { audit, AuditReport } from '../audit/engine';
import { formatAuditReport } from '../audit/report';
import { formatJobPlans, formatRolloutPlans, jobPlans, rolloutPlans } from '../audit/rollout-plan';
import { AuditOptions } from '../audit/rule';
import { installCleanExit } from '../core/clean-exit';
import { CLEAN_ERROR, ConfigurationError } from '../core/configuration-error';
import { CHECK_ALL_OBJECTS, CHECK_DONE, installSynthCheck, KUBERNETES_VERSION_CONTEXT, synthProblems } from '../core/synth-check';
import { stringifyYaml } from '../core/yaml-writer';

/** Props of a ZeroDowntimeApp. */
export interface ZeroDowntimeAppProps extends AppProps {
  /**
   * Tunables of the synth-time audit.
   * @default - the audit's defaults (see AuditOptions)
   */
  readonly audit?: AuditOptions;
  /**
   * Where the rollout plan and the audit report go. Not stdout: `cdk8s synth` captures it.
   * @default - standard error
   */
  readonly log?: (text: string) => void;
  /**
   * The oldest Kubernetes version the manifests are applied to (`'1.30'`). The API-server rules that
   * changed after 1.27 follow it: `PreStop.nativeSleep` needs 1.30.
   * @default '1.27'
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
 * plan, and writes nothing when anything is refused. Each object is serialized once, and that JSON is
 * shared by the check, the audit and the YAML writer.
 */
export class ZeroDowntimeApp extends App {
  private readonly auditOptions: AuditOptions;
  private readonly log: (text: string) => void;

  constructor(props: ZeroDowntimeAppProps = {}) {
    super(props);
    this.auditOptions = props.audit ?? {};
    this.log = props.log ?? ((text) => process.stderr.write(`${text}\n`));
    Object.defineProperty(this, CHECK_ALL_OBJECTS, { value: true });
    if (props.kubernetesVersion !== undefined) this.node.setContext(KUBERNETES_VERSION_CONTEXT, props.kubernetesVersion);
    // Chart.toJson() and Testing.synth() validate the app without calling synth(): check there too.
    installSynthCheck(this);
  }

  /**
   * Checks, audits, reports, then writes the manifests. Throws ConfigurationError or AuditFailedError,
   * writing nothing, when anything is refused.
   */
  public override synth(): void {
    const objects = this.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
    const json = new Map<ApiObject, any>();
    const jsonOf = (o: ApiObject): any => {
      let j = json.get(o);
      if (j === undefined) json.set(o, j = o.toJson());
      return j;
    };
    const refused = synthProblems(this, { allObjects: true, jsonOf });
    if (refused.length > 0) {
      installCleanExit();
      throw new ConfigurationError(refused);
    }
    const manifests = this.charts.flatMap((chart) => objects.filter((o) => Chart.of(o) === chart).map(jsonOf));
    // One Kubernetes version for the API-server check and the audit: the app's, unless the audit options name one.
    const kubernetesVersion = this.auditOptions.kubernetesVersion ?? this.node.tryGetContext(KUBERNETES_VERSION_CONTEXT);
    const report = audit(manifests, kubernetesVersion === undefined ? this.auditOptions : { ...this.auditOptions, kubernetesVersion });
    if (report.errors > 0) {
      installCleanExit();
      throw new AuditFailedError(report);
    }
    const jobs = formatJobPlans(jobPlans(manifests));
    this.log(`${this.outdir}: rollout plan\n${formatRolloutPlans(rolloutPlans(manifests))}\n\n${jobs ? `${jobs}\n\n` : ''}${formatAuditReport(report)}`);
    // cdk8s's writer keeps its file layout and object order, but it would serialize each object again
    // through toJson() and build a YAML document tree per object: hand it the JSON already made, and
    // write the same bytes directly (lib/core/yaml-writer.ts). Both are undone when the write ends.
    for (const o of objects) Object.defineProperty(o, 'toJson', { value: () => jsonOf(o), configurable: true });
    Object.defineProperty(this, CHECK_DONE, { value: true, configurable: true });
    const save = Object.getOwnPropertyDescriptor(Yaml, 'save')!;
    Object.defineProperty(Yaml, 'save', { ...save, value: (file: string, docs: unknown[]) => fs.writeFileSync(file, stringifyYaml(docs), { encoding: 'utf8' }) });
    try {
      super.synth();
    } finally {
      Object.defineProperty(Yaml, 'save', save);
      for (const o of objects) delete (o as { toJson?: unknown }).toJson;
      delete (this as Record<symbol, unknown>)[CHECK_DONE];
    }
  }
}
