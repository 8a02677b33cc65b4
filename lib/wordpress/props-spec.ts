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

/**
 * Names the stack derives from its name, with the most characters each may have: Service names are
 * DNS-1035 labels (63), and a StatefulSet's pods carry `controller-revision-hash: <name>-<10-character
 * hash>`, a label value of at most 63, so the StatefulSet name may have 52.
 */
const DERIVED_NAMES: ReadonlyArray<{ suffix: string; limit: number; what: string }> = [
  { suffix: '-mysql', limit: 52, what: "the MySQL StatefulSet (its pods' controller-revision-hash label adds 11)" },
  { suffix: '-mysql-headless', limit: 63, what: 'the MySQL headless Service' },
];

/** The WordpressApp rules better said in prop terms than as API-server findings on derived objects. */
export function wordpressAppPropProblems(props: WordpressAppProps): PropProblem[] {
  const problems: PropProblem[] = [];
  const name = props.name ?? 'wordpress';
  const most = Math.min(...DERIVED_NAMES.map((d) => d.limit - d.suffix.length));
  const binding = DERIVED_NAMES.find((d) => name.length + d.suffix.length > d.limit);
  if (binding) {
    const derived = `${name}${binding.suffix}`;
    problems.push({
      prop: 'name', value: name,
      problem: `is ${name.length} characters, so ${binding.what} '${derived}' is ${derived.length}, above the ${binding.limit} the API server accepts`,
      fix: `use at most ${most} characters, e.g. '${name.slice(0, most).replace(/-+$/, '')}'`,
    });
  }
  // The database tier's own rule, said here in the stack's prop terms (MysqlDatabase would say `user`).
  const check = new PropChecker();
  if (props.databaseUser !== undefined) new DatabaseChecks(check).applicationUser('databaseUser', props.databaseUser);
  return [...problems, ...check.all];
}
