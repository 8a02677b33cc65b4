import type { AppIdentity } from '../core/labels';
import type { ContainerResources } from '../deployment/container';
import type { DatabaseConnection } from './connection';

/** Where the dump account's password lives; the dump runs as root (see MysqlDumpBackupProps.user). */
export interface DumpCredentials {
  /** Name of the existing Secret. */
  readonly secretName: string;
  /** Key of the password of `user`. */
  readonly passwordKey: string;
}

/** The dump settings a user chooses; the rest comes from the database. */
export interface MysqlDumpSettings {
  /**
   * When to dump, as a cron expression in `timeZone`.
   * @default '17 3 * * *' (03:17 every day, off the hour when other jobs pile up)
   */
  readonly schedule?: string;
  /**
   * Time zone of the schedule (IANA name, CronJob spec.timeZone).
   * @default - the kube-controller-manager's zone, usually UTC
   */
  readonly timeZone?: string;
  /**
   * How many dumps to keep; older ones are deleted after each successful dump.
   * @default 7
   */
  readonly keep?: number;
  /**
   * Size of the dumps' own ReadWriteOnce claim: room for `keep` compressed dumps plus one in progress.
   * @default '10Gi'
   */
  readonly storageSize?: string;
  /**
   * StorageClass of the dumps' claim.
   * @default - the database's StorageClass
   */
  readonly storageClassName?: string;
  /**
   * Requests and limits of the dump container.
   * @default - Guaranteed 250m CPU, 256Mi memory
   */
  readonly resources?: ContainerResources;
  /**
   * Restore this dump (a file name on the dumps' claim, e.g. 'wordpress-20250101T031700Z.sql.gz') with a
   * Job rendered with the manifests. The Job runs once per dump named; remove the prop after the restore.
   * @default - none: restore by hand from the suspended restore CronJob
   */
  readonly restoreFrom?: string;
}

/** Props of a MysqlDumpBackup. */
export interface MysqlDumpBackupProps extends MysqlDumpSettings {
  /** Prefix of the objects' names: `<name>-backup`, `<name>-restore`, `<name>-backup` (claim). */
  readonly name: string;
  /**
   * Namespace.
   * @default - the chart's namespace, else 'default'
   */
  readonly namespace?: string;
  /** Image with mysqldump, mysql, gzip and bash: the server's own image, pinned. */
  readonly image: string;
  /** Where the database is. */
  readonly connection: DatabaseConnection;
  /**
   * Account the dump runs as. mysqldump needs PROCESS (for tablespaces) and read access to routines,
   * which the application user does not have.
   * @default 'root'
   */
  readonly user?: string;
  /** The Secret with that account's password. */
  readonly credentials: DumpCredentials;
  /**
   * The image's unprivileged user, which owns the dumps (999 in the official mysql image).
   * @default 999
   */
  readonly runAsUser?: number;
  /** app.kubernetes.io/instance and part-of of the backup pods. */
  readonly identity: Omit<AppIdentity, 'name' | 'component'>;
}
