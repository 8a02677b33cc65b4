/**
 * A client for the real cluster's API server (`npm run cluster -- up`), for the cluster suites: the
 * kubeconfig the cluster script writes, its admin client certificate, and plain HTTPS.
 */
import { execFile, execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as path from 'path';
import { parse } from 'yaml';

export const ROOT = path.join(__dirname, '..', '..');
export const KUBECONFIG = process.env.ZDC_KUBECONFIG ?? path.join(ROOT, '.cluster', 'kubeconfig');
export const KUBECTL = process.env.ZDC_KUBECTL ?? path.join(ROOT, '.cluster', 'bin', 'kubectl');

/** The API server's answer: the HTTP status and the decoded body. */
export interface ApiResponse {
  readonly status: number;
  readonly body: any;
}

interface Connection {
  readonly server: URL;
  readonly agent: https.Agent;
}

let connection: Connection | undefined;

function connect(): Connection {
  if (connection) return connection;
  if (!fs.existsSync(KUBECONFIG)) throw new Error(`no kubeconfig at ${KUBECONFIG}: start the cluster with \`npm run cluster -- up\``);
  const config = parse(fs.readFileSync(KUBECONFIG, 'utf8'));
  const cluster = config.clusters[0].cluster;
  const user = config.users[0].user;
  const b64 = (s: string) => Buffer.from(s, 'base64');
  connection = {
    server: new URL(cluster.server),
    agent: new https.Agent({
      ca: b64(cluster['certificate-authority-data']),
      cert: b64(user['client-certificate-data']),
      key: b64(user['client-key-data']),
      keepAlive: true,
    }),
  };
  return connection;
}

/** One request to the API server. */
export function api(method: string, urlPath: string, body?: unknown, contentType = 'application/json'): Promise<ApiResponse> {
  const { server, agent } = connect();
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request({
      host: server.hostname, port: server.port, path: urlPath, method, agent,
      headers: { Accept: 'application/json', ...(payload !== undefined ? { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(payload) } : {}) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        let parsed: any = text;
        try { parsed = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${urlPath}: no answer in 30 s`)));
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** The REST path of an object's collection, from its apiVersion and kind (resources the cluster serves). */
export async function collectionPath(obj: { apiVersion: string; kind: string; metadata?: { namespace?: string } }, namespace?: string): Promise<string> {
  const base = obj.apiVersion.includes('/') ? `/apis/${obj.apiVersion}` : `/api/${obj.apiVersion}`;
  const resources = await discovery(base);
  const resource = resources.find((r: any) => r.kind === obj.kind && !r.name.includes('/'));
  if (!resource) throw new Error(`the API server serves no ${obj.kind} in ${obj.apiVersion}`);
  const ns = resource.namespaced ? (obj.metadata?.namespace ?? namespace ?? 'default') : undefined;
  return ns ? `${base}/namespaces/${ns}/${resource.name}` : `${base}/${resource.name}`;
}

const discovered = new Map<string, any[]>();
async function discovery(base: string): Promise<any[]> {
  const known = discovered.get(base);
  if (known) return known;
  const res = await api('GET', base);
  if (res.status !== 200) throw new Error(`GET ${base}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  discovered.set(base, res.body.resources);
  return res.body.resources;
}

/** The API server's verdict on creating `obj`, with nothing stored (`dryRun=All`). */
export async function dryRunCreate(obj: any, namespace?: string): Promise<ApiResponse> {
  return api('POST', `${await collectionPath(obj, namespace)}?dryRun=All&fieldValidation=Strict`, obj);
}

/** The fields named by a refusal (`details.causes[].field`). */
export function refusedFields(res: ApiResponse): string[] {
  return (res.body?.details?.causes ?? []).map((c: any) => c.field).filter((f: unknown) => typeof f === 'string');
}

/** Runs the cluster's kubectl against the cluster; throws with its output when it fails. */
export function kubectl(args: readonly string[], input?: string): string {
  return execFileSync(KUBECTL, ['--kubeconfig', KUBECONFIG, ...args], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

/** kubectl without blocking the event loop, so that recorders keep sampling while it waits. */
export function kubectlAsync(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(KUBECTL, ['--kubeconfig', KUBECONFIG, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`kubectl ${args.join(' ')}: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

/** Runs kubectl and returns its status and output, never throwing. */
export function kubectlResult(args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(KUBECTL, ['--kubeconfig', KUBECONFIG, ...args], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs a pod to completion (restartPolicy Never) and returns its phase and log. Sturdier than
 * `kubectl run -i`, whose attach can miss a short-lived container's output.
 */
export async function runToCompletion(namespace: string, name: string, image: string, args: readonly string[], timeoutSeconds = 90): Promise<{ phase: string; log: string }> {
  const pod = {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace },
    spec: { restartPolicy: 'Never', containers: [{ name: 'main', image, imagePullPolicy: 'IfNotPresent', args }] },
  };
  const created = await api('POST', `/api/v1/namespaces/${namespace}/pods`, pod);
  if (created.status !== 201) throw new Error(`creating pod ${name}: ${created.status} ${JSON.stringify(created.body).slice(0, 300)}`);
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    const res = await api('GET', `/api/v1/namespaces/${namespace}/pods/${name}`);
    const phase = res.body?.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      const log = await api('GET', `/api/v1/namespaces/${namespace}/pods/${name}/log`);
      return { phase, log: typeof log.body === 'string' ? log.body : JSON.stringify(log.body) };
    }
    if (Date.now() > deadline) throw new Error(`pod ${namespace}/${name} still ${phase} after ${timeoutSeconds}s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Creates a namespace (and its `default` ServiceAccount, which the controller manager would make)
 * unless they exist: pods can be dry-run created there even on a bare API server.
 */
export async function ensureNamespace(name: string): Promise<void> {
  for (const [urlPath, obj] of [
    ['/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }],
    [`/api/v1/namespaces/${name}/serviceaccounts`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } }],
  ] as const) {
    const res = await api('POST', urlPath, obj);
    if (res.status !== 201 && res.status !== 409) throw new Error(`POST ${urlPath}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  }
}

/**
 * A namespace with the demo server (an image built here): a Deployment of `replicas` spread over the
 * nodes, and a Service on port 80, both named `name`, as JSON documents for `kubectl apply -f -`.
 */
export function demoServer(namespace: string, name: string, replicas: number): string {
  const labels = { app: name };
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
    {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace },
      spec: {
        replicas, selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: labels } }],
            containers: [{
              name, image: 'zdc.local/demo-server:v1', imagePullPolicy: 'IfNotPresent', ports: [{ name: 'http', containerPort: 8080 }],
              readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 1 },
            }],
          },
        },
      },
    },
    { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } },
  ].map((o) => JSON.stringify(o)).join('\n');
}
