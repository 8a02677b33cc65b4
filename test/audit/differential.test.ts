// The constructs and the audit answer the same question the same way: for each construct refusal below,
// the accepted neighbour of the refused props is synthesized, its YAML is changed into what the refused
// props would have rendered, and the audit, reading that YAML as plain text, must flag the rule named.
import { stringify } from 'yaml';
import { audit, parseManifests } from '../../lib/analysis';
import { ConfigurationError, PreStop, Probe, ZeroDowntimeDeployment, ZeroDowntimeDeploymentProps } from '../../lib';
import { baseProps, Manifest, one, synth } from '../helpers';

interface Case {
  /** Props the construct refuses. */
  readonly refused: Partial<ZeroDowntimeDeploymentProps>;
  /** Props it accepts that render the same objects but for the refused detail. */
  readonly accepted?: Partial<ZeroDowntimeDeploymentProps>;
  /** Turns the accepted YAML into what the refused props describe. */
  readonly render: (all: Manifest[]) => void;
  /** The audit rule that must flag it. */
  readonly rule: string;
}

const container = (all: Manifest[]) => one(all, 'Deployment').spec.template.spec.containers[0];

const CASES: Record<string, Case> = {
  'readiness on the named port, identical liveness on its number': {
    refused: { portName: 'http', readinessProbe: Probe.httpGet({ path: '/healthz', port: 'http' }), livenessProbe: Probe.httpGet({ path: '/healthz', port: 8080 }) },
    accepted: { portName: 'http', readinessProbe: Probe.httpGet({ path: '/healthz', port: 'http' }) },
    render: (all) => { const c = container(all); c.livenessProbe = { ...c.readinessProbe, httpGet: { ...c.readinessProbe.httpGet, port: 8080 } }; },
    rule: 'liveness-equals-readiness',
  },
  'identical liveness and readiness probes': {
    refused: { readinessProbe: Probe.httpGet({ path: '/healthz' }), livenessProbe: Probe.httpGet({ path: '/healthz' }) },
    render: (all) => { const c = container(all); c.livenessProbe = structuredClone(c.readinessProbe); },
    rule: 'liveness-equals-readiness',
  },
  'a probe on a port the container does not declare': {
    refused: { readinessProbe: Probe.httpGet({ path: '/healthz', port: 'metrics' }) },
    render: (all) => { container(all).readinessProbe.httpGet.port = 'metrics'; },
    rule: 'probe-port-undeclared',
  },
  'a grace period no longer than the preStop sleep': {
    refused: { preStop: PreStop.sleep(20), terminationGracePeriodSeconds: 20 },
    accepted: { preStop: PreStop.sleep(20) },
    render: (all) => { one(all, 'Deployment').spec.template.spec.terminationGracePeriodSeconds = 20; },
    rule: 'prestop-not-below-grace',
  },
  'maxSurge 0 with maxUnavailable 0': {
    refused: { rollout: { maxSurge: 0, maxUnavailable: 0 } },
    render: (all) => { one(all, 'Deployment').spec.strategy.rollingUpdate = { maxSurge: 0, maxUnavailable: 0 }; },
    // The API server itself refuses both literally 0, so the audit says it once, as invalid-field.
    rule: 'invalid-field',
  },
  'maxSurge 0 with a maxUnavailable percentage that rounds down to 0': {
    refused: { replicas: 3, rollout: { maxSurge: 0, maxUnavailable: '10%' } },
    accepted: { replicas: 3 },
    render: (all) => { one(all, 'Deployment').spec.strategy.rollingUpdate = { maxSurge: 0, maxUnavailable: '10%' }; },
    rule: 'rolling-update-stalls',
  },
  'a PodDisruptionBudget that allows no eviction': {
    refused: { replicas: 3, disruptionBudget: { minAvailable: 3 } },
    accepted: { replicas: 3 },
    render: (all) => { const pdb = one(all, 'PodDisruptionBudget'); pdb.spec = { selector: pdb.spec.selector, minAvailable: 3 }; },
    rule: 'pdb-blocks-drain',
  },
  'a PodDisruptionBudget that protects nothing': {
    refused: { replicas: 3, disruptionBudget: { maxUnavailable: 3 } },
    accepted: { replicas: 3 },
    render: (all) => { const pdb = one(all, 'PodDisruptionBudget'); pdb.spec = { selector: pdb.spec.selector, maxUnavailable: 3 }; },
    rule: 'pdb-protects-nothing',
  },
  'an image without a pinned tag': {
    refused: { image: 'nginx:latest' },
    render: (all) => { container(all).image = 'nginx:latest'; },
    rule: 'image-not-pinned',
  },
  'a credential as a literal environment value': {
    refused: { env: { DB_PASSWORD: 'hunter2' } },
    render: (all) => { const c = container(all); c.env = [...(c.env ?? []), { name: 'DB_PASSWORD', value: 'hunter2' }]; },
    rule: 'literal-secret-env',
  },
  'an autoscaler whose minimum equals its maximum': {
    refused: { autoscaling: { minReplicas: 3, maxReplicas: 3, cpuUtilization: 70 } },
    accepted: { autoscaling: { minReplicas: 3, maxReplicas: 6, cpuUtilization: 70 } },
    render: (all) => { one(all, 'HorizontalPodAutoscaler').spec.maxReplicas = 3; },
    rule: 'hpa-range',
  },
  'a single replica': {
    refused: { replicas: 1 },
    accepted: { replicas: 2 },
    render: (all) => { one(all, 'Deployment').spec.replicas = 1; },
    rule: 'min-replicas',
  },
};

/** The audit's rule ids for manifests written out as YAML and read back, as the CLI reads a file. */
function auditedRules(all: Manifest[]): string[] {
  const yaml = all.map((m) => stringify(m)).join('---\n');
  return audit(parseManifests(yaml, 'rendered.yaml'), { complete: true }).violations.map((v) => v.ruleId);
}

describe.each(Object.entries(CASES))('%s', (_name, c) => {
  test('the construct refuses the props', () => {
    expect(() => synth((chart) => new ZeroDowntimeDeployment(chart, 'web', baseProps(c.refused)))).toThrow(ConfigurationError);
  });

  test(`the audit flags the same YAML with ${c.rule}, and not the accepted YAML`, () => {
    const accepted = synth((chart) => new ZeroDowntimeDeployment(chart, 'web', baseProps(c.accepted ?? {})));
    expect(auditedRules(accepted)).not.toContain(c.rule);
    c.render(accepted);
    expect(auditedRules(accepted)).toContain(c.rule);
  });
});
