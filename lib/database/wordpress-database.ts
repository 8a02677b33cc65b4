import { isIP } from 'net';
import { Construct } from 'constructs';
import * as k8s from '../../imports/k8s';
import { ignoreAnnotation } from '../audit/annotations';
import { PropChecker } from '../core/configuration-error';
import { selectorLabels } from '../core/labels';
import { nestProblems, PropProblem } from '../core/prop-problem';
import { checkProps, PropSpec } from '../core/prop-spec';
import { EMBEDDED_DATABASE_PROPS, EXTERNAL_DATABASE_PROPS, INNODB_CLUSTER_DATABASE_PROPS } from './props-spec';
import { MYSQL_DEFAULT_ARGS, MYSQL_DEFAULT_RESOURCES, MysqlCredentials, MysqlDatabase } from './mysql-database';
import { memoryCeiling, mysqlTuningArgs } from './mysql-tuning';
import { dumpBackupPodSelector, dumpSettingsProblems, MysqlDumpBackup } from './mysql-dump-backup';
import { DatabaseConnection } from './connection';
import { innoDbClusterProblems, MysqlInnoDbCluster } from './innodb-cluster';
import { singleInstanceRestartCost } from '../policy/restart-cost';
import { cidrProblem } from '../grammar/ip';
import { DatabaseChecks, hostProblem } from './validate';
import type { EmbeddedDatabaseProps, ExternalDatabaseProps, InnoDbClusterDatabaseProps } from './wordpress-database-props';

export type { EmbeddedDatabaseProps, ExternalDatabaseProps, InnoDbClusterDatabaseProps } from './wordpress-database-props';

/** What the application tells its database tier when it renders it. */
export interface DatabaseBindOptions {
  /** The application's name; the database objects are `<name>-mysql...`. */
  readonly name: string;
  readonly namespace: string;
  /** app.kubernetes.io/instance of the database objects. */
  readonly instance: string;
  /** app.kubernetes.io/part-of of the database objects. */
  readonly partOf?: string;
  /** Labels of the application pods that connect (admitted by the database's NetworkPolicy). */
  readonly clients: ReadonlyArray<Record<string, string>>;
  /** The application's database name, user and Secret, unless the tier's props override them. */
  readonly database: string;
  readonly user: string;
  readonly credentials: MysqlCredentials;
}

/** What a bound database tier gives the application. */
export interface BoundDatabase {
  readonly connection: DatabaseConnection;
  /** The construct holding the tier's objects (for sync waves); undefined when nothing is rendered. */
  readonly construct?: Construct;
  /** The embedded MySQL, for the embedded tier. */
  readonly mysql?: MysqlDatabase;
}

/**
 * Which database WordPress uses: chosen with `WordpressDatabase.embedded()`, `.innoDbCluster()` or
 * `.external()`. Each renders its objects into the application's scope and returns the connection.
 *
 * | | embedded | innoDbCluster | external |
 * | --- | --- | --- | --- |
 * | pod restart, node drain | outage (grace + attach + startup) | fail-over, seconds | provider's |
 * | node loss | outage until the pod is force-deleted | fail-over | provider's |
 * | needs installed | nothing | MySQL Operator | the managed database |
 */
export abstract class WordpressDatabase {
  /**
   * A single MySQL StatefulSet in the namespace, with a dump CronJob. For development and small sites:
   * there is no replica, so every restart, drain or upgrade is an outage of grace + volume attach +
   * startup, and a lost node keeps it down until the pod is force-deleted. No PodDisruptionBudget is
   * rendered, since one that allows no eviction would block every drain.
   */
  public static embedded(props: EmbeddedDatabaseProps = {}): WordpressDatabase {
    const problems = checkFactoryProps('EmbeddedDatabaseProps', props, EMBEDDED_DATABASE_PROPS, (check, p: EmbeddedDatabaseProps) => {
      if (p.storageSize !== undefined) new DatabaseChecks(check).storageSize('storageSize', p.storageSize);
      if (p.backup && !p.disableBackups) dumpSettingsProblems(check, 'backup.', p.backup);
    });
    return new EmbeddedWordpressDatabase(props, problems);
  }

  /**
   * A MySQL InnoDB Cluster on the MySQL Operator (install it first, see the README): 3 servers and 2
   * routers on separate nodes, Guaranteed, a pinned version, the operator's scheduled dumps, and a Job
   * that creates the application's database and non-root user.
   */
  public static innoDbCluster(props: InnoDbClusterDatabaseProps): WordpressDatabase {
    const problems = checkFactoryProps('InnoDbClusterDatabaseProps', props, INNODB_CLUSTER_DATABASE_PROPS, (check, p: InnoDbClusterDatabaseProps) => {
      innoDbClusterProblems(check, '', { ...p, secretName: p.rootSecretName }, 'rootSecretName');
    });
    return new InnoDbClusterWordpressDatabase(props, problems);
  }

  /** A database outside the cluster: nothing is rendered; WordPress gets its address and NetworkPolicy egress to it. */
  public static external(props: ExternalDatabaseProps): WordpressDatabase {
    const problems = checkFactoryProps('ExternalDatabaseProps', props, EXTERNAL_DATABASE_PROPS, (check, p: ExternalDatabaseProps) => {
      const db = new DatabaseChecks(check);
      const problem = hostProblem(p.host);
      if (problem) check.add('host', p.host, problem, "give the server's DNS name (e.g. 'db.example.rds.amazonaws.com') or IP address, without a port");
      if (p.port !== undefined) db.port('port', p.port);
      if (p.database !== undefined) db.databaseName('database', p.database);
      if (p.user !== undefined) db.applicationUser('user', p.user);
      db.secretName('passwordSecret.name', p.passwordSecret.name);
      if (!p.passwordSecret.key) check.add('passwordSecret.key', p.passwordSecret.key, 'is required', 'name the key of the password in the Secret');
      if (p.cidr !== undefined) {
        const cidr = cidrProblem(p.cidr);
        if (cidr) check.add('cidr', p.cidr, cidr, "give the database's network, e.g. '10.20.0.0/16'");
      }
    });
    return new ExternalWordpressDatabase(props, problems);
  }

  /**
   * A database tier rendered elsewhere (another chart, another tool) that you describe yourself: nothing is
   * rendered; WordPress connects with this connection and its NetworkPolicy egress goes to its peers.
   */
  public static fromConnection(connection: DatabaseConnection): WordpressDatabase {
    return new GivenConnectionDatabase(connection);
  }

  /** @param factoryProblems what was wrong with the factory's props, reported by the application that receives it */
  protected constructor(private readonly factoryProblems: readonly PropProblem[] = []) {}

  /**
   * The problems of the props the choice was built with, named below `prop` (e.g. `database.host`).
   * @internal
   */
  public _problems(prop: string): PropProblem[] {
    return nestProblems(this.factoryProblems, prop);
  }

  /** Short name of the choice, for reports. */
  public abstract readonly kind: 'embedded' | 'innodb-cluster' | 'external' | 'connection';

  /** The connection given to fromConnection (checked by the application, which names its props). */
  public get givenConnection(): DatabaseConnection | undefined {
    return undefined;
  }

  /** Renders the tier's objects into `scope` and returns how the application connects. */
  public abstract bind(scope: Construct, options: DatabaseBindOptions): BoundDatabase;
}

/**
 * Checks a factory's props: their types first (a wrong type is a finding, never a crash), then, when they
 * are well-typed, the rules. The application that receives the choice reports them, under its own prop.
 */
function checkFactoryProps<P>(typeName: string, props: unknown, spec: PropSpec<P>, rules: (check: PropChecker, props: P) => void): readonly PropProblem[] {
  const check = new PropChecker();
  const types = checkProps(props, typeName, spec);
  for (const t of types) check.add(t.prop, t.value, t.problem, t.fix);
  if (types.length === 0) rules(check, props as P);
  return check.all;
}

class EmbeddedWordpressDatabase extends WordpressDatabase {
  public readonly kind = 'embedded' as const;

  constructor(private readonly props: EmbeddedDatabaseProps, problems: readonly PropProblem[]) { super(problems); }

  public bind(scope: Construct, o: DatabaseBindOptions): BoundDatabase {
    const p = this.props;
    const construct = new Construct(scope, 'Mysql');
    const name = `${o.name}-mysql`;
    const image = p.image ?? 'mysql:8.4.3';
    const identity = { instance: o.instance, partOf: o.partOf };
    const backupSelector = dumpBackupPodSelector(identity);
    // The dumps' claim first, so that `kubectl apply -f` creates storage before the workloads.
    const address = { host: name, port: 3306, database: o.database, user: o.user, passwordSecret: { name: o.credentials.secretName, key: o.credentials.passwordKey } };
    const egressPeers = [{ podSelector: { matchLabels: selectorLabels({ name: 'mysql', instance: o.instance, component: 'database' }) } }];
    if (!p.disableBackups) {
      new MysqlDumpBackup(construct, 'Backup', {
        ...p.backup,
        // `<app>-db-backup` and `<app>-db-restore`: CronJob names leave 11 characters for the Jobs' suffix.
        name: `${o.name}-db`,
        namespace: o.namespace,
        image,
        connection: { ...address, egressPeers },
        credentials: { secretName: o.credentials.secretName, passwordKey: o.credentials.rootPasswordKey },
        storageClassName: p.backup?.storageClassName ?? p.storageClassName,
        identity,
      });
    }
    const mysql = new MysqlDatabase(construct, 'Database', {
      name,
      namespace: o.namespace,
      image,
      database: o.database,
      user: o.user,
      credentials: o.credentials,
      storageClassName: p.storageClassName,
      storageSize: p.storageSize,
      resources: p.resources,
      // Sized to the container; extraArgs come last, and mysqld takes the last of a repeated option.
      args: [...MYSQL_DEFAULT_ARGS, ...mysqlTuningArgs(memoryCeiling(p.resources ?? MYSQL_DEFAULT_RESOURCES)), ...(p.extraArgs ?? [])],
      terminationGracePeriodSeconds: p.terminationGracePeriodSeconds,
      allowedClients: [...o.clients, ...(p.disableBackups ? [] : [backupSelector])],
      instance: o.instance,
      partOf: o.partOf,
      labels: { tier: 'mysql' },
      annotations: {
        [ignoreAnnotation('min-replicas')]: 'single-instance MySQL chosen with WordpressDatabase.embedded(); use WordpressDatabase.innoDbCluster() for fail-over',
      },
    });
    const podSpec = mysql.statefulSet.toJson().spec.template.spec;
    const connection: DatabaseConnection = {
      host: mysql.name,
      port: 3306,
      database: o.database,
      user: o.user,
      passwordSecret: { name: o.credentials.secretName, key: o.credentials.passwordKey },
      egressPeers: [{ podSelector: { matchLabels: mysql.selector } }],
      availability: singleInstanceRestartCost(podSpec.terminationGracePeriodSeconds, podSpec.containers[0].startupProbe),
    };
    return { connection, construct, mysql };
  }
}

class GivenConnectionDatabase extends WordpressDatabase {
  public readonly kind = 'connection' as const;

  constructor(private readonly connection: DatabaseConnection) { super(); }

  public override get givenConnection(): DatabaseConnection {
    return this.connection;
  }

  public bind(): BoundDatabase {
    return { connection: this.connection };
  }
}

class InnoDbClusterWordpressDatabase extends WordpressDatabase {
  public readonly kind = 'innodb-cluster' as const;

  constructor(private readonly props: InnoDbClusterDatabaseProps, problems: readonly PropProblem[]) { super(problems); }

  public bind(scope: Construct, o: DatabaseBindOptions): BoundDatabase {
    const { rootSecretName, ...rest } = this.props;
    const cluster = new MysqlInnoDbCluster(scope, 'Mysql', {
      ...rest,
      name: this.props.name ?? `${o.name}-mysql`,
      namespace: o.namespace,
      secretName: rootSecretName,
      application: { database: o.database, user: o.user, passwordSecret: { name: o.credentials.secretName, key: o.credentials.passwordKey } },
      clients: o.clients,
      identity: { instance: o.instance, partOf: o.partOf },
    });
    return { connection: cluster.connection, construct: cluster };
  }
}

class ExternalWordpressDatabase extends WordpressDatabase {
  public readonly kind = 'external' as const;

  constructor(private readonly props: ExternalDatabaseProps, problems: readonly PropProblem[]) { super(problems); }

  public bind(_scope: Construct, o: DatabaseBindOptions): BoundDatabase {
    const p = this.props;
    const family = isIP(p.host);
    const blocks = p.cidr ? [p.cidr] : family === 4 ? [`${p.host}/32`] : family === 6 ? [`${p.host}/128`] : ['0.0.0.0/0', '::/0'];
    const egressPeers: k8s.NetworkPolicyPeer[] = blocks.map((cidr) => ({ ipBlock: { cidr } }));
    return {
      connection: {
        host: p.host,
        port: p.port ?? 3306,
        database: p.database ?? o.database,
        user: p.user ?? o.user,
        passwordSecret: p.passwordSecret,
        egressPeers,
        tls: p.tls ?? false,
        availability: 'external database: what it survives is its provider\'s (multi-AZ, fail-over); nothing of it runs in this cluster',
      },
    };
  }
}
