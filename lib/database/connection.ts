import * as k8s from '../../imports/k8s';

/** A Secret key: where a credential lives in the cluster. */
export interface SecretKeyReference {
  /** Name of the Secret, in the application's namespace. */
  readonly name: string;
  /** Key inside the Secret. */
  readonly key: string;
}

/**
 * How an application's pods (WordPress, its Jobs and CronJobs) reach a database tier, whichever tier
 * it is: an in-namespace StatefulSet, an InnoDB Cluster's routers, or an external managed database.
 * The application renders its environment and its NetworkPolicy egress from this, and nothing else.
 */
export interface DatabaseConnection {
  /** Host name clients connect to: a Service DNS name or an external host. */
  readonly host: string;
  /** TCP port clients connect to. */
  readonly port: number;
  /** Name of the application's database (schema). */
  readonly database: string;
  /** The application user's name; never root. */
  readonly user: string;
  /** Where the application user's password lives. */
  readonly passwordSecret: SecretKeyReference;
  /** Whom client pods must be allowed to reach, on `port`: for NetworkPolicy egress. */
  readonly egressPeers: readonly k8s.NetworkPolicyPeer[];
  /**
   * The ports NetworkPolicy egress must open on `egressPeers`. NetworkPolicy sees the pod's port after
   * the Service has translated it, so a router Service on 3306 that targets 6446 needs 6446 here.
   * @default - [port]
   */
  readonly peerPorts?: readonly number[];
  /**
   * The connection must be encrypted (TLS); clients set their driver's SSL flag.
   * @default false
   */
  readonly tls?: boolean;
  /**
   * What the tier survives and what a restart costs, in one sentence for the rollout plan and the README.
   * @default - nothing said
   */
  readonly availability?: string;
}
