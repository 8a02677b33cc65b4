import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Yaml } from 'cdk8s';
import * as k8s from '../../imports/k8s';
import { KubeDeployment } from '../../imports/k8s';
import { AuditFailedError, PreStop, synthApps, ZeroDowntimeApp, ZeroDowntimeDeployment } from '../../lib';
import { baseProps } from '../helpers';

function app(): { app: ZeroDowntimeApp; outdir: string; log: string[] } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'zda-'));
  const log: string[] = [];
  return { app: new ZeroDowntimeApp({ outdir, log: (t) => log.push(t) }), outdir, log };
}

test('a clean app prints the rollout plan and the audit, then writes the manifests', () => {
  const { app: a, outdir, log } = app();
  new ZeroDowntimeDeployment(new Chart(a, 'web'), 'web', baseProps());
  a.synth();
  expect(fs.readdirSync(outdir)).toEqual(['web.k8s.yaml']);
  expect(log[0]).toMatch(/rollout plan\nWORKLOAD\s+REPLICAS/);
  expect(log[0]).toMatch(/Deployment default\/web\s+3\s+4, 6 with draining\s+3\s+250m \/ 128Mi\s+20s \+ 10s\s+>= 15s\s+1\s+Guaranteed/);
  expect(log[0]).toMatch(/audit: 0 error\(s\), 0 warning\(s\), 0 suppressed$/);
});

test('error-level violations in any chart fail synth, all listed together, and nothing is written', () => {
  const { app: a, outdir } = app();
  new ZeroDowntimeDeployment(new Chart(a, 'web'), 'web', baseProps());
  const raw = new Chart(a, 'raw');
  new k8s.KubeDeployment(raw, 'legacy', {
    metadata: { name: 'legacy', namespace: 'default' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'legacy' } },
      template: { metadata: { labels: { app: 'legacy' } }, spec: { containers: [{ name: 'legacy', image: 'legacy:latest', ports: [{ containerPort: 80 }] }] } },
    },
  });
  new k8s.KubeService(raw, 'legacy-svc', { metadata: { name: 'legacy', namespace: 'default' }, spec: { selector: { app: 'legacy' }, ports: [{ port: 80 }] } });
  let error: unknown;
  try { a.synth(); } catch (e) { error = e; }
  expect(error).toBeInstanceOf(AuditFailedError);
  const ids = (error as AuditFailedError).report.violations.filter((v) => v.severity === 'error').map((v) => v.ruleId);
  expect(ids).toEqual(expect.arrayContaining(['prestop-missing', 'rolling-update-without-readiness', 'pdb-missing', 'requests-missing', 'image-not-pinned']));
  expect((error as Error).message).toMatch(/^the zero-downtime audit found \d+ error\(s\); nothing was written/);
  expect(fs.readdirSync(outdir)).toEqual([]);
});

test('a single replica passes the construct with the opt-in and is warned about by the audit', () => {
  const { app: a, log } = app();
  new ZeroDowntimeDeployment(new Chart(a, 'dev'), 'web', baseProps({ replicas: 1, allowSingleReplica: true }));
  a.synth();
  expect(log[0]).toMatch(/Deployment default\/web\n {2}WARNING min-replicas /);
});

test('kubernetesVersion 1.30 accepts the native sleep hook; the default 1.27 refuses it', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'zda-'));
  const newer = new ZeroDowntimeApp({ outdir, log: () => undefined, kubernetesVersion: '1.30' });
  new ZeroDowntimeDeployment(new Chart(newer, 'web'), 'web', baseProps({ preStop: PreStop.nativeSleep(20) }));
  newer.synth();
  expect(fs.readdirSync(outdir)).toEqual(['web.k8s.yaml']);
  const { app: older } = app();
  new ZeroDowntimeDeployment(new Chart(older, 'web'), 'web', baseProps({ preStop: PreStop.nativeSleep(20) }));
  expect(() => older.synth()).toThrow(/^1 problem in 1 construct[\s\S]*preStop = "PreStop\.nativeSleep\(20\)": the native sleep hook exists only from Kubernetes 1\.30/);
});

test('synth writes through cdk8s\'s own Yaml.save and leaves the objects\' toJson alone', () => {
  const { app: a, outdir } = app();
  new ZeroDowntimeDeployment(new Chart(a, 'web'), 'web', baseProps());
  const save = jest.spyOn(Yaml, 'save');
  try {
    a.synth();
    expect(save).toHaveBeenCalledWith(path.join(outdir, 'web.k8s.yaml'), expect.any(Array));
  } finally {
    save.mockRestore();
  }
  expect(a.node.findAll().filter((c) => Object.prototype.hasOwnProperty.call(c, 'toJson'))).toEqual([]);
  expect(a.synthYaml()).toBe(fs.readFileSync(path.join(outdir, 'web.k8s.yaml'), 'utf8'));
});

test('synthYaml runs the same checks and audit as synth', () => {
  const { app: a, log } = app();
  new ZeroDowntimeDeployment(new Chart(a, 'web'), 'web', baseProps({ replicas: 1, allowSingleReplica: true }));
  expect(a.synthYaml()).toMatch(/^apiVersion: /);
  expect(log[0]).toMatch(/Deployment default\/web\n {2}WARNING min-replicas /);
  const { app: b } = app();
  new ZeroDowntimeDeployment(new Chart(b, 'web'), 'web', baseProps({ preStop: PreStop.nativeSleep(20) }));
  expect(() => b.synthYaml()).toThrow(/^1 problem in 1 construct/);
});

describe('synthApps', () => {
  const refusedApp = (outdir: string) => {
    const a = new App({ outdir });
    new ZeroDowntimeDeployment(new Chart(a, 'web'), 'web', baseProps({ port: 70000 }));
    return a;
  };

  test('synthesizes each app and returns 0', () => {
    const { app: a, outdir } = app();
    new ZeroDowntimeDeployment(new Chart(a, 'web'), 'web', baseProps());
    const plain = new App({ outdir: path.join(outdir, 'plain') });
    new ZeroDowntimeDeployment(new Chart(plain, 'web'), 'web', baseProps());
    expect(synthApps([a, plain], { write: () => { throw new Error('nothing to write'); } })).toBe(0);
    expect(fs.readdirSync(outdir).sort()).toEqual(['plain', 'web.k8s.yaml']);
  });

  test('a ZeroDowntimeApp is checked once, as by its own synth', () => {
    const serializations = (run: (a: ZeroDowntimeApp) => void) => {
      const { app: a } = app();
      new ZeroDowntimeDeployment(new Chart(a, 'web'), 'web', baseProps());
      const toJson = jest.spyOn(ApiObject.prototype, 'toJson');
      try {
        run(a);
        return toJson.mock.calls.length;
      } finally {
        toJson.mockRestore();
      }
    };
    expect(serializations((a) => synthApps([a]))).toBe(serializations((a) => a.synth()));
    // Once for the check and the audit, once by cdk8s's writer: cdk8s's validation pass does not check again.
    const { app: counted } = app();
    new ZeroDowntimeDeployment(new Chart(counted, 'web'), 'web', baseProps());
    const objects = counted.node.findAll().filter((c) => ApiObject.isApiObject(c)).length;
    expect(serializations((a) => a.synth())).toBe(2 * objects);
  });

  test('a refusal: its report alone, exit code 1, no output folder, later apps not synthesized', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-apps-'));
    const { app: later, outdir: laterOut } = app();
    new ZeroDowntimeDeployment(new Chart(later, 'web'), 'web', baseProps());
    const written: string[] = [];
    expect(synthApps([refusedApp(path.join(dir, 'dist')), later], { write: (t) => written.push(t), env: {} })).toBe(1);
    expect(written).toEqual([expect.stringMatching(/^1 problem in 1 construct; nothing was written\.\n[\s\S]*port = 70000[\s\S]*\n$/)]);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(fs.readdirSync(laterOut)).toEqual([]);
  });

  test('under cdk8s synth, 0 when the output folder is absent, so the CLI reports its own failure; else 1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-apps-'));
    const cli = (outdir: string) => ({ CDK8S_OUTDIR: outdir, CDK8S_RECORD_CONSTRUCT_METADATA: 'false' });
    const outdir = path.join(dir, 'dist');
    expect(synthApps([refusedApp(outdir)], { write: () => undefined, env: cli(outdir) })).toBe(0);
    expect(synthApps([refusedApp(outdir)], { write: () => undefined, env: { CDK8S_OUTDIR: outdir } })).toBe(1);
    expect(synthApps([refusedApp(outdir)], { write: () => undefined, env: cli(dir) })).toBe(1);
  });

  test('an audit failure is a refusal too; any other error is thrown as it is', () => {
    const { app: a } = app();
    new KubeDeployment(new Chart(a, 'raw'), 'legacy', {
      metadata: { name: 'legacy' },
      spec: {
        selector: { matchLabels: { app: 'legacy' } },
        template: { metadata: { labels: { app: 'legacy' } }, spec: { containers: [{ name: 'legacy', image: 'legacy:latest' }] } },
      },
    });
    const written: string[] = [];
    expect(synthApps([a], { write: (t) => written.push(t), env: {} })).toBe(1);
    expect(written[0]).toMatch(/^the zero-downtime audit found \d+ error\(s\); nothing was written/);
    const broken = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'synth-apps-')) });
    new Chart(broken, 'c').node.addValidation({ validate: () => { throw new TypeError('a bug'); } });
    expect(() => synthApps([broken], { write: () => undefined })).toThrow(TypeError);
  });
});
