import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { npmInstall, packedTarball, REPO, run, RunResult } from '../package/pack';

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

let root: string;
let pluginsDir: string;

beforeAll(() => {
  const { tarball } = packedTarball();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zdc-cdk8s-cli-'));
  pluginsDir = path.join(root, 'plugins');
  // Where the CLI itself would install it (PluginManager.pluginDir).
  const prefix = path.join(pluginsDir, 'zero-downtime-charts', VERSION);
  fs.mkdirSync(prefix, { recursive: true });
  npmInstall(prefix, ['--no-save', '--prefix', prefix, tarball]);
});

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

interface Synth extends RunResult {
  readonly report?: { reports: Array<{ violations: Array<{ ruleName: string; violatingConstructs: any[] }>; summary: { status: string } }> };
}

/** `cdk8s synth` in a new app folder with this cdk8s.yaml `validations:` entry. */
function synth(name: string, mainJs: string, validation: string, plugins = pluginsDir): Synth {
  const app = path.join(root, name);
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'main.js'), mainJs);
  fs.writeFileSync(path.join(app, 'cdk8s.yaml'), `language: typescript\napp: node main.js\nvalidations:\n${validation}`);
  // The app's own cdk8s and cdk8s-plus-27 come from this repository's node_modules.
  const result = run(CDK8S, ['synth', '--no-check-upgrade', '--plugins-dir', plugins, '--validation-reports-output-file', 'report.json'], app,
    { env: { NODE_PATH: path.join(REPO, 'node_modules') } });
  const reportFile = path.join(app, 'report.json');
  return { ...result, report: fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : undefined };
}

const entry = (properties = '', pkg = 'zero-downtime-charts') =>
  `  - package: ${pkg}\n    version: ${VERSION}\n    class: ZeroDowntimeValidation\n${properties}`;

test('a clean app passes `cdk8s synth`', () => {
  const result = synth('clean', cdk8sPlusApp(20, 30), entry());
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('Validations ended succesfully');
  expect(result.report!.reports.map((r) => r.summary.status)).toEqual(['success']);
});

test('preStop equal to the grace period fails `cdk8s synth`, with the rule and the construct in the report file', () => {
  const result = synth('broken', cdk8sPlusApp(30, 30), entry());
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('Validation failed');
  const [report] = result.report!.reports;
  expect(report.summary.status).toBe('failure');
  const violation = report.violations.find((v) => v.ruleName === 'prestop-not-below-grace')!;
  expect(violation.violatingConstructs).toEqual([expect.objectContaining({
    constructPath: 'shop/shop/Resource', manifestPath: 'dist/shop.k8s.yaml', locations: [expect.stringMatching(/^Deployment shop-\w+: spec\.template\.spec\.terminationGracePeriodSeconds$/)],
  })]);
});

test('properties from cdk8s.yaml reach the audit: ignoreRules lets the same app pass', () => {
  const result = synth('ignored', cdk8sPlusApp(30, 30), entry('    properties:\n      ignoreRules: [prestop-not-below-grace]\n'));
  expect(result.status).toBe(0);
  expect(result.report!.reports[0].violations.map((v) => v.ruleName)).not.toContain('prestop-not-below-grace');
});

test('an unknown property stops `cdk8s synth` with a message naming it', () => {
  const result = synth('typo', cdk8sPlusApp(20, 30), entry('    properties:\n      shutdownBudget: 10\n'));
  expect(result.status).not.toBe(0);
  expect(result.stderr).toMatch(/shutdownBudget = 10: is not a property of this plugin\. Fix: remove it, or use one of .*shutdownBudgetSeconds/);
});

test('a local path as `package:` loads the plugin without a plugins directory entry', () => {
  const local = path.join(pluginsDir, 'zero-downtime-charts', VERSION, 'node_modules', 'zero-downtime-charts');
  const result = synth('local', cdk8sPlusApp(30, 30), entry('', local), path.join(root, 'empty-plugins-dir'));
  expect(result.status).toBe(2);
  expect(result.report!.reports[0].violations.map((v) => v.ruleName)).toContain('prestop-not-below-grace');
});
