/**
 * The agreement cases between lib/validation and the real API server, as data: for each rule (see
 * rules.ts), an object with one change that breaks it, the field where it is reported, and a near
 * miss that must pass. `npm test` checks our side (validation-oracle-cases.test.ts); the cluster
 * suite (test/cluster/validation-oracle.test.ts) asks a real kube-apiserver for its verdict on the
 * same objects.
 */
import { DELETE, withField } from './helpers';
import { Rule, validationRules } from './rules';

type Json = any;
/** One change to an object: `[path, value]` (DELETE removes), or a function that edits it in place. */
export type Edit = readonly [string, unknown] | ((obj: Json) => void);

/** The Kubernetes version the cases are validated for: the oracle's. */
export const ORACLE_VERSION = '1.34';

export interface OracleCase {
  readonly rule: Rule;
  /** What the case changes, for the test title. */
  readonly title: string;
  /** The object that breaks the rule. */
  readonly bad: () => Json;
  /** The near miss: the same base with a change that keeps it valid. */
  readonly good: () => Json;
  /** Where we report the problem (the API server names this field, a child of it, or — for a map — the map). */
  readonly field: string;
  /** Set when the rule is our judgement (accepted by the API server, but clearly broken): why. */
  readonly judgement?: string;
  /** Set when the server names a field it derives from ours (a label it makes from the name): that field, and why. */
  readonly serverField?: { readonly field: string; readonly why: string };
  /** Ask with a real create (then delete) instead of a dry run: the node port allocator checks only real requests. */
  readonly create?: boolean;
}

/** What a case adds beyond its objects and field: a judgement (why), a derived server field, a real create. */
interface Extra {
  readonly judgement?: string;
  readonly serverField?: { readonly field: string; readonly why: string };
  readonly create?: boolean;
}

function apply(base: () => Json, edits: readonly Edit[]): Json {
  let obj = base();
  for (const e of edits) {
    if (typeof e === 'function') e(obj);
    else obj = withField(obj, e[0] as string, e[1]);
  }
  return obj;
}

const RULES = validationRules();

/** The rule named `prefix`, or else the one rule whose id starts with it. */
export function ruleFor(prefix: string): Rule {
  const exact = RULES.filter((r) => r.id === prefix);
  const found = exact.length ? exact : RULES.filter((r) => r.id.startsWith(prefix));
  if (found.length !== 1) throw new Error(`${found.length} rules start with ${JSON.stringify(prefix)}`);
  return found[0];
}

export const CASES: OracleCase[] = [];

function c(rule: string, base: () => Json, bad: Edit | Edit[], good: Edit | Edit[], field: string, extra: string | Extra = {}): void {
  const { judgement, serverField, create } = typeof extra === 'string' ? { judgement: extra } as Extra : extra;
  const badEdits = (Array.isArray(bad) && typeof bad[0] !== 'string' ? bad : [bad]) as Edit[];
  const goodEdits = (Array.isArray(good) && typeof good[0] !== 'string' ? good : [good]) as Edit[];
  CASES.push({
    rule: ruleFor(rule),
    title: badEdits.map((e) => (typeof e === 'function' ? 'edit' : `${e[0]}=${e[1] === DELETE ? '(deleted)' : JSON.stringify(e[1])?.slice(0, 40)}`)).join(', '),
    bad: () => apply(base, badEdits),
    good: () => apply(base, goodEdits),
    field,
    judgement,
    serverField,
    create,
  });
}

const NONE: Edit = () => undefined;
const D = DELETE;

// ---- Base objects: each is valid on its own (checked by the unit test).
const app = (): Json => ({ name: 'app', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 8080 }] });
const labels = { app: 'web' };
const pod = (): Json => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [app()] } });
const deploy = (): Json => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
  spec: { replicas: 2, selector: { matchLabels: { ...labels } }, template: { metadata: { labels: { ...labels } }, spec: { containers: [app()] } } },
});
const sts = (): Json => ({
  apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' },
  spec: { serviceName: 'db', selector: { matchLabels: { ...labels } }, template: { metadata: { labels: { ...labels } }, spec: { containers: [app()] } } },
});
const job = (): Json => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' },
  spec: { template: { spec: { restartPolicy: 'Never', containers: [app()] } } },
});
const cron = (): Json => ({
  apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'backup' },
  spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [app()] } } } } },
});
const svc = (): Json => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' },
  spec: { selector: { ...labels }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } });
const pvc = (): Json => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
const pdb = (): Json => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' },
  spec: { maxUnavailable: 1, selector: { matchLabels: { ...labels } } } });
const cpu = (): Json => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } });
const hpa = (): Json => ({
  apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' },
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 5, metrics: [cpu()] },
});
const netpol = (): Json => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'web' },
  spec: { podSelector: { matchLabels: { ...labels } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 8080 }] }] },
});
const backend = (): Json => ({ service: { name: 'web', port: { name: 'http' } } });
const ingress = (): Json => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' },
  spec: { rules: [{ host: 'www.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend() }] } }] },
});
const cm = (): Json => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'conf' }, data: { a: '1' } });
const secret = (): Json => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, stringData: { a: '1' } });
const sa = (): Json => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web' } });
const ns = (): Json => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });

export const BASES: Record<string, () => Json> = { pod, deploy, sts, job, cron, svc, pvc, pdb, hpa, netpol, ingress, cm, secret, sa, ns };

const C = 'spec.containers[0]';
const withApp = (extra: Json): Json => ({ ...app(), ...extra });
const exec = { exec: { command: ['true'] } };
const NA = 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution';
const node = (term: Json): Edit => ['spec.affinity', { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } } }];
const E0 = `${NA}.nodeSelectorTerms[0].matchExpressions[0]`;
const initc = (extra: Json): Edit => ['spec.initContainers', [{ name: 'init', image: 'busybox:1.36', ...extra }]];

// ---- batch.ts
c('batch.ts: the Job has no spec', job, ['spec', D], NONE, 'spec');
c('batch.ts: an Indexed Job needs completions', job, [['spec.completionMode', 'Indexed'], ['spec.parallelism', 2]], ['spec.completionMode', 'Indexed'], 'spec.completions');
c('batch.ts: parallelism … is above', job, [['spec.completionMode', 'Indexed'], ['spec.completions', 200000], ['spec.parallelism', 100001]],
  [['spec.completionMode', 'Indexed'], ['spec.completions', 200000], ['spec.parallelism', 100000]], 'spec.parallelism');
c('batch.ts: manualSelector is true', job, ['spec.manualSelector', true],
  [['spec.manualSelector', true], ['spec.selector', { matchLabels: { ...labels } }], ['spec.template.metadata', { labels: { ...labels } }]], 'spec.selector');
c("batch.ts: a Job's pods need restartPolicy", job, ['spec.template.spec.restartPolicy', D], ['spec.template.spec.restartPolicy', 'OnFailure'], 'spec.template.spec.restartPolicy');
c('batch.ts: the CronJob has no spec', cron, ['spec', D], NONE, 'spec');
c('batch.ts: the CronJob has no schedule', cron, ['spec.schedule', D], ['spec.schedule', '@daily'], 'spec.schedule');
c('batch.ts: schedule … …', cron, ['spec.schedule', '61 * * * *'], ['spec.schedule', '59 * * * *'], 'spec.schedule');
c('batch.ts: timeZone … is not an IANA', cron, ['spec.timeZone', 'Europe/ Berlin'], ['spec.timeZone', 'Europe/Berlin'], 'spec.timeZone');
c("batch.ts: timeZone … is the controller's local time", cron, ['spec.timeZone', 'local'], ['spec.timeZone', 'Etc/UTC'], 'spec.timeZone');
c('batch.ts: the CronJob has no jobTemplate', cron, ['spec.jobTemplate', D], NONE, 'spec.jobTemplate');

// ---- config.ts
c('config.ts: key … is also set in', cm, ['binaryData', { a: 'MQ==' }], ['binaryData', { b: 'MQ==' }], 'data[a]');
c('config.ts: value … is …, not a string', cm, ['data', { a: 1 }], ['data', { a: '1' }], 'data[a]');
c('config.ts: value of … is not valid base64', secret, ['data', { a: 'not base64!' }], ['data', { a: 'bm90IGJhc2U2NCE=' }], 'data[a]');
c('config.ts: the … holds', cm, ['data', { a: 'x'.repeat(1024 * 1024 + 1) }], ['data', { a: 'x'.repeat(1024 * 1024 - 1) }], 'data');
c('config.ts: a kubernetes.io/tls Secret needs', secret, [['type', 'kubernetes.io/tls'], ['stringData', { 'tls.key': 'k' }]],
  [['type', 'kubernetes.io/tls'], ['stringData', { 'tls.key': 'k', 'tls.crt': 'c' }]], 'data[tls.crt]');
c('config.ts: a kubernetes.io/basic-auth Secret', secret, [['type', 'kubernetes.io/basic-auth'], ['stringData', D]],
  [['type', 'kubernetes.io/basic-auth'], ['stringData', { username: 'u' }]], 'data');
c('config.ts: a kubernetes.io/dockerconfigjson Secret', secret, [['type', 'kubernetes.io/dockerconfigjson'], ['stringData', D]],
  [['type', 'kubernetes.io/dockerconfigjson'], ['stringData', { '.dockerconfigjson': '{"auths":{}}' }]], 'data[.dockerconfigjson]');
c('config.ts: a kubernetes.io/ssh-auth Secret', secret, [['type', 'kubernetes.io/ssh-auth'], ['stringData', D]],
  [['type', 'kubernetes.io/ssh-auth'], ['stringData', { 'ssh-privatekey': 'k' }]], 'data[ssh-privatekey]');

// ---- container.ts
c('container.ts: port name … is declared twice', pod, [`${C}.ports`, [{ name: 'http', containerPort: 8080 }, { name: 'http', containerPort: 8081 }]],
  [`${C}.ports`, [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 8081 }]], `${C}.ports[1].name`);
c('container.ts: containerPort is missing', pod, [`${C}.ports`, [{ name: 'http' }]], [`${C}.ports`, [{ name: 'http', containerPort: 1 }]], `${C}.ports[0].containerPort`);
c('container.ts: containerPort … is already declared', pod, [`${C}.ports`, [{ containerPort: 8080 }, { containerPort: 8080 }]],
  [`${C}.ports`, [{ containerPort: 8080 }, { containerPort: 8080, protocol: 'UDP' }]], `${C}.ports[1].containerPort`,
  'ports is a list map keyed by containerPort and protocol: server-side apply refuses the duplicate and strategic merge folds the two entries into one');
const fieldRef = { fieldRef: { fieldPath: 'metadata.name' } };
c('container.ts: valueFrom names no source', pod, [`${C}.env`, [{ name: 'A', valueFrom: {} }]], [`${C}.env`, [{ name: 'A', valueFrom: fieldRef }]], `${C}.env[0].valueFrom`);
c('container.ts: valueFrom sets', pod, [`${C}.env`, [{ name: 'A', valueFrom: { ...fieldRef, secretKeyRef: { name: 's', key: 'k' } } }]],
  [`${C}.env`, [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }]], `${C}.env[0].valueFrom`);
c('container.ts: key is missing', pod, [`${C}.env`, [{ name: 'A', valueFrom: { secretKeyRef: { name: 's' } } }]],
  [`${C}.env`, [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }]], `${C}.env[0].valueFrom.secretKeyRef.key`);
c('container.ts: fieldPath is missing', pod, [`${C}.env`, [{ name: 'A', valueFrom: { fieldRef: {} } }]], [`${C}.env`, [{ name: 'A', valueFrom: fieldRef }]],
  `${C}.env[0].valueFrom.fieldRef.fieldPath`);
c('container.ts: fieldPath … is not supported', pod, [`${C}.env`, [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'spec.hostname' } } }]],
  [`${C}.env`, [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'status.hostIPs' } } }]], `${C}.env[0].valueFrom.fieldRef.fieldPath`);
c('container.ts: env var has no name', pod, [`${C}.env`, [{ value: 'x' }]], [`${C}.env`, [{ name: 'A', value: 'x' }]], `${C}.env[0].name`);
c('container.ts: environment variable … is already set', pod, [`${C}.env`, [{ name: 'A', value: '1' }, { name: 'A', value: '2' }]],
  [`${C}.env`, [{ name: 'A', value: '1' }, { name: 'B', value: '2' }]], `${C}.env[1].name`,
  'the later entry silently replaces the earlier one, so one of the two values is lost');
c('container.ts: valueFrom may not be set together', pod, [`${C}.env`, [{ name: 'A', value: 'x', ...{ valueFrom: fieldRef } }]],
  [`${C}.env`, [{ name: 'A', value: '', valueFrom: fieldRef }]], `${C}.env[0].valueFrom`);
c('container.ts: envFrom entry names no source', pod, [`${C}.envFrom`, [{}]], [`${C}.envFrom`, [{ configMapRef: { name: 'conf' } }]], `${C}.envFrom[0]`);
c('container.ts: envFrom entry names no source', pod, [`${C}.envFrom`, [{ configMapRef: { name: 'conf' }, secretRef: { name: 's' } }]],
  [`${C}.envFrom`, [{ secretRef: { name: 's' } }]], `${C}.envFrom[0]`);
c('container.ts: container has no name', pod, [`${C}.name`, D], [`${C}.name`, 'a'], `${C}.name`);
c('container.ts: container has no image', pod, [`${C}.image`, D], [`${C}.image`, 'busybox'], `${C}.image`);
c('container.ts: … may not be set on an init container', pod, initc({ readinessProbe: exec }), initc({ readinessProbe: exec, restartPolicy: 'Always' }),
  'spec.initContainers[0].readinessProbe');
c('container.ts: lifecycle may not be set on an init container', pod, initc({ lifecycle: { preStop: exec } }),
  initc({ lifecycle: { preStop: exec }, restartPolicy: 'Always' }), 'spec.initContainers[0].lifecycle');
c('container.ts: port … is not declared by this container', pod, [`${C}.readinessProbe`, { httpGet: { port: 'metrics' } }],
  [`${C}.readinessProbe`, { httpGet: { port: 'http' } }], `${C}.readinessProbe.httpGet.port`,
  'the kubelet resolves a named port among the container\'s own ports; an undeclared name makes the probe fail forever');

// ---- enums.ts (one shared check; a few of its callers)
c('enums.ts', pod, [`${C}.imagePullPolicy`, 'always'], [`${C}.imagePullPolicy`, 'Always'], `${C}.imagePullPolicy`);
c('enums.ts', svc, ['spec.type', 'Nodeport'], ['spec.type', 'NodePort'], 'spec.type');
c('enums.ts', pod, ['spec.dnsPolicy', 'ClusterFirstWithHostNetwork'], ['spec.dnsPolicy', 'ClusterFirstWithHostNet'], 'spec.dnsPolicy');
c('enums.ts', pvc, ['spec.accessModes', ['ReadWriteOnly']], ['spec.accessModes', ['ReadOnlyMany']], 'spec.accessModes[0]');
c('enums.ts', deploy, ['spec.strategy', { type: 'Rolling' }], ['spec.strategy', { type: 'Recreate' }], 'spec.strategy');
c('enums.ts', pdb, ['spec.unhealthyPodEvictionPolicy', 'Always'], ['spec.unhealthyPodEvictionPolicy', 'AlwaysAllow'], 'spec.unhealthyPodEvictionPolicy');

// ---- handlers.ts
c('handlers.ts: … is not a … handler', pod, [`${C}.lifecycle`, { preStop: { grpc: { port: 8080 } } }], [`${C}.lifecycle`, { preStop: exec }], `${C}.lifecycle.preStop.grpc`);
c('handlers.ts: no handler', pod, [`${C}.readinessProbe`, { periodSeconds: 5 }], [`${C}.readinessProbe`, { periodSeconds: 5, ...exec }], `${C}.readinessProbe`);
c('handlers.ts: more than one handler type', pod, [`${C}.readinessProbe`, { ...exec, tcpSocket: { port: 8080 } }], [`${C}.readinessProbe`, { tcpSocket: { port: 8080 } }],
  `${C}.readinessProbe`);
c('handlers.ts: the exec command is empty', pod, [`${C}.readinessProbe`, { exec: { command: [] } }], [`${C}.readinessProbe`, exec], `${C}.readinessProbe.exec.command`);
c('handlers.ts: the exec command has only empty strings', pod, [`${C}.readinessProbe`, { exec: { command: [''] } }], [`${C}.readinessProbe`, { exec: { command: ['', 'true'] } }],
  `${C}.readinessProbe.exec.command`, 'the runtime cannot start a process without a name, so the probe always fails');
c('handlers.ts: tcpSocket is not supported as a lifecycle hook', pod, [`${C}.lifecycle`, { preStop: { tcpSocket: { port: 8080 } } }], [`${C}.lifecycle`, { preStop: exec }],
  `${C}.lifecycle.preStop.tcpSocket`, 'the kubelet does not run tcpSocket hooks, so the hook does nothing');
c('handlers.ts: sleep …s is below', pod, [`${C}.lifecycle`, { preStop: { sleep: { seconds: -1 } } }], [`${C}.lifecycle`, { preStop: { sleep: {} } }],
  `${C}.lifecycle.preStop.sleep`);
c('handlers.ts: sleep …s is longer', pod, [`${C}.lifecycle`, { preStop: { sleep: { seconds: 31 } } }], [`${C}.lifecycle`, { preStop: { sleep: { seconds: 30 } } }],
  `${C}.lifecycle.preStop.sleep`);
c('handlers.ts: the grpc probe has no port', pod, [`${C}.readinessProbe`, { grpc: {} }], [`${C}.readinessProbe`, { grpc: { port: 9090 } }], `${C}.readinessProbe.grpc.port`);
c('handlers.ts: the handler has no port', pod, [`${C}.readinessProbe`, { httpGet: { path: '/' } }], [`${C}.readinessProbe`, { httpGet: { path: '/', port: 8080 } }],
  `${C}.readinessProbe.httpGet.port`);
c('handlers.ts: successThreshold', pod, [`${C}.livenessProbe`, { ...exec, successThreshold: 2 }], [`${C}.livenessProbe`, { ...exec, successThreshold: 1 }],
  `${C}.livenessProbe.successThreshold`);
c('handlers.ts: terminationGracePeriodSeconds may not be set on a readiness probe', pod, [`${C}.readinessProbe`, { ...exec, terminationGracePeriodSeconds: 10 }],
  [`${C}.livenessProbe`, { ...exec, terminationGracePeriodSeconds: 10 }], `${C}.readinessProbe.terminationGracePeriodSeconds`);

// ---- hpa.ts
const M = 'spec.metrics[0]';
const podsMetric = (target: Json): Json => [{ type: 'Pods', pods: { metric: { name: 'rps' }, target } }];
const objectMetric = (target: Json): Json => [{ type: 'Object',
  object: { describedObject: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'web' }, metric: { name: 'rps' }, target } }];
const externalMetric = (target: Json): Json => [{ type: 'External', external: { metric: { name: 'queue' }, target } }];
c('hpa.ts: … is missing', hpa, ['spec.scaleTargetRef', D], NONE, 'spec.scaleTargetRef');
c('hpa.ts: … is missing', hpa, ['spec.scaleTargetRef.kind', D], ['spec.scaleTargetRef.kind', 'StatefulSet'], 'spec.scaleTargetRef.kind');
c('hpa.ts: the metric has no target', hpa, [`${M}.resource.target`, D], NONE, `${M}.resource.target`);
c('hpa.ts: target type is missing', hpa, [`${M}.resource.target.type`, D], NONE, `${M}.resource.target.type`);
c('hpa.ts: a resource metric needs', hpa, [`${M}.resource.target`, { type: 'Utilization' }], [`${M}.resource.target`, { type: 'AverageValue', averageValue: '500m' }],
  `${M}.resource.target.averageUtilization`);
c('hpa.ts: averageUtilization and averageValue', hpa, [`${M}.resource.target.averageValue`, '500m'], NONE, `${M}.resource.target.averageValue`);
c('hpa.ts: a pods metric needs', hpa, ['spec.metrics', podsMetric({ type: 'AverageValue' })], ['spec.metrics', podsMetric({ type: 'AverageValue', averageValue: '10' })],
  `${M}.pods.target.averageValue`);
c('hpa.ts: an object metric needs', hpa, ['spec.metrics', objectMetric({ type: 'Value' })], ['spec.metrics', objectMetric({ type: 'Value', value: '10' })],
  `${M}.object.target.averageValue`);
c('hpa.ts: an external metric needs', hpa, ['spec.metrics', externalMetric({ type: 'Value' })], ['spec.metrics', externalMetric({ type: 'Value', value: '10' })],
  `${M}.external.target.averageValue`);
c('hpa.ts: value and averageValue may not both be set', hpa, ['spec.metrics', externalMetric({ type: 'Value', value: '10', averageValue: '10' })],
  ['spec.metrics', externalMetric({ type: 'AverageValue', averageValue: '10' })], `${M}.external.target.value`);
c('hpa.ts: the metric has no name', hpa, ['spec.metrics', [{ type: 'Pods', pods: { metric: {}, target: { type: 'AverageValue', averageValue: '10' } } }]],
  ['spec.metrics', podsMetric({ type: 'AverageValue', averageValue: '10' })], `${M}.pods.metric.name`);
c('hpa.ts: the metric has no type', hpa, [`${M}.type`, D], NONE, `${M}.type`);
c('hpa.ts: … is set on a metric of type', hpa, [`${M}.pods`, podsMetric({ type: 'AverageValue', averageValue: '10' })[0].pods], NONE, `${M}.pods`);
c('hpa.ts: a … metric needs …', hpa, ['spec.metrics', [{ type: 'Pods' }]], ['spec.metrics', podsMetric({ type: 'AverageValue', averageValue: '10' })], `${M}.pods`);
c('hpa.ts: the resource metric has no resource name', hpa, [`${M}.resource.name`, D], [`${M}.resource.name`, 'memory'], `${M}.resource.name`);
c('hpa.ts: the container resource metric names no container', hpa,
  ['spec.metrics', [{ type: 'ContainerResource', containerResource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }]],
  ['spec.metrics', [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', target: { type: 'Utilization', averageUtilization: 70 } } }]],
    `${M}.containerResource.container`);
const policy = { type: 'Pods', value: 1, periodSeconds: 60 };
c('hpa.ts: policies is an empty list', hpa, ['spec.behavior', { scaleUp: { policies: [] } }], ['spec.behavior', { scaleUp: { policies: [policy] } }],
  'spec.behavior.scaleUp.policies');
c('hpa.ts: the policy has no type', hpa, ['spec.behavior', { scaleUp: { policies: [{ ...policy, type: undefined }] } }],
  ['spec.behavior', { scaleUp: { policies: [{ ...policy, type: 'Percent' }] } }], 'spec.behavior.scaleUp.policies[0].type');
c('hpa.ts: the policy has no value', hpa, ['spec.behavior', { scaleUp: { policies: [{ ...policy, value: undefined }] } }],
  ['spec.behavior', { scaleUp: { policies: [policy] } }], 'spec.behavior.scaleUp.policies[0].value');
c('hpa.ts: the policy has no periodSeconds', hpa, ['spec.behavior', { scaleUp: { policies: [{ ...policy, periodSeconds: undefined }] } }],
  ['spec.behavior', { scaleUp: { policies: [{ ...policy, periodSeconds: 1800 }] } }], 'spec.behavior.scaleUp.policies[0].periodSeconds');
c('hpa.ts: the HorizontalPodAutoscaler has no spec', hpa, ['spec', D], NONE, 'spec');
c('hpa.ts: maxReplicas is missing', hpa, ['spec.maxReplicas', D], NONE, 'spec.maxReplicas');
c('hpa.ts: maxReplicas … is below', hpa, ['spec.maxReplicas', 1], ['spec.maxReplicas', 2], 'spec.maxReplicas');

// ---- image.ts
c('image.ts: image … is …, not a string', pod, [`${C}.image`, 42], [`${C}.image`, '42'], `${C}.image`);
c('image.ts: image … cannot be pulled', pod, [`${C}.image`, ' nginx:1.27'], [`${C}.image`, 'nginx:1.27 '.trim()], `${C}.image`);
c('image.ts: image … cannot be pulled', pod, [`${C}.image`, 'Nginx:1.27'], [`${C}.image`, 'nginx:1.27'], `${C}.image`,
  'the API server only refuses an empty image or surrounding white space; the runtime cannot parse this reference, so the pod never starts');

// ---- int-or-percent.ts
const RU = 'spec.strategy.rollingUpdate';
c('int-or-percent.ts: … … is negative', deploy, [RU, { maxUnavailable: -1 }], [RU, { maxUnavailable: 0 }], `${RU}.maxUnavailable`);
c('int-or-percent.ts: … … is neither', deploy, [RU, { maxUnavailable: '25 %' }], [RU, { maxUnavailable: '25%' }], `${RU}.maxUnavailable`);
c('int-or-percent.ts: … … is more than 100%', pdb, ['spec.maxUnavailable', '101%'], ['spec.maxUnavailable', '100%'], 'spec.maxUnavailable');

// ---- metadata.ts
c('metadata.ts: label value … is …, not a string', pod, ['metadata.labels', { a: 1 }], ['metadata.labels', { a: '1' }], 'metadata.labels[a]');
c('metadata.ts: annotation value … is …, not a string', pod, ['metadata.annotations', { a: true }], ['metadata.annotations', { a: 'true' }], 'metadata.annotations[a]');
c('metadata.ts: annotations total', cm, ['metadata.annotations', { a: 'x'.repeat(256 * 1024) }], ['metadata.annotations', { a: 'x'.repeat(256 * 1024 - 1) }],
  'metadata.annotations');
c('metadata.ts: metadata is missing', cm, ['metadata', D], NONE, 'metadata');
c('metadata.ts: name is missing or empty', cm, ['metadata.name', D], [['metadata.name', D], ['metadata.generateName', 'conf-']], 'metadata.name');
c('metadata.ts: name … is … characters long', cron, ['metadata.name', 'b'.repeat(53)], ['metadata.name', 'b'.repeat(52)], 'metadata.name');
c('metadata.ts: name … is … characters long', job, ['metadata.name', 'm'.repeat(64)], ['metadata.name', 'm'.repeat(63)], 'metadata.name',
  { serverField: { field: 'spec.template.labels', why: 'the server names the job-name label it makes from metadata.name' } });
c('metadata.ts: name … is … characters long', sts, ['metadata.name', 'd'.repeat(53)], ['metadata.name', 'd'.repeat(52)], 'metadata.name',
  'each pod carries controller-revision-hash: <name>-<hash>, a label value of at most 63 characters, so the StatefulSet can never create a pod');
const PS = 'spec.podSelector.matchExpressions';
c('metadata.ts: operator … has no values', netpol, [PS, [{ key: 'app', operator: 'In' }]], [PS, [{ key: 'app', operator: 'In', values: ['web'] }]], `${PS}[0].values`);
c('metadata.ts: operator … takes no values', netpol, [PS, [{ key: 'app', operator: 'Exists', values: ['web'] }]], [PS, [{ key: 'app', operator: 'Exists' }]], `${PS}[0].values`);
c('metadata.ts: … is not a selector operator', netpol, [PS, [{ key: 'app', operator: 'in', values: ['web'] }]], [PS, [{ key: 'app', operator: 'NotIn', values: ['web'] }]],
  `${PS}[0].operator`);

// ---- names.ts (one shared check; a few of its callers and formats)
c('names.ts: … … is …, not a string', cm, ['metadata.finalizers', [5]], ['metadata.finalizers', ['example.com/f']], 'metadata.finalizers[0]');
c('names.ts: … … is not a valid', pod, [`${C}.name`, 'App'], [`${C}.name`, 'app-1'], `${C}.name`);
c('names.ts: … … is not a valid', svc, ['metadata.name', '1web'], ['metadata.name', 'web1'], 'metadata.name');
c('names.ts: … … is not a valid', cm, ['metadata.name', 'Conf'], ['metadata.name', 'conf.v1'], 'metadata.name');
c('names.ts: … … is not a valid', pdb, ['metadata.name', 'web/1'], ['metadata.name', 'Web'], 'metadata.name');
c('names.ts: … … is not a valid', pod, ['metadata.labels', { 'a/b/c': 'x' }], ['metadata.labels', { 'a.b/c': 'x' }], 'metadata.labels[a/b/c]');
c('names.ts: … … is not a valid', pod, ['metadata.labels', { a: 'b c' }], ['metadata.labels', { a: 'b_c' }], 'metadata.labels[a]');
c('names.ts: … … is not a valid', pod, ['metadata.annotations', { 'a b': 'x' }], ['metadata.annotations', { 'A.b/C': 'x' }], 'metadata.annotations[a b]');
c('names.ts: … … is not a valid', cm, ['data', { 'a b': 'x' }], ['data', { 'a_b.c-d': 'x' }], 'data[a b]');
c('names.ts: … … is not a valid', pod, [`${C}.env`, [{ name: 'A=B', value: 'x' }]], [`${C}.env`, [{ name: '1-A.b', value: 'x' }]], `${C}.env[0].name`);
c('names.ts: … … is not a valid', pod, [`${C}.ports`, [{ name: 'http_1', containerPort: 80 }]], [`${C}.ports`, [{ name: 'http-1', containerPort: 80 }]], `${C}.ports[0].name`);
c('names.ts: … … is not a valid', ingress, ['spec.rules[0].host', 'www_example.com'], ['spec.rules[0].host', '*.example.com'], 'spec.rules[0].host');
c('names.ts: … … is not a valid', pod, ['spec.tolerations', [{ key: 'a b', operator: 'Exists' }]], ['spec.tolerations', [{ key: 'example.com/a', operator: 'Exists' }]],
  'spec.tolerations[0].key');
c('names.ts: … … is not a valid', pod, [`${C}.readinessProbe`, { httpGet: { port: 8080, httpHeaders: [{ name: 'X Y', value: '1' }] } }],
  [`${C}.readinessProbe`, { httpGet: { port: 8080, httpHeaders: [{ name: 'X-Y', value: '1' }] } }], `${C}.readinessProbe.httpGet.httpHeaders[0].name`);
c('names.ts: … … is not a valid', pod, node({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a b'] }] }),
  node({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a_b'] }] }), `${E0}.values[0]`);
c('names.ts: … … is not a valid', ns, ['metadata.name', 'Oracle'], ['metadata.name', 'oracle-1'], 'metadata.name');
c('names.ts: … … is not a valid', pod, ['spec.volumes', [{ name: 'v', secret: { secretName: 'TLS' } }]], ['spec.volumes', [{ name: 'v', secret: { secretName: 'tls.v1' } }]],
  'spec.volumes[0].secret.secretName', 'the API server only requires a secretName; no Secret can be named this (Secret names are DNS-1123 subdomains), so the pod never starts');
c('names.ts: … … is not a valid', pod, ['spec.volumes', [{ name: 'v', persistentVolumeClaim: { claimName: 'my_claim' } }]],
  ['spec.volumes', [{ name: 'v', persistentVolumeClaim: { claimName: 'my-claim' } }]],
  'spec.volumes[0].persistentVolumeClaim.claimName', 'the API server only requires a claimName; no PersistentVolumeClaim can be named this, so the pod never starts');
c('names.ts: … … is not a valid', pod, [`${C}.env`, [{ name: 'A', valueFrom: { secretKeyRef: { name: 'DB', key: 'k' } } }]],
  [`${C}.env`, [{ name: 'A', valueFrom: { secretKeyRef: { name: 'db', key: 'k' } } }]],
  `${C}.env[0].valueFrom.secretKeyRef.name`);

// ---- network.ts
const F0 = 'spec.ingress[0].from[0]';
const P0 = 'spec.ingress[0].ports[0]';
c('network.ts: ipBlock has no cidr', netpol, [F0, { ipBlock: {} }], [F0, { ipBlock: { cidr: '10.0.0.0/8' } }], `${F0}.ipBlock.cidr`);
c('network.ts: cidr … …', netpol, [F0, { ipBlock: { cidr: '10.0.0.0/33' } }], [F0, { ipBlock: { cidr: '10.0.0.0/32' } }], `${F0}.ipBlock.cidr`);
c('network.ts: except … …', netpol, [F0, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/99'] } }], [F0, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }],
  `${F0}.ipBlock.except[0]`);
c('network.ts: except … is not a strict subset', netpol, [F0, { ipBlock: { cidr: '10.0.0.0/8', except: ['11.0.0.0/16'] } }],
  [F0, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.255.0.0/16'] } }], `${F0}.ipBlock.except[0]`);
c('network.ts: port … is out of range', netpol, [P0, { port: 65536 }], [P0, { port: 65535 }], `${P0}.port`);
c('network.ts: endPort may only be used', netpol, [P0, { port: 'http', endPort: 9000 }], [P0, { port: 8000, endPort: 9000 }], `${P0}.endPort`);
c('network.ts: endPort … is below', netpol, [P0, { port: 9000, endPort: 8999 }], [P0, { port: 9000, endPort: 9000 }], `${P0}.endPort`);
c('network.ts: the peer selects nothing', netpol, [F0, {}], [F0, { namespaceSelector: {} }], F0);
c('network.ts: a peer may not combine', netpol, [F0, { ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }], [F0, { namespaceSelector: {}, podSelector: {} }], F0);
c('network.ts: policyTypes lists', netpol, ['spec.policyTypes', ['Ingress', 'Egress', 'Ingress']], ['spec.policyTypes', ['Ingress', 'Egress']], 'spec.policyTypes');
const PATH0 = 'spec.rules[0].http.paths[0]';
c('network.ts: the path has no backend', ingress, [`${PATH0}.backend`, D], NONE, `${PATH0}.backend`);
c('network.ts: the backend sets both', ingress, [`${PATH0}.backend`, {}], NONE, `${PATH0}.backend`);
c('network.ts: the backend names no Service', ingress, [`${PATH0}.backend.service.name`, D], [`${PATH0}.backend.service.name`, 'w'], `${PATH0}.backend.service.name`);
const resourceBackend = (resource: Json): Edit => [`${PATH0}.backend`, { resource: { apiGroup: 'k8s.example.com', ...resource } }];
c('network.ts: the backend resource has no', ingress, resourceBackend({ name: 'assets' }), resourceBackend({ kind: 'StorageBucket', name: 'assets' }),
  `${PATH0}.backend.resource.kind`);
c('network.ts: the backend resource has no', ingress, resourceBackend({ kind: 'StorageBucket', name: '' }), resourceBackend({ kind: 'StorageBucket', name: 'assets' }),
  `${PATH0}.backend.resource.name`);
c('network.ts: the backend port sets both', ingress, [`${PATH0}.backend.service.port`, {}], [`${PATH0}.backend.service.port`, { number: 80 }], `${PATH0}.backend`);
c('network.ts: the Ingress has no spec', ingress, ['spec', D], NONE, 'spec');
c('network.ts: the Ingress has neither', ingress, ['spec.rules', []], [['spec.rules', []], ['spec.defaultBackend', backend()]], 'spec');
c('network.ts: the rule has no paths', ingress, ['spec.rules[0].http.paths', []], NONE, 'spec.rules[0].http.paths');
c('network.ts: host … is an IP address', ingress, ['spec.rules[0].host', '10.0.0.1'], ['spec.rules[0].host', '10.0.0.1.example.com'], 'spec.rules[0].host');
c('network.ts: pathType is missing', ingress, [`${PATH0}.pathType`, D], [`${PATH0}.pathType`, 'Exact'], `${PATH0}.pathType`);
c('network.ts: path … must be an absolute path for', ingress, [`${PATH0}.path`, 'api'], [`${PATH0}.path`, '/api'], `${PATH0}.path`);
c('network.ts: path … may not contain', ingress, [`${PATH0}.path`, '/a//b'], [`${PATH0}.path`, '/a/b'], `${PATH0}.path`);
c('network.ts: path … must be an absolute path', ingress, [[`${PATH0}.pathType`, 'ImplementationSpecific'], [`${PATH0}.path`, 'api']],
  [[`${PATH0}.pathType`, 'ImplementationSpecific'], [`${PATH0}.path`, '/a//b']], `${PATH0}.path`);

// ---- pdb.ts
c('pdb.ts: the PodDisruptionBudget has no spec', pdb, ['spec', D], NONE, 'spec', 'a PodDisruptionBudget without a spec selects no pod and limits nothing');
c('pdb.ts: minAvailable and maxUnavailable', pdb, ['spec.minAvailable', 1], [['spec.minAvailable', 1], ['spec.maxUnavailable', D]], 'spec');

// ---- pod.ts
const T = 'spec.template.spec';
c('pod.ts: the pod spec is missing', pod, ['spec', D], NONE, 'spec');
c('pod.ts: the pod has no containers', pod, ['spec.containers', []], NONE, 'spec.containers');
c('pod.ts: container name … is already used', pod, initc({ name: 'app' }), initc({ name: 'app-init' }), 'spec.initContainers[0].name');
c('pod.ts: container name … is already used', pod, ['spec.containers', [app(), { name: 'app', image: 'x' }]], ['spec.containers', [app(), { name: 'b', image: 'x' }]],
  'spec.containers[1].name');
c('pod.ts: host port … is already used', pod,
  ['spec.containers', [withApp({ ports: [{ containerPort: 80, hostPort: 80 }] }), { name: 'b', image: 'x', ports: [{ containerPort: 81, hostPort: 80 }] }]],
  ['spec.containers', [withApp({ ports: [{ containerPort: 80, hostPort: 80 }] }), { name: 'b', image: 'x', ports: [{ containerPort: 81, hostPort: 80, protocol: 'UDP' }] }]],
    'spec.containers[1].ports');
c('pod.ts: restartPolicy … is not supported', deploy, [`${T}.restartPolicy`, 'Never'], [`${T}.restartPolicy`, 'Always'], `${T}.restartPolicy`);
c('pod.ts: activeDeadlineSeconds is not supported', deploy, [`${T}.activeDeadlineSeconds`, 10], [`${T}.terminationGracePeriodSeconds`, 10], `${T}.activeDeadlineSeconds`);
c('pod.ts: the pod template is missing', deploy, ['spec.template', D], NONE, 'spec.template');

// ---- quantity.ts
const R = `${C}.resources`;
c('quantity.ts: … … is …, not a quantity', pod, [R, { requests: { cpu: true } }], [R, { requests: { cpu: 1 } }], `${R}.requests[cpu]`);
c('quantity.ts: … … is not a Kubernetes quantity', pod, [R, { requests: { cpu: '1 core' } }], [R, { requests: { cpu: '1e0' } }], `${R}.requests[cpu]`);
c('quantity.ts: … … is negative', pod, [R, { requests: { cpu: '-1m' } }], [R, { requests: { cpu: '0' } }], `${R}.requests[cpu]`);
c('quantity.ts: … … is not greater than zero', pvc, ['spec.resources.requests.storage', '0'], ['spec.resources.requests.storage', '1'], 'spec.resources[storage]');
c('quantity.ts: … … is larger than this tool computes with', pvc, ['spec.resources.requests.storage', '1e400'], ['spec.resources.requests.storage', '1e300'],
  'spec.resources[storage]', 'an amount beyond a double (1e400): the API server keeps quantities as decimals and accepts it; this tool computes with doubles');

// ---- resources.ts
const gpu = 'example.com/gpu';
c('resources.ts: … is not a standard container resource', pod, [R, { requests: { gpu: '1' } }],
  [R, { requests: { 'hugepages-2Mi': '2Mi' }, limits: { 'hugepages-2Mi': '2Mi', memory: '1Gi' } }], `${R}.requests[gpu]`);
c('resources.ts: … … is not a whole number', pod, [R, { limits: { [gpu]: '500m' } }], [R, { limits: { [gpu]: '1' } }], `${R}.limits[${gpu}]`);
c("resources.ts: … … is … bytes, a fraction of a byte", pod, [R, { requests: { memory: '256m' } }], [R, { requests: { memory: '256Mi' } }], `${R}.requests[memory]`,
  "memory is counted in bytes and 'm' means milli: 256m is a quarter of a byte, always a unit mistake");
c('resources.ts: … has a request but no limit', pod, [R, { requests: { [gpu]: '1' } }], [R, { requests: { [gpu]: '1' }, limits: { [gpu]: '1' } }], `${R}.limits[${gpu}]`);
c('resources.ts: … request … differs from its limit', pod, [R, { requests: { [gpu]: '1' }, limits: { [gpu]: '2' } }], [R, { limits: { [gpu]: '2' } }], `${R}.requests[${gpu}]`);
c('resources.ts: … request is more than its limit', pod, [R, { requests: { cpu: '2' }, limits: { cpu: '1' } }], [R, { requests: { cpu: '1' }, limits: { cpu: '1' } }],
  `${R}.requests[cpu]`);

// ---- scheduling.ts
const MF0 = `${NA}.nodeSelectorTerms[0].matchFields[0]`;
c('scheduling.ts: operator is missing', pod, node({ matchExpressions: [{ key: 'zone', values: ['a'] }] }),
  node({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }), `${E0}.operator`);
c('scheduling.ts: … is not a supported field selector', pod, node({ matchFields: [{ key: 'metadata.uid', operator: 'In', values: ['n'] }] }),
  node({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n'] }] }), `${MF0}.key`);
c('scheduling.ts: must have exactly one value', pod, node({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a', 'b'] }] }),
  node({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['a'] }] }), `${MF0}.values`);
c('scheduling.ts: operator … needs at least one value', pod, node({ matchExpressions: [{ key: 'zone', operator: 'In', values: [] }] }),
  node({ matchExpressions: [{ key: 'zone', operator: 'In', values: [''] }] }), `${E0}.values`);
c('scheduling.ts: operator … takes no values', pod, node({ matchExpressions: [{ key: 'zone', operator: 'Exists', values: ['a'] }] }),
  node({ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }), `${E0}.values`);
c('scheduling.ts: operator … needs exactly one value', pod, node({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['1', '2'] }] }),
  node({ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['3'] }] }), `${E0}.values`);
c('scheduling.ts: operator … compares integers', pod, node({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['a'] }] }),
  node({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['10'] }] }), `${E0}.values[0]`,
    'the scheduler compares the node label as an integer, so the term never matches any node');
const preferred = (term: Json): Edit => ['spec.affinity', { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [term] } }];
const zoneTerm = { matchExpressions: [{ key: 'zone', operator: 'Exists' }] };
c('scheduling.ts: the preferred term has no weight', pod, preferred({ preference: zoneTerm }), preferred({ preference: zoneTerm, weight: 1 }),
  'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight');
const anti = (key: string, term: Json): Edit => ['spec.affinity', { podAntiAffinity: { [key]: [term] } }];
const REQ = 'requiredDuringSchedulingIgnoredDuringExecution';
const PREF = 'preferredDuringSchedulingIgnoredDuringExecution';
const affinityTerm = { labelSelector: { matchLabels: { ...labels } }, topologyKey: 'kubernetes.io/hostname' };
c('scheduling.ts: podAffinityTerm is missing', pod, anti(PREF, { weight: 50 }), anti(PREF, { weight: 50, podAffinityTerm: affinityTerm }),
  `spec.affinity.podAntiAffinity.${PREF}[0].podAffinityTerm`);
c('scheduling.ts: topologyKey is missing or empty', pod, anti(REQ, { ...affinityTerm, topologyKey: undefined }), anti(REQ, affinityTerm),
  `spec.affinity.podAntiAffinity.${REQ}[0].topologyKey`);
c('scheduling.ts: a required node affinity needs', pod, ['spec.affinity', { nodeAffinity: { [REQ]: { nodeSelectorTerms: [] } } }], node({}), `${NA}.nodeSelectorTerms`);
const spread = (...list: Json[]): Edit => ['spec.topologySpreadConstraints', list];
const tsc = { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { ...labels } } };
c('scheduling.ts: maxSkew is missing', pod, spread({ ...tsc, maxSkew: undefined }), spread(tsc), 'spec.topologySpreadConstraints[0].maxSkew');
c('scheduling.ts: topologyKey is missing or empty', pod, spread({ ...tsc, topologyKey: '' }), spread({ ...tsc, topologyKey: 'z' }),
  'spec.topologySpreadConstraints[0].topologyKey');
c('scheduling.ts: whenUnsatisfiable is missing', pod, spread({ ...tsc, whenUnsatisfiable: undefined }), spread({ ...tsc, whenUnsatisfiable: 'ScheduleAnyway' }),
  'spec.topologySpreadConstraints[0].whenUnsatisfiable');
c('scheduling.ts: topologySpreadConstraints[…] repeats', pod, spread(tsc, tsc), spread(tsc, { ...tsc, whenUnsatisfiable: 'ScheduleAnyway' }),
  'spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}');
c('scheduling.ts: minDomains may only be used', pod, spread({ ...tsc, whenUnsatisfiable: 'ScheduleAnyway', minDomains: 2 }), spread({ ...tsc, minDomains: 2 }),
  'spec.topologySpreadConstraints[0].minDomains');
const tol = (t: Json): Edit => ['spec.tolerations', [t]];
c('scheduling.ts: operator must be Exists when key is empty', pod, tol({ operator: 'Equal' }), tol({ operator: 'Exists' }), 'spec.tolerations[0].operator');
c("scheduling.ts: value must be empty when operator is 'Exists'", pod, tol({ key: 'k', operator: 'Exists', value: 'v' }), tol({ key: 'k', operator: 'Equal', value: 'v' }),
  'spec.tolerations[0].operator');
c("scheduling.ts: tolerationSeconds needs effect 'NoExecute'", pod, tol({ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 10 }),
  tol({ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }), 'spec.tolerations[0].effect');

// ---- service.ts
const SP = 'spec.ports';
const lb = (...edits: Edit[]): Edit[] => [['spec.type', 'LoadBalancer'], ...edits];
c('service.ts: port … is out of range', svc, [`${SP}[0].targetPort`, 65536], [`${SP}[0].targetPort`, 65535], `${SP}[0].targetPort`);
c('service.ts: port … is a quoted number', svc, [`${SP}[0].targetPort`, '8080'], [`${SP}[0].targetPort`, 8080], `${SP}[0].targetPort`);
c('service.ts: the Service has no spec', svc, ['spec', D], NONE, 'spec');
c("service.ts: clusterIP 'None'", svc, [['spec.type', 'NodePort'], ['spec.clusterIP', 'None']], ['spec.clusterIP', 'None'], 'spec.clusterIP',
  { serverField: { field: 'spec.clusterIPs[0]', why: 'the server checks clusterIPs, the list it fills from clusterIP' } });
c('service.ts: an ExternalName Service needs externalName', svc, ['spec', { type: 'ExternalName' }], ['spec', { type: 'ExternalName', externalName: 'db.example.com.' }],
  'spec.externalName');
c('service.ts: the Service has no ports', svc, [`${SP}`, []], [['spec.ports', []], ['spec.clusterIP', 'None']], SP);
c('service.ts: … is not an IP address', svc, ['spec.externalIPs', ['203.0.113']], ['spec.externalIPs', ['203.0.113.10']], 'spec.externalIPs[0]');
c('service.ts: externalTrafficPolicy may only be set', svc, ['spec.externalTrafficPolicy', 'Local'], [['spec.externalTrafficPolicy', 'Local'], ['spec.type', 'NodePort']],
  'spec.externalTrafficPolicy');
c('service.ts: loadBalancerSourceRanges may only be used', svc, ['spec.loadBalancerSourceRanges', ['10.0.0.0/8']], lb(['spec.loadBalancerSourceRanges', ['10.0.0.0/8']]),
  'spec.loadBalancerSourceRanges');
c('service.ts: … …', svc, lb(['spec.loadBalancerSourceRanges', ['10.0.0.0/33']]), lb(['spec.loadBalancerSourceRanges', [' 10.0.0.0/8 ']]), 'spec.loadBalancerSourceRanges[0]');
c('service.ts: sessionAffinityConfig may only be set', svc, ['spec.sessionAffinityConfig', { clientIP: { timeoutSeconds: 10 } }],
  [['spec.sessionAffinityConfig', { clientIP: { timeoutSeconds: 10 } }], ['spec.sessionAffinity', 'ClientIP']], 'spec.sessionAffinityConfig',
  'without sessionAffinity: ClientIP the server drops the config, so the timeout has no effect');
c('service.ts: a Service with several ports needs a name', svc, [SP, [{ port: 80 }, { name: 'b', port: 81 }]], [SP, [{ name: 'a', port: 80 }, { name: 'b', port: 81 }]],
  `${SP}[0].name`);
c('service.ts: port name … is used twice', svc, [SP, [{ name: 'a', port: 80 }, { name: 'a', port: 81 }]], [SP, [{ name: 'a', port: 80 }, { name: 'a1', port: 81 }]],
  `${SP}[1].name`);
c('service.ts: the Service port has no port number', svc, [SP, [{ name: 'http', targetPort: 8080 }]], [SP, [{ name: 'http', port: 8080 }]], `${SP}[0].port`);
c('service.ts: port … is already declared', svc, [SP, [{ name: 'a', port: 80 }, { name: 'b', port: 80 }]],
  [SP, [{ name: 'a', port: 80 }, { name: 'b', port: 80, protocol: 'UDP' }]], `${SP}[1]`);
c('service.ts: nodePort may only be set', svc, [`${SP}[0].nodePort`, 30080], [[`${SP}[0].nodePort`, 30080], ['spec.type', 'NodePort']], `${SP}[0].nodePort`);
c('service.ts: nodePort … is outside', svc, [['spec.type', 'NodePort'], [`${SP}[0].nodePort`, 8080]], [['spec.type', 'NodePort'], [`${SP}[0].nodePort`, 30081]],
  `${SP}[0].nodePort`, { create: true });
// Each real create uses node ports of its own: a deleted Service's ports are released asynchronously.
c('service.ts: nodePort … is already used', svc, [['spec.type', 'NodePort'], [SP, [{ name: 'a', port: 80, nodePort: 30082 }, { name: 'b', port: 81, nodePort: 30082 }]]],
  [['spec.type', 'NodePort'], [SP, [{ name: 'a', port: 80, nodePort: 30083 }, { name: 'b', port: 80, nodePort: 30083, protocol: 'UDP' }]]], `${SP}[1].nodePort`, { create: true });
c('service.ts: nodePort … is already used', svc,
  [['spec.type', 'NodePort'], [SP, [{ name: 'a', port: 80, nodePort: 30084 }, { name: 'b', port: 81, nodePort: 30084, protocol: 'UDP' }]]],
  [['spec.type', 'NodePort'], [SP, [{ name: 'a', port: 80, nodePort: 30085 }, { name: 'b', port: 81, nodePort: 30086, protocol: 'UDP' }]]], `${SP}[1].nodePort`, { create: true });

// ---- storage.ts
c('storage.ts: the claim has no spec', pvc, ['spec', D], NONE, 'spec');
c('storage.ts: the claim has no access mode', pvc, ['spec.accessModes', []], ['spec.accessModes', ['ReadWriteOncePod']], 'spec.accessModes');
c('storage.ts: ReadWriteOncePod may not be combined', pvc, ['spec.accessModes', ['ReadWriteOncePod', 'ReadWriteOnce']],
  ['spec.accessModes', ['ReadWriteMany', 'ReadWriteOnce']], 'spec.accessModes');
c('storage.ts: the claim requests no storage size', pvc, ['spec.resources', {}], ['spec.resources', { requests: { storage: '1Mi' } }], 'spec.resources[storage]');

// ---- values.ts (the shared type and range checks; a few of their callers)
c('values.ts: … is … (…), not an object', pod, ['spec.securityContext', 'x'], ['spec.securityContext', {}], 'spec.securityContext');
c('values.ts: … is … (…), not a list', pod, [`${C}.args`, 'x'], [`${C}.args`, ['x']], `${C}.args`);
c('values.ts: … … is …, not a string', pod, [`${C}.workingDir`, 5], [`${C}.workingDir`, '/5'], `${C}.workingDir`);
c('values.ts: … … is …, not true or false', deploy, ['spec.paused', 'yes'], ['spec.paused', true], 'spec.paused');
c('values.ts: … … is …, not a whole number', deploy, ['spec.replicas', 1.5], ['spec.replicas', 1], 'spec.replicas');
c('values.ts: … … is out of range', deploy, ['spec.replicas', -1], ['spec.replicas', 0], 'spec.replicas');
c('values.ts: … … is out of range', hpa, ['spec.minReplicas', 0], ['spec.minReplicas', 1], 'spec.minReplicas');
c('values.ts: … … is out of range', pod, [`${C}.readinessProbe`, { ...exec, periodSeconds: -1 }], [`${C}.readinessProbe`, { ...exec, periodSeconds: 0 }],
  `${C}.readinessProbe.periodSeconds`);
c('values.ts: … … is out of range', pod, ['spec.terminationGracePeriodSeconds', -1], ['spec.terminationGracePeriodSeconds', 0], 'spec.terminationGracePeriodSeconds',
  'the API server keeps a negative grace period and treats it as 1 second on delete, so the pod gets no graceful shutdown');
c('values.ts: … … is out of range', pod, ['spec.volumes', [{ name: 'v', secret: { secretName: 's', defaultMode: 512 } }]],
  ['spec.volumes', [{ name: 'v', secret: { secretName: 's', defaultMode: 511 } }]], 'spec.volumes[0].secret.defaultMode');
c('values.ts: … … is out of range', hpa, ['spec.behavior', { scaleDown: { stabilizationWindowSeconds: 3601 } }],
  ['spec.behavior', { scaleDown: { stabilizationWindowSeconds: 3600 } }], 'spec.behavior.scaleDown.stabilizationWindowSeconds');
c('values.ts: … … is out of range', job, ['spec.backoffLimit', -1], ['spec.backoffLimit', 0], 'spec.backoffLimit');
c('values.ts: … … is out of range', job, ['spec.activeDeadlineSeconds', -1], ['spec.activeDeadlineSeconds', 1], 'spec.activeDeadlineSeconds');
c('values.ts: … … is out of range', pod, ['spec.securityContext', { runAsUser: -1 }], ['spec.securityContext', { runAsUser: 0 }], 'spec.securityContext.runAsUser');
c('values.ts: … … is out of range', svc, [['spec.sessionAffinity', 'ClientIP'], ['spec.sessionAffinityConfig', { clientIP: { timeoutSeconds: 86401 } }]],
  [['spec.sessionAffinity', 'ClientIP'], ['spec.sessionAffinityConfig', { clientIP: { timeoutSeconds: 86400 } }]], 'spec.sessionAffinityConfig.clientIP.timeoutSeconds');
c('values.ts: … … is …, not a whole number or a string', svc, [`${SP}[0].targetPort`, 1.5], [`${SP}[0].targetPort`, 1], `${SP}[0].targetPort`);

// ---- volumes.ts
const vol = (v: Json, mounts?: Json): Edit => (o: Json) => {
  o.spec.volumes = [v];
  if (mounts) o.spec.containers[0].volumeMounts = mounts;
};
const VM = `${C}.volumeMounts`;
c('volumes.ts: the volume has no name', pod, vol({ emptyDir: {} }), vol({ name: 'v', emptyDir: {} }), 'spec.volumes[0].name');
c('volumes.ts: volume name … is used twice', pod, ['spec.volumes', [{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }]],
  ['spec.volumes', [{ name: 'v', emptyDir: {} }, { name: 'w', emptyDir: {} }]], 'spec.volumes[1].name');
c('volumes.ts: the volume has more than one source', pod, vol({ name: 'v', emptyDir: {}, secret: { secretName: 's' } }), vol({ name: 'v', secret: { secretName: 's' } }),
  'spec.volumes[0]');
c('volumes.ts: claimName is missing', pod, vol({ name: 'v', persistentVolumeClaim: {} }), vol({ name: 'v', persistentVolumeClaim: { claimName: 'data' } }),
  'spec.volumes[0].persistentVolumeClaim.claimName');
c('volumes.ts: … is missing', pod, vol({ name: 'v', secret: {} }), vol({ name: 'v', secret: { secretName: 's' } }), 'spec.volumes[0].secret.secretName');
c('volumes.ts: … is missing', pod, vol({ name: 'v', configMap: {} }), vol({ name: 'v', configMap: { name: 'conf' } }), 'spec.volumes[0].configMap.name');
c('volumes.ts: the hostPath has no path', pod, vol({ name: 'v', hostPath: {} }), vol({ name: 'v', hostPath: { path: '/var/log' } }), 'spec.volumes[0].hostPath.path');
c("volumes.ts: path … contains '..'", pod, vol({ name: 'v', hostPath: { path: '/var/../etc' } }), vol({ name: 'v', hostPath: { path: '/var/..etc' } }),
  'spec.volumes[0].hostPath.path');
const items = (it: Json): Edit => vol({ name: 'v', configMap: { name: 'conf', items: [it] } });
c('volumes.ts: key is missing', pod, items({ path: 'a' }), items({ key: 'a', path: 'a' }), 'spec.volumes[0].configMap.items[0].key');
c('volumes.ts: path is missing', pod, items({ key: 'a' }), items({ key: 'a', path: 'a' }), 'spec.volumes[0].configMap.items[0].path');
c('volumes.ts: … is an absolute path', pod, items({ key: 'a', path: '/a' }), items({ key: 'a', path: 'a/b' }), 'spec.volumes[0].configMap.items[0].path');
c("volumes.ts: … contains '..', which", pod, items({ key: 'a', path: '../a' }), items({ key: 'a', path: 'a..b' }), 'spec.volumes[0].configMap.items[0].path');
c("volumes.ts: … starts with '..'", pod, items({ key: 'a', path: '..a' }), items({ key: 'a', path: 'a..' }), 'spec.volumes[0].configMap.items[0].path');
const data = { name: 'data', emptyDir: {} };
c('volumes.ts: the mount names no volume', pod, vol(data, [{ mountPath: '/d' }]), vol(data, [{ name: 'data', mountPath: '/d' }]), `${VM}[0].name`);
c('volumes.ts: no volume is named', pod, vol(data, [{ name: 'nope', mountPath: '/d' }]), vol(data, [{ name: 'data', mountPath: '/d' }]), `${VM}[0].name`);
c('volumes.ts: mountPath is missing or empty', pod, vol(data, [{ name: 'data' }]), vol(data, [{ name: 'data', mountPath: '/' }]), `${VM}[0].mountPath`);
c('volumes.ts: mountPath … is relative', pod, vol(data, [{ name: 'data', mountPath: 'd' }]), vol(data, [{ name: 'data', mountPath: '/d' }]), `${VM}[0].mountPath`,
  'the API server does not check it on Linux, but the container runtime refuses a relative mount point, so the container never starts');
c('volumes.ts: two mounts at', pod, vol(data, [{ name: 'data', mountPath: '/d' }, { name: 'data', mountPath: '/d' }]),
  vol(data, [{ name: 'data', mountPath: '/d' }, { name: 'data', mountPath: '/e' }]), `${VM}[1].mountPath`);
c('volumes.ts: two mounts at', pod, vol(data, [{ name: 'data', mountPath: '/d' }, { name: 'data', mountPath: '/d/' }]),
  vol(data, [{ name: 'data', mountPath: '/d' }, { name: 'data', mountPath: '/d/e' }]), `${VM}[1].mountPath`,
  'the API server compares the paths as written; the runtime cleans them and refuses two mounts at one place');
c('volumes.ts: subPathExpr and subPath', pod, vol(data, [{ name: 'data', mountPath: '/d', subPath: 'a', subPathExpr: '$(POD)' }]),
  vol(data, [{ name: 'data', mountPath: '/d', subPathExpr: '$(POD)' }]), `${VM}[0].subPathExpr`);

// ---- workloads.ts
c('workloads.ts: the … has no selector', deploy, ['spec.selector', D], NONE, 'spec.selector');
c("workloads.ts: the …'s selector is empty", deploy, ['spec.selector', {}], NONE, 'spec.selector');
c('workloads.ts: the selector does not match', deploy, ['spec.template.metadata.labels', { app: 'other' }], ['spec.template.metadata.labels', { app: 'web', tier: 'other' }],
  'spec.template.metadata.labels');
c('workloads.ts: the Deployment has no spec', deploy, ['spec', D], NONE, 'spec');
c('workloads.ts: progressDeadlineSeconds', deploy, [['spec.progressDeadlineSeconds', 10], ['spec.minReadySeconds', 10]],
  [['spec.progressDeadlineSeconds', 10], ['spec.minReadySeconds', 9]], 'spec.progressDeadlineSeconds');
c('workloads.ts: progressDeadlineSeconds', deploy, ['spec.minReadySeconds', 600], ['spec.minReadySeconds', 599], 'spec.progressDeadlineSeconds');
c('workloads.ts: progressDeadlineSeconds', deploy, ['spec.progressDeadlineSeconds', 0], ['spec.progressDeadlineSeconds', 1], 'spec.progressDeadlineSeconds');
c("workloads.ts: rollingUpdate may not be set when the strategy type is 'Recreate'", deploy, ['spec.strategy', { type: 'Recreate', rollingUpdate: {} }],
  ['spec.strategy', { type: 'RollingUpdate', rollingUpdate: {} }], `${RU}`);
c('workloads.ts: maxUnavailable and maxSurge are both 0', deploy, [RU, { maxUnavailable: 0, maxSurge: 0 }], [RU, { maxUnavailable: 0, maxSurge: '1%' }], `${RU}.maxUnavailable`);
c('workloads.ts: the StatefulSet has no spec', sts, ['spec', D], NONE, 'spec');
c("workloads.ts: rollingUpdate may not be set when the updateStrategy type is 'OnDelete'", sts, ['spec.updateStrategy', { type: 'OnDelete', rollingUpdate: { partition: 1 } }],
  ['spec.updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: 1 } }], 'spec.updateStrategy.rollingUpdate');
c('workloads.ts: maxUnavailable 0 would never update a pod', sts, ['spec.updateStrategy', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } }],
  ['spec.updateStrategy', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } }], 'spec.updateStrategy.rollingUpdate.maxUnavailable',
  'maxUnavailable is alpha (MaxUnavailableStatefulSet): a server without the gate drops it, one with the gate refuses 0; nowhere does 0 work');
c('workloads.ts: the volume claim template has no name', sts, ['spec.volumeClaimTemplates', [{ spec: pvc().spec }]],
  ['spec.volumeClaimTemplates', [{ metadata: { name: 'data' }, spec: pvc().spec }]],
  'spec.volumeClaimTemplates[0].metadata.name',
  { serverField: { field: 'spec.template.spec.volumes[0].name', why: 'the server checks the pod volume it makes from each claim template' } });

// ---- More callers of the shared checks (enums.ts, names.ts, values.ts, quantity.ts, int-or-percent.ts)
const ENUM = 'enums.ts';
const FORMAT = 'names.ts: … … is not a valid';
const RANGE = 'values.ts: … … is out of range';
const TS = 'spec.template.spec';
c(FORMAT, pvc, ['spec.storageClassName', 'Fast_SSD'], ['spec.storageClassName', 'fast.ssd'], 'spec.storageClassName');
c(FORMAT, pvc, ['spec.volumeName', 'PV_1'], ['spec.volumeName', 'pv.1'], 'spec.volumeName',
  'no PersistentVolume can be named this (a DNS-1123 subdomain), so the claim never binds');
c(FORMAT, pod, ['spec.hostname', 'Web'], ['spec.hostname', 'web-1'], 'spec.hostname');
c(FORMAT, pod, ['spec.subdomain', 'a.b'], ['spec.subdomain', 'a-b'], 'spec.subdomain');
c(FORMAT, deploy, [`${TS}.priorityClassName`, 'High'], [`${TS}.priorityClassName`, 'high.p'], `${TS}.priorityClassName`);
c(FORMAT, deploy, [`${TS}.serviceAccountName`, 'My_SA'], [`${TS}.serviceAccountName`, 'my.sa'], `${TS}.serviceAccountName`);
c(FORMAT, pod, ['spec.imagePullSecrets', [{ name: 'Regcred' }]], ['spec.imagePullSecrets', [{ name: 'regcred.v1' }]], 'spec.imagePullSecrets[0].name',
  'no Secret can be named this (Secret names are DNS-1123 subdomains), so pulls from the private registry never authenticate');
c(FORMAT, sa, ['secrets', [{ name: 'A_B' }]], ['secrets', [{ name: 'a.b' }]], 'secrets[0].name', 'no Secret can be named this (Secret names are DNS-1123 subdomains)');
c(FORMAT, sa, ['imagePullSecrets', [{ name: 'A_B' }]], ['imagePullSecrets', [{ name: 'a.b' }]], 'imagePullSecrets[0].name',
  'no Secret can be named this (Secret names are DNS-1123 subdomains), so pulls from the private registry never authenticate');
c(FORMAT, svc, ['spec', { type: 'ExternalName', externalName: 'db_1.example.com' }], ['spec', { type: 'ExternalName', externalName: 'db-1.example.com' }], 'spec.externalName');
c(FORMAT, svc, [`${SP}[0].appProtocol`, 'a b'], [`${SP}[0].appProtocol`, 'kubernetes.io/h2c'], `${SP}[0].appProtocol`);
c(FORMAT, svc, [`${SP}[0].name`, 'HTTP'], [`${SP}[0].name`, 'http-1'], `${SP}[0].name`);
c(FORMAT, ingress, ['spec.ingressClassName', 'Traefik'], ['spec.ingressClassName', 'traefik.v2'], 'spec.ingressClassName');
c(FORMAT, ingress, ['spec.tls', [{ hosts: ['www.example.com'], secretName: 'TLS' }]], ['spec.tls', [{ hosts: ['www.example.com'], secretName: 'tls.v1' }]],
  'spec.tls[0].secretName');
c(FORMAT, ingress, ['spec.tls', [{ hosts: ['www_example.com'] }]], ['spec.tls', [{ hosts: ['*.example.com'] }]], 'spec.tls[0].hosts[0]');
c(FORMAT, ingress, ['spec.defaultBackend', { service: { name: '1web', port: { number: 80 } } }], ['spec.defaultBackend', { service: { name: 'web1', port: { number: 80 } } }],
  'spec.defaultBackend.service.name');
c(FORMAT, ingress, [`${PATH0}.backend.service.port`, { name: 'HTTP_' }], [`${PATH0}.backend.service.port`, { name: 'http' }], `${PATH0}.backend.service.port.name`);
c(FORMAT, ingress, resourceBackend({ kind: 'StorageBucket', name: 'a/b' }), resourceBackend({ kind: 'StorageBucket', name: 'a.b' }), `${PATH0}.backend.resource.name`);
c(FORMAT, ingress, ['spec.tls', [{ hosts: [''] }]], ['spec.tls', [{ hosts: ['10.0.0.1'] }]], 'spec.tls[0].hosts[0]');
c(FORMAT, pod, anti(REQ, { ...affinityTerm, namespaces: ['Shop'] }), anti(REQ, { ...affinityTerm, namespaces: ['shop'] }), `spec.affinity.podAntiAffinity.${REQ}[0].namespaces[0]`,
  { serverField: { field: `spec.affinity.podAntiAffinity.${REQ}[0].namespace`, why: 'the server writes the path as `namespace`, without the list and its index' } });
c(FORMAT, pod, anti(REQ, { ...affinityTerm, topologyKey: 'a b' }), anti(REQ, { ...affinityTerm, topologyKey: 'example.com/zone' }),
  `spec.affinity.podAntiAffinity.${REQ}[0].topologyKey`);
c(FORMAT, pod, spread({ ...tsc, matchLabelKeys: ['a b'] }), spread({ ...tsc, matchLabelKeys: ['app.kubernetes.io/version'] }),
  'spec.topologySpreadConstraints[0].matchLabelKeys[0]');
c(FORMAT, pod, tol({ key: 'k', operator: 'Equal', value: 'a b' }), tol({ key: 'k', operator: 'Equal', value: 'a_b' }), 'spec.tolerations[0].operator');
c(FORMAT, pod, ['spec.volumes', [{ name: 'Data', emptyDir: {} }]], ['spec.volumes', [{ name: 'data-1', emptyDir: {} }]], 'spec.volumes[0].name');
c(FORMAT, pod, [`${C}.envFrom`, [{ prefix: 'A=', configMapRef: { name: 'conf' } }]], [`${C}.envFrom`, [{ prefix: '1A.', configMapRef: { name: 'conf' } }]],
  `${C}.envFrom[0].prefix`);
c(FORMAT, pod, [`${C}.env`, [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'conf', key: 'a b' } } }]],
  [`${C}.env`, [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'conf', key: 'a_b.c' } } }]], `${C}.env[0].valueFrom.configMapKeyRef.key`);
c(FORMAT, hpa, ['spec.scaleTargetRef.name', 'web/1'], ['spec.scaleTargetRef.name', 'Web_1'], 'spec.scaleTargetRef.name');
c(FORMAT, hpa, ['spec.metrics', podsMetric({ type: 'AverageValue', averageValue: '10' }).map((m: Json) => ({ ...m, pods: { ...m.pods, metric: { name: 'a%b' } } }))],
  ['spec.metrics', podsMetric({ type: 'AverageValue', averageValue: '10' }).map((m: Json) => ({ ...m, pods: { ...m.pods, metric: { name: 'A_b:c' } } }))], `${M}.pods.metric.name`);
c(FORMAT, netpol, [P0, { port: 'HTTP_' }], [P0, { port: 'http' }], `${P0}.port`);
c(FORMAT, sts, ['spec.serviceName', 'Db'], ['spec.serviceName', 'db-1'], 'spec.serviceName');
c(FORMAT, cron, ['spec.jobTemplate.metadata', { labels: { a: 'b c' } }], ['spec.jobTemplate.metadata', { labels: { a: 'b_c' } }], 'spec.jobTemplate.metadata.labels[a]',
  'the API server does not check the job template labels, but the CronJob controller copies them to every Job, which the API server then refuses');
c(ENUM, pod, ['spec.restartPolicy', 'always'], ['spec.restartPolicy', 'OnFailure'], 'spec.restartPolicy');
c(ENUM, pod, [`${C}.terminationMessagePolicy`, 'file'], [`${C}.terminationMessagePolicy`, 'FallbackToLogsOnError'], `${C}.terminationMessagePolicy`);
c(ENUM, pod, [`${C}.env`, [{ name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.gpu' } } }]],
  [`${C}.env`, [{ name: 'A', valueFrom: { resourceFieldRef: { resource: 'requests.ephemeral-storage' } } }]],
  `${C}.env[0].valueFrom.resourceFieldRef.resource`);
c(ENUM, pod, vol({ name: 'v', emptyDir: { medium: 'memory' } }), vol({ name: 'v', emptyDir: { medium: 'HugePages' } }), 'spec.volumes[0].emptyDir.medium',
  'the API server accepts any medium, but the kubelet knows only "", Memory and HugePages, so the volume is never set up');
c(ENUM, pod, vol(data, [{ name: 'data', mountPath: '/d', mountPropagation: 'Private' }]), vol(data, [{ name: 'data', mountPath: '/d', mountPropagation: 'HostToContainer' }]),
  `${VM}[0].mountPropagation`,
  { serverField: { field: `${C}.volumeMounts.mountPropagation`, why: 'the server writes the path without the index of the mount' } });
c(ENUM, pod, spread({ ...tsc, nodeAffinityPolicy: 'honor' }), spread({ ...tsc, nodeAffinityPolicy: 'Ignore' }), 'spec.topologySpreadConstraints[0].nodeAffinityPolicy');
c(ENUM, pod, tol({ key: 'k', operator: 'Exists', effect: 'NoExecution' }), tol({ key: 'k', operator: 'Exists', effect: 'PreferNoSchedule' }), 'spec.tolerations[0].effect');
c(ENUM, pod, tol({ key: 'k', operator: 'Exist' }), tol({ key: 'k', operator: 'Exists' }), 'spec.tolerations[0].operator');
c(ENUM, pod, tol({ key: 'k', operator: 'equal', value: 'v' }), tol({ key: 'k', operator: '', value: 'v', effect: '' }), 'spec.tolerations[0].operator');
c(ENUM, pod, [`${C}.readinessProbe`, { httpGet: { port: 8080, scheme: 'https' } }], [`${C}.readinessProbe`, { httpGet: { port: 8080, scheme: 'HTTPS' } }],
  `${C}.readinessProbe.httpGet.scheme`);
c(ENUM, pod, [`${C}.ports`, [{ containerPort: 80, protocol: 'tcp' }]], [`${C}.ports`, [{ containerPort: 80, protocol: 'SCTP' }]], `${C}.ports[0].protocol`);
c(ENUM, svc, ['spec.sessionAffinity', 'clientIP'], ['spec.sessionAffinity', 'ClientIP'], 'spec.sessionAffinity');
c(ENUM, svc, ['spec.internalTrafficPolicy', 'local'], ['spec.internalTrafficPolicy', 'Local'], 'spec.internalTrafficPolicy');
c(ENUM, svc, [['spec.type', 'NodePort'], ['spec.externalTrafficPolicy', 'local']], [['spec.type', 'NodePort'], ['spec.externalTrafficPolicy', 'Local']],
  'spec.externalTrafficPolicy');
c(ENUM, pvc, ['spec.volumeMode', 'block'], ['spec.volumeMode', 'Block'], 'spec.volumeMode');
c(ENUM, netpol, [P0, { port: 80, protocol: 'tcp' }], [P0, { port: 80, protocol: 'UDP' }], `${P0}.protocol`);
c(ENUM, netpol, ['spec.policyTypes', ['ingress']], ['spec.policyTypes', ['Egress']], 'spec.policyTypes[0]');
c(ENUM, job, ['spec.completionMode', 'indexed'], ['spec.completionMode', 'NonIndexed'], 'spec.completionMode');
c(ENUM, cron, ['spec.concurrencyPolicy', 'forbid'], ['spec.concurrencyPolicy', 'Replace'], 'spec.concurrencyPolicy');
c(ENUM, sts, ['spec.podManagementPolicy', 'parallel'], ['spec.podManagementPolicy', 'Parallel'], 'spec.podManagementPolicy');
c(ENUM, sts, ['spec.updateStrategy', { type: 'Ondelete' }], ['spec.updateStrategy', { type: 'OnDelete' }], 'spec.updateStrategy');
c(ENUM, sts, ['spec.persistentVolumeClaimRetentionPolicy', { whenDeleted: 'delete' }],
  ['spec.persistentVolumeClaimRetentionPolicy', { whenDeleted: 'Delete', whenScaled: 'Retain' }], 'spec.persistentVolumeClaimRetentionPolicy.whenDeleted');
c(ENUM, hpa, ['spec.behavior', { scaleUp: { selectPolicy: 'max' } }], ['spec.behavior', { scaleUp: { selectPolicy: 'Disabled' } }], 'spec.behavior.scaleUp.selectPolicy');
c(ENUM, hpa, ['spec.behavior', { scaleUp: { policies: [{ ...policy, type: 'pods' }] } }], ['spec.behavior', { scaleUp: { policies: [{ ...policy, type: 'Percent' }] } }],
  'spec.behavior.scaleUp.policies[0].type');
c(ENUM, hpa, [`${M}.resource.target.type`, 'utilization'], NONE, `${M}.resource.target.type`);
c(ENUM, hpa, [`${M}.type`, 'resource'], NONE, `${M}.type`);
c(ENUM, ingress, [`${PATH0}.pathType`, 'prefix'], [`${PATH0}.pathType`, 'ImplementationSpecific'], `${PATH0}.pathType`);
c(RANGE, pod, [`${C}.ports`, [{ containerPort: 80, hostPort: 65536 }]], [`${C}.ports`, [{ containerPort: 80, hostPort: 65535 }]], `${C}.ports[0].hostPort`);
c(RANGE, pod, [`${C}.ports`, [{ containerPort: 65536 }]], [`${C}.ports`, [{ containerPort: 65535 }]], `${C}.ports[0].containerPort`);
c(RANGE, pod, [`${C}.readinessProbe`, { ...exec, timeoutSeconds: -1 }], [`${C}.readinessProbe`, { ...exec, timeoutSeconds: 0 }], `${C}.readinessProbe.timeoutSeconds`);
c(RANGE, pod, [`${C}.livenessProbe`, { ...exec, terminationGracePeriodSeconds: 0 }], [`${C}.livenessProbe`, { ...exec, terminationGracePeriodSeconds: 1 }],
  `${C}.livenessProbe.terminationGracePeriodSeconds`);
c(RANGE, pod, ['spec.securityContext', { fsGroup: -1 }], ['spec.securityContext', { fsGroup: 0 }], 'spec.securityContext.fsGroup');
c(RANGE, pod, ['spec.securityContext', { supplementalGroups: [-1] }], ['spec.securityContext', { supplementalGroups: [0] }], 'spec.securityContext.supplementalGroups[0]');
c(RANGE, pod, [`${C}.securityContext`, { runAsGroup: -1 }], [`${C}.securityContext`, { runAsGroup: 0 }], `${C}.securityContext.runAsGroup`);
c(RANGE, pod, ['spec.activeDeadlineSeconds', 0], ['spec.activeDeadlineSeconds', 1], 'spec.activeDeadlineSeconds');
c(RANGE, pod, items({ key: 'a', path: 'a', mode: 512 }), items({ key: 'a', path: 'a', mode: 511 }), 'spec.volumes[0].configMap.items[0].mode');
c(RANGE, pod, preferred({ preference: zoneTerm, weight: 101 }), preferred({ preference: zoneTerm, weight: 100 }),
  'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight');
c(RANGE, pod, spread({ ...tsc, minDomains: 0 }), spread({ ...tsc, minDomains: 1 }), 'spec.topologySpreadConstraints[0].minDomains');
c(RANGE, deploy, ['spec.revisionHistoryLimit', -1], ['spec.revisionHistoryLimit', 0], 'spec.revisionHistoryLimit');
c(RANGE, deploy, ['spec.minReadySeconds', -1], ['spec.minReadySeconds', 0], 'spec.minReadySeconds');
c(RANGE, sts, ['spec.updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: -1 } }],
  ['spec.updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }], 'spec.updateStrategy.rollingUpdate.partition');
c(RANGE, job, ['spec.parallelism', -1], ['spec.parallelism', 0], 'spec.parallelism');
c(RANGE, job, ['spec.ttlSecondsAfterFinished', -1], ['spec.ttlSecondsAfterFinished', 0], 'spec.ttlSecondsAfterFinished');
c(RANGE, cron, ['spec.startingDeadlineSeconds', -1], ['spec.startingDeadlineSeconds', 0], 'spec.startingDeadlineSeconds');
c(RANGE, cron, ['spec.successfulJobsHistoryLimit', -1], ['spec.successfulJobsHistoryLimit', 0], 'spec.successfulJobsHistoryLimit');
c(RANGE, hpa, ['spec.behavior', { scaleUp: { policies: [{ ...policy, periodSeconds: 1801 }] } }],
  ['spec.behavior', { scaleUp: { policies: [{ ...policy, periodSeconds: 1800 }] } }], 'spec.behavior.scaleUp.policies[0].periodSeconds');
c(RANGE, hpa, ['spec.behavior', { scaleUp: { policies: [{ ...policy, value: 0 }] } }], ['spec.behavior', { scaleUp: { policies: [{ ...policy, value: 1 }] } }],
  'spec.behavior.scaleUp.policies[0].value');
c(RANGE, hpa, [`${M}.resource.target.averageUtilization`, 0], [`${M}.resource.target.averageUtilization`, 1], `${M}.resource.target.averageUtilization`);
c(RANGE, netpol, [P0, { port: 80, endPort: 65536 }], [P0, { port: 80, endPort: 65535 }], `${P0}.endPort`);
c(RANGE, ingress, [`${PATH0}.backend.service.port`, { number: 65536 }], [`${PATH0}.backend.service.port`, { number: 65535 }], `${PATH0}.backend.service.port.number`);
c(RANGE, svc, [SP, [{ port: 65536 }]], [SP, [{ port: 65535 }]], `${SP}[0].port`);
c('quantity.ts: … … is not a Kubernetes quantity', pod, vol({ name: 'v', emptyDir: { sizeLimit: '1 Gi' } }), vol({ name: 'v', emptyDir: { sizeLimit: '1Gi' } }),
  'spec.volumes[0].emptyDir.sizeLimit');
c('quantity.ts: … … is not greater than zero', hpa, [`${M}.resource.target`, { type: 'AverageValue', averageValue: '0' }],
  [`${M}.resource.target`, { type: 'AverageValue', averageValue: '1m' }], `${M}.resource.target.averageValue`);
c('quantity.ts: … … is negative', pod, vol({ name: 'v', emptyDir: { sizeLimit: '-1Gi' } }), vol({ name: 'v', emptyDir: { sizeLimit: '0' } }), 'spec.volumes[0].emptyDir.sizeLimit');
c('int-or-percent.ts: … … is negative', pdb, [['spec.maxUnavailable', D], ['spec.minAvailable', -1]], [['spec.maxUnavailable', D], ['spec.minAvailable', 0]], 'spec.minAvailable');
c('int-or-percent.ts: … … is neither', pdb, ['spec.maxUnavailable', 'one'], ['spec.maxUnavailable', '0%'], 'spec.maxUnavailable');

/**
 * Rules the API server cannot be asked about, and why. Each still has unit tests under
 * test/validation/.
 */
export const NOT_ASKED: Record<string, string> = {
  [ruleFor('index.ts: kubernetesVersion').id]: 'about the option passed to validateObject, not about an object',
  [ruleFor('index.ts: the validator failed').id]: 'reports a bug in the validator itself',
  [ruleFor('index.ts: the manifest is').id]: 'a document that is not an object never reaches the API server (kubectl refuses to decode it)',
  [ruleFor('index.ts: apiVersion').id]: 'without apiVersion there is no API endpoint to send the object to (kubectl refuses it)',
  [ruleFor('index.ts: kind').id]: 'without kind there is no API endpoint to send the object to (kubectl refuses it)',
  [ruleFor('index.ts: a List nested').id]: 'kubectl expands Lists on the client; the API server never sees one',
  [ruleFor('batch.ts: schedule … is not a string').id]: 'reported only by the validateCronSchedule helper; validateObject reports a non-string schedule through values.ts',
  [ruleFor('handlers.ts: the sleep hook does not exist').id]: 'a rule of Kubernetes before 1.30 only; the oracle runs 1.34, which accepts sleep hooks',
  [ruleFor('handlers.ts: the sleep hook has no seconds').id]: 'a rule of Kubernetes before 1.33 only (a sleep of 0 seconds is allowed from 1.33); the oracle runs 1.34',
  [ruleFor('service.ts: a LoadBalancer may not expose port').id]: 'not a rule of the 1.34 API server, which accepts a LoadBalancer on port 10250; kept for older versions',
};

/** How a rule was brought into agreement with the API server. */
export type Resolution = 'fixed' | 'by version' | 'judgement' | 'derived field';

/**
 * The disagreements the oracle found, as data: what the API server does, and what the rule does
 * to agree. Each is pinned by the cases above and by a unit test under test/validation/.
 */
export const DISAGREEMENTS: ReadonlyArray<{ readonly rule: Rule; readonly server: string; readonly resolution: Resolution; readonly ours: string }> = [
  ['batch.ts: an Indexed Job needs completions', 'SetDefaults_Job sets completions and parallelism to 1 when neither is given', 'fixed',
    'completions is required only beside a parallelism'],
  ['batch.ts: parallelism … is above', 'the 100000 limit of an Indexed Job applies to parallelism, not completions', 'fixed', 'the limit applies to spec.parallelism'],
  ['config.ts: key … is also set in', 'a key in both data and binaryData is reported on data', 'fixed', 'reported on data[key]'],
  ['enums.ts', 'an unknown Deployment strategy type is reported on the strategy', 'fixed', 'reported on spec.strategy'],
  ['handlers.ts: sleep …s is longer', 'a sleep hook longer than the grace period is reported on the sleep action', 'fixed', 'reported on …preStop.sleep'],
  ['handlers.ts: sleep …s is below', 'a sleep of 0 seconds (or none) is allowed from 1.33; a negative one is reported on the sleep action', 'by version',
    'minimum 0 from 1.33, 1 before, reported on …preStop.sleep'],
  ['network.ts: the backend port sets both', 'a backend port with both or neither of name and number is reported on the backend', 'fixed', 'reported on the backend'],
  ['pod.ts: container name … is already used', 'a container named like an init container is reported on the init container', 'fixed', 'reported on the init container'],
  ['storage.ts: the claim requests no storage size', 'the storage request of a claim is named resources[storage]', 'fixed',
    'reported on spec.resources[storage], also for a size of 0'],
  ['scheduling.ts: topologySpreadConstraints[…] repeats', 'a repeated spread constraint is reported on the first one, as {topologyKey, whenUnsatisfiable}', 'fixed',
    'reported on [first].{topologyKey, whenUnsatisfiable}'],
  ["scheduling.ts: value must be empty when operator is 'Exists'", 'a toleration value with operator Exists is reported on the operator', 'fixed', 'reported on the operator'],
  ['scheduling.ts: operator … compares integers', 'a Gt or Lt node selector needs one value, of any form', 'judgement',
    'one value is the API rule; a non-integer value is a judgement (the term never matches)'],
  ['service.ts: nodePort … is already used', 'the node port allocator shares a node port only between protocols of one port number', 'fixed', 'the same'],
  ['service.ts: sessionAffinityConfig may only be set', 'without ClientIP affinity the config is dropped, not refused', 'judgement', 'a judgement: the timeout never applies'],
  ['service.ts: a LoadBalancer may not expose port', 'the 1.34 server accepts a LoadBalancer on port 10250', 'by version', 'refused before 1.34 only'],
  ["volumes.ts: … starts with '..'", "an item path may not start with '..' (validateLocalNonReservedPath)", 'fixed', 'the same'],
  ['workloads.ts: the selector does not match', 'a selector that misses the template labels is reported on spec.template.metadata.labels', 'fixed', 'the same'],
  ['workloads.ts: progressDeadlineSeconds', 'a deadline not above minReadySeconds is reported on progressDeadlineSeconds, also when defaulted', 'fixed', 'the same'],
  ['workloads.ts: maxUnavailable 0 would never update a pod', 'without its alpha gate the StatefulSet maxUnavailable field is dropped', 'judgement',
    'a judgement: 0 works nowhere'],
  ['container.ts: fieldPath … is not supported', 'env may read status.hostIPs from 1.29', 'by version', 'allowed from 1.29'],
  ['container.ts: … may not be set on an init container', 'a sidecar (an init container with restartPolicy: Always) may have probes from 1.29', 'by version',
    'allowed on sidecars from 1.29'],
  ['container.ts: lifecycle may not be set on an init container', 'a sidecar may have lifecycle hooks from 1.29', 'by version', 'allowed on sidecars from 1.29'],
  ['pdb.ts: the PodDisruptionBudget has no spec', 'a PodDisruptionBudget without a spec is accepted', 'judgement', 'a judgement: it protects nothing'],
  ['values.ts: … … is out of range', 'a negative terminationGracePeriodSeconds is accepted', 'judgement', 'a judgement: no graceful shutdown'],
  ['volumes.ts: two mounts at', "mount paths are compared as written ('/d' and '/d/' differ)", 'judgement', 'a judgement: the runtime refuses two mounts at one place'],
  ['names.ts: … … is not a valid',
    'secret and claim names in volumes, image pull secret names, the volumeName of a claim and the labels of a CronJob job template are not checked', 'judgement',
      'judgements: no such object can exist, or the controller cannot create its Jobs'],
  ['names.ts: … … is not a valid', 'a malformed toleration value is reported on the operator', 'fixed', 'reported on the operator'],
  ['names.ts: … … is not a valid',
    'the namespaces of a pod affinity term are reported as `<term>.namespace`, and a mount propagation as `volumeMounts.mountPropagation`, without list indices',
      'derived field', 'we name the list entry'],
  ['enums.ts', 'an unknown StatefulSet updateStrategy type is reported on the updateStrategy', 'fixed', 'reported on spec.updateStrategy'],
  ['enums.ts', 'an emptyDir medium is not checked', 'judgement', 'a judgement: the kubelet cannot set up the volume'],
  ['metadata.ts: name … is … characters long', 'a Job name over 63 characters is refused on spec.template.labels, the job-name label made from it', 'derived field',
    'we name metadata.name, the field the user wrote'],
  ["service.ts: clusterIP 'None'", 'clusterIP None on a NodePort Service is refused on spec.clusterIPs[0], filled from clusterIP', 'derived field', 'we name spec.clusterIP'],
  ['workloads.ts: the volume claim template has no name', 'a claim template without a name is refused on the pod volume made from it', 'derived field',
    'we name the claim template'],
].map(([rule, server, resolution, ours]) => ({ rule: ruleFor(rule), server, resolution: resolution as Resolution, ours }));

/** Checks the API server does not have, so lib/validation has no such rule (a test sees that it stays gone). */
export const REMOVED_RULES: ReadonlyArray<{ readonly rule: string; readonly why: string }> = [
  { rule: 'network.ts: the NetworkPolicy has no spec', why: 'a missing spec is the empty podSelector (every pod)' },
  { rule: 'network.ts: podSelector is missing', why: 'a missing podSelector selects every pod of the namespace' },
  { rule: 'volumes.ts: the volume has no source', why: 'SetDefaults_Volume makes a volume without a source an emptyDir' },
  { rule: 'pod.ts: schedulerName as a DNS-1123 subdomain (a call of names.ts)', why: 'any schedulerName is accepted' },
];
