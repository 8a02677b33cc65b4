import { VeleroScheduleProps } from '../database/velero-schedule';
import { EmbeddedDatabaseProps, WordpressDatabase } from '../database/wordpress-database';
import { ContainerResources, EnvValue } from '../deployment/container';
import { Probe } from '../deployment/probe';
import { AutoscalingProps } from '../deployment/props';
import { HttpsIngress } from '../ingress/https-ingress';
import { MysqlCredentials } from '../database/mysql-database';
import { PeerPods, WordpressEgressProps } from './network-policies';
import { WordpressMetricsProps } from './metrics';
import { WordpressSmtpProps } from './smtp';
import { WordpressAdminSecret, WordpressCronProps } from './wp-cli';

/**
 * The wp-content volume (/var/www/html/wp-content: uploads, plugins, themes), shared by every WordPress
 * pod. Core is not on it: each pod serves the core of its image from an emptyDir, so an image change
 * upgrades WordPress and `kubectl rollout undo` downgrades it.
 */
export interface WordpressStorageProps {
  /**
   * StorageClass; must offer ReadWriteMany: e.g. 'efs-sc' (Amazon EFS CSI), 'standard-rwx' (GKE
   * Filestore), 'azurefile-csi' (AKS Azure Files), 'rook-cephfs' (Rook CephFS), 'nfs-client' (NFS
   * subdir provisioner); '' binds a pre-provisioned PersistentVolume. Required: a cluster's default class
   * is usually block storage (EBS, Persistent Disk, Azure Disk), which is ReadWriteOnce only, so the claim
   * would stay Pending.
   * @default - none: required
   */
  readonly storageClassName?: string;
  /**
   * Size. 20Gi holds about 1,500 phone photos with the resized copies WordPress makes of each (a 10 MB
   * original becomes about 13 MB); EFS ignores it, Filestore and Azure Files round it up to their minimum.
   * @default '20Gi'
   */
  readonly size?: string;
  /**
   * Name of the claim.
   * @default - `<name>-wp-content`
   */
  readonly claimName?: string;
  /**
   * Mount only this folder of the claim at wp-content. `wp-content` reuses the claim of a whole-docroot
   * layout (core and wp-content on one claim) without copying anything: see the README's migration.
   * @default - the whole claim
   */
  readonly subPath?: string;
  /**
   * Access mode. ReadWriteOnce is refused: the pods run on several nodes and surge during rollouts (Multi-Attach).
   * @default 'ReadWriteMany'
   */
  readonly accessMode?: 'ReadWriteMany' | 'ReadWriteOnce';
}

/** The embedded MySQL tier's settings, given as `mysql` (its backups are set with `database: WordpressDatabase.embedded(...)`). */
export type WordpressMysqlProps = Omit<EmbeddedDatabaseProps, 'backup' | 'disableBackups'>;

/** The Velero Schedule of the stack's namespace (the namespace is the stack's). */
export type WordpressVeleroProps = Omit<VeleroScheduleProps, 'namespace' | 'labels'>;

/** Passwords rendered into a Secret in the manifests: for local experiments only, never for Git. */
export interface LocalDevPasswords {
  /** The application user's password. */
  readonly password: string;
  /** The root password. */
  readonly rootPassword: string;
}

/** Props of a WordpressApp: the WordPress web tier, its MySQL database, storage, ingress and wp-cli Jobs. */
export interface WordpressAppProps {
  /**
   * Namespace of the whole stack.
   * @default - the Chart's namespace; 'kube-example' when the Chart has none
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
   * WordPress requests and limits (Guaranteed). The 20% HPA target is relative to the 200m CPU
   * request. Memory covers every Apache worker at PHP's memory_limit at once (see
   * `php`): 4 x (256 + 16) + 64 + 32 = 1184Mi; less is refused, because one worker over the limit
   * OOM-kills the whole container (cgroup v2, Kubernetes >= 1.28) with every request in flight.
   * @default - Guaranteed 200m CPU, 1184Mi memory
   */
  readonly resources?: ContainerResources;
  /**
   * Apache workers and keep-alive, PHP memory and upload limits, rendered into the pods' Apache and PHP configuration.
   * @default { maxRequestWorkers: 4, phpMemoryLimitMi: 256, opcacheMemoryMi: 64, uploadMaxFilesize: '64M', postMaxSize: '64M', keepAliveTimeoutSeconds: 0 }
   */
  readonly php?: WordpressPhpProps;
  /**
   * Seconds Apache gets after the preStop delay to finish requests in flight (it stops gracefully on
   * SIGWINCH): long wp-admin requests and uploads need far more than the 10 s generic web servers get.
   * At least 30.
   * @default 30
   */
  readonly shutdownBudgetSeconds?: number;
  /**
   * The liveness probe. The default only asks whether Apache accepts a TCP connection (no PHP, no
   * database), every 10 s with 5 s to answer, 6 times: a wedged Apache is restarted after about a minute,
   * a busy one never. A startup probe of the same kind gives the entrypoint (which copies core) up to
   * 5 minutes first.
   * @default - Probe.tcpSocket({ periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 })
   */
  readonly livenessProbe?: Probe;
  /**
   * The autoscaler (3 to 6 pods at 20% CPU). The Deployment then has no spec.replicas.
   * @default { minReplicas: 3, maxReplicas: 6, cpuUtilization: 20 }
   */
  readonly autoscaling?: AutoscalingProps;
  /**
   * Fixed replicas instead of an autoscaler (no HPA is rendered). Mutually exclusive with autoscaling.
   * @default - autoscaled
   */
  readonly replicas?: number;
  /**
   * The wp-content volume; its storageClassName is required.
   * @default - 20Gi ReadWriteMany; no class
   */
  readonly storage?: WordpressStorageProps;
  /**
   * The database tier: `WordpressDatabase.embedded({...})` (a single MySQL with a dump CronJob: every
   * restart or drain is an outage), `.innoDbCluster({...})` (MySQL Operator: 3 servers, 2 routers),
   * `.external({...})` (a managed database), or `.fromConnection({...})` (a tier rendered elsewhere).
   * databaseName, databaseUser and credentials name the application's database, user and password Secret
   * for the first three; `mysql` applies only to the embedded default.
   * @default WordpressDatabase.embedded() with the mysql settings
   */
  readonly database?: WordpressDatabase;
  /**
   * A Velero Schedule (velero.io/v1) for the namespace, which backs up its objects and the wp-content
   * volume (file-system backup). Velero must be installed with its node agent.
   * @default - none
   */
  readonly velero?: WordpressVeleroProps;
  /**
   * The existing Secret with the eight WORDPRESS_*_KEY and WORDPRESS_*_SALT variables, one key per
   * variable name (the README has the command that creates it). Every pod and Job shares them, so a login
   * made on one pod is valid on all.
   * @default - `<name>-salts`
   */
  readonly saltsSecretName?: string;
  /**
   * The existing Secret with the first administrator's login, password and e-mail, read by the install Job.
   * @default { secretName: '<name>-admin', userKey: 'user', passwordKey: 'password', emailKey: 'email' }
   */
  readonly admin?: WordpressAdminSecret;
  /**
   * The site's public URL, written by the install Job. Its host is the readiness probe's Host header, and
   * an https URL adds X-Forwarded-Proto: https (TLS ends at the ingress).
   * @default - https://<ingress host>; required without an ingress
   */
  readonly siteUrl?: string;
  /**
   * The site title set at install.
   * @default 'WordPress'
   */
  readonly siteTitle?: string;
  /**
   * The official wp-cli image for the install, update-db and cron Jobs, pinned.
   * @default 'wordpress:cli-2.11.0-php8.2'
   */
  readonly cliImage?: string;
  /**
   * The wp-cli CronJob that runs WordPress's scheduled events (DISABLE_WP_CRON is set).
   * @default - every 5 minutes, 600 s deadline, 120 s starting deadline
   */
  readonly cron?: WordpressCronProps;
  /**
   * Render default-deny NetworkPolicies and the allows the site needs.
   * @default true
   */
  readonly networkPolicies?: boolean;
  /**
   * The ingress controller pods allowed to reach WordPress on port 80 (and cert-manager's HTTP-01 solver).
   * Required with `HttpsIngress.standard` and NetworkPolicies: an IngressClass does not say which pods serve it.
   * @default - with `HttpsIngress.traefik` or no ingress: Traefik's Helm chart (namespace 'traefik', pods app.kubernetes.io/name=traefik)
   */
  readonly ingressController?: PeerPods;
  /**
   * The cluster DNS pods every pod may query on port 53.
   * @default - namespace 'kube-system', pods k8s-app=kube-dns (CoreDNS keeps that label)
   */
  readonly clusterDns?: PeerPods;
  /**
   * Where WordPress and the cron Job may connect outside the cluster: core, plugin and theme updates, APIs, SMTP.
   * @default { ports: [443], cidrs: ['0.0.0.0/0', '::/0'] }
   */
  readonly egress?: WordpressEgressProps;
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
   * @default - mysql:8.4.3, 20Gi on the cluster's default StorageClass, Guaranteed 500m/1Gi
   */
  readonly mysql?: WordpressMysqlProps;
  /**
   * Extra WordPress environment for the pods and the Jobs (e.g. WORDPRESS_TABLE_PREFIX). Not
   * WORDPRESS_CONFIG_EXTRA: use configExtra.
   * @default - none
   */
  readonly extraEnv?: Record<string, EnvValue>;
  /**
   * PHP appended to the stack's own wp-config.php settings (WORDPRESS_CONFIG_EXTRA), which turn off
   * wp-cron on requests and core auto-updates (the image owns core) and pin WordPress's memory limits.
   * @default - none
   */
  readonly configExtra?: string;
  /**
   * Outgoing mail through an SMTP relay (password resets, notices). The relay's port is added to the egress
   * NetworkPolicy; its credentials come from a Secret.
   * @default - none: the images have no mail server, so WordPress's mail is lost
   */
  readonly smtp?: WordpressSmtpProps;
  /**
   * Apache's metrics for Prometheus: an apache_exporter sidecar (50m CPU, 32Mi, Guaranteed) reading
   * mod_status on the pod's loopback, port 9117 named `metrics`, the `prometheus.io/scrape` annotations,
   * and a NetworkPolicy that admits the scraper.
   * @default - none
   */
  readonly metrics?: WordpressMetricsProps;
  /**
   * The docroot's .htaccess, rendered into the ConfigMap and mounted read-only, so every pod has the same
   * rules and they survive restarts. Include WordPress's permalink block (`# BEGIN WordPress` ...): a
   * read-only .htaccess is never rewritten, and WordPress shows the rules it wanted instead.
   * @default - the image's own .htaccess (WordPress's permalink rules), copied into each pod at start
   */
  readonly htaccess?: string;
  /**
   * HTTPS exposure: HttpsIngress.traefik(...) or HttpsIngress.standard(...).
   * @default - none: reach the Service through your own ingress
   */
  readonly ingress?: HttpsIngress;
  /**
   * WordPress Service type.
   * @default 'ClusterIP'
   */
  readonly serviceType?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  /**
   * Argo CD annotations: sync waves (namespace, configuration and NetworkPolicies 0; MySQL 1; the
   * wp-content claim with WordPress, the CronJob and the install hook 2; ingress 3), the update-db
   * PostSync hook, and Delete=false,Prune=false on the Namespace and the claims. Plain `kubectl apply`
   * ignores them.
   * @default true
   */
  readonly syncWaves?: boolean;
  /**
   * kubernetes.io/change-cause of the WordPress Deployment.
   * @default - none
   */
  readonly changeCause?: string;
}

/**
 * Apache workers, keep-alive, PHP memory and upload limits of each WordPress pod; the container's memory
 * limit must cover the workers.
 */
export interface WordpressPhpProps {
  /**
   * Apache prefork MaxRequestWorkers (and ServerLimit): requests served at once per pod; more wait in the
   * listen backlog. Each costs phpMemoryLimitMi + 16 MiB of the container's memory limit, which is
   * checked at synth. 4 per 200m of CPU: a WordPress page takes 50-150 ms of CPU, so 4 workers already
   * keep 200m busy while others wait on MySQL; with KeepAlive off (keepAliveTimeoutSeconds) no worker
   * idles on a pooled connection, so the probes find a free worker within one request's time.
   * @default 4
   */
  readonly maxRequestWorkers?: number;
  /**
   * PHP memory_limit in MiB, locked with php_admin_value at what the container covers per worker, so that
   * no plugin can take a worker past the container's memory limit (which OOM-kills every request in
   * flight). 256 is WordPress's own WP_MAX_MEMORY_LIMIT, and what resizing a 12-megapixel phone photo
   * needs.
   * @default 256
   */
  readonly phpMemoryLimitMi?: number;
  /**
   * opcache.memory_consumption in MiB (shared by the workers).
   * @default 64
   */
  readonly opcacheMemoryMi?: number;
  /**
   * PHP upload_max_filesize, in PHP's size shorthand: a whole number with K, M or G. 64M takes a 10 MB
   * phone photo or a short video. An ingress controller may have its own body limit (ingress-nginx: 1m,
   * set `nginx.ingress.kubernetes.io/proxy-body-size`); Traefik has none.
   * @default '64M'
   */
  readonly uploadMaxFilesize?: string;
  /**
   * PHP post_max_size (the whole request body), at least uploadMaxFilesize.
   * @default '64M'
   */
  readonly postMaxSize?: string;
  /**
   * Apache KeepAliveTimeout in seconds; 0 turns KeepAlive off. Under prefork an idle keep-alive
   * connection holds a whole worker until it times out, and ingress controllers pool such connections;
   * a new in-cluster connection per request costs far less than a worker.
   * @default 0
   */
  readonly keepAliveTimeoutSeconds?: number;
}
