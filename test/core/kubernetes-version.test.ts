import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { KubernetesVersion, PreStop, ZeroDowntimeApp, ZeroDowntimeDeployment, ZeroDowntimeValidation } from '../../lib';
import { main } from '../../lib/cli/audit';
import { baseProps } from '../helpers';

/** A cdk8s.yaml with another plugin's kubernetesVersion (ignored) and ZeroDowntimeValidation's `properties`. */
const PLUGIN = (properties: string) => [
  'language: typescript', 'app: node main.ts', 'validations:',
  '  - package: zero-downtime-charts', '    class: Other', "    properties: { kubernetesVersion: '1.20' }",
  '  - package: zero-downtime-charts', '    class: ZeroDowntimeValidation', `    properties: ${properties}`, '',
].join('\n');

/** Runs `fn` in a fresh folder whose cdk8s.yaml is `text` (none when undefined). */
function inProject<T>(text: string | undefined, fn: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-version-'));
  if (text !== undefined) fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), text);
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return fn(dir);
  } finally {
    process.chdir(cwd);
  }
}

/** inProject for an async `fn`: the working directory is restored when it settles. */
async function inProjectAsync(text: string | undefined, fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-version-'));
  if (text !== undefined) fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), text);
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    await fn(dir);
  } finally {
    process.chdir(cwd);
  }
}

const nativeSleep = () => baseProps({ preStop: PreStop.nativeSleep(20) });

test('cdk8s.yaml: the ZeroDowntimeValidation entry\'s kubernetesVersion, else undefined', () => {
  expect(inProject(PLUGIN("{ kubernetesVersion: '1.30' }"), () => KubernetesVersion.fromCdk8sYaml())).toBe('1.30');
  expect(inProject(PLUGIN('{ failOn: warning }'), () => KubernetesVersion.fromCdk8sYaml())).toBeUndefined();
  expect(inProject('language: typescript\n', () => KubernetesVersion.fromCdk8sYaml())).toBeUndefined();
  expect(inProject('validations:\n  - class: ZeroDowntimeValidation\n', () => KubernetesVersion.fromCdk8sYaml())).toBeUndefined();
  expect(inProject('validations: none\n', () => KubernetesVersion.fromCdk8sYaml())).toBeUndefined();
  expect(inProject(undefined, () => KubernetesVersion.fromCdk8sYaml())).toBeUndefined();
  expect(inProject(PLUGIN("{ kubernetesVersion: '1.31' }"), (dir) => KubernetesVersion.fromCdk8sYaml(path.join(dir, 'cdk8s.yaml')))).toBe('1.31');
  expect(() => inProject(PLUGIN('{ kubernetesVersion: 1.30 }'), () => KubernetesVersion.fromCdk8sYaml())).toThrow(/kubernetesVersion is 1\.3, not a string; quote it: '1\.30'/);
});

test('of: the app\'s setting, else cdk8s.yaml\'s, else the default', () => {
  expect(KubernetesVersion.DEFAULT).toBe('1.27');
  expect(inProject(undefined, () => KubernetesVersion.setting(Testing.app()))).toBeUndefined();
  expect(inProject(undefined, () => KubernetesVersion.of(Testing.app()))).toBe('1.27');
  expect(inProject(PLUGIN("{ kubernetesVersion: '1.30' }"), () => KubernetesVersion.of(new Chart(Testing.app(), 'c')))).toBe('1.30');
  const app = Testing.app();
  KubernetesVersion.set(app, '1.31');
  expect(inProject(PLUGIN("{ kubernetesVersion: '1.30' }"), () => KubernetesVersion.of(new Chart(app, 'c')))).toBe('1.31');
  expect(() => KubernetesVersion.set(app, '1.32')).toThrow(/Cannot set context after children have been added/);
});

test('set once in cdk8s.yaml, the native sleep works in ZeroDowntimeApp, Testing.app() and the plugin', () => {
  inProject(PLUGIN("{ kubernetesVersion: '1.30' }"), (dir) => {
    const app = new ZeroDowntimeApp({ outdir: path.join(dir, 'dist'), log: () => undefined });
    new ZeroDowntimeDeployment(new Chart(app, 'web'), 'web', nativeSleep());
    app.synth();
    expect(fs.readFileSync(path.join(dir, 'dist', 'web.k8s.yaml'), 'utf8')).toContain('sleep:\n');
    expect(() => Testing.synth(new ZeroDowntimeDeployment(new Chart(Testing.app(), 'web'), 'web', nativeSleep()).node.scope as Chart)).not.toThrow();
    expect((new ZeroDowntimeValidation({ kubernetesVersion: KubernetesVersion.fromCdk8sYaml() }) as any).options.kubernetesVersion).toBe('1.30');
  });
  inProject(PLUGIN("{ kubernetesVersion: '1.27' }"), () => {
    expect(() => Testing.synth(new ZeroDowntimeDeployment(new Chart(Testing.app(), 'web'), 'web', nativeSleep()).node.scope as Chart))
      .toThrow(/the manifests are for 1\.27: /);
  });
  // The app's own prop must agree with the plugin's check, or dist/ would be written and then fail it.
  inProject(PLUGIN("{ kubernetesVersion: '1.30' }"), () => {
    expect(() => new ZeroDowntimeApp({ kubernetesVersion: '1.27' })).toThrow(
      /ZeroDowntimeApp: 1 invalid prop\n {2}- kubernetesVersion = "1\.27": differs from the version the ZeroDowntimeValidation plugin in cdk8s\.yaml checks the output against \('1\.30'\)\. Fix: set kubernetesVersion: '1\.27' once, in the plugin's properties/,
    );
    expect(() => new ZeroDowntimeApp({ kubernetesVersion: '1.30' })).not.toThrow();
  });
  inProject(PLUGIN('{}'), () => {
    expect(() => new ZeroDowntimeApp({ kubernetesVersion: '1.30' })).toThrow(/against \('1\.27', its default\)/);
    expect(() => new ZeroDowntimeApp({ kubernetesVersion: '1.27' })).not.toThrow();
  });
  // Without the plugin, the prop is the one setting.
  inProject('language: typescript\napp: node main.ts\n', () => {
    const app = new ZeroDowntimeApp({ kubernetesVersion: '1.30', log: () => undefined });
    new ZeroDowntimeDeployment(new Chart(app, 'web'), 'web', nativeSleep());
    expect(() => app.synthYaml()).not.toThrow();
  });
  inProject(undefined, () => {
    expect(() => Testing.synth(new ZeroDowntimeDeployment(new Chart(Testing.app(), 'web'), 'web', nativeSleep()).node.scope as Chart))
      .toThrow(/the manifests are for 1\.27 \(the default\)/);
  });
});

test('the plugin defaults to KubernetesVersion.DEFAULT', () => {
  expect((new ZeroDowntimeValidation({}) as any).options.kubernetesVersion).toBe(KubernetesVersion.DEFAULT);
});

test('the CLI reads cdk8s.yaml when --kubernetes-version is not given', async () => {
  const flowSchema = 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: x\n';
  const run = (argv: string[]) => main(argv, () => undefined, () => undefined);
  await inProjectAsync(PLUGIN("{ kubernetesVersion: '1.32' }"), async (dir) => {
    fs.writeFileSync(path.join(dir, 'fs.yaml'), flowSchema);
    expect(await run(['fs.yaml'])).toBe(1);
    expect(await run(['--kubernetes-version', '1.29', 'fs.yaml'])).toBe(0);
  });
  await inProjectAsync(undefined, async (dir) => {
    fs.writeFileSync(path.join(dir, 'fs.yaml'), flowSchema);
    expect(await run(['fs.yaml'])).toBe(0);
  });
  const errors: string[] = [];
  await inProjectAsync(PLUGIN('{ kubernetesVersion: 1.30 }'), async () => {
    expect(await main(['x.yaml'], () => undefined, (t) => errors.push(t))).toBe(2);
  });
  expect(errors.join('\n')).toMatch(/quote it: '1\.30'/);
});
