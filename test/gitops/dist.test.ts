import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Manifest, parseManifests } from '../../lib/analysis';

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');

/** Runs main.ts as `cdk8s synth` does (the CLI only sets CDK8S_OUTDIR), into a fresh folder. */
function synthInto(): string {
  const outdir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'synth-')), 'dist');
  execFileSync(process.execPath, ['-r', './lib/cli/register-ts.js', 'main.ts'], { cwd: ROOT, env: { ...process.env, CDK8S_OUTDIR: outdir }, stdio: 'pipe' });
  return outdir;
}

/** Every file under `dir`, relative path to bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const full = path.join(d, e.name);
    if (e.isDirectory()) walk(full); else files.set(path.relative(dir, full), fs.readFileSync(full));
  });
  walk(dir);
  return files;
}

const first = synthInto();

test('two synths of the same source are byte-identical', () => {
  const a = tree(first);
  const b = tree(synthInto());
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [file, bytes] of a) expect(b.get(file)!.equals(bytes)).toBe(true);
});

test('the committed dist/ is exactly what the source synthesizes (regenerate with `npm run synth` and commit)', () => {
  const diff = spawnSync('diff', ['-ru', DIST, first], { encoding: 'utf8' });
  if (diff.status !== 0) throw new Error(`dist/ differs from a fresh synth of the source:\n${diff.stdout}${diff.stderr}`);
});

test('docs/gitops.md documents the check above, and how to regenerate', () => {
  // Issue 19, point 10: a documented check that the committed dist/ is what the source synthesizes.
  const docs = fs.readFileSync(path.join(ROOT, 'docs', 'gitops.md'), 'utf8').replace(/\s+/g, ' ');
  expect(docs).toContain('`npm test` (and so CI) fails when the committed `dist/` is not byte-for-byte what the source synthesizes, and prints the `diff -ru`');
  expect(docs).toMatch(/Edit TypeScript \(`main\.ts` or a prop\), run `npm run synth`/);
});

test('the check docs/gitops.md gives a cdk8s app fails on a changed, added or deleted file under dist/, not on an ignored one', () => {
  // Issue 19, point 10: the same check for a user's own app, run here in a scratch Git repository.
  const block = /In CI, check that the committed `dist\/` is what the source synthesizes[\s\S]*?```sh\nnpx cdk8s synth\n(.+)\n```/.exec(
    fs.readFileSync(path.join(ROOT, 'docs', 'gitops.md'), 'utf8'));
  expect(block).not.toBeNull();
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-check-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'pipe' });
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.writeFileSync(path.join(repo, file), text);
  };
  const check = () => spawnSync('bash', ['-c', block![1]], { cwd: repo, encoding: 'utf8' }).status;
  try {
    git('init', '-q');
    write('.gitignore', 'construct-metadata.json\n');
    write('dist/app.k8s.yaml', 'kind: ConfigMap\n');
    write('dist/argocd/applications.k8s.yaml', 'kind: Application\n');
    git('add', '.');
    git('commit', '-qm', 'dist');
    write('dist/construct-metadata.json', '{}');
    expect(check()).toBe(0);
    write('dist/app.k8s.yaml', 'kind: Secret\n');
    expect(check()).toBe(1);
    git('checkout', '--', 'dist');
    write('dist/new.k8s.yaml', 'kind: Service\n');
    expect(check()).toBe(1);
    fs.rmSync(path.join(repo, 'dist', 'new.k8s.yaml'));
    fs.rmSync(path.join(repo, 'dist', 'argocd'), { recursive: true });
    expect(check()).toBe(1);
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
  }
});

test('dist/ holds only synthesized manifests: no timestamps, random values or generated hash suffixes', () => {
  const text = [...tree(DIST).values()].map((b) => b.toString()).join('\n');
  expect(text).not.toMatch(/creationTimestamp|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  expect(text).not.toMatch(/name: \S+-c8[0-9a-f]{6,}/);
  expect([...tree(DIST).keys()].every((f) => f.endsWith('.k8s.yaml'))).toBe(true);
});

/** Apply rank: a lower rank must never come after a higher one in `kubectl apply -f <folder>` order. */
function rank(m: Manifest): number {
  if (m.kind === 'Namespace') return 0;
  if (['Secret', 'ConfigMap', 'PersistentVolumeClaim', 'ServiceAccount'].includes(m.kind!)) return 1;
  // Built-in API groups have no dot (core, apps, policy) or end in .k8s.io; any other group needs a CRD.
  const group = m.apiVersion!.includes('/') ? m.apiVersion!.split('/')[0] : '';
  return !group.includes('.') || group.endsWith('.k8s.io') ? 2 : 3;
}

/** The objects in the order `kubectl apply -f folder` applies them: top-level files by name, documents in order. */
function applyOrder(folder: string): Manifest[] {
  return fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort()
    .flatMap((f) => parseManifests(fs.readFileSync(path.join(folder, f), 'utf8'), f));
}

test.each(['', 'staging'])('kubectl apply -f dist/%s applies in one pass: Namespace, then storage and Secrets, then workloads, CRD-backed objects last', (env) => {
  const order = applyOrder(path.join(DIST, env));
  const ranks = order.map(rank);
  expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
  expect(order[0].kind).toBe('Namespace');
  // Velero reads Schedules only in its own namespace.
  expect(order.filter((m) => m.kind !== 'Namespace' && m.apiVersion !== 'velero.io/v1').every((m) => m.metadata?.namespace === order[0].metadata?.name)).toBe(true);
  expect(order.filter((m) => m.apiVersion === 'velero.io/v1').map((m) => m.metadata?.namespace)).toEqual(env ? [] : ['velero']);
  expect(order.filter((m) => rank(m) === 3).map((m) => `${m.apiVersion} ${m.kind}`)).toEqual([
    ...(env ? [] : ['mysql.oracle.com/v2 InnoDBCluster']),
    'traefik.io/v1alpha1 Middleware', 'cert-manager.io/v1 Certificate', 'traefik.io/v1alpha1 IngressRoute', 'traefik.io/v1alpha1 IngressRoute',
    ...(env ? [] : ['velero.io/v1 Schedule']),
  ]);
});

test('each Argo CD Application points at an environment folder of manifests, and the folders do not apply Argo CD objects', () => {
  const apps = applyOrder(path.join(DIST, 'argocd'));
  expect(apps.map((a) => [a.metadata?.name, a.spec.source.path, a.spec.destination.namespace])).toEqual([
    ['wordpress', 'dist', 'kube-example'], ['wordpress-staging', 'dist/staging', 'kube-example-staging'],
  ]);
  for (const app of apps) {
    const objects = applyOrder(path.join(ROOT, app.spec.source.path));
    expect(objects.length).toBeGreaterThan(0);
    expect(objects.some((m) => m.kind === 'Application')).toBe(false);
    expect(objects.find((m) => m.kind === 'Namespace')?.metadata?.name).toBe(app.spec.destination.namespace);
  }
});
