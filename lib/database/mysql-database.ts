import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import * as k8s from '../../imports/k8s';
import { QOS_CLASS_ANNOTATION } from '../audit/annotations';
import { PropChecker } from '../core/configuration-error';
import { acceptProps, withholdFields } from '../core/accept-props';
import { MYSQL_DATABASE_PROPS, mysqlDatabasePropProblems } from './mysql-database-props-spec';
import { DatabaseChecks } from './validate';
import { AppIdentity, selectorLabels, standardLabels } from '../core/labels';
import { DatabaseConnection } from './connection';
import { ContainerResources, guaranteedResources, renderEnv, renderResources } from '../deployment/container';
import { deepFreeze } from '../grammar/freeze';
import { Probe } from '../deployment/probe';
import { imagePinProblem, parseImage } from '../policy/image';
import { mysqlWithoutAuthPluginArg, pinnedMysqlVersion } from './mysql-version';
import { QosClass, resourceProblems } from '../policy/qos';
import type { MysqlDatabaseProps } from './mysql-database-props';
import { CONFIG_MAP_KEY, DNS1123_SUBDOMAIN } from '../validation/names';

export type { MysqlCredentials, MysqlDatabaseProps } from './mysql-database-props';

/** The default server arguments: full Unicode, as WordPress expects. */
export const MYSQL_DEFAULT_ARGS = ['--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci'];

/** The server's resources unless given: Guaranteed 500m CPU and 1Gi. */
export const MYSQL_DEFAULT_RESOURCES = deepFreeze(guaranteedResources({ cpu: '500m', memory: '1Gi' }));

/** The port name clients' Services target. */
const PORT_NAME = 'mysql';

/**
 * A single MySQL server as a StatefulSet with one ReadWriteOnce claim, a ClusterIP Service for clients,
 * the headless Service the StatefulSet requires, and optionally a NetworkPolicy.
 *
 * A StatefulSet rather than a Deployment with Recreate: it never starts a pod for an identity before the
 * old one has terminated, even when a node is lost, so two mysqld can never open the same InnoDB files,
 * and its volumeClaimTemplate binds the data to the pod identity.
 */
export class MysqlDatabase extends Construct {
  /** Name of the client Service (and StatefulSet). */
  public readonly name!: string;
  /** Namespace of every object. */
  public readonly namespace!: string;
  /** `host:port` for clients in the same namespace. */
  public readonly hostAndPort!: string;
  /** Labels that select the MySQL pod. */
  public readonly selector!: Record<string, string>;
  /** The StatefulSet. */
  public readonly statefulSet!: k8s.KubeStatefulSet;
  /** The client Service on 3306. */
  public readonly service!: k8s.KubeService;
  /** The NetworkPolicy, when allowedClients was given. */
  public readonly networkPolicy?: k8s.KubeNetworkPolicy;
  /** How clients reach this database: the client Service, the application user and its password. */
  public readonly connection!: DatabaseConnection;

  constructor(scope: Construct, id: string, props: MysqlDatabaseProps) {
    super(scope, id);
    if (!acceptProps(this, 'MysqlDatabase', props, MYSQL_DATABASE_PROPS, mysqlDatabasePropProblems)) {
      withholdFields(this, ['name', 'namespace', 'hostAndPort', 'selector', 'statefulSet', 'service', 'networkPolicy', 'connection']);
      return;
    }
    const identity: AppIdentity = { name: 'mysql', instance: props.instance ?? props.name, component: 'database', partOf: props.partOf };
    const s: MysqlSettings = {
      image: props.image ?? 'mysql:8.4.3',
      args: props.args ?? MYSQL_DEFAULT_ARGS,
      resources: props.resources ?? MYSQL_DEFAULT_RESOURCES,
      grace: props.terminationGracePeriodSeconds ?? 60,
      storageSize: props.storageSize ?? '20Gi',
      labels: { ...standardLabels(identity), ...props.labels },
    };
    validate(this, props, s.image, s.args, s.resources, s.grace, s.storageSize);

    this.name = props.name;
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? 'default';
    this.hostAndPort = `${this.name}:3306`;
    this.selector = selectorLabels(identity);
    this.connection = {
      host: this.name, port: 3306, database: props.database, user: props.user,
      passwordSecret: { name: props.credentials.secretName, key: props.credentials.passwordKey },
      egressPeers: [{ podSelector: { matchLabels: this.selector } }],
    };
    const headlessName = `${this.name}-headless`;

    this.service = new k8s.KubeService(this, 'Service', {
      metadata: this.objectMetadata(s, this.name),
      spec: { type: 'ClusterIP', selector: this.selector, ports: [{ name: PORT_NAME, port: 3306, targetPort: k8s.IntOrString.fromString(PORT_NAME), protocol: 'TCP' }] },
    });
    new k8s.KubeService(this, 'HeadlessService', {
      metadata: this.objectMetadata(s, headlessName),
      spec: { clusterIp: 'None', publishNotReadyAddresses: true, selector: this.selector,
        ports: [{ name: PORT_NAME, port: 3306, targetPort: k8s.IntOrString.fromString(PORT_NAME), protocol: 'TCP' }] },
    });
    this.statefulSet = this.renderStatefulSet(props, s, headlessName);
    if (props.allowedClients) this.networkPolicy = this.renderNetworkPolicy(s, props.allowedClients);
  }

  private objectMetadata(s: MysqlSettings, name: string, extra: k8s.ObjectMeta = {}): k8s.ObjectMeta {
    return { name, namespace: this.namespace, labels: s.labels, ...extra };
  }

  private renderStatefulSet(props: MysqlDatabaseProps, s: MysqlSettings, headlessName: string): k8s.KubeStatefulSet {
    return new k8s.KubeStatefulSet(this, 'StatefulSet', {
      metadata: this.objectMetadata(s, this.name, { annotations: { ...props.annotations, [QOS_CLASS_ANNOTATION]: s.resources.qosClass ?? QosClass.GUARANTEED } }),
      spec: {
        serviceName: headlessName,
        replicas: 1,
        selector: { matchLabels: this.selector },
        updateStrategy: { type: 'RollingUpdate' },
        revisionHistoryLimit: 10,
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        template: {
          metadata: { labels: { ...s.labels, 'app.kubernetes.io/version': parseImage(s.image).tag ?? 'unknown' } },
          spec: {
            terminationGracePeriodSeconds: s.grace,
            containers: [mysqlContainer(props, s)],
          },
        },
        volumeClaimTemplates: [{
          metadata: { name: 'data', labels: s.labels },
          spec: {
            accessModes: ['ReadWriteOnce'],
            ...(props.storageClassName ? { storageClassName: props.storageClassName } : {}),
            resources: { requests: { storage: k8s.Quantity.fromString(s.storageSize) } },
          },
        }],
      },
    });
  }

  private renderNetworkPolicy(s: MysqlSettings, allowedClients: NonNullable<MysqlDatabaseProps['allowedClients']>): k8s.KubeNetworkPolicy {
    return new k8s.KubeNetworkPolicy(this, 'NetworkPolicy', {
      metadata: this.objectMetadata(s, this.name),
      spec: {
        podSelector: { matchLabels: this.selector },
        policyTypes: ['Ingress'],
        ingress: [{
          from: allowedClients.map((matchLabels) => ({ podSelector: { matchLabels } })),
          ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(3306) }],
        }],
      },
    });
  }
}

/** The props with the defaults filled in, and the labels every object carries. */
interface MysqlSettings {
  readonly image: string;
  readonly args: string[];
  readonly resources: ContainerResources;
  readonly grace: number;
  readonly storageSize: string;
  readonly labels: Record<string, string>;
}

/** The mysql container, with probes that work before the application user exists. */
function mysqlContainer(props: MysqlDatabaseProps, s: MysqlSettings): k8s.Container {
  const secret = (key: string) => ({ secretKeyRef: { name: props.credentials.secretName, key } });
  // mysqladmin ping exits 0 whenever the server answers, even "Access denied", so it needs no password;
  // TCP to 127.0.0.1 fails while the entrypoint's temporary --skip-networking server initializes.
  const ping = ['mysqladmin', 'ping', '--host=127.0.0.1', '--silent'];
  const query = ['/bin/sh', '-c', 'MYSQL_PWD="$MYSQL_PASSWORD" exec mysql --host=127.0.0.1 --user="$MYSQL_USER" --execute="SELECT 1"'];
  return {
    name: 'mysql',
    image: s.image,
    imagePullPolicy: 'IfNotPresent',
    args: s.args,
    ports: [{ name: PORT_NAME, containerPort: 3306, protocol: 'TCP' }],
    env: renderEnv({
      MYSQL_DATABASE: props.database,
      MYSQL_USER: props.user,
      MYSQL_PASSWORD: secret(props.credentials.passwordKey),
      MYSQL_ROOT_PASSWORD: secret(props.credentials.rootPasswordKey),
    }),
    resources: renderResources(s.resources),
    // First start initializes the data directory: allow it 5 minutes.
    startupProbe: Probe.exec(ping, { periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 30 }).toKube(PORT_NAME),
    readinessProbe: Probe.exec(query, { periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 }).toKube(PORT_NAME),
    livenessProbe: Probe.exec(ping, { periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 6 }).toKube(PORT_NAME),
    volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }],
  };
}

function validate(scope: Construct, props: MysqlDatabaseProps, image: string, args: string[], resources: ContainerResources, grace: number, storageSize: string): void {
  const check = new PropChecker();
  const pin = imagePinProblem(image);
  if (pin) check.add('image', image, pin, "pin a version such as 'mysql:8.4.3'");
  const authPlugin = args.find((a) => /^--default[-_]authentication[-_]plugin/.test(a));
  // A tag that floats onto 8.4 (mysql:8, lts) is refused with the props (mysqlDatabasePropProblems).
  if (authPlugin && pinnedMysqlVersion(image) && mysqlWithoutAuthPluginArg(image)) {
    check.add('args', authPlugin, `was removed in MySQL 8.4, so ${image} refuses to start`, 'drop it: WordPress images with PHP >= 7.4 speak caching_sha2_password');
  }
  const wanted = resources.qosClass ?? QosClass.GUARANTEED;
  check.addFindingsAt(resourceProblems(resources, wanted), 'resources', resources);
  check.wholeNumber('terminationGracePeriodSeconds', grace, 1);
  const db = new DatabaseChecks(check);
  db.storageSize('storageSize', storageSize);
  db.databaseName('database', props.database);
  // The image refuses MYSQL_USER=root too: root is configured by MYSQL_ROOT_PASSWORD.
  db.applicationUser('user', props.user);
  for (const field of ['secretName', 'passwordKey', 'rootPasswordKey'] as const) {
    const value = props.credentials?.[field];
    if (!value) check.add(`credentials.${field}`, value, 'is required', 'name the existing Secret and its keys');
    else if (field === 'secretName' && !DNS1123_SUBDOMAIN.test(value))
      check.add('credentials.secretName', value, 'is not a valid Secret name', "use lower-case letters, digits, '-' and '.', e.g. 'wordpress-db-pwd'");
    else if (field !== 'secretName' && !CONFIG_MAP_KEY.test(value))
      check.add(`credentials.${field}`, value, 'is not a valid Secret key', "use letters, digits, '-', '_' or '.', e.g. 'password'");
  }
  check.reportTo(scope);
}
