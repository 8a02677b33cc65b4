import { nestProblems, PropProblem } from '../core/prop-problem';
import { checkProps, optional, PropSpec, required, T } from '../core/prop-spec';
import { PreStopHandler } from '../policy/probes';

/** Options of an HTTP preStop hook. */
export interface HttpPreStopOptions {
  /** Path the kubelet requests when the pod starts terminating. */
  readonly path: string;
  /**
   * Container port, by number or name; it must be one the container declares.
   * @default - the container's named port
   */
  readonly port?: number | string;
  /** Seconds the endpoint blocks before answering: the delay it buys for endpoint removal. */
  readonly durationSeconds: number;
}

const HTTP_OPTIONS: PropSpec<HttpPreStopOptions> = {
  path: required(T.string(), "'/prestop'"),
  port: optional(T.union(T.number(), T.string()), "'http'"),
  durationSeconds: required(T.number(), '20'),
};

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
Object.freeze(PreStopKind);

function secondsProblems(seconds: unknown): PropProblem[] {
  return T.number().check(seconds, 'seconds');
}

/**
 * The preStop hook: keeps a Terminating pod serving while its endpoint removal reaches kube-proxy and
 * the ingress, so that SIGTERM arrives only after traffic has stopped.
 */
export class PreStop {
  /** `sleep N` run by /bin/sh. The default, with 20 seconds. */
  public static sleep(seconds: number): PreStop {
    return new PreStop(PreStopKind.EXEC_SLEEP, seconds, () => ({ exec: { command: ['/bin/sh', '-c', `sleep ${seconds}`] } }), secondsProblems(seconds));
  }

  /**
   * The native `lifecycle.preStop.sleep` action (Kubernetes >= 1.30, beta and on by default there).
   * The 1.27 API types have no field for it, so it is added to the manifest by a JSON patch.
   */
  public static nativeSleep(seconds: number): PreStop {
    return new PreStop(PreStopKind.NATIVE_SLEEP, seconds, () => ({ sleep: { seconds } }), secondsProblems(seconds));
  }

  /**
   * An HTTP GET that the application answers after `durationSeconds` (e.g. after failing its readiness).
   * The port must be one the container declares: a GET to any other port fails at once, and SIGTERM
   * follows with no delay.
   */
  public static httpGet(options: HttpPreStopOptions): PreStop {
    const problems = checkProps(options, 'HttpPreStopOptions', HTTP_OPTIONS);
    if (problems.length > 0) return new PreStop(PreStopKind.HTTP_GET, 0, () => ({}), problems);
    return new PreStop(PreStopKind.HTTP_GET, options.durationSeconds, (defaultPort) => ({
      httpGet: { path: options.path, port: options.port ?? defaultPort, scheme: 'HTTP' },
    }));
  }

  /**
   * A custom command whose wait is visible in it: the command must end its work with `sleep N`, N being
   * `durationSeconds` (e.g. `['/bin/sh', '-c', 'rm /usr/share/nginx/html/healthy.html && sleep 10']`).
   * A command whose wait cannot be read from the manifest is refused, because reviewers and the audit
   * could not see that it waits at all.
   */
  public static command(command: string[], durationSeconds: number): PreStop {
    const problems = [...T.array(T.string()).check(command, 'command'), ...T.number().check(durationSeconds, 'durationSeconds')];
    if (Array.isArray(command) && command.length === 0)
      problems.push({ prop: 'command', value: command, problem: 'is empty', fix: "give the command, e.g. ['/bin/sh', '-c', 'sleep 20']" });
    const copy = Array.isArray(command) ? [...command] : [];
    return new PreStop(PreStopKind.COMMAND, durationSeconds, () => ({ exec: { command: copy } }), problems);
  }

  private constructor(
    /** How the hook is rendered. */
    public readonly kind: PreStopKind,
    /** Seconds the hook keeps the container serving. */
    public readonly durationSeconds: number,
    private readonly render: (defaultPort: string) => PreStopHandler,
    private readonly optionProblems: readonly PropProblem[] = [],
  ) {}

  /** The handler as plain manifest data. @internal */
  public toSpec(defaultPort: string): PreStopHandler {
    return this.render(defaultPort);
  }

  /**
   * The problems of the arguments the hook was built with, named below `prop`.
   * @internal
   */
  public _problems(prop: string): PropProblem[] {
    return nestProblems(this.optionProblems, prop);
  }
}
