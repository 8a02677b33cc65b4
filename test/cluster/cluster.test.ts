/**
 * The cluster itself: two Ready nodes, and a pod from an image built here serving HTTP through a
 * Service's ClusterIP (routed by kube-proxy) and through its DNS name (answered by CoreDNS), from
 * outside the cluster and from a pod on the other node.
 */
import { Resolver } from 'dns/promises';
import * as http from 'http';
import { api, demoServer, kubectl, kubectlResult, runToCompletion } from './kube';

jest.setTimeout(120_000);
const NS = `smoke-${Date.now().toString(36)}`;
const DNS_IP = '198.19.0.10';

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, { timeout: 5000, agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject).on('timeout', function (this: http.ClientRequest) { this.destroy(new Error(`GET ${url}: timed out`)); });
  });
}

const manifests = demoServer(NS, 'demo', 2);

beforeAll(() => {
  kubectl(['apply', '-f', '-'], manifests);
  kubectl(['-n', NS, 'rollout', 'status', 'deploy/demo', '--timeout=90s']);
});
afterAll(() => {
  kubectlResult(['delete', 'namespace', NS, '--wait=false']);
});

test('at least two nodes are Ready', () => {
  const nodes = JSON.parse(kubectl(['get', 'nodes', '-o', 'json'])).items;
  const ready = nodes.filter((n: any) => n.status.conditions.some((c: any) => c.type === 'Ready' && c.status === 'True'));
  expect(ready.map((n: any) => n.metadata.name).sort()).toEqual(['node1', 'node2']);
  for (const n of nodes) expect(n.status.nodeInfo.kubeletVersion).toBe('v1.34.4');
});

test('the two replicas run on different nodes, with pod IPs from their nodes\' ranges', () => {
  const pods = JSON.parse(kubectl(['-n', NS, 'get', 'pods', '-l', 'app=demo', '-o', 'json'])).items;
  const where = pods.map((p: any) => [p.spec.nodeName, p.status.podIP]).sort();
  expect(where).toEqual([['node1', expect.stringMatching(/^198\.18\.65\./)], ['node2', expect.stringMatching(/^198\.18\.66\./)]]);
});

test('the Service answers on its ClusterIP, from both pods (kube-proxy balances)', async () => {
  const ip = kubectl(['-n', NS, 'get', 'svc', 'demo', '-o', 'jsonpath={.spec.clusterIP}']);
  expect(ip).toMatch(/^198\.19\./);
  const seen = new Set<string>();
  // kube-proxy may take a moment to add the second endpoint after the rollout reports it Ready.
  const errors: string[] = [];
  for (let i = 0; i < 300 && seen.size < 2; i++) {
    try {
      const { status, body } = await get(`http://${ip}/`);
      expect(status).toBe(200);
      expect(body).toMatch(/^version=v1 pod=demo-/);
      seen.add(body);
    } catch (e) {
      errors.push(String(e));
    }
    if (i > 20) await new Promise((r) => setTimeout(r, 100));
  }
  // Until the load generator's kube-proxy has synced the new Service, its address leads nowhere.
  expect(errors.length).toBeLessThan(10);
  expect(seen.size).toBe(2);
});

test('CoreDNS resolves the Service name to its ClusterIP, and the name serves', async () => {
  const ip = kubectl(['-n', NS, 'get', 'svc', 'demo', '-o', 'jsonpath={.spec.clusterIP}']);
  const resolver = new Resolver({ timeout: 2000, tries: 3 });
  resolver.setServers([DNS_IP]);
  expect(await resolver.resolve4(`demo.${NS}.svc.cluster.local`)).toEqual([ip]);
  await expect(resolver.resolve4(`missing.${NS}.svc.cluster.local`)).rejects.toThrow(/ENOTFOUND/);
  // Names outside the cluster do not resolve: nothing is forwarded beyond the machine.
  await expect(resolver.resolve4('example.com')).rejects.toThrow();
});

test('a pod reaches the Service by its short DNS name', async () => {
  const { phase, log } = await runToCompletion(NS, 'client', 'zdc.local/fortio:v1.68.2', ['curl', '-quiet', 'http://demo/']);
  expect(log).toMatch(/version=v1 pod=demo-/);
  expect(phase).toBe('Succeeded');
});

test('metrics-server serves the resource metrics an HPA reads (metrics.k8s.io)', async () => {
  let rows: any[] = [];
  for (let i = 0; i < 45 && rows.length === 0; i++) {
    const res = await api('GET', `/apis/metrics.k8s.io/v1beta1/namespaces/${NS}/pods`);
    rows = res.status === 200 ? res.body.items : [];
    if (rows.length === 0) await new Promise((r) => setTimeout(r, 2000));
  }
  expect(rows.map((r) => r.metadata.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^demo-/)]));
  for (const row of rows) expect(row.containers[0].usage).toEqual({ cpu: expect.any(String), memory: expect.stringMatching(/Ki$/) });
});
