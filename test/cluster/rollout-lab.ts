/**
 * The rollout lab: the source articles' load test (fortio, 8 connections, steady qps, through kube-proxy)
 * run against a Deployment while it rolls out, is drained or scales down, on the real cluster. Each
 * scenario reports fortio's own counts per HTTP code (-1: a connection error).
 */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { guaranteedResources, KubernetesVersion, PreStop, Probe, ZeroDowntimeDeployment, ZeroDowntimeDeploymentProps } from '../../lib';
import { api, kubectl, kubectlAsync, ROOT } from './kube';
import { PodRecorder, Timeline } from './rollout-recorder';

const FORTIO = path.join(ROOT, '.cluster', 'bin', 'fortio');

/** What one scenario measured. */
export interface LabResult {
  readonly scenario: string;
  readonly requests: number;
  readonly errors: number;
  /** fortio's count for each HTTP code ("-1": connection errors). */
  readonly codes: Record<string, number>;
  /** Seconds from the change until the rollout (or drain, or scale-down) finished. */
  readonly changeSeconds: number;
  /** Requests and errors per second, and the pods' lives, over the run. */
  readonly timeline: Timeline;
}

/** The ZeroDowntimeDeployment under test: its defaults, with the lab's image and small Guaranteed resources. */
export function defaultsManifests(namespace: string, image: string, overrides: Partial<ZeroDowntimeDeploymentProps> = {}): string {
  const app = Testing.app();
  KubernetesVersion.set(app, '1.34');
  const chart = new Chart(app, 'lab', { namespace });
  new ZeroDowntimeDeployment(chart, 'demo', {
    name: 'demo',
    image,
    port: 8080,
    readinessProbe: Probe.httpGet({ path: '/healthz' }),
    resources: guaranteedResources({ cpu: '100m', memory: '64Mi' }),
    // The image has no shell: the default duration (20 s) as the native sleep action.
    preStop: PreStop.nativeSleep(20),
    ...overrides,
  });
  return Testing.synth(chart).map((o) => JSON.stringify(o)).join('\n');
}

/** The articles' mistakes, as plain manifests (a Deployment and its Service), each alone against otherwise right settings. */
export type Mistake =
  /** Readiness probe and RollingUpdate 1/0, but no preStop (seed 001). */
  | 'no-prestop'
  /** No readiness probe and the API server's 25%/25% strategy. */
  | 'no-readiness-default-strategy'
  /** preStop sleep 10 with terminationGracePeriodSeconds 10 (seed 002): SIGTERM comes when the grace period is spent. */
  | 'prestop-equals-grace'
  /**
   * Seed 000's Deployment: podAffinity where anti-affinity was meant (the replicas pack onto one node), no
   * PodDisruptionBudget, and its slow probes (startupProbe after 20 s, readiness 3 x 5 s) with a 20 s preStop.
   */
  | 'pod-affinity';

export function brokenManifests(namespace: string, image: string, mistake: Mistake, env: Record<string, string> = {}): string {
  const container: any = { name: 'demo', image, imagePullPolicy: 'IfNotPresent', ports: [{ name: 'http', containerPort: 8080 }],
    env: Object.entries(env).map(([name, value]) => ({ name, value })),
    resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '100m', memory: '64Mi' } } };
  const podSpec: any = { containers: [container] };
  const spec: any = { replicas: 3, selector: { matchLabels: { app: 'demo' } }, template: { metadata: { labels: { app: 'demo' } }, spec: podSpec } };
  if (mistake !== 'no-readiness-default-strategy') {
    container.readinessProbe = { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 1 };
    spec.strategy = { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };
  }
  if (mistake === 'prestop-equals-grace') {
    // The image has no shell: seed 002's `sleep 10` as the native sleep action.
    container.lifecycle = { preStop: { sleep: { seconds: 10 } } };
    podSpec.terminationGracePeriodSeconds = 10;
  }
  if (mistake === 'pod-affinity') {
    container.startupProbe = { httpGet: { path: '/healthz', port: 'http' }, initialDelaySeconds: 20, periodSeconds: 5, failureThreshold: 2, timeoutSeconds: 10 };
    container.readinessProbe = { httpGet: { path: '/healthz', port: 'http' }, initialDelaySeconds: 10, periodSeconds: 5, successThreshold: 3, failureThreshold: 5,
      timeoutSeconds: 5 };
    container.lifecycle = { preStop: { sleep: { seconds: 20 } } };
    podSpec.affinity = { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 1, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'demo' } } } },
    ] } };
  }
  return [
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'demo', namespace }, spec },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'demo', namespace }, spec: { selector: { app: 'demo' }, ports: [{ port: 80, targetPort: 'http' }] } },
  ].map((o) => JSON.stringify(o)).join('\n');
}

/** Creates the namespace, applies the manifests and waits for the rollout. */
export function deploy(namespace: string, manifests: string): void {
  kubectl(['apply', '-f', '-'], `{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"${namespace}"}}\n${manifests}`);
  kubectl(['-n', namespace, 'rollout', 'status', 'deploy/demo', '--timeout=120s']);
}

/** Waits until the Service's address answers from the host (the load generator's kube-proxy has synced it). */
async function serviceReady(namespace: string): Promise<string> {
  const address = kubectl(['-n', namespace, 'get', 'svc', 'demo', '-o', 'jsonpath={.spec.clusterIP}:{.spec.ports[0].port}']);
  for (let i = 0; i < 100; i++) {
    try {
      execFileSync(FORTIO, ['curl', '-quiet', '-timeout', '1s', `http://${address}/healthz`], { stdio: 'pipe' });
      return address;
    } catch {
      await new Promise((res) => setTimeout(res, 200));
    }
  }
  throw new Error(`the Service ${namespace}/demo never answered on ${address}`);
}

/** The load: the articles' 8 connections at `qps`, for `seconds` or for exactly `requests` calls. */
export interface Load {
  readonly qps: number;
  readonly seconds?: number;
  readonly requests?: number;
  /** Reuse connections (fortio's default, as in the articles); false opens one connection per request. */
  readonly keepAlive?: boolean;
  /** The request path and query (default `/`); `/?burn=2` spends 2 ms of CPU per request. */
  readonly path?: string;
  /** fortio's per-request timeout (its default: 3 s). */
  readonly timeout?: string;
}

/** The pod selector of the Deployment `demo`, as a label-selector string. */
function selectorOf(namespace: string): string {
  const labels = JSON.parse(kubectl(['-n', namespace, 'get', 'deploy', 'demo', '-o', 'jsonpath={.spec.selector.matchLabels}']));
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
}

/**
 * Runs fortio against the Service while `change` runs (started after 3 s of steady load), and records
 * the pods' lives and fortio's requests per second meanwhile; returns fortio's counts, how long the
 * change took, and the timeline.
 */
export async function underLoad(scenario: string, namespace: string, load: Load, change: () => Promise<unknown>): Promise<LabResult> {
  const { qps, seconds, requests: count, keepAlive = true } = load;
  const address = await serviceReady(namespace);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-'));
  const out = path.join(dir, 'fortio.json');
  const accessLog = path.join(dir, 'access.jsonl');
  const t0 = Date.now();
  const recorder = new PodRecorder(namespace, selectorOf(namespace), t0);
  const fortio = spawn(FORTIO, ['load', '-quiet', '-a', '-c', '8', '-qps', String(qps), ...(count ? ['-n', String(count)] : ['-t', `${seconds}s`]),
    ...(load.timeout ? ['-timeout', load.timeout] : []), '-json', out, '-access-log-file', accessLog, '-access-log-format', 'json', ...(keepAlive ? [] : ['-keepalive=false']),
    `http://${address}${load.path ?? '/'}`], { stdio: 'ignore' });
  const done = new Promise<void>((resolve, reject) => fortio.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`fortio exited ${code}`)))));
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const started = Date.now();
    await change();
    const ended = Date.now();
    recorder.markChange(started, ended);
    await done;
  } catch (e) {
    fortio.kill();
    await recorder.stop(undefined, 0);
    throw e;
  }
  const timeline = await recorder.stop(accessLog, (Date.now() - t0) / 1000);
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(dir, { recursive: true, force: true });
  const codes: Record<string, number> = result.RetCodes ?? {};
  const requests = Object.values(codes).reduce((a, b) => a + b, 0);
  return { scenario, requests, errors: requests - (codes['200'] ?? 0), codes, changeSeconds: timeline.change.end - timeline.change.start, timeline };
}

/** An image change, waiting until the rollout has finished. */
export async function rollout(namespace: string, image: string): Promise<void> {
  await kubectlAsync(['-n', namespace, 'set', 'image', 'deploy/demo', `demo=${image}`]);
  await kubectlAsync(['-n', namespace, 'rollout', 'status', 'deploy/demo', '--timeout=180s']);
}

/** One pod deletion: when its address stopped being ready in the EndpointSlice, and left kube-proxy's rules. */
export interface PropagationSample {
  /** Seconds from the delete request until the EndpointSlice marks the address not ready (or drops it). */
  readonly endpointSliceSeconds: number;
  /** Seconds until no node's kube-proxy (nor the load generator's) routes to the address any more. */
  readonly iptablesSeconds: number;
}

const NETNS = ['zdc-node1', 'zdc-node2', 'zdc-client'];

function routedAnywhere(ip: string): boolean {
  return NETNS.some((ns) => execFileSync('ip', ['netns', 'exec', ns, 'iptables-save', '-t', 'nat'], { encoding: 'utf8' }).includes(`--to-destination ${ip}:`));
}

async function readyInSlice(namespace: string, ip: string): Promise<boolean> {
  const res = await api('GET', `/apis/discovery.k8s.io/v1/namespaces/${namespace}/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Ddemo`);
  return res.body.items.some((s: any) => (s.endpoints ?? []).some((e: any) => e.addresses.includes(ip) && e.conditions?.ready !== false));
}

/**
 * Deletes one pod of the Deployment and times how long its address takes to leave the EndpointSlice
 * and every kube-proxy's rules, polling every 20 ms. The pod's preStop keeps it serving meanwhile.
 */
export async function propagationSample(namespace: string): Promise<PropagationSample> {
  const listed = kubectl(['-n', namespace, 'get', 'pods', '-l', 'app.kubernetes.io/name=demo', '--field-selector=status.phase=Running', '-o', 'json']);
  const pods = JSON.parse(listed).items.filter((p: any) => !p.metadata.deletionTimestamp && p.status.podIP);
  const pod = pods[0];
  const ip: string = pod.status.podIP;
  if (!routedAnywhere(ip)) throw new Error(`pod ${pod.metadata.name} (${ip}) is not routed yet`);
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  const deletion = api('DELETE', `/api/v1/namespaces/${namespace}/pods/${pod.metadata.name}`);
  let endpointSliceSeconds = NaN;
  let iptablesSeconds = NaN;
  while (seconds() < 30 && (Number.isNaN(endpointSliceSeconds) || Number.isNaN(iptablesSeconds))) {
    if (Number.isNaN(endpointSliceSeconds) && !(await readyInSlice(namespace, ip))) endpointSliceSeconds = seconds();
    if (Number.isNaN(iptablesSeconds) && !routedAnywhere(ip)) iptablesSeconds = seconds();
    await new Promise((r) => setTimeout(r, 20));
  }
  await deletion;
  return { endpointSliceSeconds, iptablesSeconds };
}
