import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import * as k8s from '../../imports/k8s';
import { InnoDbCluster, InnoDbClusterSpecServiceDefaultPort, InnoDbClusterSpecServiceType } from '../../imports/mysql-operator-mysql.oracle.com';
import { acceptProps, withholdFields } from '../core/accept-props';
import { PropChecker } from '../core/configuration-error';
import { MYSQL_INNODB_CLUSTER_PROPS } from './props-spec';
import { AppIdentity, selectorLabels, standardLabels } from '../core/labels';
import { ComputeResources, guaranteedResources } from '../deployment/container';
import { QosClass, resourceProblems } from '../policy/qos';
import { MYSQL_APP_USER_SCRIPT } from './scripts';
import { DatabaseConnection } from './connection';
import { INNODB_BACKUP_DEFAULTS } from './innodb-backup';
import { mysqlTuningConf } from './mysql-tuning';
import { ignoreAnnotation } from '../audit/annotations';
import { KEEP_ON_DELETE_AND_PRUNE, SYNC_OPTIONS_ANNOTATION } from '../grammar/argocd';
import { InnoDbClusterNetworkPolicies, ROUTER_PORTS } from './innodb-network';
import { DatabaseClientPolicy } from './network';
import { scriptJobSpec } from './script-job';
import { DatabaseChecks } from './validate';
import { DNS1035_LABEL } from '../validation/names';
import { deepFreeze } from '../grammar/freeze';
import { compareMysqlVersions, parseMysqlVersion } from './mysql-version';
import type { MysqlInnoDbClusterProps } from './innodb-cluster-props';

export type { MysqlInnoDbClusterProps } from './innodb-cluster-props';
export { jobDigest } from './job-digest';
import { jobDigest } from './job-digest';

/** MySQL versions the MySQL Operator 2.2.2 accepts (mysqloperator/controller/config.py), and the one it cannot run. */
export const MYSQL_OPERATOR_VERSIONS = deepFreeze({ operator: '2.2.2', min: '8.0.27', max: '9.1.0', disabled: ['8.0.29'] } as const);

/** The defaults of a MysqlInnoDbCluster, in one place. */
export const INNODB_CLUSTER_DEFAULTS = deepFreeze({
  version: '8.4.3',
  instances: 3,
  routers: 2,
  spread: 'required' as const,
  storageSize: '20Gi',
  resources: { cpu: '1', memory: '2Gi' },
  sidecarResources: { cpu: '250m', memory: '512Mi' },
  routerResources: { cpu: '250m', memory: '256Mi' },
});

/** Why the MySQL Operator would refuse this server version. */
export function operatorVersionProblem(version: string): string | undefined {
  const v = MYSQL_OPERATOR_VERSIONS;
  const parsed = /^\d+\.\d+\.\d+$/.test(version) ? parseMysqlVersion(version) : undefined;
  if (!parsed) return 'is not a pinned x.y.z version';
  const [min, max] = [parseMysqlVersion(v.min)!, parseMysqlVersion(v.max)!];
  if (compareMysqlVersions(parsed, min) < 0 || compareMysqlVersions(parsed, max) > 0) return `is outside the range MySQL Operator ${v.operator} runs (${v.min} to ${v.max})`;
  if ((v.disabled as readonly string[]).includes(version)) return `is disabled by MySQL Operator ${v.operator}`;
  return undefined;
}

/** Checks a cluster's props; shared with WordpressDatabase.innoDbCluster, which checks before any construct exists. */
export function innoDbClusterProblems(check: PropChecker, prefix: string, props: Partial<MysqlInnoDbClusterProps>, secretProp = 'secretName'): void {
  const d = INNODB_CLUSTER_DEFAULTS;
  const db = new DatabaseChecks(check);
  db.secretName(`${prefix}${secretProp}`, props.secretName);
  const version = props.version ?? d.version;
  const versionProblem = operatorVersionProblem(version);
  if (versionProblem) check.add(`${prefix}version`, version, versionProblem, `use ${d.version} (the 8.4 LTS line)`);
  if (props.name !== undefined && (props.name.length > 40 || !DNS1035_LABEL.test(props.name))) {
    check.add(`${prefix}name`, props.name, 'is not a DNS label of at most 40 characters, as the InnoDBCluster CRD requires', "use a short name such as 'wordpress-mysql'");
  }
  const instances = props.instances ?? d.instances;
  const routers = props.routers ?? d.routers;
  check.wholeNumber(`${prefix}instances`, instances, 1);
  check.wholeNumber(`${prefix}routers`, routers, 1);
  if (instances > 9) check.add(`${prefix}instances`, instances, 'is above the 9 members Group Replication and the CRD allow', 'use 3, 5, 7 or 9');
  if (!props.allowReducedAvailability) {
    if (instances < 3) {
      check.add(`${prefix}instances`, instances, 'cannot survive the loss of one member: Group Replication needs a majority of the group to stay writable',
        'use 3 (or set allowReducedAvailability: true for a test cluster)');
    }
    if (routers < 2) {
      check.add(`${prefix}routers`, routers, 'is a single router: a drain or crash of its pod cuts every client off the database',
        'use 2 (or set allowReducedAvailability: true for a test cluster)');
    }
  }
  if (props.storageSize !== undefined) db.storageSize(`${prefix}storageSize`, props.storageSize);
  for (const key of ['resources', 'sidecarResources', 'routerResources'] as const) {
    const amounts = props[key];
    if (amounts) check.addFindingsAt(resourceProblems(guaranteedResources(amounts as { cpu: string; memory: string }), QosClass.GUARANTEED), `${prefix}${key}`,
      guaranteedResources(amounts as { cpu: string; memory: string }));
  }
  if (props.tls) {
    db.secretName(`${prefix}tls.caSecretName`, props.tls.caSecretName);
    db.secretName(`${prefix}tls.secretName`, props.tls.secretName);
  }
  if (props.application) {
    db.databaseName(`${prefix}application.database`, props.application.database);
    db.applicationUser(`${prefix}application.user`, props.application.user);
    db.secretName(`${prefix}application.passwordSecret.name`, props.application.passwordSecret?.name);
  }
  if (!props.disableBackups) {
    if (props.backup?.schedule !== undefined) db.schedule(`${prefix}backup.schedule`, props.backup.schedule);
    if (props.backup?.storage) props.backup.storage._validate(check, `${prefix}backup.storage.`);
    else {
      check.add(`${prefix}backup.storage`, props.backup?.storage, 'is required: the dumps must say where they go, and a claim in the cluster is not off-site',
        "give InnoDbBackupStorage.s3({ bucketName: 'my-backups', configSecretName: 'mysql-backup-s3' }), or InnoDbBackupStorage.persistentVolumeClaim() "
        + 'to keep them in the cluster knowingly, or set disableBackups: true');
    }
  }
  if (props.restoreFrom) restoreProblems(check, prefix, props);
}

/** Checks restoreFrom: a dump name the operator writes, in storage that can be read back. */
function restoreProblems(check: PropChecker, prefix: string, props: Partial<MysqlInnoDbClusterProps>): void {
  const restore = props.restoreFrom!;
  if (typeof restore.dumpName !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(restore.dumpName)) {
    check.add(`${prefix}restoreFrom.dumpName`, restore.dumpName, 'is not the name of one dump (a directory name, no slashes)',
      "give the directory the operator wrote, e.g. 'wordpress-mysql-daily250101031700' (list the bucket's prefix)");
  }
  const storage = restore.storage ?? (props.disableBackups ? undefined : props.backup?.storage);
  if (!storage) {
    check.add(`${prefix}restoreFrom.storage`, storage, 'is required: there is no backup storage to read the dump from',
      'give InnoDbBackupStorage.s3({ bucketName, configSecretName }) where the dump is');
  } else if (!storage._restoreSource('x', props.name ?? '')) {
    check.add(`${prefix}restoreFrom.storage`, 'InnoDbBackupStorage.persistentVolumeClaim()', 'cannot be read by a new cluster: the dumps\' claim is bound to the old one',
      'restore from off-site storage (InnoDbBackupStorage.s3), which is why it is the backup storage to choose');
  } else {
    storage._validate(check, `${prefix}restoreFrom.storage.`);
  }
}

/** Spreads pods with these labels over nodes. */
function antiAffinity(spread: 'required' | 'preferred', matchLabels: Record<string, string>): Record<string, unknown> {
  const term = { labelSelector: { matchLabels }, topologyKey: 'kubernetes.io/hostname' };
  return spread === 'required'
    ? { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } }
    : { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term }] } };
}

/** Requests = limits, as plain JSON for the CR's podSpec (merged by container name by the operator). */
function guaranteed(amounts: ComputeResources): { requests: ComputeResources; limits: ComputeResources } {
  return { requests: { ...amounts }, limits: { ...amounts } };
}

/**
 * A MySQL InnoDB Cluster run by the MySQL Operator (mysql/mysql-operator, installed once per cluster):
 * `instances` Group Replication members on separate nodes behind `routers` MySQL Routers, Guaranteed
 * resources, a pinned version, the operator's scheduled dumps, and a Job that creates the application's
 * database and non-root user. The operator adds a PodDisruptionBudget (maxUnavailable 1) for the servers.
 *
 * Clients connect to the Service named after the cluster on 3306, which the routers forward to the
 * current primary (router port 6446).
 */
export class MysqlInnoDbCluster extends Construct {
  /** The InnoDBCluster. */
  public readonly cluster!: InnoDbCluster;
  /** The Job that creates the application database and user. */
  public readonly userJob!: k8s.KubeJob;
  /** How the application connects. */
  public readonly connection!: DatabaseConnection;
  /** The routers' PodDisruptionBudget (the operator renders one for the servers only). */
  public readonly routerDisruptionBudget!: k8s.KubePodDisruptionBudget;

  constructor(scope: Construct, id: string, props: MysqlInnoDbClusterProps) {
    super(scope, id);
    const problems = (p: MysqlInnoDbClusterProps) => {
      const check = new PropChecker();
      innoDbClusterProblems(check, '', p);
      return check.all;
    };
    if (!acceptProps(this, 'MysqlInnoDbCluster', props, MYSQL_INNODB_CLUSTER_PROPS, problems)) {
      withholdFields(this, ['cluster', 'userJob', 'connection', 'routerDisruptionBudget']);
      return;
    }
    const s = resolveClusterSettings(props, Chart.of(this).namespace ?? 'default');
    const backups = this.renderBackups(props, s);
    this.connection = clusterConnection(props, s.routerPods);

    const jobIdentity: AppIdentity = { ...props.identity, name: 'mysql-app-user', component: 'database-setup' };
    this.userJob = this.renderUserJob(props, s, jobIdentity);
    new DatabaseClientPolicy(this, 'UserJobEgress', {
      name: `${props.name}-app-user`, namespace: s.namespace, labels: standardLabels(jobIdentity), podSelector: selectorLabels(jobIdentity), connection: this.connection,
    });
    new InnoDbClusterNetworkPolicies(this, 'NetworkPolicies', {
      clusterName: props.name, namespace: s.namespace, labels: s.labels, operatorNamespace: props.operatorNamespace,
      clients: [...(props.clients ?? []), selectorLabels(jobIdentity)],
    });
    this.routerDisruptionBudget = this.renderRouterDisruptionBudget(props, s);
    // The custom resource last: `kubectl apply -f` then creates the plain objects before the CRD-backed one.
    this.cluster = new InnoDbCluster(this, 'Cluster', {
      metadata: {
        name: props.name, namespace: s.namespace, labels: s.labels,
        // Argo CD keeps the cluster when its Application is deleted or it leaves Git: with it go the operator's
        // generated Secrets (owned by the cluster), without which the kept datadirs cannot be administered.
        annotations: { [SYNC_OPTIONS_ANNOTATION]: KEEP_ON_DELETE_AND_PRUNE },
      },
      spec: { ...clusterSpec(props, s), ...backups },
    });
  }

  /**
   * The operator's backup profile and daily schedule, with what the storage renders (a claim, for one).
   * Without backup.storage the props are refused (innoDbClusterProblems); nothing is rendered for the dumps.
   */
  private renderBackups(props: MysqlInnoDbClusterProps, s: ClusterSettings) {
    const backupStorage = props.disableBackups ? undefined : props.backup?.storage;
    if (!backupStorage) return backupStorage;
    const scheduleName = 'daily';
    const storage = backupStorage._render(this, {
      name: props.name, namespace: s.namespace, image: s.image, labels: standardLabels({ ...props.identity, name: 'mysql-backup', component: 'backup' }), identity: props.identity,
      storageClassName: props.storageClassName, scheduleName,
    });
    // The operator's backup pods join the cluster's members, which the NetworkPolicies let talk to each other.
    const backupLabels = { ...standardLabels({ ...props.identity, name: 'mysql-backup', component: 'backup' }), 'mysql.oracle.com/cluster': props.name };
    return {
      backupProfiles: [{ name: 'dump', podLabels: backupLabels, dumpInstance: { storage } }],
      backupSchedules: [{
        name: scheduleName,
        schedule: props.backup!.schedule ?? INNODB_BACKUP_DEFAULTS.schedule,
        backupProfileName: 'dump',
        enabled: true,
        deleteBackupData: false,
        ...(props.backup!.timeZone ? { timeZone: props.backup!.timeZone } : {}),
      }],
    };
  }

  /** The Job that creates the application's database and non-root user through the routers. */
  private renderUserJob(props: MysqlInnoDbClusterProps, s: ClusterSettings, jobIdentity: AppIdentity): k8s.KubeJob {
    const app = props.application;
    const jobLabels = standardLabels(jobIdentity);
    const env = {
      DB_HOST: this.connection.host,
      DB_PORT: String(this.connection.port),
      DB_USER: { secretKeyRef: { name: props.secretName, key: 'rootUser', optional: true } },
      MYSQL_PWD: { secretKeyRef: { name: props.secretName, key: 'rootPassword' } },
      APP_DATABASE: app.database,
      APP_USER: app.user,
      APP_PASSWORD: { secretKeyRef: { name: app.passwordSecret.name, key: app.passwordSecret.key } },
    };
    const spec = scriptJobSpec({
      name: 'create-user',
      image: s.image,
      script: MYSQL_APP_USER_SCRIPT,
      env,
      resources: guaranteedResources(INNODB_BACKUP_DEFAULTS.jobResources),
      podLabels: jobLabels,
      runAsUser: 27,
      // The script waits up to 10 minutes for the routers; the cluster's first start takes a few.
      activeDeadlineSeconds: 1800,
      backoffLimit: 6,
    });
    return new k8s.KubeJob(this, 'UserJob', {
      metadata: { name: `${props.name}-app-user-${jobDigest({ env, image: s.image })}`, namespace: s.namespace, labels: jobLabels },
      spec,
    });
  }

  /** The operator's Router Deployment has no PodDisruptionBudget of its own: without one a drain may take both routers at once. */
  private renderRouterDisruptionBudget(props: MysqlInnoDbClusterProps, s: ClusterSettings): k8s.KubePodDisruptionBudget {
    return new k8s.KubePodDisruptionBudget(this, 'RouterDisruptionBudget', {
      metadata: {
        name: `${props.name}-router`, namespace: s.namespace, labels: s.labels,
        annotations: { [ignoreAnnotation('pdb-selects-nothing')]: "the MySQL Operator creates the routers' Deployment from the InnoDBCluster" },
      },
      spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: s.routerPods } },
    });
  }
}

/** The props with the defaults filled in, and the labels and image derived from them. */
function resolveClusterSettings(props: MysqlInnoDbClusterProps, chartNamespace: string) {
  const version = props.version ?? INNODB_CLUSTER_DEFAULTS.version;
  return {
    namespace: props.namespace ?? chartNamespace,
    version,
    labels: standardLabels({ ...props.identity, name: 'mysql', component: 'database' }),
    image: `container-registry.oracle.com/mysql/community-server:${version}`,
    // The operator's own pod labels (cluster_objects.py, router_objects.py); it adds them, we only select by them.
    serverPods: { component: 'mysqld', tier: 'mysql', 'mysql.oracle.com/cluster': props.name },
    routerPods: { component: 'mysqlrouter', tier: 'mysql', 'mysql.oracle.com/cluster': props.name },
  };
}

/** The cluster's resolved settings. */
type ClusterSettings = ReturnType<typeof resolveClusterSettings>;

/** How the application connects: to the Service named after the cluster, which the routers serve. */
function clusterConnection(props: MysqlInnoDbClusterProps, routerPods: Record<string, string>): DatabaseConnection {
  const d = INNODB_CLUSTER_DEFAULTS;
  const app = props.application;
  return {
    host: props.name,
    port: 3306,
    database: app.database,
    user: app.user,
    passwordSecret: app.passwordSecret,
    egressPeers: [{ podSelector: { matchLabels: routerPods } }],
    peerPorts: [ROUTER_PORTS.readWrite],
    availability: `InnoDB Cluster of ${props.instances ?? d.instances} servers behind ${props.routers ?? d.routers} routers: `
      + 'a restart, drain or node loss of one server fails over to another primary in seconds; upgrades roll one server at a time',
  };
}

/** The InnoDBCluster's spec but for the backups: servers, routers, storage, TLS, restore and Guaranteed pods. */
function clusterSpec(props: MysqlInnoDbClusterProps, s: ClusterSettings) {
  const d = INNODB_CLUSTER_DEFAULTS;
  const spread = props.spread ?? d.spread;
  const resources = props.resources ?? d.resources;
  const sidecar = props.sidecarResources ?? d.sidecarResources;
  // The operator's selectors use its own app.kubernetes.io labels: overriding them in the pod template
  // would make the StatefulSet's selector miss its pods, so only part-of is added.
  const podLabels = props.identity.partOf ? { podLabels: { 'app.kubernetes.io/part-of': props.identity.partOf } } : {};
  const restoreStorage = props.restoreFrom && (props.restoreFrom.storage ?? props.backup?.storage)?._restoreSource(props.restoreFrom.dumpName, props.name);
  return {
    secretName: props.secretName,
    version: s.version,
    edition: 'community',
    instances: props.instances ?? d.instances,
    ...(props.tls ? { tlsCaSecretName: props.tls.caSecretName, tlsSecretName: props.tls.secretName } : { tlsUseSelfSigned: true }),
    datadirVolumeClaimTemplate: {
      accessModes: ['ReadWriteOnce'],
      ...(props.storageClassName ? { storageClassName: props.storageClassName } : {}),
      resources: { requests: { storage: props.storageSize ?? d.storageSize } },
    },
    mycnf: `[mysqld]\ncharacter-set-server=utf8mb4\ncollation-server=utf8mb4_unicode_ci\n${mysqlTuningConf(resources.memory)}`,
    ...(restoreStorage ? { initDb: { dump: { name: props.restoreFrom!.dumpName, storage: restoreStorage } } } : {}),
    ...podLabels,
    podSpec: {
      affinity: antiAffinity(spread, s.serverPods),
      // Every container and init container the operator renders, so that the pod is Guaranteed.
      initContainers: [
        { name: 'fixdatadir', resources: guaranteed(sidecar) },
        { name: 'initconf', resources: guaranteed(sidecar) },
        { name: 'initmysql', resources: guaranteed(resources) },
      ],
      containers: [
        { name: 'sidecar', resources: guaranteed(sidecar) },
        { name: 'mysql', resources: guaranteed(resources) },
      ],
    },
    router: {
      instances: props.routers ?? d.routers,
      ...podLabels,
      podSpec: {
        affinity: antiAffinity(spread, s.routerPods),
        containers: [{ name: 'router', resources: guaranteed(props.routerResources ?? d.routerResources) }],
      },
    },
    service: { type: InnoDbClusterSpecServiceType.CLUSTER_IP, defaultPort: InnoDbClusterSpecServiceDefaultPort.MYSQL_HYPHEN_RW },
  };
}
