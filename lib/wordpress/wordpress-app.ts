import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import * as k8s from '../../imports/k8s';
import { ignoreAnnotation } from '../audit/annotations';
import { PropChecker } from '../core/configuration-error';
import { MANAGED_BY, selectorLabels, standardLabels } from '../core/labels';
import { guaranteedResources } from '../deployment/container';
import { setSyncWave } from '../gitops/sync-waves';
import { Probe } from '../deployment/probe';
import { ZeroDowntimeDeployment } from '../deployment/zero-downtime-deployment';
import { MYSQL_DEFAULT_ARGS, MysqlCredentials, MysqlDatabase } from '../mysql/mysql-database';
import { multiAttachProblem, MULTI_ATTACH_FIX } from '../policy/volumes';
import { WordpressAppProps } from './props';
import { acceptProps } from '../core/accept-props';
import { LOCAL_DEV_PASSWORDS_REASON, WORDPRESS_APP_PROPS, wordpressAppPropProblems } from './props-spec';

/** The defaults of the stack, the seed articles' values. */
export const WORDPRESS_DEFAULTS = {
  namespace: 'kube-example',
  name: 'wordpress',
  image: 'wordpress:6.7.1-apache',
  resources: { cpu: '200m', memory: '150Mi' },
  autoscaling: { minReplicas: 3, maxReplicas: 6, cpuUtilization: 20 },
  storage: { storageClassName: 'csi-cephfs', size: '2Gi', accessMode: 'ReadWriteMany' as const },
  mysqlStorageClassName: 'rook-ceph-block',
  database: 'wordpress',
  user: 'wordpress',
  credentials: { secretName: 'wordpress-db-pwd', passwordKey: 'dbpwd', rootPasswordKey: 'rootpwd' } as MysqlCredentials,
};

/** Argo CD sync waves: namespace and storage, then the database, then WordPress, then the ingress. */
export const SYNC_WAVES = { foundation: 0, database: 1, application: 2, ingress: 3 } as const;

/** Variables the stack sets itself; extraEnv may not override them. */
const OWN_ENV = ['WORDPRESS_DB_HOST', 'WORDPRESS_DB_USER', 'WORDPRESS_DB_NAME', 'WORDPRESS_DB_PASSWORD'];

/**
 * The seed articles' production WordPress stack: Namespace, MySQL (StatefulSet, RWO claim, NetworkPolicy
 * that admits only WordPress), WordPress as a ZeroDowntimeDeployment (HPA, PDB, anti-affinity, preStop,
 * Guaranteed QoS, RWX files volume) and an HTTPS ingress. Passwords come from an existing Secret.
 */
export class WordpressApp extends Construct {
  /** Namespace of the stack. */
  public readonly namespace!: string;
  /** The WordPress tier. */
  public readonly wordpress!: ZeroDowntimeDeployment;
  /** The MySQL tier. */
  public readonly mysql!: MysqlDatabase;
  /** The ingress objects (empty without an ingress). */
  public readonly ingressObjects!: ApiObject[];

  constructor(scope: Construct, id: string, props: WordpressAppProps = {}) {
    super(scope, id);
    if (!acceptProps(this, 'WordpressApp', props, WORDPRESS_APP_PROPS, wordpressAppPropProblems)) return;
    const d = WORDPRESS_DEFAULTS;
    const name = props.name ?? d.name;
    this.namespace = props.namespace ?? d.namespace;
    const storage = { ...d.storage, ...props.storage };
    const credentials = props.credentials ?? d.credentials;
    const autoscaling = props.replicas === undefined ? props.autoscaling ?? d.autoscaling : props.autoscaling;
    validate(props, storage.accessMode, autoscaling?.maxReplicas ?? props.replicas ?? 0);
    const partOf = 'wordpress';
    const namespaceLabels = { 'app.kubernetes.io/part-of': partOf, 'app.kubernetes.io/managed-by': MANAGED_BY };
    const appLabels = standardLabels({ name: 'wordpress', instance: name, partOf });

    const foundation: ApiObject[] = [];
    if (props.createNamespace ?? true) {
      foundation.push(new k8s.KubeNamespace(this, 'Namespace', { metadata: { name: this.namespace, labels: namespaceLabels } }));
    }
    if (props.localDevPasswords) {
      foundation.push(new k8s.KubeSecret(this, 'LocalDevSecret', {
        metadata: { name: credentials.secretName, namespace: this.namespace, labels: namespaceLabels, annotations: { [ignoreAnnotation('secret-with-data')]: LOCAL_DEV_PASSWORDS_REASON } },
        type: 'Opaque',
        stringData: { [credentials.passwordKey]: props.localDevPasswords.password, [credentials.rootPasswordKey]: props.localDevPasswords.rootPassword },
      }));
    }
    const claimName = `${name}-pvc`;
    foundation.push(new k8s.KubePersistentVolumeClaim(this, 'WordpressFiles', {
      metadata: { name: claimName, namespace: this.namespace, labels: appLabels },
      spec: {
        accessModes: [storage.accessMode],
        storageClassName: storage.storageClassName,
        resources: { requests: { storage: k8s.Quantity.fromString(storage.size) } },
      },
    }));

    const database = props.databaseName ?? d.database;
    const user = props.databaseUser ?? d.user;
    const mysql = props.mysql ?? {};
    const wordpressIdentity = { name: 'wordpress', instance: name, component: 'frontend', partOf };
    this.mysql = new MysqlDatabase(this, 'Mysql', {
      name: `${name}-mysql`,
      namespace: this.namespace,
      image: mysql.image,
      database,
      user,
      credentials,
      storageClassName: mysql.storageClassName ?? d.mysqlStorageClassName,
      storageSize: mysql.storageSize,
      resources: mysql.resources,
      args: [...MYSQL_DEFAULT_ARGS, ...(mysql.extraArgs ?? [])],
      terminationGracePeriodSeconds: mysql.terminationGracePeriodSeconds,
      allowedClients: [selectorLabels(wordpressIdentity)],
      instance: name,
      partOf,
      labels: { tier: 'mysql' },
      annotations: {
        [ignoreAnnotation('min-replicas')]: 'single-instance MySQL on a ReadWriteOnce volume; a second replica needs replication, which is out of scope',
      },
    });

    this.wordpress = new ZeroDowntimeDeployment(this, 'Wordpress', {
      name,
      namespace: this.namespace,
      image: props.image ?? d.image,
      port: 80,
      portName: 'wdport',
      appName: wordpressIdentity.name,
      instance: wordpressIdentity.instance,
      component: wordpressIdentity.component,
      partOf,
      labels: { tier: 'frontend' },
      env: {
        WORDPRESS_DB_HOST: this.mysql.hostAndPort,
        WORDPRESS_DB_USER: user,
        WORDPRESS_DB_NAME: database,
        WORDPRESS_DB_PASSWORD: { secretKeyRef: { name: credentials.secretName, key: credentials.passwordKey } },
        ...props.extraEnv,
      },
      replicas: props.replicas,
      autoscaling,
      resources: props.resources ?? guaranteedResources(d.resources),
      // The first request runs WordPress's bootstrap and the database connection: allow it 2 minutes.
      startupProbe: Probe.httpGet({ path: '/', initialDelaySeconds: 10, periodSeconds: 5, timeoutSeconds: 5, failureThreshold: 24 }),
      readinessProbe: Probe.tcpSocket({ periodSeconds: 5, timeoutSeconds: 5, failureThreshold: 3 }),
      volumes: [{ name: 'wordpress-data', mountPath: '/var/www/html', source: { persistentVolumeClaim: { claimName, accessMode: storage.accessMode } } }],
      service: { type: props.serviceType ?? 'ClusterIP', port: 80 },
      changeCause: props.changeCause,
    });

    this.ingressObjects = props.ingress?.bind(this, {
      serviceName: name,
      servicePort: this.wordpress.servicePort,
      namespace: this.namespace,
      labels: appLabels,
    }) ?? [];

    if (props.syncWaves ?? true) {
      foundation.forEach((o) => setSyncWave(o, SYNC_WAVES.foundation));
      setSyncWave(this.mysql, SYNC_WAVES.database);
      setSyncWave(this.wordpress, SYNC_WAVES.application);
      this.ingressObjects.forEach((o) => setSyncWave(o, SYNC_WAVES.ingress));
    }
  }
}

function validate(props: WordpressAppProps, accessMode: string, mostPods: number): void {
  const check = new PropChecker();
  if (props.localDevPasswords && !props.allowPasswordsInManifests) {
    check.add('localDevPasswords', '(redacted)', 'would write passwords into dist/, which is committed to Git',
      'create the Secret with kubectl (see the README) and drop localDevPasswords, or set allowPasswordsInManifests: true for a local experiment');
  }
  if (props.replicas !== undefined && props.autoscaling !== undefined) {
    check.add('replicas', props.replicas, 'is set together with autoscaling; the HPA owns the replica count', 'drop one of them');
  }
  const multiAttach = multiAttachProblem(accessMode, 1, mostPods);
  if (multiAttach) check.add('storage.accessMode', accessMode, `${multiAttach}; every WordPress pod mounts /var/www/html`, MULTI_ATTACH_FIX);
  for (const key of Object.keys(props.extraEnv ?? {})) {
    if (OWN_ENV.includes(key)) check.add(`extraEnv.${key}`, '(set by the stack)', 'would override the database wiring the stack sets', `drop it and use databaseName, databaseUser or credentials`);
  }
  props.ingress?.validate(check, 'ingress');
  check.throwIfAny('WordpressApp');
}
