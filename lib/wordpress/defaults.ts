import { MysqlCredentials } from '../database/mysql-database';
import { deepFreeze } from '../grammar/freeze';

/** The defaults of a WordpressApp, in one place; the props' `@default` texts state the same values. */
export const WORDPRESS_DEFAULTS = deepFreeze({
  namespace: 'kube-example',
  name: 'wordpress',
  image: 'wordpress:6.7.1-apache',
  cliImage: 'wordpress:cli-2.11.0-php8.2',
  resources: { cpu: '200m', memory: '1184Mi' },
  cliResources: { cpu: '250m', memory: '256Mi' },
  autoscaling: { minReplicas: 3, maxReplicas: 6, cpuUtilization: 20 },
  storage: { size: '20Gi', accessMode: 'ReadWriteMany' as const },
  database: 'wordpress',
  user: 'wordpress',
  credentials: { secretName: 'wordpress-db-pwd', passwordKey: 'dbpwd', rootPasswordKey: 'rootpwd' } as MysqlCredentials,
  shutdownBudgetSeconds: 30,
  siteTitle: 'WordPress',
  // Both address families: an IPv6 or dual-stack pod reaches the internet over either.
  egress: { ports: [443], cidrs: ['0.0.0.0/0', '::/0'] },
});

