import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { npmInstall, packedTarball, REPO, RunResult, runAsync } from '../package/pack';

// The real `cdk8s synth` of cdk8s-cli with the plugin in cdk8s.yaml's `validations:`. The CLI installs a
// plugin named by package with `npm install <name>@<version> --prefix <plugins-dir>/<name>/<version>`,
// which needs a registry that has it; a plugins directory populated beforehand from the tarball, or a
// local path as `package:`, needs none. Both are tested here.
jest.setTimeout(300_000);

const VERSION = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;
const CDK8S = path.join(REPO, 'node_modules', '.bin', 'cdk8s');

/** A cdk8s-plus user's app: one Deployment, its preStop sleep and grace period given. */
function cdk8sPlusApp(preStopSeconds: number, graceSeconds: number): string {
  return `const { App, Chart, Duration } = require('cdk8s');
const kplus = require('cdk8s-plus-27');
const app = new App();
const chart = new Chart(app, 'shop');
new kplus.Deployment(chart, 'shop', {
  terminationGracePeriod: Duration.seconds(${graceSeconds}),
  containers: [{ image: 'nginx:1.27.3', portNumber: 8080, lifecycle: { preStop: kplus.Handler.fromCommand(['sleep', '${preStopSeconds}']) } }],
});
app.synth();
`;
}

interface Report {
  reports: Array<{ violations: Array<{ ruleName: string; violatingConstructs: any[] }>; summary: { status: string } }>;
}

interface Synth extends RunResult {
  readonly report?: Report;
}

let root: string;

/** `cdk8s synth` in a new app folder whose cdk8s.yaml has this `validations:` entry. */
async function synth(name: string, mainJs: string, validation: string, pluginsDir: string): Promise<Synth> {
  const app = path.join(root, name);
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'main.js'), mainJs);
  fs.writeFileSync(path.join(app, 'cdk8s.yaml'), `language: typescript\napp: node main.js\nvalidations:\n${validation}`);
  // The app's own cdk8s and cdk8s-plus-27 come from this repository's node_modules.
  const result = await runAsync(CDK8S, ['synth', '--no-check-upgrade', '--plugins-dir', pluginsDir, '--validation-reports-output-file', 'report.json'], app,
    { env: { NODE_PATH: path.join(REPO, 'node_modules') } });
  const reportFile = path.join(app, 'report.json');
  return { ...result, report: fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : undefined };
}

const entry = (pkg: string, properties = '') => `  - package: ${pkg}\n    version: ${VERSION}\n    class: ZeroDowntimeValidation\n${properties}`;

/**
 * A user's app that sets the Kubernetes version once, in cdk8s.yaml's plugin entry: the native sleep
 * preStop then works in the synth, in Testing.app() and in the plugin, and the app commits dist/ with an
 * Argo CD Application.
 */
function versionedApp(local: string): string {
  return `const { App, Chart, Testing } = require('cdk8s');
const z = require(${JSON.stringify(local)});
const props = {
  name: 'api', image: 'nginxinc/nginx-unprivileged:1.27', port: 8080, readinessProbe: z.Probe.httpGet({ path: '/' }),
  resources: z.guaranteedResources({ cpu: '250m', memory: '128Mi' }), preStop: z.PreStop.nativeSleep(20),
};
// What a jest test of the app does: Testing.app() reads the same cdk8s.yaml.
Testing.synth((() => { const c = new Chart(Testing.app(), 'test'); new z.ZeroDowntimeDeployment(c, 'api', props); return c; })());
const app = new App();
new z.ZeroDowntimeDeployment(new Chart(app, 'api'), 'api', props);
new z.ArgoCdApplication(new Chart(app, 'argocd'), 'api', { name: 'api', repoURL: 'https://github.com/example/api.git', path: 'dist', destinationNamespace: 'api', resourcesFinalizer: true });
app.synth();
`;
}

let clean: Synth;
let broken: Synth;
let typo: Synth;
let versioned: Synth;
let paths: Synth;

/**
 * A ZeroDowntimeApp whose Deployment, Service, PDB and HPA share the name `api`. The plugin is told the
 * application needs 25 s after SIGTERM, more than the grace period leaves, so the Deployment gets a warning.
 */
function sharedNamesApp(local: string): string {
  return `const { Chart } = require('cdk8s');
const z = require(${JSON.stringify(local)});
const app = new z.ZeroDowntimeApp();
new z.ZeroDowntimeDeployment(new Chart(app, 'api'), 'api', {
  name: 'api', image: 'nginxinc/nginx-unprivileged:1.27', port: 8080, readinessProbe: z.Probe.httpGet({ path: '/' }),
  resources: z.guaranteedResources({ cpu: '250m', memory: '128Mi' }), autoscaling: { minReplicas: 2, maxReplicas: 4 },
});
app.synth();
`;
}

beforeAll(async () => {
  const { tarball } = packedTarball();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zdc-cdk8s-cli-'));
  const pluginsDir = path.join(root, 'plugins');
  // Where the CLI itself would install it (its PluginManager.pluginDir).
  const prefix = path.join(pluginsDir, 'zero-downtime-charts', VERSION);
  fs.mkdirSync(prefix, { recursive: true });
  npmInstall(prefix, ['--no-save', '--prefix', prefix, tarball]);
  const local = path.join(prefix, 'node_modules', 'zero-downtime-charts');
  const noPlugins = path.join(root, 'empty-plugins-dir');
  [clean, broken, typo, versioned, paths] = await Promise.all([
    synth('clean', cdk8sPlusApp(20, 30), entry(local), noPlugins),
    synth('broken', cdk8sPlusApp(30, 30), entry('zero-downtime-charts', '    properties: { shutdownBudgetSeconds: 10 }\n'), pluginsDir),
    synth('typo', cdk8sPlusApp(20, 30), entry('zero-downtime-charts', '    properties:\n      shutdownBudgetSecond: 10\n'), pluginsDir),
    synth('versioned', versionedApp(local), entry(local, "    properties: { kubernetesVersion: '1.30' }\n"), noPlugins),
    synth('paths', sharedNamesApp(local), entry(local, '    properties: { shutdownBudgetSeconds: 25 }\n'), noPlugins),
  ]);
});

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

test('a clean app passes `cdk8s synth`, with the plugin loaded from a local path', () => {
  expect(clean.stderr).toBe('');
  expect(clean.status).toBe(0);
  expect(clean.stdout).toContain('Validations ended succesfully');
  expect(clean.report!.reports.map((r) => r.summary.status)).toEqual(['success']);
});

test('preStop equal to the grace period fails `cdk8s synth`, with the rule and the construct in the report file (plugin from the plugins directory)', () => {
  expect(broken.status).toBe(2);
  expect(broken.stderr).toContain('Validation failed');
  const [report] = broken.report!.reports;
  expect(report.summary.status).toBe('failure');
  const violation = report.violations.find((v) => v.ruleName === 'prestop-not-below-grace')!;
  expect(violation.violatingConstructs).toEqual([
    expect.objectContaining({
      constructPath: 'shop/shop/Resource',
      manifestPath: 'dist/shop.k8s.yaml',
      locations: [expect.stringMatching(/^Deployment shop-\w+: spec\.template\.spec\.terminationGracePeriodSeconds$/)],
    }),
  ]);
});

test('under ZeroDowntimeApp, a finding on a Deployment that shares its name with its Service, PDB and HPA names the Deployment\'s construct', () => {
  expect(paths.status).toBe(0);
  const [report] = paths.report!.reports;
  const violation = report.violations.find((v) => v.ruleName === 'grace-below-shutdown-budget')!;
  expect(violation.violatingConstructs).toEqual([
    expect.objectContaining({ resourceName: 'Deployment default/api', constructPath: 'api/api/Deployment', manifestPath: 'dist/api.k8s.yaml' }),
  ]);
  // cdk8s's own entry for the shared name is the last object's, which is why the plugin does not use it.
  const metadata = JSON.parse(fs.readFileSync(path.join(root, 'paths', 'dist', 'construct-metadata.json'), 'utf8')).resources;
  expect(metadata.api.path).not.toBe('api/api/Deployment');
});

test('an unknown property in cdk8s.yaml stops `cdk8s synth` with a message naming it', () => {
  expect(typo.status).not.toBe(0);
  expect(typo.stderr).toContain('shutdownBudgetSecond = 10: is not a prop of ZeroDowntimeValidationProps, so it would be ignored. Fix: rename it to shutdownBudgetSeconds.');
  expect(typo.report).toBeUndefined();
});

describe('the Kubernetes version set once, in cdk8s.yaml', () => {
  const dist = () => path.join(root, 'versioned', 'dist');
  const bin = () => path.join(root, 'plugins', 'zero-downtime-charts', VERSION, 'node_modules', 'zero-downtime-charts', 'bin', 'zero-downtime-audit.js');

  test('reaches the synth, Testing.app() and the plugin: the native sleep preStop passes all three', () => {
    expect(versioned.stderr).not.toMatch(/Error/);
    expect(versioned.status).toBe(0);
    expect(versioned.report?.reports.every((r) => r.summary.status === 'success')).toBe(true);
    const deployment = parseAllDocuments(fs.readFileSync(path.join(dist(), 'api.k8s.yaml'), 'utf8')).map((d) => d.toJS()).find((o) => o.kind === 'Deployment');
    expect(deployment.spec.template.spec.containers[0].lifecycle.preStop).toEqual({ sleep: { seconds: 20 } });
  });

  test('reaches the CLI run in the app folder; the same files for 1.27 are refused', async () => {
    const [audit, older] = await Promise.all([
      runAsync('node', [bin(), 'dist'], path.join(root, 'versioned')),
      runAsync('node', [bin(), '--kubernetes-version', '1.27', 'dist'], path.join(root, 'versioned')),
    ]);
    expect(audit.status).toBe(0);
    expect(older.status).toBe(1);
    expect(older.stdout).toMatch(/sleep/);
  });

  test('the committed dist/ holds the plugin\'s metadata file, and the Application excludes it', () => {
    expect(fs.existsSync(path.join(dist(), 'construct-metadata.json'))).toBe(true);
    const application = parseAllDocuments(fs.readFileSync(path.join(dist(), 'argocd.k8s.yaml'), 'utf8')).map((d) => d.toJS())[0];
    expect(application.spec.source.directory.exclude).toBe('{construct-metadata.json,*/construct-metadata.json}');
  });
});
