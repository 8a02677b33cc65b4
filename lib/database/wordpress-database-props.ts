import type { ContainerResources } from '../deployment/container';
import type { SecretKeyReference } from './connection';
import type { MysqlInnoDbClusterProps } from './innodb-cluster-props';
import type { MysqlDumpSettings } from './mysql-dump-backup-props';

/** The embedded single-instance MySQL. */
export interface EmbeddedDatabaseProps {
  /**
   * Official mysql image, pinned.
   * @default 'mysql:8.4.3'
   */
  readonly image?: string;
  /**
   * StorageClass of the ReadWriteOnce data volume (e.g. 'gp3', 'premium-rwo', 'rook-ceph-block').
   * @default - the cluster's default StorageClass (storageClassName omitted)
   */
  readonly storageClassName?: string;
  /**
   * Size of the data volume.
   * @default '20Gi'
   */
  readonly storageSize?: string;
  /**
   * Requests and limits.
   * @default - Guaranteed 500m CPU, 1Gi memory
   */
  readonly resources?: ContainerResources;
  /**
   * Extra server arguments after the utf8mb4 and sizing ones (a buffer pool of half the memory limit,
   * 7 days of binary logs), which they override: mysqld takes the last of a repeated option.
   * @default - none
   */
  readonly extraArgs?: string[];
  /**
   * Seconds for InnoDB to flush after SIGTERM. Part of what every restart costs, since there is no replica.
   * @default 60
   */
  readonly terminationGracePeriodSeconds?: number;
  /**
   * The dump CronJob: schedule, dumps kept, claim size.
   * @default - daily at 03:17, newest 7 kept, 10Gi claim
   */
  readonly backup?: MysqlDumpSettings;
  /**
   * Render no dump CronJob (the audit then warns that the database has no backup).
   * @default false
   */
  readonly disableBackups?: boolean;
}

/**
 * A MySQL InnoDB Cluster on the MySQL Operator: the cluster's settings, less those the application
 * derives itself (namespace, clients, the application's database and user, labels).
 */
export interface InnoDbClusterDatabaseProps extends Omit<MysqlInnoDbClusterProps,
  'name' | 'namespace' | 'secretName' | 'clients' | 'application' | 'identity' | 'storageClassName'> {
  /**
   * Existing Secret with the administrative account the operator creates: key `rootPassword`, and
   * optionally `rootUser` (default root) and `rootHost` (default %).
   */
  readonly rootSecretName: string;
  /**
   * Name of the InnoDBCluster and of the router Service (at most 40 characters).
   * @default '<app name>-mysql'
   */
  readonly name?: string;
  /**
   * StorageClass of the data volumes.
   * @default - the cluster's default StorageClass (storageClassName omitted)
   */
  readonly storageClassName?: string;
}

/** A managed database outside the cluster (RDS, Cloud SQL, Azure Database for MySQL, ...). */
export interface ExternalDatabaseProps {
  /** DNS name or IP address of the server. */
  readonly host: string;
  /**
   * TCP port.
   * @default 3306
   */
  readonly port?: number;
  /**
   * The application's database on it.
   * @default - the application's databaseName
   */
  readonly database?: string;
  /**
   * The application's user on it; never root.
   * @default - the application's databaseUser
   */
  readonly user?: string;
  /** The existing Secret and key with that user's password. */
  readonly passwordSecret: SecretKeyReference;
  /**
   * Require TLS on the connection (WordPress sets MYSQLI_CLIENT_SSL).
   * @default false
   */
  readonly tls?: boolean;
  /**
   * The network NetworkPolicy egress admits on `port`. A host given as an IP address is its own /32 (or /128).
   * @default - the host's address when it is an IP; otherwise any address (0.0.0.0/0 and ::/0), on `port` only
   */
  readonly cidr?: string;
}
