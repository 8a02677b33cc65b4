import { ApiObject, App, AppProps, Chart } from 'cdk8s';
import { audit, AuditReport } from '../audit/engine';
import { formatAuditReport } from '../audit/report';
import { formatJobPlans, formatRolloutPlans, jobPlans, rolloutPlans } from '../audit/rollout-plan';
import { AuditOptions } from '../audit/rule';

/** Props of a ZeroDowntimeApp. */
export interface ZeroDowntimeAppProps extends AppProps {
  /**
   * Tunables of the synth-time audit.
   * @default - endpoint propagation 5 s, shutdown budget 5 s
   */
  readonly audit?: AuditOptions;
  /**
   * Where the rollout plan and the audit report go. Not stdout: `cdk8s synth` captures it.
   * @default - standard error
   */
  readonly log?: (text: string) => void;
}

/** Thrown by synth when the audit finds error-level violations; lists all of them. */
export class AuditFailedError extends Error {
  constructor(public readonly report: AuditReport) {
    super(`the zero-downtime audit found ${report.errors} error(s); nothing was written:\n${formatAuditReport(report)}`);
    this.name = 'AuditFailedError';
  }
}

/**
 * A cdk8s App whose synth audits every chart together (so cross-chart references resolve), prints each
 * workload's rollout plan, and writes nothing when an error-level rule fails.
 */
export class ZeroDowntimeApp extends App {
  private readonly auditOptions: AuditOptions;
  private readonly log: (text: string) => void;

  constructor(props: ZeroDowntimeAppProps = {}) {
    super(props);
    this.auditOptions = props.audit ?? {};
    this.log = props.log ?? ((text) => process.stderr.write(`${text}\n`));
  }

  /** Audits, reports, then writes the manifests; throws AuditFailedError instead of writing when the audit fails. */
  public override synth(): void {
    // Each object's own JSON: Chart.toJson() would rerun the app-wide dependency resolution and
    // validation that super.synth() runs anyway, doubling synth time on large apps.
    const manifests = this.charts.flatMap((chart) => chart.node.findAll()
      .filter((c): c is ApiObject => ApiObject.isApiObject(c) && Chart.of(c) === chart)
      .map((o) => o.toJson()));
    const report = audit(manifests, this.auditOptions);
    const jobs = formatJobPlans(jobPlans(manifests));
    this.log(`${this.outdir}: rollout plan\n${formatRolloutPlans(rolloutPlans(manifests))}\n\n${jobs ? `${jobs}\n\n` : ''}${formatAuditReport(report)}`);
    if (report.errors > 0) throw new AuditFailedError(report);
    super.synth();
  }
}
