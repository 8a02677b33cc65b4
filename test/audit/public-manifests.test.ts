// The audit on manifests shaped like well-known public projects (a cluster add-on, an operator's shards,
// a controller with a metrics-only port): an error is a defect Kubernetes or the rollout really hits;
// where it is policy, a warning. Each test also pins the refusal it must keep, so it can fail both ways.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { audit, parseManifests } from '../../lib/analysis';
import { run } from '../cli/run';

const findings = (yaml: string, complete = true) =>
  audit(parseManifests(yaml, 'input.yaml'), { complete }).violations.map((v) => `${v.severity} ${v.ruleId} ${v.object} ${v.field}`);
const only = (rule: string, yaml: string, complete = true) => findings(yaml, complete).filter((f) => f.split(' ')[1] === rule);

const rbac = (kind: string, name: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: ${name}
${kind.endsWith('Binding') ? `roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:metrics-server
subjects:
  - kind: ServiceAccount
    name: metrics-server
    namespace: kube-system` : `rules:
  - apiGroups: [""]
    resources: [nodes/metrics]
    verbs: [get]`}
`;

describe('RBAC names follow the API server\'s path-segment rule (metrics-server)', () => {
  test.each([
    ['ClusterRole', 'system:metrics-server'], ['ClusterRole', 'system:aggregated-metrics-reader'],
    ['ClusterRoleBinding', 'metrics-server:system:auth-delegator'], ['Role', 'Leader_Election'], ['RoleBinding', 'system:auth-reader'],
  ])('%s %s is accepted', (kind, name) => {
    expect(only('invalid-field', rbac(kind, name))).toEqual([]);
  });

  test.each([['ClusterRole', 'system/metrics'], ['RoleBinding', 'a%b'], ['ClusterRoleBinding', '..']])('%s %j is refused', (kind, name) => {
    expect(only('invalid-field', rbac(kind, JSON.stringify(name)))).toEqual([`error invalid-field ${kind} ${name} metadata.name`]);
  });

  test('other kinds keep the DNS-1123 subdomain rule', () => {
    expect(only('invalid-field', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: system:metrics-server\n  namespace: kube-system\n'))
      .toEqual(['error invalid-field ServiceAccount kube-system/system:metrics-server metadata.name']);
  });
});

const ingress = (apiVersion: string, backend: string) => `apiVersion: ${apiVersion}
kind: Ingress
metadata:
  name: web
  namespace: web
spec:
  rules:
    - host: web.example.com
      http:
        paths:
          - path: /
            backend:
${backend}`;
const V1BETA1_BACKEND = '              serviceName: web\n              servicePort: 80\n';

describe('networking.k8s.io/v1 Ingress rules apply to v1 only', () => {
  test.each(['networking.k8s.io/v1beta1', 'extensions/v1beta1'])('a %s Ingress (serviceName, no pathType) gets no invalid-field', (apiVersion) => {
    expect(only('invalid-field', ingress(apiVersion, V1BETA1_BACKEND))).toEqual([]);
    // Its API version is what is wrong on a recent cluster, and the audit says so.
    expect(only('deprecated-api', ingress(apiVersion, V1BETA1_BACKEND))).toEqual([`error deprecated-api Ingress web/web apiVersion`]);
  });

  test('the same shape as networking.k8s.io/v1 is refused (no pathType, no service)', () => {
    expect(only('invalid-field', ingress('networking.k8s.io/v1', V1BETA1_BACKEND)).length).toBeGreaterThan(0);
  });
});

const statefulSet = (services: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: shard
  namespace: data
spec:
  replicas: 3
  serviceName: shard
  selector:
    matchLabels: {app: shard}
  template:
    metadata:
      labels: {app: shard}
    spec:
      containers:
        - name: shard
          image: ghcr.io/acme/shard:1.2.3
          ports:
            - {name: peer, containerPort: 2380}
          readinessProbe:
            tcpSocket: {port: peer}
${services}`;
const service = (clusterIP: string) => `---
apiVersion: v1
kind: Service
metadata:
  name: shard-${clusterIP === 'None' ? 'headless' : 'client'}
  namespace: data
spec:
  clusterIP: ${clusterIP}
  selector: {app: shard}
  ports:
    - {name: peer, port: 2380, targetPort: peer}
`;

describe('per-pod shards (an operator\'s StatefulSet behind a headless Service)', () => {
  test('are not told to add a preStop when only a headless Service selects them', () => {
    expect(only('prestop-missing', statefulSet(service('None')))).toEqual([]);
  });

  test('are, as an error, when a load-balanced Service selects them too', () => {
    expect(only('prestop-missing', statefulSet(service('None') + service('10.0.0.10'))))
      .toEqual(['error prestop-missing StatefulSet data/shard spec.template.spec.containers[0].lifecycle.preStop']);
  });

  test('are warned when no Service of a partial input selects them (they may be shards)', () => {
    expect(only('prestop-missing', statefulSet(''), false))
      .toEqual(['warning prestop-missing StatefulSet data/shard spec.template.spec.containers[0].lifecycle.preStop']);
  });
});

const controller = (probes: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: controller
  namespace: ops
spec:
  replicas: 2
  selector:
    matchLabels: {app: controller}
  template:
    metadata:
      labels: {app: controller}
    spec:
      containers:
        - name: manager
          image: ghcr.io/acme/controller:0.9.1
          ports:
            - {name: metrics, containerPort: 8080}
${probes}---
apiVersion: v1
kind: Service
metadata:
  name: controller-metrics
  namespace: ops
spec:
  selector: {app: controller}
  ports:
    - {name: metrics, port: 8080, targetPort: metrics}
`;

describe('a controller with a metrics-only port', () => {
  test('with a startupProbe and no readiness probe: a warning, for readiness after start only', () => {
    const found = audit(parseManifests(controller('          startupProbe:\n            httpGet: {path: /healthz, port: metrics}\n'), 'c.yaml')).violations
      .filter((v) => v.ruleId === 'rolling-update-without-readiness');
    expect(found.map((v) => v.severity)).toEqual(['warning']);
    expect(found[0].message).toMatch(/has a startupProbe but no readiness probe: new pods get traffic once they have started, but a pod that stops serving later/);
  });

  test('with neither: an error, as new pods get traffic at once', () => {
    expect(only('rolling-update-without-readiness', controller('')))
      .toEqual(['error rolling-update-without-readiness Deployment ops/controller spec.template.spec.containers[0].readinessProbe']);
  });
});

const web = (name: string, portName: string) => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web, track: ${name}}
  template:
    metadata:
      labels: {app: web, track: ${name}}
    spec:
      containers:
        - name: web
          image: ghcr.io/acme/web:2.0.0
          ports:
            - {name: ${portName}, containerPort: 8080}
`;
const webService = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: web\nspec:\n  selector: {app: web}\n  ports:\n    - {port: 80, targetPort: http}\n';

describe('a named targetPort is resolved pod by pod', () => {
  test('some selected pods lack the name: a warning naming them', () => {
    const found = audit(parseManifests(webService + web('stable', 'http') + web('canary', 'web'), 'w.yaml')).violations
      .filter((v) => v.ruleId === 'service-target-port-missing');
    expect(found.map((v) => [v.severity, v.field])).toEqual([['warning', 'spec.ports[0].targetPort']]);
    expect(found[0].message).toMatch(/^targetPort "http" is not declared by some selected pods, which get no traffic on it \(Deployment canary: /);
  });

  test('none declares it: one error', () => {
    expect(only('service-target-port-missing', webService + web('stable', 'web') + web('canary', 'web')))
      .toEqual(['error service-target-port-missing Service web/web spec.ports[0].targetPort']);
  });

  test('all declare it: nothing', () => {
    expect(only('service-target-port-missing', webService + web('stable', 'http') + web('canary', 'http'))).toEqual([]);
  });
});

describe('the same object in two files of one folder', () => {
  test('is one duplicate-object error, and the other rules read one definition', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duplicates-'));
    const deployment = web('stable', 'http').replace('image: ghcr.io/acme/web:2.0.0', 'image: ghcr.io/acme/web');
    fs.writeFileSync(path.join(dir, 'a.yaml'), webService + deployment);
    fs.writeFileSync(path.join(dir, 'b.yaml'), deployment.replace('ghcr.io/acme/web\n', 'ghcr.io/acme/web:2.0.1\n'));
    const { findings: found } = JSON.parse((await run(['--json', dir])).out);
    const of = (rule: string) => found.filter((f: { rule: string }) => f.rule === rule)
      .map((f: { file: string; field: string; severity: string }) => [f.severity, path.basename(f.file), f.field]);
    expect(of('duplicate-object')).toEqual([['error', 'a.yaml', 'metadata.name']]);
    // b.yaml's definition is the one applied last: its pinned image is what the cluster runs.
    expect(of('image-not-pinned')).toEqual([]);
    expect(of('prestop-missing')).toEqual([['error', 'b.yaml', 'spec.template.spec.containers[0].lifecycle.preStop']]);
  });

  test('objects that differ in namespace, kind or API group are not duplicates', () => {
    const cm = (ns: string, apiVersion = 'v1', kind = 'ConfigMap') => `---\napiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: settings\n  namespace: ${ns}\n`;
    expect(only('duplicate-object', cm('a') + cm('b') + cm('a', 'v1', 'Secret') + cm('a', 'example.com/v1'))).toEqual([]);
    expect(only('duplicate-object', cm('a') + cm('a') + cm('a'))).toEqual(['error duplicate-object ConfigMap a/settings metadata.name']);
    // The version is not part of the identity: v1beta1 and v1 of one group are one object.
    expect(only('duplicate-object', cm('a', 'example.com/v1') + cm('a', 'example.com/v1beta1'))).toEqual(['error duplicate-object ConfigMap a/settings metadata.name']);
  });
});
