/**
 * WordPress on the real cluster: a WordpressApp with the embedded database, synthesized here and applied
 * (wordpress-stack.ts says which images, storage and client stand in, and why). The install Job succeeds
 * as uid 33 and the site answers 200 through its Service; the stack's NetworkPolicies admit the ingress
 * controller and refuse another pod; Pod Security admission takes every pod at the rendered levels; an
 * image change under load fails no request; a 10 MB phone photo uploads and is resized; a restart of the
 * embedded database costs what the rollout plan says; and the dump CronJob's dump restores into a new,
 * empty database with the content back.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as zlib from 'zlib';
import { podSecurityLevel, rolloutPlans } from '../../lib/analysis';
import { startupBudgetSeconds } from '../../lib/policy/restart-cost';
import { WWW_DATA_UID } from '../../lib/wordpress/security';
import { api, kubectl, kubectlAsync, kubectlResult } from './kube';
import { CLIENT_LABELS, claimsOf, HOST, IMAGES, list, phpScript, SCRAPER_LABELS, sleep, WordpressOnCluster } from './wordpress-stack';

jest.setTimeout(300_000);

const wp = new WordpressOnCluster();
const { ns: NS, clientNs: CLIENT_NS } = wp;
const SITE = `http://wordpress.${NS}.svc.cluster.local`;

let objects: any[];
const started = Date.now();
const timings: Record<string, number> = {};

beforeAll(() => {
  objects = wp.stack();
  // The Namespace first (the stack renders it, with its Pod Security labels), then what the stack
  // expects to exist outside its manifests: the Secrets; then this cluster's storage.
  kubectl(['apply', '-f', '-'], list([...objects.filter((o) => o.kind === 'Namespace'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: CLIENT_NS } }]));
  const salts = Object.fromEntries(['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
    .map((k) => [`WORDPRESS_${k}`, `${k}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`]));
  kubectl(['apply', '-f', '-'], list([
    wp.secret('wordpress-db-pwd', { dbpwd: 'app-password-1', rootpwd: 'root-password-1' }),
    wp.secret('wordpress-salts', salts),
    wp.secret('wordpress-admin', { user: 'admin', password: 'admin-password-1', email: 'admin@example.com' }),
    { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: wp.storageClass }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'Immediate' },
    ...claimsOf(objects).map((c) => wp.volumeFor(c)),
    wp.clientPod('client', CLIENT_LABELS),
    // Not the controller: the stack's policies admit nothing from it.
    wp.clientPod('intruder', { 'app.kubernetes.io/name': 'intruder' }),
    // PHP with GD behind the controller's labels: makes the photo and sends it as a browser would.
    wp.clientPod('uploader', CLIENT_LABELS, IMAGES.cli),
    ...wp.mailServer(),
    wp.clientPod('scraper', SCRAPER_LABELS),
  ]));
  kubectl(['apply', '-f', '-'], list(objects.filter((o) => o.kind !== 'Namespace')));
  timings.applied = Date.now() - started;
});

afterAll(() => {
  if (process.env.ZDC_KEEP_WP) return;
  kubectlResult(['delete', 'namespace', NS, CLIENT_NS, '--wait=true', '--timeout=90s']);
  kubectlResult(['delete', 'pv', ...claimsOf(objects ?? []).map((c) => `${NS}-${c.name}`), '--ignore-not-found']);
  kubectlResult(['delete', 'storageclass', wp.storageClass, '--ignore-not-found']);
  fs.rmSync(wp.hostDir, { recursive: true, force: true });
  console.log(`wordpress on the real cluster (ms since start): ${JSON.stringify(timings)}`);
});

test('every claim the stack renders binds to its volume of this cluster', async () => {
  const names = claimsOf(objects).map((c) => c.name);
  expect(names.length).toBeGreaterThanOrEqual(2);
  for (let i = 0; ; i++) {
    const pending = names.filter((n) => kubectlResult(['-n', NS, 'get', 'pvc', n, '-o', 'jsonpath={.status.phase}']).stdout !== 'Bound');
    if (pending.length === 0) break;
    if (i > 60) throw new Error(`claims not bound: ${pending.join(', ')}\n${wp.describe()}`);
    await sleep(1000);
  }
});

test('the install Job succeeds, as uid 33', async () => {
  const install = objects.find((o) => o.kind === 'Job' && o.metadata.name.includes('-install-'));
  await wp.jobCompletes(install.metadata.name, 240);
  timings.installed = Date.now() - started;
  const pods = (await api('GET', `/api/v1/namespaces/${NS}/pods?labelSelector=${encodeURIComponent(`job-name=${install.metadata.name}`)}`)).body.items;
  const done = pods.filter((p: any) => p.status.phase === 'Succeeded');
  expect(done.length).toBe(1);
  expect(done[0].spec.securityContext.runAsUser).toBe(WWW_DATA_UID);
  // What the stand-in wp said: the install ran WordPress's wp_install(), not a skip.
  const log = kubectl(['-n', NS, 'logs', done[0].metadata.name, '-c', 'wp-cli']);
  expect(log).toMatch(/Success: WordPress installed successfully\./);
});

let firstDbVersion: number;

test('the update-db Job reads back the installed site through WordPress', async () => {
  const update = objects.find((o) => o.kind === 'Job' && o.metadata.name.includes('-update-db-'));
  await wp.jobCompletes(update.metadata.name, 120);
  const log = kubectl(['-n', NS, 'logs', `job/${update.metadata.name}`, '-c', 'wp-cli']);
  expect(log).toMatch(/^core 6\.1\.9, database version \d+$/m);
  firstDbVersion = Number(/database version (\d+)/.exec(log)![1]);
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
      '-H', `Host: ${HOST}`, '-H', 'X-Forwarded-Proto: https', `${SITE}/`]);
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
  expect(fs.statSync(`${wp.hostDir}/${content.name}`).uid).toBe(WWW_DATA_UID);
});

/** fortio curl from a pod of the controller's namespace; the status line and headers go to stderr, the body to stdout. */
function curlFrom(pod: string, url: string): { status: string; stderr: string; body: string } {
  const r = kubectlResult(['-n', CLIENT_NS, 'exec', pod, '--', 'fortio', 'curl', '-timeout', '4s', '-H', `Host: ${HOST}`, '-H', 'X-Forwarded-Proto: https', url]);
  return { status: /^HTTP\/1\.1 (\d+)/m.exec(r.stderr)?.[1] ?? 'none', stderr: r.stderr, body: r.stdout };
}

test("the stack's NetworkPolicies, enforced by the cluster's firewall: the controller reaches WordPress; another pod does not, nor does the controller reach MySQL", () => {
  kubectl(['-n', CLIENT_NS, 'wait', '--for=condition=Ready', 'pod/intruder', '--timeout=60s']);
  const site = `${SITE}/`;
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

/** fortio's counts per HTTP code and its slowest request, for a load run from the controller's pod. */
async function loadStatsFrom(url: string, qps: number, connections: number, seconds: number): Promise<{ codes: Record<string, number>; maxSeconds: number }> {
  const out = await kubectlAsync(['-n', CLIENT_NS, 'exec', 'client', '--', 'fortio', 'load', '-quiet', '-qps', String(qps), '-c', String(connections),
    '-t', `${seconds}s`, '-timeout', '15s', '-json', '-', '-H', `Host: ${HOST}`, '-H', 'X-Forwarded-Proto: https', url]);
  const result = JSON.parse(out.slice(out.indexOf('{')));
  return { codes: result.RetCodes ?? {}, maxSeconds: result.DurationHistogram?.Max ?? 0 };
}

/** fortio's counts per HTTP code for a load run from the controller's pod (-1: a connection error). */
async function loadFrom(url: string, qps: number, connections: number, seconds: number): Promise<Record<string, number>> {
  return (await loadStatsFrom(url, qps, connections, seconds)).codes;
}

test('an upgrade to WordPress 6.8 under load: no failed request, update-db upgrades the schema, every pod serves the new core', async () => {
  const next = wp.stack(IMAGES.wordpressNext);
  const jobOf = (objects: any[], task: string) => objects.find((o) => o.kind === 'Job' && o.metadata.name.includes(`-${task}-`)).metadata.name;
  expect(jobOf(next, 'update-db')).not.toBe(jobOf(objects, 'update-db'));
  const site = SITE;
  // A static file at the articles' rate (Apache alone) and the home page slowly (PHP and the database).
  const loads = Promise.all([loadFrom(`${site}/wp-includes/css/dashicons.min.css`, 50, 4, 120), loadFrom(`${site}/`, 2, 2, 120)]);
  await sleep(5000);
  const changed = Date.now();
  kubectl(['apply', '-f', '-'], list(next.filter((o) => o.kind !== 'Namespace')));
  kubectl(['-n', NS, 'rollout', 'status', 'deploy/wordpress', '--timeout=180s']);
  timings.rolledOut = Date.now() - changed;
  await wp.jobCompletes(jobOf(next, 'update-db'), 180);
  const upgraded = kubectl(['-n', NS, 'logs', `job/${jobOf(next, 'update-db')}`, '-c', 'wp-cli']);
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
  // WordPress's own upgrade ran: the new core's schema version is in the database.
  const newDbVersion = Number(/^core 6\.8\.\d+, database version (\d+)$/m.exec(upgraded)?.[1]);
  console.log(`upgrade: database version ${firstDbVersion} -> ${newDbVersion}`);
  expect(newDbVersion).toBeGreaterThan(firstDbVersion);
  // Each pod serves the new core.
  for (const pod of pods) {
    const home = curlFrom('client', `http://${pod.status.podIP}/`);
    expect(home.status).toBe('200');
    expect(home.body).toMatch(/<meta name="generator" content="WordPress 6\.8\.\d+"/);
  }
});

test('Pod Security admission at the rendered levels: every workload admitted under baseline, restricted warnings as the checker predicts, a privileged pod refused', () => {
  const labels = objects.find((o) => o.kind === 'Namespace').metadata.labels;
  expect(labels['pod-security.kubernetes.io/enforce']).toBe('baseline');
  expect(labels['pod-security.kubernetes.io/warn']).toBe('restricted');
  const workloads = objects.filter((o) => ['Deployment', 'StatefulSet', 'Job', 'CronJob'].includes(o.kind));
  expect(workloads.length).toBeGreaterThanOrEqual(6);
  const verdicts = workloads.map((o) => {
    const template = o.spec.template ?? o.spec.jobTemplate.spec.template;
    // Created under a new name, so that the API server admits it as new (an unchanged update is not evaluated).
    const copy = { ...o, metadata: { ...o.metadata, name: `${o.metadata.name}-psa`.slice(0, 52) } };
    const r = kubectlResult(['create', '--dry-run=server', '-f', '-'], JSON.stringify(copy));
    return {
      workload: `${o.kind}/${o.metadata.name}`,
      admitted: r.status === 0 ? 'admitted' : r.stderr,
      warnedRestricted: /would violate PodSecurity "restricted:/.test(r.stderr),
      predicted: podSecurityLevel(template.spec) !== 'restricted',
    };
  });
  console.log(`Pod Security: ${JSON.stringify(verdicts)}`);
  for (const v of verdicts) {
    expect({ workload: v.workload, admitted: v.admitted, warned: v.warnedRestricted }).toEqual({ workload: v.workload, admitted: 'admitted', warned: v.predicted });
  }
  const privileged = {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'privileged', namespace: NS },
    spec: { containers: [{ name: 'c', image: IMAGES.cli, command: ['true'], securityContext: { privileged: true } }] },
  };
  const refused = kubectlResult(['create', '--dry-run=server', '-f', '-'], JSON.stringify(privileged));
  expect(refused.status).not.toBe(0);
  expect(refused.stderr).toMatch(/violates PodSecurity "baseline:v1\.27": privileged/);
});

/** Runs a PHP script of test/cluster/wordpress/ in a pod's container; its JSON answer, or its text. */
function php(namespace: string, pod: string, container: string, script: string, args: readonly string[]): string {
  return kubectl(['-n', namespace, 'exec', '-i', pod, '-c', container, '--', 'php', '/dev/stdin', ...args], phpScript(script));
}

let photo: { id: number; dir: string; original: string; sha1: string };

test('a 10 MB phone photo uploads through the Service as the block editor sends it, WordPress resizes it, and every pod serves it from the shared volume', () => {
  kubectl(['-n', CLIENT_NS, 'wait', '--for=condition=Ready', 'pod/uploader', '--timeout=60s']);
  const frontends = JSON.parse(kubectl(['-n', NS, 'get', 'pods', '-l', 'app.kubernetes.io/component=frontend', '-o', 'json'])).items
    .filter((p: any) => !p.metadata.deletionTimestamp);
  const password = php(NS, frontends[0].metadata.name, 'wordpress', 'app-password.php', [HOST, 'admin']).trim();
  expect(password).toMatch(/^[A-Za-z0-9]{24}$/);
  const answer = JSON.parse(php(CLIENT_NS, 'uploader', 'client', 'upload.php', [`${SITE}/?rest_route=/wp/v2/media`, HOST, 'admin', password]));
  console.log(`upload: ${answer.bytes} bytes in ${answer.seconds} s, ${answer.status}, sizes ${JSON.stringify(Object.keys(answer.body?.media_details?.sizes ?? {}))}`);
  expect(answer.bytes).toBeGreaterThanOrEqual(10 * 1024 * 1024);
  expect({ status: answer.status, error: answer.body?.message }).toEqual({ status: 'HTTP/1.1 201 Created', error: undefined });
  const details = answer.body.media_details;
  // GD decoded 12.6 megapixels and wrote each size within the PHP memory limit; above 2560 px WordPress keeps a scaled copy.
  expect(Object.keys(details.sizes)).toEqual(expect.arrayContaining(['thumbnail', 'medium', 'large', '1536x1536', '2048x2048']));
  expect(details.width).toBe(2560);
  expect(details.original_image).toBe('phone-photo.jpg');
  const dir = details.file.split('/').slice(0, -1).join('/');
  photo = { id: answer.body.id, dir, original: details.original_image, sha1: answer.sha1 };
  const stored = `${wp.hostDir}/wordpress-wp-content/uploads/${dir}/${photo.original}`;
  expect(crypto.createHash('sha1').update(fs.readFileSync(stored)).digest('hex')).toBe(photo.sha1);
  // From each pod by its address: both read the one shared volume.
  expect(frontends.length).toBeGreaterThanOrEqual(2);
  for (const pod of frontends) {
    const got = JSON.parse(php(CLIENT_NS, 'uploader', 'client', 'fetch.php', [`http://${pod.status.podIP}/wp-content/uploads/${dir}/${photo.original}`, HOST]));
    expect(got).toEqual({ status: 'HTTP/1.1 200 OK', bytes: answer.bytes, sha1: photo.sha1 });
  }
});

test("WordPress's mail goes through the smtp prop's relay: a password reset reaches the mail server, from the configured sender", () => {
  kubectl(['-n', CLIENT_NS, 'wait', '--for=condition=Ready', 'pod/mailpit', '--timeout=60s']);
  const r = kubectlResult(['-n', CLIENT_NS, 'exec', 'client', '--', 'fortio', 'curl', '-timeout', '30s', '-H', `Host: ${HOST}`, '-H', 'X-Forwarded-Proto: https',
    '-content-type', 'application/x-www-form-urlencoded', '-payload', 'user_login=admin&redirect_to=&wp-submit=Get+New+Password', `${SITE}/wp-login.php?action=lostpassword`]);
  // WordPress redirects to "check your email" only when wp_mail() succeeded; otherwise it answers 200 with an error.
  // fortio prints a non-2xx answer's status line and headers with the body.
  const answer = `${r.stderr}\n${r.stdout}`;
  expect(/^HTTP\/1\.1 (\d+)/m.exec(answer)?.[1]).toBe('302');
  expect(answer).toMatch(/^Location: .*checkemail=confirm/mi);
  const listed = kubectl(['-n', CLIENT_NS, 'exec', 'client', '--', 'fortio', 'curl', '-timeout', '10s', `http://mailpit.${CLIENT_NS}.svc.cluster.local:8025/api/v1/messages`]);
  const messages = JSON.parse(listed.slice(listed.indexOf('{'))).messages;
  console.log(`mail: ${JSON.stringify(messages.map((m: any) => ({ from: m.From, to: m.To, subject: m.Subject })))}`);
  expect(messages).toHaveLength(1);
  expect(messages[0].Subject).toBe('[Real cluster] Password Reset');
  expect(messages[0].To.map((t: any) => t.Address)).toEqual(['admin@example.com']);
  expect(messages[0].From).toEqual({ Name: 'Real cluster', Address: 'blog@wordpress.test.invalid' });
});

test("Apache's metrics: the scraper reads apache_up 1 from each pod's sidecar; another pod is refused; mod_status is not reachable from outside the pod", () => {
  kubectl(['-n', CLIENT_NS, 'wait', '--for=condition=Ready', 'pod/scraper', '--timeout=60s']);
  const pods = JSON.parse(kubectl(['-n', NS, 'get', 'pods', '-l', 'app.kubernetes.io/component=frontend', '-o', 'json'])).items
    .filter((p: any) => !p.metadata.deletionTimestamp);
  expect(pods.length).toBeGreaterThanOrEqual(2);
  for (const pod of pods) {
    const metrics = kubectlResult(['-n', CLIENT_NS, 'exec', 'scraper', '--', 'fortio', 'curl', '-timeout', '10s', `http://${pod.status.podIP}:9117/metrics`]).stdout;
    expect(metrics).toMatch(/^apache_up 1$/m);
    expect(metrics).toMatch(/^apache_workers\{state="idle"\} \d+$/m);
    expect(metrics).toMatch(/^apache_accesses_total \d+$/m);
    const refused = curlFrom('intruder', `http://${pod.status.podIP}:9117/metrics`);
    expect(refused.status).toBe('none');
    // mod_status listens on the pod's loopback: the scraper, admitted to 9117, finds nothing on 8080.
    const status = kubectlResult(['-n', CLIENT_NS, 'exec', 'scraper', '--', 'fortio', 'curl', '-timeout', '4s', `http://${pod.status.podIP}:8080/server-status?auto`]);
    expect(`${status.stderr}${status.stdout}`).not.toMatch(/^HTTP\/1\.1 200/m);
  }
  // Through the Service, /server-status is WordPress's, not Apache's status page.
  expect(curlFrom('client', `${SITE}/server-status?auto`).body).not.toMatch(/^Total Accesses:/m);
});

/** Polls the home page from the controller's pod until it has failed and then answered 200 again. */
async function outageOf(url: string, seconds: number): Promise<{ firstFailure?: number; recovered?: number; statuses: Set<string> }> {
  const deadline = Date.now() + seconds * 1000;
  let firstFailure: number | undefined;
  const statuses = new Set<string>();
  while (Date.now() < deadline) {
    const { status } = curlFrom('client', url);
    const at = Date.now();
    if (status !== '200') {
      firstFailure ??= at;
      statuses.add(status);
    } else if (firstFailure !== undefined) {
      return { firstFailure, recovered: at, statuses };
    }
    await sleep(250);
  }
  return { firstFailure, statuses };
}

test('a restart of the embedded MySQL: the site stops answering while it is down, for no longer than the rollout plan bounds it', async () => {
  const set = objects.find((o) => o.kind === 'StatefulSet' && o.metadata.name === 'wordpress-mysql');
  const pod = set.spec.template.spec;
  const grace: number = pod.terminationGracePeriodSeconds;
  const budget = startupBudgetSeconds(pod.containers[0].startupProbe)!;
  // What the plan says of this workload: an outage of up to the grace period and the startup budget.
  const plan = rolloutPlans(objects).find((p) => p.object === `StatefulSet ${NS}/wordpress-mysql`)!;
  expect(plan.note).toContain(`outage of up to ${grace}s grace`);
  expect(plan.note).toContain(`up to ${budget}s by its startup probe`);
  // A patient client beside the polling one: fortio's 15 s timeout, at 5 qps.
  const load = loadStatsFrom(`${SITE}/`, 5, 1, 60);
  await sleep(5000);
  const deleted = Date.now();
  kubectl(['-n', NS, 'delete', 'pod', 'wordpress-mysql-0', '--wait=false']);
  const outage = await outageOf(`${SITE}/`, grace + budget);
  kubectl(['-n', NS, 'wait', '--for=condition=Ready', 'pod/wordpress-mysql-0', '--timeout=60s']);
  const patient = await load;
  const seconds = (outage.recovered! - deleted) / 1000;
  timings.mysqlRestartOutage = outage.recovered! - deleted;
  console.log(`MySQL restart: the home page did not answer 200 within 4 s from ${((outage.firstFailure! - deleted) / 1000).toFixed(1)} s to ${seconds.toFixed(1)} s `
    + `after the delete (${[...outage.statuses].join(', ')}); at 5 qps with a 15 s timeout: ${JSON.stringify(patient.codes)}, slowest ${patient.maxSeconds.toFixed(1)} s; `
    + `the plan's bound ${grace + budget} s`);
  expect(outage.firstFailure).toBeDefined();
  expect(outage.recovered).toBeDefined();
  expect(seconds).toBeLessThanOrEqual(grace + budget);
});

test("the dump CronJob writes a dump; a new, empty database restored from it by the restore CronJob's Job has the content back", async () => {
  const cronJob = (suffix: string) => objects.find((o) => o.kind === 'CronJob' && o.metadata.name.endsWith(suffix)).metadata.name;
  kubectl(['-n', NS, 'create', 'job', '--from', `cronjob/${cronJob('-db-backup')}`, 'backup-now']);
  await wp.jobCompletes('backup-now', 180);
  const dumpDir = `${wp.hostDir}/wordpress-db-backup`;
  const dumps = fs.readdirSync(dumpDir).filter((f) => /^wordpress-\d{8}T\d{6}Z\.sql\.gz$/.test(f));
  expect(dumps).toHaveLength(1);
  expect(zlib.gunzipSync(fs.readFileSync(`${dumpDir}/${dumps[0]}`)).toString()).toContain(`${photo.dir}/phone-photo-scaled.jpg`);
  // The database lost: the server stopped, its volume emptied, started again; its entrypoint makes a new, empty database.
  kubectl(['-n', NS, 'scale', 'statefulset/wordpress-mysql', '--replicas=0']);
  kubectl(['-n', NS, 'wait', '--for=delete', 'pod/wordpress-mysql-0', '--timeout=120s']);
  const dataDir = `${wp.hostDir}/data-wordpress-mysql-0`;
  for (const entry of fs.readdirSync(dataDir)) fs.rmSync(`${dataDir}/${entry}`, { recursive: true, force: true });
  kubectl(['-n', NS, 'scale', 'statefulset/wordpress-mysql', '--replicas=1']);
  kubectl(['-n', NS, 'rollout', 'status', 'statefulset/wordpress-mysql', '--timeout=180s']);
  const media = `${SITE}/?rest_route=/wp/v2/media/${photo.id}`;
  expect(curlFrom('client', media).status).not.toBe('200');
  kubectl(['-n', NS, 'create', 'job', '--from', `cronjob/${cronJob('-db-restore')}`, 'restore-now']);
  await wp.jobCompletes('restore-now', 180);
  expect(kubectl(['-n', NS, 'logs', 'job/restore-now'])).toContain(`restored ${dumps[0]}`);
  let answer = curlFrom('client', media);
  for (let i = 0; i < 40 && answer.status !== '200'; i++) {
    await sleep(3000);
    answer = curlFrom('client', media);
  }
  expect(answer.status).toBe('200');
  expect(JSON.parse(answer.body).media_details.original_image).toBe('phone-photo.jpg');
  const home = curlFrom('client', `${SITE}/`);
  expect(home.status).toBe('200');
  expect(home.body).toContain('<title>Real cluster</title>');
});
