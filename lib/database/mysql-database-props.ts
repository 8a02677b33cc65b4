import type { ContainerResources } from '../deployment/container';

/** Where the database passwords come from: an existing Secret, never a literal in the manifests. */
export interface MysqlCredentials {
  /** Name of the Secret. */
  readonly secretName: string;
  /** Key of the application user's password (MYSQL_PASSWORD). */
  readonly passwordKey: string;
  /** Key of the root password (MYSQL_ROOT_PASSWORD). */
  readonly rootPasswordKey: string;
}

/** Props of a MysqlDatabase. */
export interface MysqlDatabaseProps {
  /** Name of the StatefulSet and of the Service clients connect to (port 3306). */
  readonly name: string;
  /**
   * Namespace.
   * @default - the chart's namespace, else 'default'
   */
  readonly namespace?: string;
  /**
   * Official mysql image, pinned. 8.4 is the LTS line; its default caching_sha2_password works with PHP >= 7.4 clients.
   * @default 'mysql:8.4.3'
   */
  readonly image?: string;
  /** Database created on first start (MYSQL_DATABASE). */
  readonly database: string;
  /** Application user created on first start (MYSQL_USER). */
  readonly user: string;
  /** The Secret with the passwords. */
  readonly credentials: MysqlCredentials;
  /**
   * StorageClass of the data volume (ReadWriteOnce, one per pod).
   * @default - the cluster's default StorageClass
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
   * Server arguments.
   * @default ['--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci']
   */
  readonly args?: string[];
  /**
   * Seconds for mysqld to flush InnoDB and exit cleanly after SIGTERM before SIGKILL.
   * @default 60
   */
  readonly terminationGracePeriodSeconds?: number;
  /**
   * Label selectors of the pods allowed to connect; a NetworkPolicy admits only them on 3306.
   * @default - no NetworkPolicy: any pod may connect
   */
  readonly allowedClients?: Array<Record<string, string>>;
  /**
   * app.kubernetes.io/instance.
   * @default - the name
   */
  readonly instance?: string;
  /**
   * app.kubernetes.io/part-of.
   * @default - none
   */
  readonly partOf?: string;
  /**
   * Extra labels on every object and on the pod.
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * Extra annotations on the StatefulSet (e.g. audit suppressions).
   * @default - none
   */
  readonly annotations?: Record<string, string>;
}
