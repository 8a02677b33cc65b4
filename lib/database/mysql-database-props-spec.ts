import { PropProblem } from '../core/prop-problem';
import { optional, PropSpec, required, T } from '../core/prop-spec';
import { CONTAINER_RESOURCES } from '../deployment/props-spec';
import { mysqlWithoutAuthPluginArg, pinnedMysqlVersion } from './mysql-version';
import { MysqlCredentials, MysqlDatabaseProps } from './mysql-database-props';

/** The runtime shape of MysqlDatabaseProps, for callers without the type checker. */

/** Where the passwords come from. */
export const MYSQL_CREDENTIALS = T.shape('MysqlCredentials', {
  secretName: required(T.string(), "'wordpress-db-pwd'"),
  passwordKey: required(T.string(), "'dbpwd'"),
  rootPasswordKey: required(T.string(), "'rootpwd'"),
} satisfies PropSpec<MysqlCredentials>);

export const MYSQL_DATABASE_PROPS: PropSpec<MysqlDatabaseProps> = {
  name: required(T.string(), "'wordpress-mysql'"),
  namespace: optional(T.string()),
  image: optional(T.string(), "'mysql:8.4.3'"),
  database: required(T.string(), "'wordpress'"),
  user: required(T.string(), "'wordpress'"),
  credentials: required(MYSQL_CREDENTIALS),
  storageClassName: optional(T.string()),
  storageSize: optional(T.string(), "'20Gi'"),
  resources: optional(CONTAINER_RESOURCES),
  args: optional(T.array(T.string())),
  terminationGracePeriodSeconds: optional(T.number(), '60'),
  allowedClients: optional(T.array(T.record(T.string()))),
  instance: optional(T.string()),
  partOf: optional(T.string()),
  labels: optional(T.record(T.string())),
  annotations: optional(T.record(T.string())),
};

const AUTH_PLUGIN_ARG = /^--default[-_]authentication[-_]plugin/;

/** The MysqlDatabase rules better said in prop terms than as API-server findings (the construct checks the rest itself). */
export function mysqlDatabasePropProblems(props: MysqlDatabaseProps): PropProblem[] {
  const problems: PropProblem[] = [];
  const image = props.image ?? 'mysql:8.4.3';
  const authPlugin = (props.args ?? []).find((a) => AUTH_PLUGIN_ARG.test(a));
  // Pinned 8.4+ is the construct's own check; this one catches tags that float onto 8.4.
  if (authPlugin && mysqlWithoutAuthPluginArg(image) && !pinnedMysqlVersion(image)) {
    problems.push({ prop: 'args', value: authPlugin, problem: `was removed in MySQL 8.4, and ${image} runs 8.4 or later, so mysqld refuses to start`,
      fix: `drop it (PHP >= 7.4 clients speak caching_sha2_password), and pin the version, e.g. 'mysql:8.4.3'` });
  }
  return problems;
}
