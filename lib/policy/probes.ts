import { validateProbe } from '../validation/handlers';
import { Finding } from '../grammar/finding';

/** A probe or lifecycle handler as it appears in a manifest (any of its actions). */
export interface ProbeSpec {
  readonly httpGet?: { readonly port?: number | string; readonly path?: string; readonly [key: string]: unknown };
  readonly tcpSocket?: { readonly port?: number | string; readonly [key: string]: unknown };
  readonly grpc?: { readonly port?: number; readonly [key: string]: unknown };
  readonly exec?: { readonly command?: readonly string[] };
  readonly initialDelaySeconds?: number;
  readonly periodSeconds?: number;
  readonly timeoutSeconds?: number;
  readonly successThreshold?: number;
  readonly failureThreshold?: number;
}

/** A port a container declares. */
export interface DeclaredPort {
  readonly name?: string;
  readonly containerPort: number;
}

type ProbeKind = 'startup' | 'readiness' | 'liveness';

/** The port a probe or handler targets, if it targets one. */
export function probePort(probe: ProbeSpec): number | string | undefined {
  return probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port;
}

/** Why `port` is not one the container declares (by number or by name), or undefined when it is. */
export function undeclaredPortProblem(port: number | string, declared: readonly DeclaredPort[]): string | undefined {
  const found = typeof port === 'number'
    ? declared.some((p) => p.containerPort === port)
    : declared.some((p) => p.name === port);
  if (found) return undefined;
  const known = declared.map((p) => (p.name ? `${p.name} (${p.containerPort})` : String(p.containerPort))).join(', ') || 'none';
  return `port ${JSON.stringify(port)} is not declared by the container (declared: ${known})`;
}

/** What is wrong with one probe: an undeclared port, and what the API server refuses in its timings and successThreshold. */
export function probeProblems(kind: ProbeKind, probe: ProbeSpec, declared: readonly DeclaredPort[]): Finding[] {
  const problems: Finding[] = [];
  const port = probePort(probe);
  const portProblem = port === undefined ? undefined : undeclaredPortProblem(port, declared);
  if (portProblem) {
    problems.push({ field: probe.httpGet ? 'httpGet.port' : probe.tcpSocket ? 'tcpSocket.port' : 'grpc.port', problem: `${kind} probe ${portProblem}: it can never pass`,
      fix: 'probe the named container port, or declare the port on the container' });
  }
  // Timings and successThreshold are the API server's rule (0 means the default), written once in lib/validation.
  for (const f of validateProbe(probe, `${kind}Probe`, '')) if (f.code === 'probe-timing') problems.push(f);
  return problems;
}

/**
 * The probe with a named port replaced by the number the container declares for it, so that probes
 * written with `8080` and with `'http'` compare equal.
 */
export function resolveNamedPorts<S extends ProbeSpec>(probe: S, declared: readonly DeclaredPort[]): S {
  const resolve = (port: number | string | undefined) => (typeof port === 'string' ? declared.find((p) => p.name === port)?.containerPort ?? port : port);
  return {
    ...probe,
    ...(probe.httpGet ? { httpGet: { ...probe.httpGet, port: resolve(probe.httpGet.port) } } : {}),
    ...(probe.tcpSocket ? { tcpSocket: { ...probe.tcpSocket, port: resolve(probe.tcpSocket.port) } } : {}),
  };
}

/**
 * True when two probes of one container would behave identically: the same action and timings, with a
 * named port read as the number the container declares for it (`'http'` and `80` are the same port).
 * The constructs and the audit both ask this question here.
 */
export function sameProbe(a: ProbeSpec, b: ProbeSpec, declared: readonly DeclaredPort[] = []): boolean {
  return canonicalJson(resolveNamedPorts(a, declared)) === canonicalJson(resolveNamedPorts(b, declared));
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
    : v));
}

/** A container's lifecycle.preStop handler as it appears in a manifest, including the native sleep action (Kubernetes >= 1.30). */
export interface PreStopHandler extends ProbeSpec {
  readonly sleep?: { readonly seconds?: number };
}

/**
 * How many seconds a preStop handler keeps the container serving, when the manifest says: the native
 * sleep action, or an exec command whose last `sleep N` is the delay. Undefined when it cannot be known
 * (an HTTP hook, a command without sleep).
 */
export function preStopSeconds(handler: PreStopHandler | undefined): number | undefined {
  if (!handler) return undefined;
  if (handler.sleep?.seconds !== undefined) return handler.sleep.seconds;
  const words = (handler.exec?.command ?? []).join(' ');
  const sleeps = [...words.matchAll(/\bsleep\s+(\d+(?:\.\d+)?)s?\b/g)];
  return sleeps.length > 0 ? Number(sleeps[sleeps.length - 1][1]) : undefined;
}
