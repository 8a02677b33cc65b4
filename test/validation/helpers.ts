import { validateObject } from '../../lib/validation';

/** A deep copy of `obj` with the value at `path` (dots and [i]) replaced, or removed when `value` is `DELETE`. */
export const DELETE = Symbol('delete');
export function withField<T>(obj: T, path: string, value: unknown): T {
  const copy = structuredClone(obj) as any;
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let node = copy;
  for (const p of parts.slice(0, -1)) {
    if (node[p] === undefined) node[p] = {};
    node = node[p];
  }
  const last = parts[parts.length - 1];
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return copy;
}

/** The fields of every finding for `obj`. */
export function fieldsOf(obj: unknown): string[] {
  return validateObject(obj).map((f) => f.field);
}

/** A string of `n` copies of `ch`. */
export const repeat = (ch: string, n: number): string => ch.repeat(n);

export const container = (): any => ({
  name: 'web',
  image: 'nginx:1.27.3',
  ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
  env: [{ name: 'MODE', value: 'prod' }],
  resources: { requests: { cpu: '250m', memory: '128Mi' }, limits: { cpu: '250m', memory: '128Mi' } },
});

export const deployment = (): any => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', labels: { 'app.kubernetes.io/name': 'web' } },
  spec: {
    replicas: 3,
    selector: { matchLabels: { 'app.kubernetes.io/name': 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    minReadySeconds: 5,
    progressDeadlineSeconds: 600,
    revisionHistoryLimit: 10,
    template: {
      metadata: { labels: { 'app.kubernetes.io/name': 'web' } },
      spec: { containers: [container()], terminationGracePeriodSeconds: 30 },
    },
  },
});

export const statefulSet = (): any => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db', namespace: 'shop' },
  spec: {
    replicas: 1,
    serviceName: 'db-headless',
    selector: { matchLabels: { app: 'db' } },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    template: {
      metadata: { labels: { app: 'db' } },
      spec: { containers: [{ ...container(), name: 'mysql', image: 'mysql:8.4.3', volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }] }] },
    },
    volumeClaimTemplates: [{
      metadata: { name: 'data' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } } },
    }],
  },
});

export const service = (): any => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    type: 'ClusterIP',
    selector: { 'app.kubernetes.io/name': 'web' },
    ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
  },
});

/** Expects exactly one finding, at `field`, whose problem matches `reason`. */
export function expectOne(obj: unknown, field: string, reason: RegExp): void {
  const findings = validateObject(obj);
  expect(findings.map((f) => `${f.field}: ${f.problem}`)).toEqual([expect.stringMatching(new RegExp(`^${escape(field)}: .*${reason.source}`))]);
  expect(findings[0].fix).not.toBe('');
}

/** Expects no finding. */
export function expectClean(obj: unknown): void {
  expect(validateObject(obj).map((f) => `${f.field}: ${f.problem}`)).toEqual([]);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
