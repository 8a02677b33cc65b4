import * as k8s from '../../imports/k8s';
import { nestProblems, PropProblem } from '../core/prop-problem';
import { checkProps, optional, PropSpec, T } from '../core/prop-spec';
import { ProbeSpec } from '../policy/probes';

/** Timing fields common to every probe. All of them are rendered, so reviewers and Argo CD see the real values. */
export interface ProbeTimingOptions {
  /**
   * Seconds after the container starts before the first probe.
   * @default 0
   */
  readonly initialDelaySeconds?: number;
  /**
   * Seconds between probes.
   * @default 10
   */
  readonly periodSeconds?: number;
  /**
   * Seconds after which one probe counts as failed.
   * @default 1
   */
  readonly timeoutSeconds?: number;
  /**
   * Consecutive successes to count as passing (must be 1 for startup and liveness probes).
   * @default 1
   */
  readonly successThreshold?: number;
  /**
   * Consecutive failures to count as failing.
   * @default 3
   */
  readonly failureThreshold?: number;
}

/** Options of an HTTP GET probe. */
export interface HttpGetProbeOptions extends ProbeTimingOptions {
  /**
   * Path to request.
   * @default '/'
   */
  readonly path?: string;
  /**
   * Container port, by number or name.
   * @default - the container's named port
   */
  readonly port?: number | string;
  /**
   * HTTP or HTTPS.
   * @default 'HTTP'
   */
  readonly scheme?: 'HTTP' | 'HTTPS';
  /**
   * Extra request headers (e.g. `Host` for a virtual-hosted health check).
   * @default - none
   */
  readonly httpHeaders?: Record<string, string>;
}

/** Options of a TCP connect probe. */
export interface TcpSocketProbeOptions extends ProbeTimingOptions {
  /**
   * Container port, by number or name.
   * @default - the container's named port
   */
  readonly port?: number | string;
}

const TIMINGS: PropSpec<ProbeTimingOptions> = {
  initialDelaySeconds: optional(T.number(), '0'),
  periodSeconds: optional(T.number(), '10'),
  timeoutSeconds: optional(T.number(), '1'),
  successThreshold: optional(T.number(), '1'),
  failureThreshold: optional(T.number(), '3'),
};
const PORT = T.union(T.number(), T.string());
const HTTP_GET_OPTIONS: PropSpec<HttpGetProbeOptions> = {
  ...TIMINGS,
  path: optional(T.string(), "'/healthz'"),
  port: optional(PORT, "'http'"),
  scheme: optional(T.oneOf('HTTP', 'HTTPS')),
  httpHeaders: optional(T.record(T.string())),
};
const TCP_SOCKET_OPTIONS: PropSpec<TcpSocketProbeOptions> = { ...TIMINGS, port: optional(PORT, "'http'") };

const TIMING_DEFAULTS: Required<ProbeTimingOptions> = {
  initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3,
};

/** A startup, readiness or liveness probe: one action and its timings. */
export class Probe {
  /** Passes when an HTTP GET answers with a status from 200 to 399. */
  public static httpGet(options: HttpGetProbeOptions = {}): Probe {
    const problems = checkProps(options ?? {}, 'HttpGetProbeOptions', HTTP_GET_OPTIONS);
    if (problems.length > 0) return new Probe({}, () => ({}), problems);
    const headers = Object.entries(options.httpHeaders ?? {}).map(([name, value]) => ({ name, value }));
    return new Probe(options, (defaultPort) => ({
      httpGet: {
        path: options.path ?? '/',
        port: options.port ?? defaultPort,
        scheme: options.scheme ?? 'HTTP',
        ...(headers.length > 0 ? { httpHeaders: headers } : {}),
      },
    }));
  }

  /** Passes when a TCP connection to the port opens. */
  public static tcpSocket(options: TcpSocketProbeOptions = {}): Probe {
    const problems = checkProps(options ?? {}, 'TcpSocketProbeOptions', TCP_SOCKET_OPTIONS);
    if (problems.length > 0) return new Probe({}, () => ({}), problems);
    return new Probe(options, (defaultPort) => ({ tcpSocket: { port: options.port ?? defaultPort } }));
  }

  /** Passes when the command exits 0 inside the container. */
  public static exec(command: string[], options: ProbeTimingOptions = {}): Probe {
    const problems = [
      ...T.array(T.string()).check(command, 'command'),
      ...(Array.isArray(command) && command.length === 0
        ? [{ prop: 'command', value: command, problem: 'is empty, so the probe has nothing to run', fix: "give the command and its arguments, e.g. ['cat', '/tmp/ready']" }]
        : []),
      ...checkProps(options ?? {}, 'ProbeTimingOptions', TIMINGS),
    ];
    if (problems.length > 0) return new Probe({}, () => ({}), problems);
    return new Probe(options, () => ({ exec: { command: [...command] } }));
  }

  /** The timings with their defaults applied. */
  public readonly timings: Required<ProbeTimingOptions>;

  private constructor(
    timings: ProbeTimingOptions,
    private readonly action: (defaultPort: string) => ProbeSpec,
    /** What is wrong with the options given to the factory, reported by the construct that uses the probe. */
    private readonly optionProblems: readonly PropProblem[] = [],
  ) {
    this.timings = Object.freeze({ ...TIMING_DEFAULTS, ...stripUndefined(timings) });
  }

  /**
   * The problems of the options the probe was built with, named below `prop`.
   * @internal
   */
  public _problems(prop: string): PropProblem[] {
    return nestProblems(this.optionProblems, prop);
  }

  /** The probe as plain manifest data; `defaultPort` is the container's named port. @internal */
  public toSpec(defaultPort: string): ProbeSpec {
    const t = this.timings;
    return {
      ...this.action(defaultPort),
      initialDelaySeconds: t.initialDelaySeconds,
      periodSeconds: t.periodSeconds,
      timeoutSeconds: t.timeoutSeconds,
      successThreshold: t.successThreshold,
      failureThreshold: t.failureThreshold,
    };
  }

  /** The probe as the generated L1 type. */
  public toKube(defaultPort: string): k8s.Probe {
    return toKubeHandler(this.toSpec(defaultPort)) as k8s.Probe;
  }
}

/** Converts plain port values to the L1 IntOrString wrapper. */
export function toKubeHandler(spec: ProbeSpec): k8s.Probe & k8s.LifecycleHandler {
  const port = (p: number | string | undefined) => (typeof p === 'number' ? k8s.IntOrString.fromNumber(p) : k8s.IntOrString.fromString(p ?? ''));
  return {
    ...spec,
    ...(spec.httpGet ? { httpGet: { ...spec.httpGet, port: port(spec.httpGet.port) } } : {}),
    ...(spec.tcpSocket ? { tcpSocket: { ...spec.tcpSocket, port: port(spec.tcpSocket.port) } } : {}),
  } as k8s.Probe & k8s.LifecycleHandler;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
