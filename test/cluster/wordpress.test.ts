/**
 * The first WordPress scenario on the real cluster: a WordpressApp with the embedded database, synthesized
 * here, applied, and then the install Job succeeds as uid 33, the site answers 200 through its Service, and
 * the stack's NetworkPolicies admit the ingress controller and refuse another pod (and the controller's way to MySQL),
 * and an image change under load (a second tag of the same build stands in for the next version) fails no request.
 *
 * Images: built here from Debian's packages by cluster/images/wordpress.sh (Debian's WordPress 6.1.9 on
 * Apache + PHP 8.2; MariaDB 10.11 standing in for the official mysql image; a `wp` stand-in for wp-cli).
 * Storage: this cluster has no provisioner, so every claim the stack renders is pre-bound to a hostPath
 * PersistentVolume of a class made for this test. Both nodes share this machine's file system, so the
 * ReadWriteMany content volume really is shared: it stands in for CephFS or another RWX class.
 * Ingress: no ingress controller runs here; a fortio pod carries the ingress controller's labels (the
 * stack's ingressController prop), so the stack's own NetworkPolicies admit it, and it sends what the
 * ingress would: the site's Host and X-Forwarded-Proto: https.
 */
import * as fs from 'fs';
import { App, Chart } from 'cdk8s';
import { WordpressApp } from '../../lib';
import { WWW_DATA_UID } from '../../lib/wordpress/security';
import { api, kubectl, kubectlAsync, kubectlResult } from './kube';

jest.setTimeout(300_000);

const NS = `wp-${Date.now().toString(36)}`;
const CLASS = `${NS}-hostpath`;
const HOST_DIR = `/tmp/zdc-${NS}`;
const IMAGES = {
  wordpress: 'zdc.local/wordpress-debian:6.1.9-apache',
  // The same build under a second tag (cluster/images/wordpress.sh): the next version's stand-in.
  wordpressNext: 'zdc.local/wordpress-debian:6.1.9-apache-r2',
  cli: 'zdc.local/wp-cli-standin:6.1.9-php8.2',
  mysql: 'zdc.local/mariadb-debian:10.11',
};
const HOST = 'wordpress.test.invalid';
const CLIENT_LABELS = { 'app.kubernetes.io/name': 'stand-in-ingress-controller' };
// Its own namespace, as a real ingress controller's: the stack's default-deny covers every pod in its own.
const CLIENT_NS = `${NS}-ingress`;

/** The stack as a user would write it, with this cluster's images and storage class. */
function stack(image = IMAGES.wordpress): any[] {
  const chart = new Chart(new App(), 'wordpress');
  new WordpressApp(chart, 'wordpress', {
    namespace: NS,
    image,
    cliImage: IMAGES.cli,
    // Two replicas, the fewest the stack accepts; one per node (the Deployment's anti-affinity).
    replicas: 2,
    siteUrl: `https://${HOST}`,
    siteTitle: 'Real cluster',
    storage: { storageClassName: CLASS, size: '1Gi' },
    mysql: { image: IMAGES.mysql, storageClassName: CLASS, storageSize: '1Gi' },
    ingressController: { namespace: CLIENT_NS, podLabels: CLIENT_LABELS },
    syncWaves: false,
  });
  return chart.toJson();
}

/** Every claim the manifests make (StatefulSet claim templates included), as namespace/name with its spec. */
function claimsOf(objects: any[]): { name: string; spec: any }[] {
  const claims = objects.filter((o) => o.kind === 'PersistentVolumeClaim').map((o) => ({ name: o.metadata.name, spec: o.spec }));
  for (const set of objects.filter((o) => o.kind === 'StatefulSet')) {
    for (const t of set.spec.volumeClaimTemplates ?? []) {
      for (let i = 0; i < (set.spec.replicas ?? 1); i++) claims.push({ name: `${t.metadata.name}-${set.metadata.name}-${i}`, spec: t.spec });
    }
  }
  return claims;
}

/** A hostPath volume pre-bound to one claim: the smallest honest stand-in for a provisioner. */
function volumeFor(claim: { name: string; spec: any }): any {
  return {
    apiVersion: 'v1', kind: 'PersistentVolume',
    metadata: { name: `${NS}-${claim.name}` },
    spec: {
      storageClassName: claim.spec.storageClassName,
      capacity: { storage: claim.spec.resources.requests.storage },
      accessModes: claim.spec.accessModes,
      persistentVolumeReclaimPolicy: 'Retain',
      claimRef: { namespace: NS, name: claim.name },
      hostPath: { path: `${HOST_DIR}/${claim.name}`, type: 'DirectoryOrCreate' },
    },
  };
}

function secret(name: string, data: Record<string, string>): any {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: NS }, type: 'Opaque', stringData: data };
}

const list = (items: any[]) => JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for a Job to complete; fails fast, with its pods' logs, when it fails. */
async function jobCompletes(name: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const job = (await api('GET', `/apis/batch/v1/namespaces/${NS}/jobs/${name}`)).body;
    const conditions: any[] = job?.status?.conditions ?? [];
    if (conditions.some((c) => c.type === 'Complete' && c.status === 'True')) return;
    const failed = conditions.some((c) => c.type === 'Failed' && c.status === 'True');
    if (failed || Date.now() > deadline) {
      const logs = kubectlResult(['-n', NS, 'logs', `job/${name}`, '--all-containers', '--tail=40']);
      throw new Error(`job ${name} ${failed ? 'failed' : `not complete after ${seconds}s`}:\n${logs.stdout}${logs.stderr}\n${describe()}`);
    }
    await sleep(2000);
  }
}

function describe(): string {
  return kubectlResult(['-n', NS, 'get', 'pods,pvc,jobs', '-o', 'wide']).stdout;
}

let objects: any[];
const started = Date.now();
const timings: Record<string, number> = {};

/** A fortio pod in the ingress controller's namespace, with `labels`. */
function fortioPod(name: string, labels: Record<string, string>): any {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: CLIENT_NS, labels },
    spec: {
      securityContext: { runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [{
        name: 'fortio', image: 'zdc.local/fortio:v1.68.2', imagePullPolicy: 'IfNotPresent',
        args: ['server', '-http-port', '8080', '-grpc-port', 'disabled', '-redirect-port', 'disabled'],
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
      }],
    },
  };
}

beforeAll(() => {
  objects = stack();
  const claims = claimsOf(objects);
  // The Namespace first (the stack renders it, with its Pod Security labels), then what the stack
  // expects to exist outside its manifests: the Secrets; then this cluster's storage.
  kubectl(['apply', '-f', '-'], list([...objects.filter((o) => o.kind === 'Namespace'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: CLIENT_NS } }]));
  const salts = Object.fromEntries(['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
    .map((k) => [`WORDPRESS_${k}`, `${k}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`]));
  kubectl(['apply', '-f', '-'], list([
    secret('wordpress-db-pwd', { dbpwd: 'app-password-1', rootpwd: 'root-password-1' }),
    secret('wordpress-salts', salts),
    secret('wordpress-admin', { user: 'admin', password: 'admin-password-1', email: 'admin@example.com' }),
    { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: CLASS }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'Immediate' },
    ...claims.map(volumeFor),
    fortioPod('client', CLIENT_LABELS),
    // Not the controller: the stack's policies admit nothing from it.
    fortioPod('intruder', { 'app.kubernetes.io/name': 'intruder' }),
  ]));
  kubectl(['apply', '-f', '-'], list(objects.filter((o) => o.kind !== 'Namespace')));
  timings.applied = Date.now() - started;
});

afterAll(() => {
  if (process.env.ZDC_KEEP_WP) return;
  kubectlResult(['delete', 'namespace', NS, CLIENT_NS, '--wait=true', '--timeout=90s']);
  kubectlResult(['delete', 'pv', ...claimsOf(objects ?? []).map((c) => `${NS}-${c.name}`), '--ignore-not-found']);
  kubectlResult(['delete', 'storageclass', CLASS, '--ignore-not-found']);
  fs.rmSync(HOST_DIR, { recursive: true, force: true });
  console.log(`wordpress on the real cluster (ms since start): ${JSON.stringify(timings)}`);
});

test('every claim the stack renders binds to its volume of this cluster', async () => {
  const names = claimsOf(objects).map((c) => c.name);
  expect(names.length).toBeGreaterThanOrEqual(2);
  for (let i = 0; ; i++) {
    const pending = names.filter((n) => kubectlResult(['-n', NS, 'get', 'pvc', n, '-o', 'jsonpath={.status.phase}']).stdout !== 'Bound');
    if (pending.length === 0) break;
    if (i > 60) throw new Error(`claims not bound: ${pending.join(', ')}\n${describe()}`);
    await sleep(1000);
  }
});

test('the install Job succeeds, as uid 33', async () => {
  const install = objects.find((o) => o.kind === 'Job' && o.metadata.name.includes('-install-'));
  await jobCompletes(install.metadata.name, 240);
  timings.installed = Date.now() - started;
  const pods = (await api('GET', `/api/v1/namespaces/${NS}/pods?labelSelector=${encodeURIComponent(`job-name=${install.metadata.name}`)}`)).body.items;
  const done = pods.filter((p: any) => p.status.phase === 'Succeeded');
  expect(done.length).toBe(1);
  expect(done[0].spec.securityContext.runAsUser).toBe(WWW_DATA_UID);
  // What the stand-in wp said: the install ran WordPress's wp_install(), not a skip.
  const log = kubectl(['-n', NS, 'logs', done[0].metadata.name, '-c', 'wp-cli']);
  expect(log).toMatch(/Success: WordPress installed successfully\./);
});

test('the update-db Job reads back the installed site through WordPress', async () => {
  const update = objects.find((o) => o.kind === 'Job' && o.metadata.name.includes('-update-db-'));
  await jobCompletes(update.metadata.name, 120);
  const log = kubectl(['-n', NS, 'logs', `job/${update.metadata.name}`, '-c', 'wp-cli']);
  expect(log).toMatch(/^core 6\.1\.9, database version \d+$/m);
});

test('the site answers 200 through the Service once readiness passes', async () => {
  kubectl(['-n', NS, 'rollout', 'status', 'deploy/wordpress', '--timeout=180s']);
  kubectl(['-n', CLIENT_NS, 'wait', '--for=condition=Ready', 'pod/client', '--timeout=60s']);
  timings.ready = Date.now() - started;
  // fortio curl: the status line and headers on stderr, the body on stdout.
  let status = '';
  let body = '';
  for (let i = 0; i < 15; i++) {
    const r = kubectlResult(['-n', CLIENT_NS, 'exec', 'client', '--', 'fortio', 'curl', '-timeout', '10s',
      '-H', `Host: ${HOST}`, '-H', 'X-Forwarded-Proto: https', `http://wordpress.${NS}.svc.cluster.local/`]);
    status = /^HTTP\/1\.1 (\d+)/m.exec(r.stderr)?.[1] ?? `none (${r.stderr.slice(-300)})`;
    body = r.stdout;
    if (status === '200') break;
    await sleep(2000);
  }
  timings.served = Date.now() - started;
  expect(status).toBe('200');
  expect(body).toContain('<title>Real cluster</title>');
  // Served by Apache as www-data: the content volume's top folder is www-data's after the entrypoint.
  const content = claimsOf(objects).find((c) => c.name === 'wordpress-wp-content')!;
  expect(fs.statSync(`${HOST_DIR}/${content.name}`).uid).toBe(WWW_DATA_UID);
});

/** fortio curl from a pod of the controller's namespace; the status line and headers go to stderr. */
function curlFrom(pod: string, url: string): { status: string; stderr: string } {
  const r = kubectlResult(['-n', CLIENT_NS, 'exec', pod, '--', 'fortio', 'curl', '-timeout', '4s', '-H', `Host: ${HOST}`, '-H', 'X-Forwarded-Proto: https', url]);
  return { status: /^HTTP\/1\.1 (\d+)/m.exec(r.stderr)?.[1] ?? 'none', stderr: r.stderr };
}

test("the stack's NetworkPolicies, enforced by the cluster's firewall: the controller reaches WordPress; another pod does not, nor does the controller reach MySQL", () => {
  kubectl(['-n', CLIENT_NS, 'wait', '--for=condition=Ready', 'pod/intruder', '--timeout=60s']);
  const site = `http://wordpress.${NS}.svc.cluster.local/`;
  // The allowed flow first, so that a denial below is the policy's and not a broken path.
  expect(curlFrom('client', site).status).toBe('200');
  const intruder = curlFrom('intruder', site);
  expect(intruder.status).toBe('none');
  // The firewall rejects (kube-router) or drops the connection; one that was made would answer or fail otherwise.
  expect(intruder.stderr).toMatch(/connection refused|timeout|deadline exceeded/i);
  const mysql = curlFrom('client', `http://wordpress-mysql.${NS}.svc.cluster.local:3306/`);
  expect(mysql.status).toBe('none');
  expect(mysql.stderr).toMatch(/connection refused|timeout|deadline exceeded/i);
});

/** fortio's counts per HTTP code for a load run from the controller's pod (-1: a connection error). */
async function loadFrom(url: string, qps: number, connections: number, seconds: number): Promise<Record<string, number>> {
  const out = await kubectlAsync(['-n', CLIENT_NS, 'exec', 'client', '--', 'fortio', 'load', '-quiet', '-qps', String(qps), '-c', String(connections),
    '-t', `${seconds}s`, '-timeout', '15s', '-json', '-', '-H', `Host: ${HOST}`, '-H', 'X-Forwarded-Proto: https', url]);
  return JSON.parse(out.slice(out.indexOf('{'))).RetCodes ?? {};
}

test('an image change under load: no failed request, the new image\'s update-db Job completes, every pod runs the new image', async () => {
  const next = stack(IMAGES.wordpressNext);
  const jobOf = (objects: any[], task: string) => objects.find((o) => o.kind === 'Job' && o.metadata.name.includes(`-${task}-`)).metadata.name;
  expect(jobOf(next, 'update-db')).not.toBe(jobOf(objects, 'update-db'));
  const site = `http://wordpress.${NS}.svc.cluster.local`;
  // A static file at the articles' rate (Apache alone) and the home page slowly (PHP and the database).
  const loads = Promise.all([loadFrom(`${site}/wp-includes/css/dashicons.min.css`, 50, 4, 120), loadFrom(`${site}/`, 2, 2, 120)]);
  await sleep(5000);
  const changed = Date.now();
  kubectl(['apply', '-f', '-'], list(next.filter((o) => o.kind !== 'Namespace')));
  kubectl(['-n', NS, 'rollout', 'status', 'deploy/wordpress', '--timeout=180s']);
  timings.rolledOut = Date.now() - changed;
  await jobCompletes(jobOf(next, 'update-db'), 180);
  const [files, pages] = await loads;
  timings.imageChangeLoad = Date.now() - changed;
  console.log(`image change under load: static ${JSON.stringify(files)}, pages ${JSON.stringify(pages)}, rollout ${timings.rolledOut} ms`);
  expect(Object.keys(files)).toEqual(['200']);
  expect(Object.keys(pages)).toEqual(['200']);
  expect(files['200']).toBeGreaterThan(4000);
  expect(pages['200']).toBeGreaterThan(100);
  const pods = JSON.parse(kubectl(['-n', NS, 'get', 'pods', '-l', 'app.kubernetes.io/component=frontend', '-o', 'json'])).items
    .filter((p: any) => !p.metadata.deletionTimestamp);
  expect(pods.length).toBeGreaterThanOrEqual(2);
  expect(pods.map((p: any) => p.spec.containers[0].image)).toEqual(pods.map(() => IMAGES.wordpressNext));
});
