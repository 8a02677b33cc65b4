import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { installedVersion, npmInstall, packedTarball, PackResult, REPO, run, RunResult, runAsync } from './pack';

// A fresh `cdk8s init typescript-app` project (its tsconfig: lib es2016, strict, no skipLibCheck) that
// installs the packed tarball and imports it by name, as a user would.
jest.setTimeout(300_000);

const TEMPLATE = path.join(REPO, 'node_modules', 'cdk8s-cli', 'templates', 'typescript-app');

const MAIN_TS = `import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { guaranteedResources, HttpsIngress, Probe, WordpressApp, ZeroDowntimeDeployment } from 'zero-downtime-charts';

class Web extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ZeroDowntimeDeployment(this, 'web', {
      name: 'web',
      // nginx-unprivileged listens on 8080 and answers / with 200, so the pods become Ready.
      image: 'nginxinc/nginx-unprivileged:1.27',
      port: 8080,
      readinessProbe: Probe.httpGet({ path: '/' }),
      resources: guaranteedResources({ cpu: '250m', memory: '128Mi' }),
    });
  }
}

const app = new App();
new Web(app, 'web');
new WordpressApp(new Chart(app, 'wordpress'), 'wordpress', {
  storage: { storageClassName: 'rook-cephfs' },
  ingress: HttpsIngress.traefik({ host: 'wordpress.example.com', certResolver: 'letsencrypt' }),
});
app.synth();
`;

const EMPTY_TS = `import { App, Chart } from 'cdk8s';
const app = new App({ outdir: 'empty' });
new Chart(app, 'empty');
app.synth();
`;

// preStop sleeps as long as the grace period: the kubelet kills the container before it can drain.
const BROKEN_YAML = `apiVersion: apps/v1
kind: Deployment
metadata: { name: shop, namespace: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: shop } }
  template:
    metadata: { labels: { app: shop } }
    spec:
      terminationGracePeriodSeconds: 30
      containers:
        - name: shop
          image: nginx:1.27.3
          lifecycle: { preStop: { exec: { command: [sleep, "30"] } } }
`;

let packed: PackResult;
let app: string;
let baseline: RunResult;
let synth: RunResult;
let tsc: RunResult;
let audits: RunResult[];

beforeAll(async () => {
  packed = packedTarball();
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'zdc-consumer-'));
  fs.copyFileSync(path.join(TEMPLATE, 'tsconfig.json'), path.join(app, 'tsconfig.json'));
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, license: 'Apache-2.0' }));
  fs.writeFileSync(path.join(app, 'main.ts'), MAIN_TS);
  fs.writeFileSync(path.join(app, 'empty.ts'), EMPTY_TS);
  fs.writeFileSync(path.join(app, 'broken.yaml'), BROKEN_YAML);
  npmInstall(app, [packed.tarball, ...['cdk8s', 'constructs', 'typescript', 'ts-node', '@types/node'].map((p) => `${p}@${installedVersion(p)}`)]);
  // Timed one at a time: the same app without this package is the yardstick on a busy machine.
  baseline = run('npx', ['ts-node', 'empty.ts'], app);
  synth = run('npx', ['ts-node', 'main.ts'], app);
  // tsc checks every declaration file it reaches (ts-node only main.ts), as `npm run compile` would.
  [tsc, ...audits] = await Promise.all([
    runAsync(path.join(app, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', '.'], app),
    runAsync('npx', ['zero-downtime-audit', 'dist'], app),
    // The same bin without npx's start-up (about 0.4 s each): exit codes.
    runAsync(path.join(app, 'node_modules', '.bin', 'zero-downtime-audit'), ['broken.yaml'], app),
    runAsync(path.join(app, 'node_modules', '.bin', 'zero-downtime-audit'), ['no-such-file.yaml'], app),
  ]);
});

afterAll(() => {
  if (app) fs.rmSync(app, { recursive: true, force: true });
});

describe('the tarball', () => {
  test('holds the compiled build, the bin, README, LICENSE and package.json only', () => {
    const unexpected = packed.files.filter((f) => !/^build\/(lib|imports)\/.+(\.d\.ts|\.js)$/.test(f)
      && !['bin/zero-downtime-audit.js', 'README.md', 'LICENSE', 'package.json'].includes(f));
    expect(unexpected).toEqual([]);
    expect(packed.files).toEqual(expect.arrayContaining(['build/lib/index.js', 'build/lib/index.d.ts', 'build/imports/k8s.js', 'build/lib/cli/audit.js', 'LICENSE', 'README.md']));
  });

  test('has a compiled file for every source in lib/ and imports/, and nothing else', () => {
    const sources = (dir: string): string[] => fs.readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name).replace(/\.ts$/, '.js')] : []);
    const expected = [...sources('lib'), ...sources('imports')].map((f) => `build/${f}`).sort();
    expect(packed.files.filter((f) => f.endsWith('.js') && f.startsWith('build/'))).toEqual(expected);
  });

  test('is under 1 MB', () => {
    expect(packed.size).toBeLessThan(1024 * 1024);
  });

  test('is as docs/package.md measures it (files, kB packed, MB unpacked; within 10%)', () => {
    const doc = fs.readFileSync(path.join(REPO, 'docs', 'package.md'), 'utf8').replace(/\s+/g, ' ');
    const m = /(\d+) files, (\d+) kB packed, ([\d.]+) MB unpacked/.exec(doc);
    expect(m).not.toBeNull();
    const near = (documented: number, measured: number) => expect(Math.abs(documented - measured) / measured).toBeLessThanOrEqual(0.1);
    near(Number(m![1]), packed.files.length);
    near(Number(m![2]) * 1000, packed.size);
    near(Number(m![3]) * 1e6, packed.unpackedSize);
  });
});

describe('a cdk8s typescript-app that installs it', () => {
  test('synthesizes a ZeroDowntimeDeployment and a WordpressApp with `npx ts-node main.ts`', () => {
    expect(synth.stderr.replace(/^npm warn.*\n/gim, '')).toBe('');
    expect(synth.status).toBe(0);
    const objects = (file: string) => parseAllDocuments(fs.readFileSync(path.join(app, 'dist', file), 'utf8')).map((d) => d.toJSON());
    expect(objects('web.k8s.yaml').map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Deployment/web', 'Service/web', 'PodDisruptionBudget/web']);
    const wordpress = objects('wordpress.k8s.yaml').map((o) => o.kind);
    expect(wordpress).toEqual(expect.arrayContaining(['StatefulSet', 'Deployment', 'IngressRoute']));
  });

  test('adds little to the synth time of a cdk8s app without it (less than 2x; ts-node compiles only main.ts)', () => {
    expect(baseline.status).toBe(0);
    expect(synth.ms / baseline.ms).toBeLessThan(2);
  });

  test('type-checks against the package\'s declarations under the stock tsconfig (no skipLibCheck)', () => {
    const tsconfig = JSON.parse(fs.readFileSync(path.join(app, 'tsconfig.json'), 'utf8'));
    expect(tsconfig.compilerOptions).toMatchObject({ lib: ['es2016'], strict: true });
    expect(tsconfig.compilerOptions.skipLibCheck).toBeUndefined();
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
  });

  test('installs without running any script: the installed package.json has no install-time script', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(app, 'node_modules', 'zero-downtime-charts', 'package.json'), 'utf8'));
    for (const script of ['prepare', 'preinstall', 'install', 'postinstall']) expect([script, manifest.scripts?.[script]]).toEqual([script, undefined]);
  });

  test('gets one copy of the peers and none of the dev-only packages', () => {
    const installed = (p: string) => fs.existsSync(path.join(app, 'node_modules', p, 'package.json'));
    expect(installed('zero-downtime-charts/node_modules/cdk8s')).toBe(false);
    expect(installed('zero-downtime-charts/node_modules/constructs')).toBe(false);
    for (const devOnly of ['cdk8s-plus-27', 'sucrase', 'cdk8s-cli', 'jest']) expect(installed(devOnly)).toBe(false);
  });

  test('reaches only the public entry point, not internal modules', () => {
    const deep = run('node', ['-e', 'require("zero-downtime-charts/build/lib/deployment/container")'], app);
    expect(deep.status).not.toBe(0);
    expect(deep.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
    const analysis = run('node', ['-e', 'process.exit(typeof require("zero-downtime-charts/analysis").audit === "function" ? 0 : 3)'], app);
    expect(analysis.status).toBe(0);
  });

  test('`npx zero-downtime-audit` passes the synthesized output (exit 0)', () => {
    const [clean] = audits;
    expect(clean.stderr.replace(/^npm warn.*\n/gim, '')).toBe('');
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('wordpress');
  });

  test('the installed bin fails a preStop as long as the grace period (exit 1) and unusable input (exit 2)', () => {
    const [, broken, missing] = audits;
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('prestop-not-below-grace');
    expect(missing.status).toBe(2);
  });
});
