import { ContainerResources, EnvValue } from '../deployment/container';
import { AutoscalingProps } from '../deployment/props';
import { HttpsIngress } from '../ingress/https-ingress';
import { MysqlCredentials } from '../mysql/mysql-database';

/** The WordPress files volume (/var/www/html), shared by every WordPress pod. */
export interface WordpressStorageProps {
  /**
   * StorageClass; must offer ReadWriteMany (seed 003 used CephFS).
   * @default 'csi-cephfs'
   */
  readonly storageClassName?: string;
  /**
   * Size.
   * @default '2Gi'
   */
  readonly size?: string;
  /**
   * Access mode. ReadWriteOnce is refused: the pods run on several nodes and surge during rollouts (Multi-Attach).
   * @default 'ReadWriteMany'
   */
  readonly accessMode?: 'ReadWriteMany' | 'ReadWriteOnce';
}

/** The MySQL tier. */
export interface WordpressMysqlProps {
  /**
   * Official mysql image, pinned.
   * @default 'mysql:8.4.3'
   */
  readonly image?: string;
  /**
   * StorageClass of the ReadWriteOnce data volume (seed 003 used Ceph RBD).
   * @default 'rook-ceph-block'
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
   * Extra server arguments after the utf8mb4 ones.
   * @default - none
   */
  readonly extraArgs?: string[];
  /**
   * Seconds for InnoDB to flush after SIGTERM.
   * @default 60
   */
  readonly terminationGracePeriodSeconds?: number;
}

/** Passwords rendered into a Secret in the manifests: for local experiments only, never for Git. */
export interface LocalDevPasswords {
  /** The application user's password. */
  readonly password: string;
  /** The root password. */
  readonly rootPassword: string;
}

/** Props of a WordpressApp. Every default is the seed articles' value, unless its doc says why not. */
export interface WordpressAppProps {
  /**
   * Namespace of the whole stack.
   * @default 'kube-example'
   */
  readonly namespace?: string;
  /**
   * Render the Namespace object.
   * @default true
   */
  readonly createNamespace?: boolean;
  /**
   * Name of the WordPress Deployment and Service; MySQL is `<name>-mysql`.
   * @default 'wordpress'
   */
  readonly name?: string;
  /**
   * Official WordPress Apache image, pinned.
   * @default 'wordpress:6.7.1-apache'
   */
  readonly image?: string;
  /**
   * WordPress requests and limits (Guaranteed). 200m CPU is seed 003's measured figure, which its 20% HPA
   * target is relative to; 150Mi memory is seed 000's, because seed 003 measured up to 87Mi under load and
   * its 100Mi limit leaves too little headroom before an OOM kill.
   * @default - Guaranteed 200m CPU, 150Mi memory
   */
  readonly resources?: ContainerResources;
  /**
   * The autoscaler (seed 003: 3 to 6 pods at 20% CPU). The Deployment then has no spec.replicas.
   * @default { minReplicas: 3, maxReplicas: 6, cpuUtilization: 20 }
   */
  readonly autoscaling?: AutoscalingProps;
  /**
   * Fixed replicas instead of an autoscaler (no HPA is rendered). Mutually exclusive with autoscaling.
   * @default - autoscaled
   */
  readonly replicas?: number;
  /**
   * The /var/www/html volume.
   * @default - 2Gi ReadWriteMany on csi-cephfs
   */
  readonly storage?: WordpressStorageProps;
  /**
   * Database name.
   * @default 'wordpress'
   */
  readonly databaseName?: string;
  /**
   * Database user.
   * @default 'wordpress'
   */
  readonly databaseUser?: string;
  /**
   * The existing Secret with the database passwords (create it with kubectl, see the README).
   * @default { secretName: 'wordpress-db-pwd', passwordKey: 'dbpwd', rootPasswordKey: 'rootpwd' }
   */
  readonly credentials?: MysqlCredentials;
  /**
   * Render the credentials Secret with these literal passwords. Refused unless allowPasswordsInManifests is set.
   * @default - none: the Secret is created outside the manifests
   */
  readonly localDevPasswords?: LocalDevPasswords;
  /**
   * Accept localDevPasswords, putting passwords into the YAML. Never for a Git-tracked dist/.
   * @default false
   */
  readonly allowPasswordsInManifests?: boolean;
  /**
   * The MySQL tier.
   * @default - mysql:8.4.3, 20Gi on rook-ceph-block, Guaranteed 500m/1Gi
   */
  readonly mysql?: WordpressMysqlProps;
  /**
   * Extra WordPress environment (e.g. WORDPRESS_CONFIG_EXTRA, WORDPRESS_TABLE_PREFIX).
   * @default - none
   */
  readonly extraEnv?: Record<string, EnvValue>;
  /**
   * HTTPS exposure: HttpsIngress.traefik(...) (seed 003) or HttpsIngress.standard(...).
   * @default - none: reach the Service through your own ingress
   */
  readonly ingress?: HttpsIngress;
  /**
   * WordPress Service type.
   * @default 'ClusterIP'
   */
  readonly serviceType?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  /**
   * Argo CD sync-wave annotations: namespace and storage (0), MySQL (1), WordPress (2), ingress (3).
   * Plain `kubectl apply` ignores them.
   * @default true
   */
  readonly syncWaves?: boolean;
  /**
   * kubernetes.io/change-cause of the WordPress Deployment.
   * @default - none
   */
  readonly changeCause?: string;
}
