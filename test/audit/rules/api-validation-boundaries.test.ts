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
