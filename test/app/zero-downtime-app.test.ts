import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart } from 'cdk8s';
import * as k8s from '../../imports/k8s';
import { AuditFailedError, PreStop, ZeroDowntimeApp, ZeroDowntimeDeployment } from '../../lib';
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
  expect(log[0]).toMatch(/Deployment default\/web\s+3\s+4\s+3\s+250m \/ 128Mi\s+20s \+ 10s\s+>= 15s\s+1\s+Guaranteed/);
  expect(log[0]).toMatch(/audit: 0 error\(s\), 0 warning\(s\), 0 suppressed$/);
});

test('error-level violations in any chart fail synth, all listed together, and nothing is written', () => {
  const { app: a, outdir } = app();
  new ZeroDowntimeDeployment(new Chart(a, 'web'), 'web', baseProps());
  const raw = new Chart(a, 'raw');
  new k8s.KubeDeployment(raw, 'legacy', {
    metadata: { name: 'legacy', namespace: 'default' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'legacy' } }, template: { metadata: { labels: { app: 'legacy' } }, spec: { containers: [{ name: 'legacy', image: 'legacy:latest', ports: [{ containerPort: 80 }] }] } } },
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
  expect(log[0]).toMatch(/Deployment default\/web\n  WARNING min-replicas /);
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
