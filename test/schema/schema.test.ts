import * as fs from 'fs';
import * as path from 'path';
import { WordpressDatabase, HttpsIngress, PreStop, Probe, WordpressApp, ZeroDowntimeDeployment } from '../../lib';
import { Manifest, parseManifests } from '../../lib/analysis';
import { Chart, Testing } from 'cdk8s';
import { KubernetesVersion } from '../../lib';
import { baseProps, synth } from '../helpers';
import { KUBERNETES_VERSIONS, SchemaValidator } from './validator';

const DIST = path.join(__dirname, '..', '..', 'dist');

function distManifests(dir = DIST): Array<[string, Manifest]> {
  return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((e) => {
    const full = path.join(dir, e.name);
    // Argo CD Applications are validated against Argo CD's own model in test/gitops.
    if (e.isDirectory()) return e.name === 'argocd' ? [] : distManifests(full);
    return parseManifests(fs.readFileSync(full, 'utf8'), full).map((m): [string, Manifest] => [`${path.relative(DIST, full)}: ${m.kind} ${m.metadata?.name}`, m]);
  });
}

/** Variants that dist/ does not show, so that every rendering path is validated. */
function variants(): Array<[string, Manifest]> {
  const manifests = [
    ...synth(
      (chart) =>
        new ZeroDowntimeDeployment(
          chart,
          'web',
          baseProps({
            spread: { podAntiAffinity: 'required', zoneSpread: true, zoneSpreadWhenUnsatisfiable: 'DoNotSchedule' },
            service: { type: 'LoadBalancer', nodePort: 30080, annotations: { a: 'b' } },
            autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 60, memoryUtilization: 70, behavior: { scaleDown: { stabilizationWindowSeconds: 600 } } },
            startupProbe: Probe.exec(['true']),
            livenessProbe: Probe.tcpSocket({ failureThreshold: 6 }),
            preStop: PreStop.httpGet({ path: '/drain', durationSeconds: 15 }),
            env: { A: 'b', B: { configMapKeyRef: { name: 'c', key: 'k' } }, C: { fieldRef: { fieldPath: 'metadata.name' } } },
            volumes: [
              { name: 'cfg', mountPath: '/cfg', readOnly: true, source: { configMap: { name: 'cfg', defaultMode: 0o444 } } },
              { name: 'tls', mountPath: '/tls', subPath: 'tls', source: { secret: { secretName: 'tls' } } },
              { name: 'tmp', mountPath: '/tmp', source: { emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } } },
              { name: 'data', mountPath: '/data', source: { persistentVolumeClaim: { claimName: 'data', readOnly: true, accessMode: 'ReadOnlyMany' } } },
            ],
            securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true },
            podSecurityContext: { fsGroup: 2000 },
            serviceAccountName: 'web',
            changeCause: 'test',
            podAnnotations: { x: 'y' },
            command: ['/app'],
            args: ['--x'],
          }),
        ),
    ),
    ...synth(
      (chart) =>
        new WordpressApp(chart, 'wp', {
          ingress: HttpsIngress.standard({ host: 'blog.example.com', ingressClassName: 'nginx', tlsSecretName: 'blog-tls', clusterIssuer: 'le' }),
          ingressController: { namespace: 'ingress-nginx', podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
          localDevPasswords: { password: 'a', rootPassword: 'b' },
          allowPasswordsInManifests: true,
          storage: { storageClassName: 'rook-cephfs' },
        }),
    ),
    ...synth(
      (chart) =>
        new WordpressApp(chart, 'wp', {
          name: 'blog',
          ingress: HttpsIngress.traefik({ host: 'blog.example.com', certResolver: 'le' }),
          storage: { storageClassName: 'rook-cephfs', claimName: 'wordpress-pvc', subPath: 'wp-content' },
          livenessProbe: Probe.tcpSocket({ failureThreshold: 6 }),
          syncWaves: false,
          cron: { schedule: '@hourly', activeDeadlineSeconds: 300, startingDeadlineSeconds: 60 },
          database: WordpressDatabase.fromConnection({
            host: 'db.example.com',
            port: 3306,
            database: 'blog',
            user: 'blog',
            passwordSecret: { name: 'db', key: 'pw' },
            egressPeers: [{ ipBlock: { cidr: '192.0.2.10/32' } }],
          }),
        }),
    ),
  ];
  return manifests.map((m) => [`variant: ${m.kind} ${m.metadata.name}`, m]);
}

const cases = [...distManifests(), ...variants()];

describe.each(KUBERNETES_VERSIONS)('Kubernetes %s, unknown fields are errors', (version) => {
  const validator = new SchemaValidator(version);

  test.each(cases)('%s', (_name, manifest) => {
    expect(validator.errors(manifest)).toEqual([]);
  });

  test('the validator is strict: a misspelled field and a wrong type are caught', () => {
    const deployment = cases.find(([, m]) => m.kind === 'Deployment')![1];
    const broken = JSON.parse(JSON.stringify(deployment));
    broken.spec.replica = 3;
    broken.spec.template.spec.containers[0].ports[0].containerPort = '80';
    expect(validator.errors(broken)).toEqual(["/spec: must NOT have additional properties 'replica'", '/spec/template/spec/containers/0/ports/0/containerPort: must be integer']);
    const route = cases.find(([, m]) => m.kind === 'IngressRoute')![1];
    expect(validator.errors({ ...route, spec: { ...route.spec, entrypoints: ['web'] } })).toContain("/spec: must NOT have additional properties 'entrypoints'");
    const certificate = cases.find(([, m]) => m.kind === 'Certificate')![1];
    expect(validator.errors({ ...certificate, spec: { ...certificate.spec, dnsName: 'x', issuerRef: { kind: 'ClusterIssuer' } } })).toEqual([
      "/spec: must NOT have additional properties 'dnsName'", "/spec/issuerRef: must have required property 'name'",
    ]);
  });
});

test('the native preStop sleep is valid on the clusters that have it (1.34), and rejected by 1.27', () => {
  const app = Testing.app();
  KubernetesVersion.set(app, '1.30');
  const chart = new Chart(app, 'test');
  new ZeroDowntimeDeployment(chart, 'web', baseProps({ preStop: PreStop.nativeSleep(20) }));
  const [deployment] = chart.toJson();
  expect(new SchemaValidator('1.34.0').errors(deployment)).toEqual([]);
  expect(new SchemaValidator('1.27.0').errors(deployment)).toContain("/spec/template/spec/containers/0/lifecycle/preStop: must NOT have additional properties 'sleep'");
});
