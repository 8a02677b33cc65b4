import { PreStopHandler } from '../policy/probes';

/** Options of an HTTP preStop hook. */
export interface HttpPreStopOptions {
  /** Path the kubelet requests when the pod starts terminating. */
  readonly path: string;
  /**
   * Container port, by number or name.
   * @default - the container's named port
   */
  readonly port?: number | string;
  /** Seconds the endpoint blocks before answering: the delay it buys for endpoint removal. */
  readonly durationSeconds: number;
}

/** How the preStop hook is rendered. */
export enum PreStopKind {
  /** `exec: sleep N` through /bin/sh: works on every cluster version, needs a shell in the image. */
  EXEC_SLEEP = 'exec-sleep',
  /** The native `sleep` action: needs Kubernetes >= 1.30, works in distroless images. */
  NATIVE_SLEEP = 'native-sleep',
  /** An HTTP GET to the application. */
  HTTP_GET = 'http-get',
  /** A custom command. */
  COMMAND = 'command',
}

/**
 * The preStop hook: keeps a Terminating pod serving while its endpoint removal reaches kube-proxy and
 * the ingress, so that SIGTERM arrives only after traffic has stopped.
 */
export class PreStop {
  /** `sleep N` run by /bin/sh, as in the seed articles. The default, with 20 seconds. */
  public static sleep(seconds: number): PreStop {
    return new PreStop(PreStopKind.EXEC_SLEEP, seconds, () => ({ exec: { command: ['/bin/sh', '-c', `sleep ${seconds}`] } }));
  }

  /**
   * The native `lifecycle.preStop.sleep` action (Kubernetes >= 1.30, beta and on by default there).
   * The 1.27 API types have no field for it, so it is added to the manifest by a JSON patch.
   */
  public static nativeSleep(seconds: number): PreStop {
    return new PreStop(PreStopKind.NATIVE_SLEEP, seconds, () => ({ sleep: { seconds } }));
  }

  /** An HTTP GET that the application answers after `durationSeconds` (e.g. after failing its readiness). */
  public static httpGet(options: HttpPreStopOptions): PreStop {
    return new PreStop(PreStopKind.HTTP_GET, options.durationSeconds, (defaultPort) => ({
      httpGet: { path: options.path, port: options.port ?? defaultPort, scheme: 'HTTP' },
    }));
  }

  /**
   * A custom command that takes `durationSeconds`, e.g. seed 002's
   * `['/bin/sh', '-c', 'rm /usr/share/nginx/html/healthy.html && sleep 10']`.
   */
  public static command(command: string[], durationSeconds: number): PreStop {
    return new PreStop(PreStopKind.COMMAND, durationSeconds, () => ({ exec: { command: [...command] } }));
  }

  private constructor(
    /** How the hook is rendered. */
    public readonly kind: PreStopKind,
    /** Seconds the hook keeps the container serving. */
    public readonly durationSeconds: number,
    private readonly render: (defaultPort: string) => PreStopHandler,
  ) {}

  /** The handler as plain manifest data. @internal */
  public toSpec(defaultPort: string): PreStopHandler {
    return this.render(defaultPort);
  }
}
