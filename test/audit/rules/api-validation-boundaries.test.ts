import { audit } from '../../../lib/analysis';
import { shopWith } from '../fixtures';

const container = (get: (kind: string) => any) => get('Deployment').spec.template.spec.containers[0];
const invalidFields = (manifests: any[], kubernetesVersion?: string) =>
  audit(manifests, kubernetesVersion ? { kubernetesVersion } : {}).violations.filter((v) => v.ruleId === 'invalid-field').map((v) => v.field);

test('invalid-field follows the Kubernetes version asked for: a native sleep hook exists from 1.30', () => {
  const sleepHook = shopWith((get) => { container(get).lifecycle.preStop = { sleep: { seconds: 20 } }; });
  expect(invalidFields(sleepHook, '1.27')).toEqual(['spec.template.spec.containers[0].lifecycle.preStop.sleep']);
  expect(invalidFields(sleepHook, '1.30')).toEqual([]);
});

test('invalid-field leaves only the undeclared probe port to probe-port-undeclared; a port out of range stays its own finding', () => {
  const undeclared = shopWith((get) => { container(get).readinessProbe.httpGet.port = 'admin'; });
  expect(invalidFields(undeclared)).toEqual([]);
  const outOfRange = shopWith((get) => { container(get).readinessProbe.httpGet.port = 70000; });
  expect(invalidFields(outOfRange)).toEqual(['spec.template.spec.containers[0].readinessProbe.httpGet.port']);
});

describe('a problem two checks meet is reported exactly once, by its code', () => {
  const APP = 'spec.template.spec.containers[0]';
  const reports = (manifests: any[]) => audit(manifests).violations.map((v) => [v.ruleId, v.field]);

  test.each([
    ['a timing out of range', 'probe-invalid', `${APP}.readinessProbe.periodSeconds`, (c: any) => { c.readinessProbe.periodSeconds = -1; }],
    ['a timing of the wrong type', 'probe-invalid', `${APP}.livenessProbe.timeoutSeconds`, (c: any) => { c.livenessProbe.timeoutSeconds = '5'; }],
    ['successThreshold on a liveness probe', 'probe-invalid', `${APP}.livenessProbe.successThreshold`, (c: any) => { c.livenessProbe.successThreshold = 2; }],
    ['a named probe port the container does not declare', 'probe-port-undeclared', `${APP}.readinessProbe.httpGet.port`,
      (c: any) => { c.readinessProbe.httpGet.port = 'admin'; }],
  ])('%s in an app container: reported by %s only', (_what, rule, field, change) => {
    expect(reports(shopWith((get) => change(container(get))))).toEqual([[rule, field]]);
  });

  test('outside the app containers the container rules do not look, so invalid-field reports it', () => {
    const sidecar = shopWith((get) => {
      get('Deployment').spec.template.spec.initContainers = [{
        name: 'proxy', image: 'envoyproxy/envoy:v1.31.0', restartPolicy: 'Always', readinessProbe: { tcpSocket: { port: 'admin' }, periodSeconds: -1 },
      }];
    });
    expect(audit(sidecar, { kubernetesVersion: '1.29' }).violations.filter((v) => v.field.includes('initContainers')).map((v) => [v.ruleId, v.field])).toEqual([
      ['invalid-field', 'spec.template.spec.initContainers[0].readinessProbe.periodSeconds'],
      ['invalid-field', 'spec.template.spec.initContainers[0].readinessProbe.tcpSocket.port'],
    ]);
  });

  test('with two app containers, a timing problem of either is still probe-invalid\'s alone', () => {
    const two = shopWith((get) => {
      const containers = get('Deployment').spec.template.spec.containers;
      containers.push({ ...structuredClone(containers[0]), name: 'second', ports: [{ name: 'metrics', containerPort: 9090 }] });
      containers[0].readinessProbe.periodSeconds = -1;
    });
    expect(reports(two).filter(([, field]) => field === `${APP}.readinessProbe.periodSeconds`)).toEqual([['probe-invalid', `${APP}.readinessProbe.periodSeconds`]]);
  });

  test('a preStop hook on an undeclared named port has no code: invalid-field reports it', () => {
    const hook = shopWith((get) => { container(get).lifecycle.preStop = { httpGet: { path: '/drain', port: 'admin' } }; });
    expect(reports(hook).filter(([rule]) => rule === 'invalid-field')).toEqual([['invalid-field', `${APP}.lifecycle.preStop.httpGet.port`]]);
  });
});
