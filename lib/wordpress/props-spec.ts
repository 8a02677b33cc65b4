import { PropProblem } from '../core/prop-problem';
import { optional, PropSpec, required, T } from '../core/prop-spec';
import { AUTOSCALING, CONTAINER_RESOURCES, ENV_VALUE, PROBE } from '../deployment/props-spec';
import { HttpsIngress } from '../ingress/https-ingress';
import { ingressPropProblems } from '../ingress/https-ingress-props-spec';
import { PropChecker } from '../core/configuration-error';
import { DatabaseChecks } from '../database/validate';
import { MYSQL_CREDENTIALS } from '../database/mysql-database-props-spec';
import { DatabaseConnection, SecretKeyReference } from '../database/connection';
import { EMBEDDED_DATABASE_PROPS, VELERO_SCHEDULE_PROPS } from '../database/props-spec';
import { WordpressDatabase } from '../database/wordpress-database';
import { PeerPods, WordpressEgressProps } from './network-policies';
import { LocalDevPasswords, WordpressAppProps, WordpressMysqlProps, WordpressPhpProps, WordpressStorageProps } from './props';
import { WordpressMetricsProps } from './metrics';
import { SmtpCredentials, SmtpEncryption, WordpressSmtpProps } from './smtp';
import { WordpressAdminSecret, WordpressCronProps } from './wp-cli';

/** The runtime shape of WordpressAppProps, for callers without the type checker. */

const STORAGE: PropSpec<WordpressStorageProps> = {
  storageClassName: optional(T.string(), "'efs-sc'"),
  size: optional(T.string(), "'20Gi'"),
  accessMode: optional(T.oneOf('ReadWriteMany', 'ReadWriteOnce')),
  claimName: optional(T.string(), "'wordpress-pvc'"),
  subPath: optional(T.string(), "'wp-content'"),
};

const PHP: PropSpec<WordpressPhpProps> = {
  maxRequestWorkers: optional(T.number(), '4'),
  phpMemoryLimitMi: optional(T.number(), '256'),
  opcacheMemoryMi: optional(T.number(), '64'),
  uploadMaxFilesize: optional(T.string(), "'64M'"),
  postMaxSize: optional(T.string(), "'64M'"),
  keepAliveTimeoutSeconds: optional(T.number(), '0'),
};

const ADMIN: PropSpec<WordpressAdminSecret> = {
  secretName: required(T.string(), "'wordpress-admin'"),
  userKey: optional(T.string(), "'user'"),
  passwordKey: optional(T.string(), "'password'"),
  emailKey: optional(T.string(), "'email'"),
};

const CRON: PropSpec<WordpressCronProps> = {
  schedule: optional(T.string(), "'*/5 * * * *'"),
  activeDeadlineSeconds: optional(T.number(), '600'),
  startingDeadlineSeconds: optional(T.number(), '120'),
};

const PEER_PODS: PropSpec<PeerPods> = {
  namespace: required(T.string(), "'traefik'"),
  podLabels: required(T.record(T.string()), "{ 'app.kubernetes.io/name': 'traefik' }"),
  nodeCidrs: optional(T.array(T.string()), "['192.168.10.0/24']"),
};

const EGRESS: PropSpec<WordpressEgressProps> = {
  ports: optional(T.array(T.number()), '[443, 587]'),
  cidrs: optional(T.array(T.string()), "['0.0.0.0/0', '::/0']"),
};

const SMTP_CREDENTIALS: PropSpec<SmtpCredentials> = {
  secretName: required(T.string(), "'wordpress-smtp'"),
  userKey: optional(T.string(), "'user'"),
  passwordKey: optional(T.string(), "'password'"),
};

const SMTP: PropSpec<WordpressSmtpProps> = {
  host: required(T.string(), "'smtp.example.com'"),
  port: optional(T.number(), '587'),
  encryption: optional(T.oneOf(...Object.values(SmtpEncryption))),
  credentials: optional(T.shape('SmtpCredentials', SMTP_CREDENTIALS)),
  fromAddress: optional(T.string(), "'blog@example.com'"),
  fromName: optional(T.string(), "'My blog'"),
};

const METRICS: PropSpec<WordpressMetricsProps> = {
  image: required(T.string(), "'quay.io/prometheuscommunity/apache-exporter:v1.0.10'"),
  scraper: optional(T.shape('PeerPods', PEER_PODS)),
};

const SECRET_KEY_REFERENCE: PropSpec<SecretKeyReference> = {
  name: required(T.string(), "'wordpress-db-pwd'"),
  key: required(T.string(), "'dbpwd'"),
};

/** A DatabaseConnection given as a prop; its peers are NetworkPolicy peers, checked by the schema tests' types. */
const { namespace: _namespace, labels: _labels, ...VELERO } = VELERO_SCHEDULE_PROPS;

const DATABASE_CONNECTION: PropSpec<DatabaseConnection> = {
  host: required(T.string(), "'wordpress-mysql'"),
  port: required(T.number(), '3306'),
  database: required(T.string(), "'wordpress'"),
  user: required(T.string(), "'wordpress'"),
  passwordSecret: required(T.shape('SecretKeyReference', SECRET_KEY_REFERENCE)),
  egressPeers: required(T.array(T.any()), '[{ podSelector: { matchLabels: { app: \'mysql\' } } }]'),
  peerPorts: optional(T.array(T.number()), '[3306]'),
  tls: optional(T.boolean()),
  availability: optional(T.string()),
};

// The mysql prop is the embedded database's settings without its backup ones.
const { backup: _backup, disableBackups: _disableBackups, ...EMBEDDED_SETTINGS } = EMBEDDED_DATABASE_PROPS;
const MYSQL: PropSpec<WordpressMysqlProps> = EMBEDDED_SETTINGS;

const PASSWORDS: PropSpec<LocalDevPasswords> = {
  password: { type: T.secret(), required: true },
  rootPassword: { type: T.secret(), required: true },
};

export const WORDPRESS_APP_PROPS: PropSpec<WordpressAppProps> = {
  namespace: optional(T.string(), "'kube-example'"),
  createNamespace: optional(T.boolean()),
  name: optional(T.string(), "'wordpress'"),
  image: optional(T.string(), "'wordpress:6.7.1-apache'"),
  resources: optional(CONTAINER_RESOURCES),
  autoscaling: optional(AUTOSCALING),
  replicas: optional(T.number(), '3'),
  storage: optional(T.shape('WordpressStorageProps', STORAGE)),
  databaseName: optional(T.string(), "'wordpress'"),
  databaseUser: optional(T.string(), "'wordpress'"),
  credentials: optional(MYSQL_CREDENTIALS),
  localDevPasswords: optional(T.shape('LocalDevPasswords', PASSWORDS)),
  allowPasswordsInManifests: optional(T.boolean()),
  mysql: optional(T.shape('WordpressMysqlProps', MYSQL)),
  extraEnv: optional(T.record(ENV_VALUE)),
  ingress: optional(
    T.instanceOf<HttpsIngress>(
      HttpsIngress,
      'HttpsIngress',
      'HttpsIngress.traefik({ host, certResolver }) or HttpsIngress.standard({ host, ingressClassName, tlsSecretName })',
      (ingress, prop) => ingressPropProblems(ingress, prop),
    ),
  ),
  serviceType: optional(T.oneOf('ClusterIP', 'NodePort', 'LoadBalancer')),
  syncWaves: optional(T.boolean()),
  changeCause: optional(T.string()),
  php: optional(T.shape('WordpressPhpProps', PHP)),
  shutdownBudgetSeconds: optional(T.number(), '30'),
  livenessProbe: optional(PROBE),
  database: optional(
    T.instanceOf(
      WordpressDatabase,
      'WordpressDatabase',
      'WordpressDatabase.embedded({...}), .innoDbCluster({...}), .external({...}) or .fromConnection({...})',
      (db: WordpressDatabase, prop) => (db.givenConnection ? T.shape('DatabaseConnection', DATABASE_CONNECTION).check(db.givenConnection, prop) : db._problems(prop)),
    ),
  ),
  velero: optional(T.shape('WordpressVeleroProps', VELERO)),
  saltsSecretName: optional(T.string(), "'wordpress-salts'"),
  admin: optional(T.shape('WordpressAdminSecret', ADMIN)),
  siteUrl: optional(T.string(), "'https://blog.example.com'"),
  siteTitle: optional(T.string(), "'My blog'"),
  cliImage: optional(T.string(), "'wordpress:cli-2.11.0-php8.2'"),
  cron: optional(T.shape('WordpressCronProps', CRON)),
  networkPolicies: optional(T.boolean()),
  ingressController: optional(T.shape('PeerPods', PEER_PODS)),
  clusterDns: optional(T.shape('PeerPods', PEER_PODS)),
  egress: optional(T.shape('WordpressEgressProps', EGRESS)),
  htaccess: optional(T.string(), "'# BEGIN WordPress\\nRewriteEngine On\\n...'"),
  configExtra: optional(T.string(), "\"define('WP_HOME', 'https://blog.example.com');\""),
  smtp: optional(T.shape('WordpressSmtpProps', SMTP)),
  metrics: optional(T.shape('WordpressMetricsProps', METRICS)),
};

/** Why the audit may accept the Secret that localDevPasswords renders: the user opted in with allowPasswordsInManifests. */
export const LOCAL_DEV_PASSWORDS_REASON = 'allowPasswordsInManifests: passwords for a local experiment, never for a Git-tracked dist/';

/**
 * Names the stack derives from its name, with the most characters each may have: Service names are
 * DNS-1035 labels (63); a StatefulSet's pods carry `controller-revision-hash: <name>-<10-character hash>`,
 * a label value of at most 63, so the StatefulSet name may have 52; a Job's pods carry its name as a
 * label value (63), and a CronJob's Jobs add 11 characters to its name.
 */
function derivedNames(name: string): Array<{ derived: string; limit: number; what: string }> {
  return [
    { derived: `${name}-mysql`, limit: 52, what: "the MySQL StatefulSet (its pods' controller-revision-hash label adds 11)" },
    { derived: `${name}-mysql-headless`, limit: 63, what: 'the MySQL headless Service' },
    // CronJobs: the controller appends an 11-character suffix to each Job's name (63).
    { derived: `${name}-db-restore`, limit: 52, what: "the embedded database's restore CronJob (its Jobs' names add 11)" },
    { derived: `${name}-cron`, limit: 52, what: "the wp-cron CronJob (its Jobs' names add 11)" },
    { derived: `${name}-update-db-<digest>`, limit: 63, what: 'the update-db Job (whose name its pods carry as a label)' },
    { derived: `${name}-install-<digest>`, limit: 63, what: 'the install Job (whose name its pods carry as a label)' },
  ];
}

/** The WordpressApp rules better said in prop terms than as API-server findings on derived objects. */
export function wordpressAppPropProblems(props: WordpressAppProps): PropProblem[] {
  const problems: PropProblem[] = [];
  const name = props.name ?? 'wordpress';
  const derived = derivedNames(name);
  const most = Math.min(...derived.map((d) => d.limit - (d.derived.length - name.length)));
  const binding = derived.find((d) => d.derived.length > d.limit);
  if (binding) {
    problems.push({
      prop: 'name', value: name,
      problem: `is ${name.length} characters, so ${binding.what} '${binding.derived}' is ${binding.derived.length}, above the ${binding.limit} the API server accepts`,
      fix: `use at most ${most} characters, e.g. '${name.slice(0, most).replace(/-+$/, '')}'`,
    });
  }
  // The database tier's own rule, said here in the stack's prop terms (MysqlDatabase would say `user`).
  const check = new PropChecker();
  if (props.databaseUser !== undefined) new DatabaseChecks(check).applicationUser('databaseUser', props.databaseUser);
  return [...problems, ...check.all];
}
