import { PropProblem } from '../core/prop-problem';
import { optional, PropSpec, T } from '../core/prop-spec';
import { AUTOSCALING, CONTAINER_RESOURCES, ENV_VALUE } from '../deployment/props-spec';
import { HttpsIngress } from '../ingress/https-ingress';
import { ingressPropProblems } from '../ingress/https-ingress-props-spec';
import { PropChecker } from '../core/configuration-error';
import { DatabaseChecks } from '../database/validate';
import { MYSQL_CREDENTIALS } from '../mysql/mysql-database-props-spec';
import { LocalDevPasswords, WordpressAppProps, WordpressMysqlProps, WordpressStorageProps } from './props';

/** The runtime shape of WordpressAppProps, for callers without the type checker. */

const STORAGE: PropSpec<WordpressStorageProps> = {
  storageClassName: optional(T.string(), "'csi-cephfs'"),
  size: optional(T.string(), "'2Gi'"),
  accessMode: optional(T.oneOf('ReadWriteMany', 'ReadWriteOnce')),
};

const MYSQL: PropSpec<WordpressMysqlProps> = {
  image: optional(T.string(), "'mysql:8.4.3'"),
  storageClassName: optional(T.string()),
  storageSize: optional(T.string(), "'20Gi'"),
  resources: optional(CONTAINER_RESOURCES),
  extraArgs: optional(T.array(T.string())),
  terminationGracePeriodSeconds: optional(T.number(), '60'),
};

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
  ingress: optional(T.instanceOf<HttpsIngress>(HttpsIngress, 'HttpsIngress', "HttpsIngress.traefik({ host, certResolver }) or HttpsIngress.standard({ host, ingressClassName, tlsSecretName })",
    (ingress, prop) => ingressPropProblems(ingress, prop))),
  serviceType: optional(T.oneOf('ClusterIP', 'NodePort', 'LoadBalancer')),
  syncWaves: optional(T.boolean()),
  changeCause: optional(T.string()),
};

/** Why the audit may accept the Secret that localDevPasswords renders: the user opted in with allowPasswordsInManifests. */
export const LOCAL_DEV_PASSWORDS_REASON = 'allowPasswordsInManifests: passwords for a local experiment, never for a Git-tracked dist/';

/** Suffixes the stack appends to its name, each of which must still be a valid object name. */
const DERIVED_NAMES = ['-mysql-headless', '-mysql', '-pvc', '-https', '-http', '-redirect-https'];
/** Service names (and so the longest derived name) are DNS-1035 labels: at most 63 characters. */
const MAX_LABEL = 63;

/** The WordpressApp rules better said in prop terms than as API-server findings on derived objects. */
export function wordpressAppPropProblems(props: WordpressAppProps): PropProblem[] {
  const problems: PropProblem[] = [];
  const name = props.name ?? 'wordpress';
  const longest = DERIVED_NAMES.map((suffix) => `${name}${suffix}`).sort((a, b) => b.length - a.length)[0];
  if (longest.length > MAX_LABEL) {
    problems.push({
      prop: 'name', value: name,
      problem: `is ${name.length} characters, so the MySQL headless Service '${longest}' is ${longest.length}, above the ${MAX_LABEL} the API server accepts`,
      fix: `use at most ${MAX_LABEL - (longest.length - name.length)} characters, e.g. '${name.slice(0, MAX_LABEL - (longest.length - name.length)).replace(/-+$/, '')}'`,
    });
  }
  // The database tier's own rule, said here in the stack's prop terms (MysqlDatabase would say `user`).
  const check = new PropChecker();
  if (props.databaseUser !== undefined) new DatabaseChecks(check).applicationUser('databaseUser', props.databaseUser);
  return [...problems, ...check.all];
}
