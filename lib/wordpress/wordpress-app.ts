import { createHash } from 'crypto';
import { ApiObject, Chart, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import * as k8s from '../../imports/k8s';
import { ignoreAnnotation } from '../audit/annotations';
import { acceptProps, withholdFields } from '../core/accept-props';
import { PropChecker } from '../core/configuration-error';
import { mapFieldsToProps } from '../core/checked-constructs';
import { MANAGED_BY, selectorLabels, standardLabels } from '../core/labels';
import { DatabaseConnection } from '../database/connection';
import { EnvValue, guaranteedResources, VolumeProps } from '../deployment/container';
import { Probe } from '../deployment/probe';
import { ZeroDowntimeDeployment } from '../deployment/zero-downtime-deployment';
import { keepOnDeleteAndPrune } from '../gitops/argocd-annotations';
import { setSyncWave } from '../gitops/sync-waves';
import { MysqlDatabase } from '../database/mysql-database';
import { WordpressDatabase } from '../database/wordpress-database';
import { VeleroSchedule, veleroBackupVolumes } from '../database/velero-schedule';
import { memoryBytes } from '../policy/quantity';
import { acmeHttp01SolverPolicy } from '../network/peers';
import { multiAttachProblem, MULTI_ATTACH_FIX } from '../policy/volumes';
import { CLUSTER_DNS_PODS, TRAEFIK_PODS, WordpressEgressProps, WordpressNetworkPolicies } from './network-policies';
import { bundledScript } from './bundled';
import { WORDPRESS_DEFAULTS } from './defaults';
import { WordpressAppProps } from './props';
import { LOCAL_DEV_PASSWORDS_REASON, WORDPRESS_APP_PROPS, wordpressAppPropProblems } from './props-spec';
import {
  apacheConfig, CONFIG_DIR, DB_TLS_VARIABLE, DEFAULT_WEB_TIER, DEFAULT_WORKER_BUDGET, phpIni, PhpWorkerBudget, READY_PATH, readinessScript, WebTierSettings,
} from './php-memory';
import { saltEnv, saltSecretCommand, WORDPRESS_SALT_VARIABLES } from './salts';
import { APACHE_SECURITY, POD_SECURITY } from './security';
import { apacheStatusConfig, exporterContainer, METRICS_PORT, PROMETHEUS_PODS } from './metrics';
import { SMTP_CONFIG_PHP, SMTP_DEFAULT_PORT, SMTP_ENV, smtpEnv } from './smtp';
import { ResolvedWordpressProps, validateWordpressProps } from './validate';
import { CRON_DEFAULTS, WordpressCronProps, WpCli } from './wp-cli';

export { WORDPRESS_DEFAULTS } from './defaults';

/** Argo CD sync waves: namespace, configuration and policies; the database; WordPress with its claim; the ingress. */
export const SYNC_WAVES = { foundation: 0, database: 1, application: 2, ingress: 3 } as const;

/**
 * The readiness probe's timings, as the Bitnami chart has them: a pod leaves the Service after 6 failed
 * checks 10 s apart (about a minute), so a burst of slow wp-admin or xmlrpc requests that keeps the workers
 * busy for a few seconds does not take every pod out at once; 5 s to answer leaves room for a request
 * queued behind the busy workers.
 */
export const READINESS_TIMINGS = Object.freeze({ periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 });
/** Liveness: a TCP connect to Apache (no worker, no PHP, no database), restarted after about a minute of silence. */
export const LIVENESS_TIMINGS = Object.freeze({ periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 });
/** Startup: up to 5 minutes for the entrypoint to copy core into the docroot before liveness starts. */
export const STARTUP_TIMINGS = Object.freeze({ periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 60 });

/** The document root, served from the image's core (an emptyDir filled by the entrypoint). */
export const DOCROOT = '/var/www/html';
/** The ConfigMap key of the htaccess prop. */
const HTACCESS_KEY = 'htaccess';
/** The content directory, on the shared claim. */
export const WP_CONTENT = `${DOCROOT}/wp-content`;

/** Variables the stack sets itself; extraEnv may not override them. */
export const OWN_ENV: readonly string[] = [
  'WORDPRESS_DB_HOST',
  'WORDPRESS_DB_USER',
  'WORDPRESS_DB_NAME',
  'WORDPRESS_DB_PASSWORD',
  'WORDPRESS_CONFIG_EXTRA',
  DB_TLS_VARIABLE,
  ...WORDPRESS_SALT_VARIABLES,
  ...SMTP_ENV,
];

/**
 * Takes update_core from every user, so the dashboard offers no "Update WordPress": core lives in each
 * pod's docroot, and an update there would change one pod's core and the shared database schema. Set in
 * WordPress's hook table before plugin.php loads (which turns such entries into hooks); $GLOBALS because
 * wp-cli evaluates wp-config.php inside a function. Plugins and themes, on the shared claim, stay
 * installable and updatable.
 */
export const NO_DASHBOARD_CORE_UPDATE = "$GLOBALS['wp_filter']['map_meta_cap'][10][] = array('accepted_args' => 2, "
  + "'function' => function ($caps, $cap) { return $cap === 'update_core' ? array('do_not_allow') : $caps; });";

/**
 * The stack's wp-config.php settings: scheduled events run from the CronJob, not from visitors'
 * requests; core is the image's, so WordPress must not rewrite it, automatically or from the dashboard;
 * WordPress's memory limits match the locked memory_limit.
 */
export function stackConfigExtra(budget: PhpWorkerBudget): string {
  return [
    "define('DISABLE_WP_CRON', true);",
    "define('WP_AUTO_UPDATE_CORE', false);",
    NO_DASHBOARD_CORE_UPDATE,
    `define('WP_MEMORY_LIMIT', '${budget.phpMemoryLimitMi}M');`,
    `define('WP_MAX_MEMORY_LIMIT', '${budget.phpMemoryLimitMi}M');`,
  ].join('\n');
}

/**
 * The production WordPress stack: a Namespace that enforces Pod Security baseline; the database (an
 * embedded MySQL StatefulSet, or any DatabaseConnection); WordPress as a ZeroDowntimeDeployment that
 * serves the core of its image from an emptyDir with only wp-content on a shared claim, with shared
 * salts, a PHP readiness probe, capped Apache workers and hardened pods; wp-cli Jobs that install the
 * site and upgrade its database, and a CronJob for scheduled events; default-deny NetworkPolicies; an
 * HTTPS ingress. Secrets (database, salts, admin) are created outside the manifests.
 */
export class WordpressApp extends Construct {
  /** Namespace of the stack. */
  public readonly namespace!: string;
  /** The WordPress tier. */
  public readonly wordpress!: ZeroDowntimeDeployment;
  /** The embedded MySQL tier, when no database was given. */
  public readonly mysql?: MysqlDatabase;
  /** How WordPress and its Jobs reach the database. */
  public readonly database!: DatabaseConnection;
  /** The database tier chosen (WordpressDatabase.embedded() unless the database prop says otherwise). */
  public readonly databaseChoice!: WordpressDatabase;
  /** The install and update-db Jobs and the cron CronJob. */
  public readonly wpCli!: WpCli;
  /** The wp-content claim. */
  public readonly contentClaim!: k8s.KubePersistentVolumeClaim;
  /** The NetworkPolicies (empty when turned off). */
  public readonly networkPolicies!: k8s.KubeNetworkPolicy[];
  /** The ingress objects (empty without an ingress). */
  public readonly ingressObjects!: ApiObject[];

  constructor(scope: Construct, id: string, props: WordpressAppProps = {}) {
    super(scope, id);
    if (!acceptProps(this, 'WordpressApp', props, WORDPRESS_APP_PROPS, wordpressAppPropProblems)) {
      withholdFields(this, ['namespace', 'wordpress', 'mysql', 'database', 'databaseChoice', 'wpCli', 'contentClaim', 'networkPolicies', 'ingressObjects']);
      return;
    }
    // The Chart's namespace, as every construct takes it; the stack's own default only without one.
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? WORDPRESS_DEFAULTS.namespace;
    const s = resolveSettings(props);
    validate(this, props, this.validationInput(props, s));

    const foundation = this.renderFoundation(props, s);
    this.contentClaim = this.renderContentClaim(s);
    // The database tier: embedded by default (the mysql prop is its settings), or the one chosen.
    this.databaseChoice = props.database ?? WordpressDatabase.embedded(unrefusedSettings(props.mysql));
    const bound = this.databaseChoice.bind(this, this.databaseBinding(props, s));
    this.database = bound.connection;
    this.mysql = bound.mysql;
    const databaseTier = bound.construct;
    // The dumps are data: Argo CD never deletes or prunes their claims.
    databaseTier?.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c) && c.kind === 'PersistentVolumeClaim').forEach((c) => keepOnDeleteAndPrune(c));

    const env = this.wordpressEnv(props, s);
    this.wordpress = this.renderWordpress(props, s, env);
    this.wpCli = this.renderWpCli(props, s, env);
    this.networkPolicies = this.renderNetworkPolicies(props, s);
    const acmeSolverPolicy = this.renderAcmeSolverPolicy(props, s);
    this.ingressObjects = props.ingress?.bind(this, {
      serviceName: s.name,
      servicePort: this.wordpress.servicePort,
      namespace: this.namespace,
      labels: s.appLabels,
    }) ?? [];

    this.applyCustomResourcesLast(databaseTier, acmeSolverPolicy);
    if (props.velero) {
      new VeleroSchedule(this, 'VeleroSchedule', { ...props.velero, namespace: this.namespace, labels: s.namespaceLabels });
    }
    if (s.argo) this.assignSyncWaves(foundation, databaseTier, acmeSolverPolicy);
  }

  /** What validate() checks, with the values only known once the namespace and resources are resolved. */
  private validationInput(props: WordpressAppProps, s: Settings): ResolvedWordpressProps {
    const { name, image, cliImage, siteUrl, storage, budget, webTier, admin, saltsSecretName, cron, egress, resources, autoscaling } = s;
    return {
      name, image, cliImage, siteUrl, storage, budget, webTier, admin, saltsSecretName, cron, egress,
      memoryLimitBytes: resources.limits?.memory === undefined ? undefined : memoryBytes(resources.limits.memory),
      mostPods: autoscaling?.maxReplicas ?? props.replicas ?? 0,
      saltCommand: saltSecretCommand(this.namespace, saltsSecretName),
    };
  }

  /** The objects of the first sync wave: the Namespace, the local-dev Secret and the Apache/PHP ConfigMap. */
  private renderFoundation(props: WordpressAppProps, s: Settings): ApiObject[] {
    const foundation: ApiObject[] = [];
    if (props.createNamespace ?? true) foundation.push(this.renderNamespace(s));
    if (props.localDevPasswords) {
      foundation.push(
        new k8s.KubeSecret(this, 'LocalDevSecret', {
          metadata: {
            name: s.credentials.secretName,
            namespace: this.namespace,
            labels: s.namespaceLabels,
            annotations: { [ignoreAnnotation('secret-with-data')]: LOCAL_DEV_PASSWORDS_REASON },
          },
          type: 'Opaque',
          stringData: { [s.credentials.passwordKey]: props.localDevPasswords.password, [s.credentials.rootPasswordKey]: props.localDevPasswords.rootPassword },
        }),
      );
    }
    foundation.push(new k8s.KubeConfigMap(this, 'Config', { metadata: { name: s.configName, namespace: this.namespace, labels: s.appLabels }, data: s.configData }));
    return foundation;
  }

  private renderNamespace(s: Settings): ApiObject {
    const namespaceObject = new k8s.KubeNamespace(this, 'Namespace', {
      metadata: {
        name: this.namespace,
        labels: {
          ...s.namespaceLabels,
          // baseline is what the official images meet (Apache starts as root); restricted is reported.
          'pod-security.kubernetes.io/enforce': 'baseline',
          'pod-security.kubernetes.io/enforce-version': 'v1.27',
          'pod-security.kubernetes.io/warn': 'restricted',
          'pod-security.kubernetes.io/warn-version': 'v1.27',
          'pod-security.kubernetes.io/audit': 'restricted',
          'pod-security.kubernetes.io/audit-version': 'v1.27',
        },
      },
    });
    // A Namespace is cluster-scoped: the Chart's namespace, which cdk8s gives every object, is not its own.
    if (Chart.of(this).namespace !== undefined) namespaceObject.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    keepOnDeleteAndPrune(namespaceObject);
    return namespaceObject;
  }

  private renderContentClaim(s: Settings): k8s.KubePersistentVolumeClaim {
    const { storage } = s;
    const claim = new k8s.KubePersistentVolumeClaim(this, 'WordpressContent', {
      metadata: { name: storage.claimName, namespace: this.namespace, labels: s.appLabels },
      spec: {
        accessModes: [storage.accessMode],
        storageClassName: storage.storageClassName,
        resources: { requests: { storage: k8s.Quantity.fromString(storage.size) } },
      },
    });
    keepOnDeleteAndPrune(claim);
    mapFieldsToProps(claim, () => ({
      'spec.resources[storage]': 'storage.size',
      'spec.storageClassName': 'storage.storageClassName',
      'spec.accessModes': 'storage.accessMode',
    }));
    return claim;
  }

  /** What the database tier is bound with; its clients are the WordPress and wp-cli pods. */
  private databaseBinding(props: WordpressAppProps, s: Settings): Parameters<WordpressDatabase['bind']>[1] {
    return {
      name: s.name,
      namespace: this.namespace,
      instance: s.name,
      partOf: s.partOf,
      clients: [selectorLabels(s.wordpressIdentity), selectorLabels(s.cliIdentity)],
      database: props.databaseName ?? WORDPRESS_DEFAULTS.database,
      user: props.databaseUser ?? WORDPRESS_DEFAULTS.user,
      credentials: s.credentials,
    };
  }

  /** The environment of WordPress and its wp-cli Jobs: the database, the salts and the wp-config.php settings. */
  private wordpressEnv(props: WordpressAppProps, s: Settings): Record<string, EnvValue> {
    const db = this.database;
    return {
      WORDPRESS_DB_HOST: `${db.host}:${db.port}`,
      WORDPRESS_DB_USER: db.user,
      WORDPRESS_DB_NAME: db.database,
      WORDPRESS_DB_PASSWORD: { secretKeyRef: { name: db.passwordSecret.name, key: db.passwordSecret.key } },
      ...saltEnv(s.saltsSecretName),
      WORDPRESS_CONFIG_EXTRA: [
        stackConfigExtra(s.budget), ...(db.tls ? ["define('MYSQL_CLIENT_FLAGS', MYSQLI_CLIENT_SSL);"] : []), ...(props.smtp ? [SMTP_CONFIG_PHP] : []), props.configExtra,
      ].filter(Boolean).join('\n'),
      ...(db.tls ? { [DB_TLS_VARIABLE]: 'true' } : {}),
      ...(props.smtp ? smtpEnv(props.smtp) : {}),
      ...props.extraEnv,
    };
  }

  private renderWordpress(props: WordpressAppProps, s: Settings, env: Record<string, EnvValue>): ZeroDowntimeDeployment {
    // An invalid or missing siteUrl is already refused; the objects are still built so that the nested
    // constructs report their own problems in the same run.
    const url = typeof s.siteUrl === 'string' ? safeUrl(s.siteUrl) : undefined;
    const host = url?.host ?? 'invalid.invalid';
    const wordpress = new ZeroDowntimeDeployment(this, 'Wordpress', {
      name: s.name,
      namespace: this.namespace,
      image: s.image,
      // The image's entrypoint and command, after the script that keeps deleted bundled plugins and themes deleted.
      command: ['/bin/sh', '-c', bundledScript(WP_CONTENT), 'wordpress-k8s'],
      args: ['apache2-foreground'],
      port: 80,
      portName: 'wdport',
      appName: s.wordpressIdentity.name,
      instance: s.wordpressIdentity.instance,
      component: s.wordpressIdentity.component,
      partOf: s.partOf,
      labels: { tier: 'frontend' },
      env,
      replicas: props.replicas,
      autoscaling: s.autoscaling,
      resources: s.resources,
      readinessProbe: Probe.httpGet({
        path: READY_PATH,
        httpHeaders: { Host: host, ...(url?.protocol === 'https:' ? { 'X-Forwarded-Proto': 'https' } : {}) },
        ...READINESS_TIMINGS,
      }),
      startupProbe: Probe.tcpSocket(STARTUP_TIMINGS),
      livenessProbe: props.livenessProbe ?? Probe.tcpSocket(LIVENESS_TIMINGS),
      shutdownBudgetSeconds: props.shutdownBudgetSeconds ?? WORDPRESS_DEFAULTS.shutdownBudgetSeconds,
      volumes: wordpressVolumes(props, s),
      podSecurityContext: POD_SECURITY,
      securityContext: APACHE_SECURITY,
      // subPath mounts do not follow ConfigMap changes: a new checksum rolls the pods instead.
      podAnnotations: {
        'checksum/config': createHash('sha256').update(JSON.stringify(s.configData)).digest('hex'),
        // The files go to the Velero Schedule's file-system backup; the database has its own dumps.
        ...(props.velero ? veleroBackupVolumes(['wp-content']) : {}),
        ...(props.metrics ? { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(METRICS_PORT) } : {}),
      },
      service: { type: props.serviceType ?? 'ClusterIP', port: 80 },
      changeCause: props.changeCause,
    });
    // WordPress never talks to the Kubernetes API.
    wordpress.deployment.addJsonPatch(JsonPatch.add('/spec/template/spec/automountServiceAccountToken', false));
    if (props.metrics) wordpress.deployment.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/-', exporterContainer(props.metrics)));
    return wordpress;
  }

  private renderWpCli(props: WordpressAppProps, s: Settings, env: Record<string, EnvValue>): WpCli {
    return new WpCli(this, 'WpCli', {
      instance: s.name,
      namespace: this.namespace,
      partOf: s.partOf,
      wordpressImage: s.image,
      cliImage: s.cliImage,
      env,
      claimName: s.storage.claimName,
      claimSubPath: s.storage.subPath,
      siteUrl: s.siteUrl ?? '',
      siteTitle: props.siteTitle ?? WORDPRESS_DEFAULTS.siteTitle,
      admin: s.admin,
      cron: s.cron,
      resources: guaranteedResources(WORDPRESS_DEFAULTS.cliResources),
      hookWave: s.argo ? SYNC_WAVES.application : undefined,
    });
  }

  private renderNetworkPolicies(props: WordpressAppProps, s: Settings): k8s.KubeNetworkPolicy[] {
    if (!(props.networkPolicies ?? true)) return [];
    return new WordpressNetworkPolicies(this, 'NetworkPolicies', {
      name: s.name,
      namespace: this.namespace,
      labels: s.appLabels,
      wordpressPods: this.wordpress.selector,
      wordpressPort: 80,
      cliPods: this.wpCli.podSelector,
      cronPods: this.wpCli.cronPodSelector,
      database: this.database,
      ingressController: props.ingressController ?? TRAEFIK_PODS,
      dns: props.clusterDns ?? CLUSTER_DNS_PODS,
      egress: s.egress,
      metricsScraper: props.metrics ? { pods: props.metrics.scraper ?? PROMETHEUS_PODS, port: METRICS_PORT } : undefined,
    }).policies;
  }

  /**
   * cert-manager's HTTP-01 solver pods run in this namespace while a certificate is ordered: the
   * default-deny must let the ingress controller reach them.
   */
  private renderAcmeSolverPolicy(props: WordpressAppProps, s: Settings): ApiObject | undefined {
    if (!((props.networkPolicies ?? true) && props.ingress)) return undefined;
    return new ApiObject(this, 'AcmeSolverPolicy', acmeHttp01SolverPolicy({
      name: `${s.name}-acme-http01-solver`, namespace: this.namespace, labels: s.appLabels, ingressController: props.ingressController ?? TRAEFIK_PODS,
      nodeCidrs: props.ingressController?.nodeCidrs,
    }));
  }

  /**
   * The database tier's custom resources after the plain objects, so that `kubectl apply -f` creates
   * everything a cluster without the operator's CRDs can take before it reaches them.
   */
  private applyCustomResourcesLast(databaseTier: Construct | undefined, acmeSolverPolicy: ApiObject | undefined): void {
    databaseTier?.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c) && c.apiVersion.includes('.') && !c.apiVersion.split('/')[0].endsWith('k8s.io'))
      .forEach((o) => o.addDependency(this.wordpress, this.wpCli, ...this.networkPolicies, ...(acmeSolverPolicy ? [acmeSolverPolicy] : [])));
  }

  private assignSyncWaves(foundation: ApiObject[], databaseTier: Construct | undefined, acmeSolverPolicy: ApiObject | undefined): void {
    [...foundation, ...this.networkPolicies, ...(acmeSolverPolicy ? [acmeSolverPolicy] : [])].forEach((o) => setSyncWave(o, SYNC_WAVES.foundation));
    if (databaseTier) {
      setSyncWave(databaseTier, SYNC_WAVES.database);
      // Backup claims and the CronJobs that mount them last: a WaitForFirstConsumer claim stays Pending
      // until the first scheduled run, and Argo CD would wait for it before any later wave.
      databaseTier.node.findAll().filter((c) => ApiObject.isApiObject(c) && ['PersistentVolumeClaim', 'CronJob'].includes((c as ApiObject).kind))
        .forEach((o) => setSyncWave(o, SYNC_WAVES.ingress));
    }
    // The claim in the wave of its first consumers: a WaitForFirstConsumer claim stays Pending until a pod mounts it.
    [this.contentClaim, this.wpCli.cronJob].forEach((o) => setSyncWave(o, SYNC_WAVES.application));
    setSyncWave(this.wordpress, SYNC_WAVES.application);
    this.ingressObjects.forEach((o) => setSyncWave(o, SYNC_WAVES.ingress));
  }
}

/** The props with the stack's defaults filled in, and the names and labels derived from them. */
function resolveSettings(props: WordpressAppProps) {
  const d = WORDPRESS_DEFAULTS;
  const name = props.name ?? d.name;
  const php = { ...DEFAULT_WORKER_BUDGET, ...DEFAULT_WEB_TIER, ...props.php };
  const budget: PhpWorkerBudget = { maxRequestWorkers: php.maxRequestWorkers, phpMemoryLimitMi: php.phpMemoryLimitMi, opcacheMemoryMi: php.opcacheMemoryMi };
  const webTier: WebTierSettings = { uploadMaxFilesize: php.uploadMaxFilesize, postMaxSize: php.postMaxSize, keepAliveTimeoutSeconds: php.keepAliveTimeoutSeconds };
  // Typed as the props interface, so the resolved settings reuse its declarations (and their docs).
  const cron: Required<WordpressCronProps> = { ...CRON_DEFAULTS, ...props.cron };
  const partOf = 'wordpress';
  return {
    name,
    storage: { ...d.storage, claimName: `${name}-wp-content`, ...props.storage },
    credentials: props.credentials ?? d.credentials,
    autoscaling: props.replicas === undefined ? props.autoscaling ?? d.autoscaling : props.autoscaling,
    image: props.image ?? d.image,
    resources: props.resources ?? guaranteedResources(d.resources),
    budget,
    webTier,
    siteUrl: props.siteUrl ?? (props.ingress ? `https://${props.ingress.host}` : undefined),
    admin: { secretName: `${name}-admin`, userKey: 'user', passwordKey: 'password', emailKey: 'email', ...props.admin },
    saltsSecretName: props.saltsSecretName ?? `${name}-salts`,
    cron,
    egress: withSmtpPort({ ...d.egress, ...props.egress }, props.smtp),
    cliImage: props.cliImage ?? d.cliImage,
    partOf,
    namespaceLabels: { 'app.kubernetes.io/part-of': partOf, 'app.kubernetes.io/managed-by': MANAGED_BY },
    appLabels: standardLabels({ name: 'wordpress', instance: name, partOf }),
    wordpressIdentity: { name: 'wordpress', instance: name, component: 'frontend', partOf },
    cliIdentity: { name: 'wordpress', instance: name, component: 'wp-cli' },
    argo: props.syncWaves ?? true,
    configName: `${name}-config`,
    configData: {
      'apache.conf': apacheConfig(budget, webTier) + (props.metrics ? `\n${apacheStatusConfig(CONFIG_DIR)}` : ''),
      'php.ini': phpIni(budget, webTier),
      'ready.php': readinessScript(),
      ...(props.htaccess !== undefined ? { [HTACCESS_KEY]: props.htaccess } : {}),
    },
  };
}

/** The egress with the SMTP relay's port added, when it is not there. */
function withSmtpPort(egress: Required<WordpressEgressProps>, smtp: WordpressAppProps['smtp']): Required<WordpressEgressProps> {
  const port = smtp?.port ?? SMTP_DEFAULT_PORT;
  return smtp === undefined || egress.ports.includes(port) ? egress : { ...egress, ports: [...egress.ports, port] };
}

/** The stack's resolved settings. */
type Settings = ReturnType<typeof resolveSettings>;

/** The WordPress pods' volumes: core from the image, wp-content from the claim, Apache and PHP settings from the ConfigMap. */
function wordpressVolumes(props: WordpressAppProps, s: Settings): VolumeProps[] {
  const { storage, configName } = s;
  return [
    // Core comes from the image: the entrypoint copies it here at every start, so the image's version is the one served.
    { name: 'docroot', mountPath: DOCROOT, source: { emptyDir: { sizeLimit: '256Mi' } } },
    { name: 'wp-content', mountPath: WP_CONTENT, subPath: storage.subPath, source: { persistentVolumeClaim: { claimName: storage.claimName, accessMode: storage.accessMode } } },
    { name: 'apache-config', mountPath: '/etc/apache2/conf-enabled/zz-wordpress-k8s.conf', subPath: 'apache.conf', readOnly: true, source: { configMap: { name: configName } } },
    { name: 'php-config', mountPath: '/usr/local/etc/php/conf.d/zz-wordpress-k8s.ini', subPath: 'php.ini', readOnly: true, source: { configMap: { name: configName } } },
    { name: 'ready', mountPath: CONFIG_DIR, readOnly: true, source: { configMap: { name: configName } } },
    // The entrypoint leaves an existing .htaccess alone; WordPress, finding it read-only, shows its rules instead of writing them.
    ...(props.htaccess !== undefined
      ? [{ name: 'htaccess', mountPath: `${DOCROOT}/.htaccess`, subPath: HTACCESS_KEY, readOnly: true, source: { configMap: { name: configName } } }] : []),
  ];
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Records every problem, reported at synth with those of the nested constructs. */
function validate(scope: Construct, props: WordpressAppProps, r: ResolvedWordpressProps): void {
  const check = new PropChecker();
  if (props.localDevPasswords && !props.allowPasswordsInManifests) {
    check.add('localDevPasswords', '(redacted)', 'would write passwords into dist/, which is committed to Git',
      'create the Secret with kubectl (see the README) and drop localDevPasswords, or set allowPasswordsInManifests: true for a local experiment');
  }
  if (props.replicas !== undefined && props.autoscaling !== undefined) {
    check.add('replicas', props.replicas, 'is set together with autoscaling; the HPA owns the replica count', 'drop one of them');
  }
  const multiAttach = multiAttachProblem(r.storage.accessMode, 1, r.mostPods);
  if (multiAttach) check.add('storage.accessMode', r.storage.accessMode, `${multiAttach}; every WordPress pod mounts wp-content`, MULTI_ATTACH_FIX);
  for (const key of Object.keys(props.extraEnv ?? {})) {
    if (OWN_ENV.includes(key)) {
      check.add(`extraEnv.${key}`, '(set by the stack)', 'would override what the stack sets (database, salts, wp-config.php settings)',
        key === 'WORDPRESS_CONFIG_EXTRA' ? 'put the PHP into configExtra' : 'drop it; use database, databaseName, databaseUser, credentials or saltsSecretName');
    }
  }
  props.ingress?.validate(check, 'ingress');
  validateWordpressProps(check, props, r);
  check.reportTo(scope);
}

/**
 * The embedded database's settings without those refused as `mysql.*` (reported by WordpressApp under
 * the prop the user wrote), so that the database construct inside does not report them again.
 */
function unrefusedSettings(mysql: WordpressAppProps['mysql']): NonNullable<WordpressAppProps['mysql']> {
  const refused = new Set(WordpressDatabase.embedded({ ...mysql })._problems('mysql').map((p) => p.prop.split('.')[1]));
  return Object.fromEntries(Object.entries(mysql ?? {}).filter(([key]) => !refused.has(key)));
}
