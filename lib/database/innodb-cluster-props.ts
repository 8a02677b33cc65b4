import type { AppIdentity } from '../core/labels';
import type { ComputeResources } from '../deployment/container';
import type { SecretKeyReference } from './connection';
import type { InnoDbBackupProps, InnoDbRestoreProps } from './innodb-backup';

/** Props of a MysqlInnoDbCluster. */
export interface MysqlInnoDbClusterProps {
  /** Name of the InnoDBCluster, which is also the router Service's name (at most 40 characters). */
  readonly name: string;
  /**
   * Namespace.
   * @default - the chart's namespace, else 'default'
   */
  readonly namespace?: string;
  /**
   * Existing Secret with the administrative account the operator creates: keys `rootPassword`, and
   * optionally `rootUser` (default root) and `rootHost` (default %).
   */
  readonly secretName: string;
  /**
   * MySQL Server and Router version, pinned; operator 2.2.2 runs 8.0.27 to 9.1.0 (not 8.0.29).
   * 8.4 is the LTS line.
   * @default '8.4.3'
   */
  readonly version?: string;
  /**
   * MySQL servers in the Group Replication group. Three keep a majority through the loss of one.
   * Below 3 is refused unless allowReducedAvailability is set.
   * @default 3
   */
  readonly instances?: number;
  /**
   * MySQL Router pods behind the Service. Below 2 is refused unless allowReducedAvailability is set.
   * @default 2
   */
  readonly routers?: number;
  /**
   * Accept fewer than 3 instances or 2 routers (a test cluster), knowing that one pod's loss stops writes.
   * @default false
   */
  readonly allowReducedAvailability?: boolean;
  /**
   * How the servers (and the routers) are kept on different nodes. `required` never co-locates two,
   * so the cluster needs as many nodes as instances; `preferred` co-locates when it must.
   * @default 'required'
   */
  readonly spread?: 'required' | 'preferred';
  /**
   * Size of each server's data volume.
   * @default '20Gi'
   */
  readonly storageSize?: string;
  /**
   * StorageClass of the data volumes.
   * @default - the cluster's default StorageClass
   */
  readonly storageClassName?: string;
  /**
   * The mysql container's cpu and memory (requests = limits: Guaranteed). The server's init containers get the same.
   * @default - 1 CPU, 2Gi
   */
  readonly resources?: ComputeResources;
  /**
   * The operator's sidecar and helper init containers (requests = limits).
   * @default - 250m CPU, 512Mi
   */
  readonly sidecarResources?: ComputeResources;
  /**
   * Each router (requests = limits).
   * @default - 250m CPU, 256Mi
   */
  readonly routerResources?: ComputeResources;
  /**
   * TLS certificates for the servers: a CA Secret (ca.pem) and a kubernetes.io/tls Secret.
   * @default - the operator's self-signed certificates
   */
  readonly tls?: { readonly caSecretName: string; readonly secretName: string };
  /**
   * Labels of the application's pods, which the routers admit (NetworkPolicy).
   * @default - none besides the user Job: give them, or only the Job reaches the routers under a default-deny
   */
  readonly clients?: ReadonlyArray<Record<string, string>>;
  /**
   * Namespace the MySQL Operator runs in, which its pods' NetworkPolicy admits.
   * @default 'mysql-operator'
   */
  readonly operatorNamespace?: string;
  /** The application's database and user, which a Job creates; never root. */
  readonly application: { readonly database: string; readonly user: string; readonly passwordSecret: SecretKeyReference };
  /**
   * Scheduled dumps, daily at 03:17 by default; `backup.storage` is required (an S3 bucket for off-site
   * dumps, or a claim chosen knowingly) unless disableBackups is set.
   * @default - none: refused at synth, naming backup.storage
   */
  readonly backup?: InnoDbBackupProps;
  /**
   * Render no scheduled backups.
   * @default false
   */
  readonly disableBackups?: boolean;
  /**
   * Initialize the new cluster from this dump (InnoDBCluster `spec.initDB.dump`). The operator reads it
   * only when it creates the cluster; see the restore runbook in docs/database.md.
   * @default - an empty cluster
   */
  readonly restoreFrom?: InnoDbRestoreProps;
  /** app.kubernetes.io/instance and part-of. */
  readonly identity: Omit<AppIdentity, 'name' | 'component'>;
}
