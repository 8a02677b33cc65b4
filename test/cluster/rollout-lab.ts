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
import { api, kubectl, ROOT } from './kube';

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

/** The articles' mistakes, as plain manifests: a Deployment and its Service. */
export function brokenManifests(namespace: string, image: string, mistake: 'no-prestop' | 'no-readiness-default-strategy'): string {
  const container: any = { name: 'demo', image, imagePullPolicy: 'IfNotPresent', ports: [{ name: 'http', containerPort: 8080 }],
    resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '100m', memory: '64Mi' } } };
  const spec: any = { replicas: 3, selector: { matchLabels: { app: 'demo' } }, template: { metadata: { labels: { app: 'demo' } }, spec: { containers: [container] } } };
  if (mistake === 'no-prestop') {
    container.readinessProbe = { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 1 };
    spec.strategy = { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };
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
      execFileSync(FORTIO, ['curl', '-quiet', '-timeout', '1s', `http://${address}/`], { stdio: 'pipe' });
      return address;
    } catch {
      await new Promise((res) => setTimeout(res, 200));
    }
  }
  throw new Error(`the Service ${namespace}/demo never answered on ${address}`);
}

/**
 * Runs fortio against the Service while `change` runs (started after 3 s of steady load); returns
 * fortio's counts and how long the change took.
 */
/** The load: the articles' 8 connections at `qps`, for `seconds` or for exactly `requests` calls. */
export interface Load {
  readonly qps: number;
  readonly seconds?: number;
  readonly requests?: number;
  /** Reuse connections (fortio's default, as in the articles); false opens one connection per request. */
  readonly keepAlive?: boolean;
}

export async function underLoad(scenario: string, namespace: string, load: Load, change: () => void): Promise<LabResult> {
  const { qps, seconds, requests: count, keepAlive = true } = load;
  const address = await serviceReady(namespace);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lab-')), 'fortio.json');
  const fortio = spawn(FORTIO, ['load', '-quiet', '-a', '-c', '8', '-qps', String(qps), ...(count ? ['-n', String(count)] : ['-t', `${seconds}s`]), '-json', out, ...(keepAlive ? [] : ['-keepalive=false']), `http://${address}/`], { stdio: 'ignore' });
  const done = new Promise<void>((resolve, reject) => fortio.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`fortio exited ${code}`)))));
  await new Promise((r) => setTimeout(r, 3000));
  const started = Date.now();
  change();
  const changeSeconds = (Date.now() - started) / 1000;
  await done;
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  const codes: Record<string, number> = result.RetCodes ?? {};
  const requests = Object.values(codes).reduce((a, b) => a + b, 0);
  return { scenario, requests, errors: requests - (codes['200'] ?? 0), codes, changeSeconds };
}

/** An image change, waiting until the rollout has finished. */
export function rollout(namespace: string, image: string): void {
  kubectl(['-n', namespace, 'set', 'image', 'deploy/demo', `demo=${image}`]);
  kubectl(['-n', namespace, 'rollout', 'status', 'deploy/demo', '--timeout=180s']);
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
