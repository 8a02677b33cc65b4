import { Construct } from 'constructs';
import * as k8s from '../../imports/k8s';
import { InnoDbClusterSpecBackupProfilesDumpInstanceStorage, InnoDbClusterSpecInitDbDumpStorage } from '../../imports/mysql-operator-mysql.oracle.com';
import { PropChecker } from '../core/configuration-error';
import { AppIdentity, standardLabels } from '../core/labels';
import { guaranteedResources } from '../deployment/container';
import { keepNewestScript } from './scripts';
import { scriptJobSpec } from './script-job';
import { DatabaseChecks } from './validate';
import { deepFreeze } from '../grammar/freeze';
import { KEEP_ON_DELETE_AND_PRUNE, SYNC_OPTIONS_ANNOTATION } from '../grammar/argocd';

/** The defaults of the operator's scheduled backups. */
export const INNODB_BACKUP_DEFAULTS = deepFreeze({
  schedule: '17 3 * * *',
  claimSize: '20Gi',
  keep: 7,
  pruneSchedule: '47 * * * *',
  jobResources: { cpu: '100m', memory: '128Mi' },
});

/** Where the operator's scheduled dumps go. */
export abstract class InnoDbBackupStorage {
  /**
   * A ReadWriteOnce claim rendered with the cluster. The operator never deletes dumps, so a pruning
   * CronJob keeps the newest `keep` dump directories on it. Not off-site: the dumps share the cluster,
   * and usually the storage system, with the data they protect; choose it explicitly for a test cluster.
   */
  public static persistentVolumeClaim(props: InnoDbClaimBackupProps = {}): InnoDbBackupStorage {
    return new ClaimBackupStorage(props);
  }

  /**
   * An S3-compatible bucket. The operator never deletes dumps: expire them with the bucket's lifecycle
   * rule (e.g. expiration after 30 days), which is the bucket's retention.
   */
  public static s3(props: InnoDbS3BackupProps): InnoDbBackupStorage {
    return new S3BackupStorage(props);
  }

  /** An Azure Blob Storage container (MySQL Shell's dumpInstance to Azure). Retention is the container's lifecycle policy. */
  public static azure(props: InnoDbAzureBackupProps): InnoDbBackupStorage {
    return new ObjectStoreBackupStorage('azure', props.containerName, props.prefix, props.configSecretName);
  }

  /** An OCI Object Storage bucket (MySQL Shell's dumpInstance to OCI). Retention is the bucket's lifecycle policy. */
  public static ociObjectStorage(props: InnoDbOciBackupProps): InnoDbBackupStorage {
    return new ObjectStoreBackupStorage('ociObjectStorage', props.bucketName, props.prefix, props.credentialsSecretName);
  }

  /** @internal */
  public abstract _validate(check: PropChecker, prefix: string): void;
  /** @internal */
  public abstract _render(scope: Construct, cluster: RenderedCluster): InnoDbClusterSpecBackupProfilesDumpInstanceStorage;
  /**
   * Where one dump of `clusterName` is, for `spec.initDB.dump.storage`; undefined when this storage cannot be read back.
   * @internal
   */
  public abstract _restoreSource(dumpName: string, clusterName: string): InnoDbClusterSpecInitDbDumpStorage | undefined;
  /** Whether the dumps leave the cluster. @internal */
  public abstract readonly _offSite: boolean;
}

/** A claim for the operator's dumps. */
export interface InnoDbClaimBackupProps {
  /**
   * Size of the claim: room for `keep` dumps plus one in progress.
   * @default '20Gi'
   */
  readonly size?: string;
  /**
   * StorageClass.
   * @default - the cluster's data StorageClass
   */
  readonly storageClassName?: string;
  /**
   * Dumps to keep; the pruning CronJob deletes older dump directories.
   * @default 7
   */
  readonly keep?: number;
  /**
   * When the pruning CronJob runs. Hourly, so that at most one extra dump exists for less than an hour.
   * @default '47 * * * *'
   */
  readonly pruneSchedule?: string;
}

/** An S3-compatible bucket for the operator's dumps (MySQL Shell's dumpInstance to S3). */
export interface InnoDbS3BackupProps {
  readonly bucketName: string;
  /**
   * Path in the bucket.
   * @default - '/<cluster name>'
   */
  readonly prefix?: string;
  /** Secret with the S3 `config` and `credentials` files (MySQL Shell's AWS profile files). */
  readonly configSecretName: string;
  /**
   * Profile in those files.
   * @default 'default'
   */
  readonly profile?: string;
  /**
   * Endpoint URL of an S3-compatible service (MinIO, Ceph RGW, ...).
   * @default - AWS S3
   */
  readonly endpoint?: string;
}

/** An Azure Blob Storage container for the operator's dumps. */
export interface InnoDbAzureBackupProps {
  readonly containerName: string;
  /**
   * Path in the container.
   * @default - '/<cluster name>'
   */
  readonly prefix?: string;
  /** Secret with the Azure `config` file (storage account and key), as the MySQL Operator documents. */
  readonly configSecretName: string;
}

/** An OCI Object Storage bucket for the operator's dumps. */
export interface InnoDbOciBackupProps {
  readonly bucketName: string;
  /**
   * Path in the bucket.
   * @default - '/<cluster name>'
   */
  readonly prefix?: string;
  /** Secret with the OCI API key and its user, fingerprint, tenancy, region and passphrase, as the MySQL Operator documents. */
  readonly credentialsSecretName: string;
}

/** The operator's scheduled backups. */
export interface InnoDbBackupProps {
  /**
   * When to dump, as a cron expression.
   * @default '17 3 * * *'
   */
  readonly schedule?: string;
  /**
   * Time zone of the schedule (IANA name).
   * @default - the kube-controller-manager's zone, usually UTC
   */
  readonly timeZone?: string;
  /**
   * Where the dumps go: off-site by default, so there is no default: give InnoDbBackupStorage.s3(...), or
   * InnoDbBackupStorage.persistentVolumeClaim() to keep them in the cluster knowingly.
   * @default - none: required unless disableBackups is set
   */
  readonly storage?: InnoDbBackupStorage;
}

/** A dump to initialize a new cluster from (InnoDBCluster `spec.initDB.dump`). */
export interface InnoDbRestoreProps {
  /** The dump's name: the directory the operator wrote it to, `<cluster>-<schedule><yymmddHHMMSS>`. */
  readonly dumpName: string;
  /**
   * Where it is.
   * @default - the cluster's backup storage
   */
  readonly storage?: InnoDbBackupStorage;
}

/** What the rendering of a cluster tells its backup storage. */
export interface RenderedCluster {
  readonly name: string;
  readonly namespace: string;
  readonly image: string;
  readonly labels: Record<string, string>;
  readonly identity: Omit<AppIdentity, 'name' | 'component'>;
  readonly storageClassName?: string;
  readonly scheduleName: string;
}

class ClaimBackupStorage extends InnoDbBackupStorage {
  public readonly _offSite = false;

  constructor(private readonly props: InnoDbClaimBackupProps) { super(); }

  public _restoreSource(): undefined {
    return undefined;
  }

  public _validate(check: PropChecker, prefix: string): void {
    const db = new DatabaseChecks(check);
    if (this.props.size !== undefined) db.storageSize(`${prefix}size`, this.props.size);
    if (this.props.keep !== undefined) db.retention(`${prefix}keep`, this.props.keep);
    if (this.props.pruneSchedule !== undefined) db.schedule(`${prefix}pruneSchedule`, this.props.pruneSchedule);
  }

  public _render(scope: Construct, c: RenderedCluster): InnoDbClusterSpecBackupProfilesDumpInstanceStorage {
    const d = INNODB_BACKUP_DEFAULTS;
    const claimName = `${c.name}-backup`;
    const storageClassName = this.props.storageClassName ?? c.storageClassName;
    new k8s.KubePersistentVolumeClaim(scope, 'BackupClaim', {
      // The dumps are data: Argo CD never deletes or prunes their claim.
      metadata: { name: claimName, namespace: c.namespace, labels: c.labels, annotations: { [SYNC_OPTIONS_ANNOTATION]: KEEP_ON_DELETE_AND_PRUNE } },
      spec: {
        accessModes: ['ReadWriteOnce'],
        ...(storageClassName ? { storageClassName } : {}),
        resources: { requests: { storage: k8s.Quantity.fromString(this.props.size ?? d.claimSize) } },
      },
    });
    const identity: AppIdentity = { ...c.identity, name: 'mysql-backup-prune', component: 'backup' };
    const labels = standardLabels(identity);
    new k8s.KubeCronJob(scope, 'PruneCronJob', {
      metadata: { name: `${c.name}-backup-prune`, namespace: c.namespace, labels },
      spec: {
        schedule: this.props.pruneSchedule ?? d.pruneSchedule,
        concurrencyPolicy: 'Forbid',
        startingDeadlineSeconds: 3600,
        successfulJobsHistoryLimit: 1,
        failedJobsHistoryLimit: 3,
        jobTemplate: {
          metadata: { labels },
          spec: scriptJobSpec({
            name: 'prune',
            image: c.image,
            // The operator writes each dump to a directory `<cluster>-<schedule><yymmddHHMMSS>`.
            script: ['set -euo pipefail', keepNewestScript('$DUMP_PREFIX????????????', 'd')].join('\n'),
            env: { BACKUP_DIR: '/backup', DUMP_PREFIX: `${c.name}-${c.scheduleName}`, KEEP: String(this.props.keep ?? d.keep) },
            resources: guaranteedResources(d.jobResources),
            podLabels: labels,
            // The operator's backup pods run as 27 (mysql), which owns the dumps.
            runAsUser: 27,
            claims: [{ claimName, mountPath: '/backup' }],
            activeDeadlineSeconds: 600,
            backoffLimit: 2,
          }),
        },
      },
    });
    return { persistentVolumeClaim: { claimName } };
  }
}

class S3BackupStorage extends InnoDbBackupStorage {
  public readonly _offSite = true;

  constructor(private readonly props: InnoDbS3BackupProps) { super(); }

  public _restoreSource(dumpName: string, clusterName: string): InnoDbClusterSpecInitDbDumpStorage {
    // The operator writes each scheduled dump to `<prefix>/<dump name>`.
    const s3 = this.s3(clusterName);
    return { s3: { ...s3, prefix: `${s3.prefix.replace(/\/+$/, '')}/${dumpName}` } };
  }

  private s3(clusterName: string) {
    return {
      bucketName: this.props.bucketName,
      prefix: this.props.prefix ?? `/${clusterName}`,
      config: this.props.configSecretName,
      ...(this.props.profile ? { profile: this.props.profile } : {}),
      ...(this.props.endpoint ? { endpoint: this.props.endpoint } : {}),
    };
  }

  public _validate(check: PropChecker, prefix: string): void {
    if (!this.props.bucketName) check.add(`${prefix}bucketName`, this.props.bucketName, 'is required', 'name the bucket');
    if (this.props.endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(this.props.endpoint)) {
      check.add(`${prefix}endpoint`, this.props.endpoint, 'is not an http(s) URL', "give the service's URL, e.g. 'https://minio.example.com'");
    }
    new DatabaseChecks(check).secretName(`${prefix}configSecretName`, this.props.configSecretName);
  }

  public _render(_scope: Construct, c: RenderedCluster): InnoDbClusterSpecBackupProfilesDumpInstanceStorage {
    return { s3: this.s3(c.name) };
  }
}


/** Azure Blob Storage or OCI Object Storage: a container or bucket, a prefix, a Secret. */
class ObjectStoreBackupStorage extends InnoDbBackupStorage {
  public readonly _offSite = true;

  constructor(private readonly kind: 'azure' | 'ociObjectStorage', private readonly store: string, private readonly prefix: string | undefined,
    private readonly secretName: string) { super(); }

  public _validate(check: PropChecker, prefix: string): void {
    const [storeProp, secretProp] = this.kind === 'azure' ? ['containerName', 'configSecretName'] : ['bucketName', 'credentialsSecretName'];
    if (!this.store) check.add(`${prefix}${storeProp}`, this.store, 'is required', `name the ${this.kind === 'azure' ? 'container' : 'bucket'}`);
    new DatabaseChecks(check).secretName(`${prefix}${secretProp}`, this.secretName);
  }

  public _render(_scope: Construct, c: RenderedCluster): InnoDbClusterSpecBackupProfilesDumpInstanceStorage {
    return this.at(this.prefix ?? `/${c.name}`);
  }

  public _restoreSource(dumpName: string, clusterName: string): InnoDbClusterSpecInitDbDumpStorage {
    // The operator writes each scheduled dump to `<prefix>/<dump name>`.
    return this.at(`${(this.prefix ?? `/${clusterName}`).replace(/\/+$/, '')}/${dumpName}`);
  }

  private at(prefix: string) {
    return this.kind === 'azure'
      ? { azure: { containerName: this.store, prefix, config: this.secretName } }
      : { ociObjectStorage: { bucketName: this.store, prefix, credentials: this.secretName } };
  }
}
