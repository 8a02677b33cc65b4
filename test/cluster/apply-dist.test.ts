/**
 * Everything we render, applied to the real API server: the vendored CRDs first, then every file of
 * the committed dist/ by server-side apply. Nothing may be refused; Pod Security admission enforces
 * the levels our Namespaces declare and admits our pods; a second apply changes nothing; and an
 * apply after a settings change is accepted (Job templates are immutable), also as a plain client-side
 * apply in the documented order.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { HttpsIngress, WordpressApp } from '../../lib';
import { api, kubectl, kubectlResult, ROOT } from './kube';

jest.setTimeout(240_000);
const DIST = ['dist/wordpress.k8s.yaml', 'dist/staging/wordpress.k8s.yaml', 'dist/argocd/applications.k8s.yaml'];
const CRDS = path.join(ROOT, 'imports', 'crds');
const docs = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8').split(/^---$/m).map((d) => d.trim()).filter(Boolean);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function apply(file: string): { status: number | null; stderr: string } {
  const r = kubectlResult(['apply', '--server-side', '--field-manager=zdc-test', '-f', path.join(ROOT, file)]);
  return { status: r.status, stderr: r.stderr };
}

beforeAll(() => {
  kubectl(['apply', '--server-side', '-f', CRDS]);
  kubectl(['wait', '--for=condition=Established', 'crd', '--all', '--timeout=60s']);
  // Stand-ins for the operators' own installs, whose namespaces our objects are created in.
  for (const ns of ['velero', 'argocd']) kubectlResult(['create', 'namespace', ns]);
});

test.each(DIST)('%s: every object is accepted by server-side apply', (file) => {
  const { status, stderr } = apply(file);
  // Warnings (the restricted level our Namespaces warn on) are allowed; errors are not.
  expect(stderr.split('\n').filter((l) => l && !l.startsWith('Warning:'))).toEqual([]);
  expect(status).toBe(0);
});

test.each(DIST)('%s: a second apply changes nothing', (file) => {
  const r = kubectlResult(['diff', '--server-side', '--field-manager=zdc-test', '-f', path.join(ROOT, file)]);
  expect(r.stdout).toBe('');
  expect(r.status).toBe(0);
});

test('Pod Security admission enforces the level each rendered Namespace declares', async () => {
  const namespaces = DIST.flatMap(docs).filter((d) => /^kind: Namespace$/m.test(d)).map((d) => /^ {2}name: (\S+)$/m.exec(d)![1]);
  expect(namespaces.sort()).toEqual(['kube-example', 'kube-example-staging']);
  for (const ns of namespaces) {
    const labels = JSON.parse(kubectl(['get', 'namespace', ns, '-o', 'json'])).metadata.labels;
    expect(labels['pod-security.kubernetes.io/enforce']).toBe('baseline');
    const privileged = {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'privileged', namespace: ns },
      spec: { containers: [{ name: 'c', image: 'zdc.local/pause:1', securityContext: { privileged: true } }] },
    };
    const res = await api('POST', `/api/v1/namespaces/${ns}/pods?dryRun=All`, privileged);
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/violates PodSecurity "baseline:v1\.27": privileged/);
  }
});

test('every workload\'s pods are admitted (no FailedCreate), in both environments', async () => {
  const owners = ['kube-example', 'kube-example-staging'].flatMap((ns) => JSON.parse(kubectl(['-n', ns, 'get', 'deploy,statefulset,job', '-o', 'json'])).items
    .map((o: any) => `${ns}/${o.kind}/${o.metadata.name}`));
  expect(owners.length).toBeGreaterThanOrEqual(8);
  let pods: any[] = [];
  for (let i = 0; i < 60; i++) {
    pods = ['kube-example', 'kube-example-staging'].flatMap((ns) => JSON.parse(kubectl(['-n', ns, 'get', 'pods', '-o', 'json'])).items);
    const controllers = new Set(pods.map((p) => `${p.metadata.namespace}/${p.metadata.labels?.['app.kubernetes.io/component'] ?? ''}/${p.metadata.ownerReferences?.[0]?.kind}`));
    if (controllers.size >= 6) break;
    await sleep(1000);
  }
  const refused = JSON.parse(kubectl(['get', 'events', '-A', '--field-selector', 'reason=FailedCreate', '-o', 'json'])).items
    .filter((e: any) => /kube-example/.test(e.metadata.namespace)).map((e: any) => `${e.involvedObject.kind}/${e.involvedObject.name}: ${e.message}`);
  expect(refused).toEqual([]);
  expect(pods.length).toBeGreaterThanOrEqual(6);
});

test('plain (client-side) apply in the documented order, twice and after a settings change: the WordPress Jobs never hit an immutable template', () => {
  const ns = `apply-${Date.now().toString(36)}`;
  const render = (siteTitle: string) => {
    const chart = new Chart(Testing.app(), 'wp');
    new WordpressApp(chart, 'wordpress', {
      namespace: ns, siteTitle, storage: { storageClassName: 'rook-cephfs' },
      ingress: HttpsIngress.traefik({ host: 'blog.example.com', certificate: { issuerName: 'letsencrypt' } }),
    });
    return Testing.synth(chart).map((o) => JSON.stringify(o)).join('\n');
  };
  try {
    // docs/wordpress.md's upgrade: everything but the schema upgrade, then the update-db Job.
    for (const title of ['First', 'First', 'Second']) {
      for (const selector of ['task!=update-db', 'task=update-db']) {
        const r = kubectlResult(['apply', '-l', selector, '-f', '-'], render(title));
        expect([selector, r.stderr.split('\n').filter((l) => l && !l.startsWith('Warning:'))]).toEqual([selector, []]);
        expect(r.status).toBe(0);
        expect(r.stdout).toMatch(selector === 'task=update-db' ? /^job\.batch\/wordpress-update-db-[0-9a-f]{8} (created|unchanged)$/m : /deployment\.apps\/wordpress (created|configured|unchanged)/);
      }
    }
    // Each title made its own Jobs; the second apply of the same title created none.
    const jobs = JSON.parse(kubectl(['-n', ns, 'get', 'jobs', '-o', 'json'])).items.map((j: any) => j.metadata.name);
    expect(jobs.filter((n: string) => n.startsWith('wordpress-install-'))).toHaveLength(2);
  } finally {
    kubectlResult(['delete', 'namespace', ns, '--wait=false']);
  }
});
