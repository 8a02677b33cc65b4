import { optional, PropSpec, required, T, ValueType } from '../core/prop-spec';
import { CONTAINER_RESOURCES } from '../deployment/props-spec';
import type { ComputeResources } from '../deployment/container';
import type { MysqlDumpBackupProps, MysqlDumpSettings } from './mysql-dump-backup-props';
import type { DatabaseConnection, SecretKeyReference } from './connection';
import { InnoDbBackupStorage } from './innodb-backup';
import type { InnoDbBackupProps, InnoDbRestoreProps } from './innodb-backup';
import type { MysqlInnoDbClusterProps } from './innodb-cluster-props';
import type { VeleroScheduleProps } from './velero-schedule-props';
import type { EmbeddedDatabaseProps, ExternalDatabaseProps, InnoDbClusterDatabaseProps } from './wordpress-database-props';

/** The runtime shapes of the database tier's props, for callers without the type checker (lib/core/prop-spec.ts). */

const COMPUTE = T.shape('ComputeResources', { cpu: optional(T.string(), "'1'"), memory: optional(T.string(), "'2Gi'") } satisfies PropSpec<ComputeResources>);
const STRING_RECORD = T.record(T.string());
const IDENTITY = T.shape('identity', { instance: required(T.string(), "'wordpress'"), partOf: optional(T.string()) });
const SECRET_KEY = T.shape('SecretKeyReference', { name: required(T.string(), "'wordpress-db-pwd'"), key: required(T.string(), "'dbpwd'") } satisfies PropSpec<SecretKeyReference>);

/** How clients reach a database tier. */
export const DATABASE_CONNECTION: ValueType = T.shape('DatabaseConnection', {
  host: required(T.string(), "'wordpress-mysql'"),
  port: required(T.number(), '3306'),
  database: required(T.string(), "'wordpress'"),
  user: required(T.string(), "'wordpress'"),
  passwordSecret: required(SECRET_KEY),
  egressPeers: required(T.array(T.any())),
  peerPorts: optional(T.array(T.number())),
  tls: optional(T.boolean()),
  availability: optional(T.string()),
} satisfies PropSpec<DatabaseConnection>);

/** The dump settings of the embedded database. */
export const MYSQL_DUMP_SETTINGS: PropSpec<MysqlDumpSettings> = {
  schedule: optional(T.string(), "'17 3 * * *'"),
  timeZone: optional(T.string(), "'Europe/Paris'"),
  keep: optional(T.number(), '7'),
  storageSize: optional(T.string(), "'10Gi'"),
  storageClassName: optional(T.string()),
  resources: optional(CONTAINER_RESOURCES),
  restoreFrom: optional(T.string(), "'wordpress-20250101T031700Z.sql.gz'"),
};

export const MYSQL_DUMP_BACKUP_PROPS: PropSpec<MysqlDumpBackupProps> = {
  ...MYSQL_DUMP_SETTINGS,
  name: required(T.string(), "'wordpress-mysql'"),
  namespace: optional(T.string()),
  image: required(T.string(), "'mysql:8.4.3'"),
  connection: required(DATABASE_CONNECTION),
  user: optional(T.string(), "'root'"),
  credentials: required(T.shape('DumpCredentials', { secretName: required(T.string(), "'wordpress-db-pwd'"), passwordKey: required(T.string(), "'rootpwd'") })),
  runAsUser: optional(T.number(), '999'),
  identity: required(IDENTITY),
};

const BACKUP_STORAGE = T.instanceOf(InnoDbBackupStorage, 'InnoDbBackupStorage',
  'InnoDbBackupStorage.s3({...}), .azure({...}), .ociObjectStorage({...}) or .persistentVolumeClaim({...})');

export const INNODB_BACKUP: ValueType = T.shape('InnoDbBackupProps', {
  schedule: optional(T.string(), "'17 3 * * *'"),
  timeZone: optional(T.string(), "'UTC'"),
  storage: optional(BACKUP_STORAGE),
} satisfies PropSpec<InnoDbBackupProps>);

const INNODB_RESTORE: ValueType = T.shape('InnoDbRestoreProps', {
  dumpName: required(T.string(), "'wordpress-mysql-daily250101031700'"),
  storage: optional(BACKUP_STORAGE),
} satisfies PropSpec<InnoDbRestoreProps>);

const TLS = T.shape('tls', { caSecretName: required(T.string(), "'mysql-ca'"), secretName: required(T.string(), "'mysql-tls'") });
const SPREAD = T.oneOf('required', 'preferred');

/** The cluster settings a user chooses, shared by the construct and WordpressDatabase.innoDbCluster. */
const CLUSTER_SETTINGS = {
  version: optional(T.string(), "'8.4.3'"),
  instances: optional(T.number(), '3'),
  routers: optional(T.number(), '2'),
  allowReducedAvailability: optional(T.boolean()),
  spread: optional(SPREAD),
  storageSize: optional(T.string(), "'20Gi'"),
  storageClassName: optional(T.string()),
  resources: optional(COMPUTE),
  sidecarResources: optional(COMPUTE),
  routerResources: optional(COMPUTE),
  tls: optional(TLS),
  operatorNamespace: optional(T.string(), "'mysql-operator'"),
  backup: optional(INNODB_BACKUP),
  disableBackups: optional(T.boolean()),
  restoreFrom: optional(INNODB_RESTORE),
};

export const MYSQL_INNODB_CLUSTER_PROPS: PropSpec<MysqlInnoDbClusterProps> = {
  ...CLUSTER_SETTINGS,
  name: required(T.string(), "'wordpress-mysql'"),
  namespace: optional(T.string()),
  secretName: required(T.string(), "'wordpress-mysql-root'"),
  application: required(T.shape('application', { database: required(T.string(), "'wordpress'"), user: required(T.string(), "'wordpress'"), passwordSecret: required(SECRET_KEY) })),
  clients: optional(T.array(STRING_RECORD)),
  identity: required(IDENTITY),
};

export const INNODB_CLUSTER_DATABASE_PROPS: PropSpec<InnoDbClusterDatabaseProps> = {
  ...CLUSTER_SETTINGS,
  rootSecretName: required(T.string(), "'wordpress-mysql-root'"),
  name: optional(T.string(), "'wordpress-mysql'"),
};

export const EMBEDDED_DATABASE_PROPS: PropSpec<EmbeddedDatabaseProps> = {
  image: optional(T.string(), "'mysql:8.4.3'"),
  storageClassName: optional(T.string()),
  storageSize: optional(T.string(), "'20Gi'"),
  resources: optional(CONTAINER_RESOURCES),
  extraArgs: optional(T.array(T.string())),
  terminationGracePeriodSeconds: optional(T.number(), '60'),
  backup: optional(T.shape('MysqlDumpSettings', MYSQL_DUMP_SETTINGS)),
  disableBackups: optional(T.boolean()),
};

export const EXTERNAL_DATABASE_PROPS: PropSpec<ExternalDatabaseProps> = {
  host: required(T.string(), "'db.example.com'"),
  port: optional(T.number(), '3306'),
  database: optional(T.string(), "'wordpress'"),
  user: optional(T.string(), "'wordpress'"),
  passwordSecret: required(SECRET_KEY),
  tls: optional(T.boolean()),
  cidr: optional(T.string(), "'10.0.0.0/16'"),
};

export const VELERO_SCHEDULE_PROPS: PropSpec<VeleroScheduleProps> = {
  namespace: required(T.string(), "'kube-example'"),
  name: optional(T.string(), "'kube-example-daily'"),
  veleroNamespace: optional(T.string(), "'velero'"),
  schedule: optional(T.string(), "'7 2 * * *'"),
  ttl: optional(T.string(), "'720h0m0s'"),
  storageLocation: optional(T.string()),
  labels: optional(STRING_RECORD),
};
