import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import * as k8s from '../../imports/k8s';
import { acceptProps, withholdFields } from '../core/accept-props';
import { PropChecker, PropProblem } from '../core/configuration-error';
import { MYSQL_DUMP_BACKUP_PROPS } from './props-spec';
import { AppIdentity, selectorLabels, standardLabels } from '../core/labels';
import { DatabaseClientPolicy } from './network';
import { scriptJobSpec } from './script-job';
import { DatabaseChecks } from './validate';
import { guaranteedResources } from '../deployment/container';
import { imagePinProblem } from '../policy/image';
import { QosClass, resourceProblems } from '../policy/qos';
import { MYSQL_DUMP_SCRIPT, MYSQL_RESTORE_SCRIPT } from './scripts';
import { deepFreeze } from '../grammar/freeze';
import { jobDigest } from './job-digest';
import { KEEP_ON_DELETE_AND_PRUNE, SYNC_OPTIONS_ANNOTATION } from '../grammar/argocd';
import type { MysqlDumpBackupProps, MysqlDumpSettings } from './mysql-dump-backup-props';

export type { DumpCredentials, MysqlDumpBackupProps, MysqlDumpSettings } from './mysql-dump-backup-props';

/** The defaults of a MysqlDumpBackup, in one place for the constructs, the README and the tests. */
export const MYSQL_DUMP_DEFAULTS = deepFreeze({
  schedule: '17 3 * * *',
  keep: 7,
  storageSize: '10Gi',
  resources: { cpu: '250m', memory: '256Mi' },
  mountPath: '/backup',
});

/** The name of a dump file MYSQL_DUMP_SCRIPT writes (DUMP_FILE_PATTERN), which a restore may name. */
export const DUMP_FILE_NAME = /^[A-Za-z0-9_]+-\d{8}T\d{6}Z\.sql\.gz$/;

/** Where the dumps are mounted in the backup and restore pods. */
const BACKUP_DIR = MYSQL_DUMP_DEFAULTS.mountPath;

/**
 * Daily logical backups of one MySQL database: a CronJob that runs `mysqldump --single-transaction
 * --routines --triggers`, gzip-compressed, onto its own ReadWriteOnce claim, keeping the newest `keep`
 * dumps; a suspended restore CronJob that loads a dump when run by hand (see `restoreCommand`); and an
 * egress NetworkPolicy that lets both reach only DNS and the database.
 */
export class MysqlDumpBackup extends Construct {
  /** The backup CronJob. */
  public readonly cronJob!: k8s.KubeCronJob;
  /** The suspended restore CronJob, a template for `kubectl create job --from`. */
  public readonly restoreCronJob!: k8s.KubeCronJob;
  /** The dumps' claim. */
  public readonly claim!: k8s.KubePersistentVolumeClaim;
  /** Labels of the backup and restore pods, for the database's NetworkPolicy. */
  public readonly podSelector!: Record<string, string>;
  /** The command that restores the newest dump. */
  public readonly restoreCommand!: string;
  /** The Job that restores `restoreFrom`, when given. */
  public readonly restoreJob?: k8s.KubeJob;

  constructor(scope: Construct, id: string, props: MysqlDumpBackupProps) {
    super(scope, id);
    if (!acceptProps(this, 'MysqlDumpBackup', props, MYSQL_DUMP_BACKUP_PROPS, dumpBackupProblems)) {
      withholdFields(this, ['cronJob', 'restoreCronJob', 'claim', 'podSelector', 'restoreCommand', 'restoreJob']);
      return;
    }
    const s = resolveDumpSettings(props, Chart.of(this).namespace ?? 'default');
    this.podSelector = selectorLabels(backupIdentity(props.identity));
    this.claim = this.renderClaim(props, s);
    this.cronJob = this.renderCronJob(props, s);
    this.restoreCronJob = this.renderRestoreCronJob(props, s);
    if (props.restoreFrom !== undefined) this.restoreJob = this.renderRestoreJob(props, s, props.restoreFrom);
    new DatabaseClientPolicy(this, 'EgressPolicy', {
      name: s.backupName, namespace: s.namespace, labels: s.labels, podSelector: this.podSelector, connection: props.connection,
    });
    this.restoreCommand = restoreCommand(s.namespace, s.restoreName);
  }

  private renderClaim(props: MysqlDumpBackupProps, s: DumpSettings): k8s.KubePersistentVolumeClaim {
    return new k8s.KubePersistentVolumeClaim(this, 'Claim', {
      // The dumps are data: Argo CD never deletes or prunes their claim.
      metadata: { name: s.claimName, namespace: s.namespace, labels: s.labels, annotations: { [SYNC_OPTIONS_ANNOTATION]: KEEP_ON_DELETE_AND_PRUNE } },
      spec: {
        accessModes: ['ReadWriteOnce'],
        ...(props.storageClassName ? { storageClassName: props.storageClassName } : {}),
        resources: { requests: { storage: k8s.Quantity.fromString(s.storageSize) } },
      },
    });
  }

  private renderCronJob(props: MysqlDumpBackupProps, s: DumpSettings): k8s.KubeCronJob {
    return new k8s.KubeCronJob(this, 'CronJob', {
      metadata: { name: s.backupName, namespace: s.namespace, labels: s.labels },
      spec: {
        schedule: s.schedule,
        ...(props.timeZone ? { timeZone: props.timeZone } : {}),
        // Two dumps at once would race on retention; a missed run still starts within the hour.
        concurrencyPolicy: 'Forbid',
        startingDeadlineSeconds: 3600,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 3,
        jobTemplate: { metadata: { labels: s.labels }, spec: dumpJobSpec(props, s, MYSQL_DUMP_SCRIPT, 'mysqldump', { KEEP: String(s.keep) }, false) },
      },
    });
  }

  private renderRestoreCronJob(props: MysqlDumpBackupProps, s: DumpSettings): k8s.KubeCronJob {
    return new k8s.KubeCronJob(this, 'RestoreCronJob', {
      metadata: { name: s.restoreName, namespace: s.namespace, labels: s.labels },
      spec: {
        // Never scheduled: suspended, and February 31st never comes even if someone resumes it.
        schedule: '0 0 31 2 *',
        suspend: true,
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 1,
        failedJobsHistoryLimit: 1,
        jobTemplate: { metadata: { labels: s.labels }, spec: { ...dumpJobSpec(props, s, MYSQL_RESTORE_SCRIPT, 'restore', { DUMP: 'latest' }, true), backoffLimit: 0 } },
      },
    });
  }

  private renderRestoreJob(props: MysqlDumpBackupProps, s: DumpSettings, restoreFrom: string): k8s.KubeJob {
    // Applied with a new database, it may start before the server answers: retries with the Job's backoff
    // (10 s doubling, about 10 minutes over 6) cover a first start; a dump replays whole (DROP TABLE IF EXISTS first).
    const spec = { ...dumpJobSpec(props, s, MYSQL_RESTORE_SCRIPT, 'restore', { DUMP: restoreFrom }, true), backoffLimit: 6 };
    // Named by what it restores and how: a new dump name is a new Job, the same one is left alone on re-apply.
    return new k8s.KubeJob(this, 'RestoreJob', {
      metadata: { name: `${s.restoreName}-${jobDigest({ dump: restoreFrom, spec })}`, namespace: s.namespace, labels: s.labels },
      spec,
    });
  }
}

/** The props with the defaults filled in, and the names and labels of the objects. */
function resolveDumpSettings(props: MysqlDumpBackupProps, chartNamespace: string) {
  const d = MYSQL_DUMP_DEFAULTS;
  return {
    schedule: props.schedule ?? d.schedule,
    keep: props.keep ?? d.keep,
    storageSize: props.storageSize ?? d.storageSize,
    resources: props.resources ?? guaranteedResources(d.resources),
    namespace: props.namespace ?? chartNamespace,
    labels: standardLabels(backupIdentity(props.identity)),
    backupName: `${props.name}-backup`,
    restoreName: `${props.name}-restore`,
    claimName: `${props.name}-backup`,
  };
}

/** A backup's resolved settings. */
type DumpSettings = ReturnType<typeof resolveDumpSettings>;

/** The spec of a Job that runs `script` against the database with the dumps' claim mounted. */
function dumpJobSpec(props: MysqlDumpBackupProps, s: DumpSettings, script: string, name: string, extraEnv: Record<string, string>, readOnly: boolean) {
  const env = {
    DB_HOST: props.connection.host,
    DB_PORT: String(props.connection.port),
    DB_USER: props.user ?? 'root',
    MYSQL_PWD: { secretKeyRef: { name: props.credentials.secretName, key: props.credentials.passwordKey } },
    DB_NAME: props.connection.database,
    BACKUP_DIR,
    DUMP_PREFIX: props.connection.database,
  };
  return scriptJobSpec({
    name,
    image: props.image,
    script,
    env: { ...env, ...extraEnv },
    resources: s.resources,
    podLabels: s.labels,
    runAsUser: props.runAsUser ?? 999,
    claims: [{ claimName: s.claimName, mountPath: BACKUP_DIR, readOnly }],
    activeDeadlineSeconds: 3600,
    backoffLimit: 2,
  });
}

function backupIdentity(identity: Omit<AppIdentity, 'name' | 'component'>): AppIdentity {
  return { ...identity, name: 'mysql-backup', component: 'backup' };
}

/** The labels that select the backup and restore pods of a MysqlDumpBackup with this identity. */
export function dumpBackupPodSelector(identity: Omit<AppIdentity, 'name' | 'component'>): Record<string, string> {
  return selectorLabels(backupIdentity(identity));
}

/** The command that restores the newest dump with the suspended restore CronJob `cronJobName`. */
export function restoreCommand(namespace: string, cronJobName: string): string {
  return `kubectl -n ${namespace} create job ${cronJobName}-$(date +%s) --from=cronjob/${cronJobName}`;
}

/** Checks the dump settings; shared with the union-like factories, which check before any construct exists. */
export function dumpSettingsProblems(check: PropChecker, prefix: string, settings: MysqlDumpSettings): void {
  const db = new DatabaseChecks(check);
  if (settings.schedule !== undefined) db.schedule(`${prefix}schedule`, settings.schedule);
  if (settings.keep !== undefined) db.retention(`${prefix}keep`, settings.keep);
  if (settings.storageSize !== undefined) db.storageSize(`${prefix}storageSize`, settings.storageSize);
  if (settings.restoreFrom !== undefined && !DUMP_FILE_NAME.test(settings.restoreFrom)) {
    check.add(`${prefix}restoreFrom`, settings.restoreFrom, 'is not the name of a dump file this backup writes (<database>-<yyyymmdd>T<hhmmss>Z.sql.gz, no directory)',
      "list the dumps with `kubectl exec` into a restore pod (see docs/database.md) and give one name, e.g. 'wordpress-20250101T031700Z.sql.gz'");
  }
  if (settings.resources) check.addFindingsAt(resourceProblems(settings.resources, settings.resources.qosClass ?? QosClass.GUARANTEED), `${prefix}resources`, settings.resources);
}

function dumpBackupProblems(props: MysqlDumpBackupProps): PropProblem[] {
  const check = new PropChecker();
  dumpSettingsProblems(check, '', props);
  const pin = imagePinProblem(props.image);
  if (pin) check.add('image', props.image, pin, "pin a version such as 'mysql:8.4.3'");
  new DatabaseChecks(check).secretName('credentials.secretName', props.credentials?.secretName);
  if (!props.credentials?.passwordKey) check.add('credentials.passwordKey', props.credentials?.passwordKey, 'is required', 'name the key of the password in the Secret');
  return [...check.all];
}
