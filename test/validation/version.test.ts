import { validateObject } from '../../lib/validation';
import { parseMinor } from '../../lib/validation/version';
import { deployment, withField } from './helpers';

const C = 'spec.template.spec.containers[0]';
const sleepHook = (seconds: unknown, grace?: number): any => {
  const d = withField(deployment(), `${C}.lifecycle`, { preStop: { sleep: { seconds } } });
  return grace === undefined ? withField(d, 'spec.template.spec.terminationGracePeriodSeconds', 30) : withField(d, 'spec.template.spec.terminationGracePeriodSeconds', grace);
};
const fields = (obj: unknown, kubernetesVersion?: string): string[] => validateObject(obj, kubernetesVersion ? { kubernetesVersion } : {}).map((f) => `${f.field}: ${f.problem}`);

describe('rules that changed after 1.27 follow kubernetesVersion', () => {
  test('lifecycle sleep: refused by 1.27 and 1.29, accepted from 1.30 (validateSleepAction)', () => {
    expect(fields(sleepHook(20))).toEqual([expect.stringMatching(/preStop\.sleep: the sleep hook does not exist in Kubernetes 1\.27/)]);
    expect(fields(sleepHook(20), '1.29')).toHaveLength(1);
    expect(fields(sleepHook(20), '1.30')).toEqual([]);
    expect(fields(sleepHook(20), 'v1.34.1')).toEqual([]);
    expect(fields(sleepHook(30), '1.30')).toEqual([]);
    // validateSleepAction names the sleep action.
    expect(fields(sleepHook(31), '1.30')).toEqual([expect.stringMatching(/preStop\.sleep: sleep 31s is longer than terminationGracePeriodSeconds 30/)]);
    expect(fields(sleepHook(0), '1.30')).toEqual([expect.stringMatching(/preStop\.sleep: sleep 0s is below 1s/)]);
    expect(fields(sleepHook(undefined), '1.32')).toEqual([expect.stringMatching(/sleep\.seconds: the sleep hook has no seconds/)]);
    expect(fields(sleepHook(1.5), '1.34')).toEqual([expect.stringMatching(/sleep\.seconds: .*not a whole number/)]);
  });
  test('lifecycle sleep of 0 seconds: allowed from 1.33 (PodLifecycleSleepActionAllowZero)', () => {
    expect(fields(sleepHook(0), '1.32')).toHaveLength(1);
    expect(fields(sleepHook(0), '1.33')).toEqual([]);
    expect(fields(sleepHook(undefined), '1.33')).toEqual([]);
    expect(fields(sleepHook(-1), '1.34')).toEqual([expect.stringMatching(/preStop\.sleep: sleep -1s is below 0s/)]);
  });
  test('env fieldRef status.hostIPs: from 1.29 (PodHostIPs)', () => {
    const env = withField(deployment(), `${C}.env`, [{ name: 'IPS', valueFrom: { fieldRef: { fieldPath: 'status.hostIPs' } } }]);
    expect(fields(env, '1.28')).toEqual([expect.stringMatching(/fieldPath "status.hostIPs" is not supported/)]);
    expect(fields(env, '1.29')).toEqual([]);
  });
  test('init containers with restartPolicy Always (sidecars) may have probes and hooks: from 1.29 (SidecarContainers)', () => {
    const init = (extra: Record<string, unknown>): any => withField(deployment(), 'spec.template.spec.initContainers',
      [{ name: 'proxy', image: 'envoy:1', readinessProbe: { tcpSocket: { port: 9901 } }, lifecycle: { preStop: { exec: { command: ['true'] } } }, ...extra }]);
    expect(fields(init({ restartPolicy: 'Always' }), '1.28')).toHaveLength(2);
    expect(fields(init({ restartPolicy: 'Always' }), '1.29')).toEqual([]);
    expect(fields(init({}), '1.34')).toEqual([
      expect.stringMatching(/initContainers\[0\]\.readinessProbe: .*init container/),
      expect.stringMatching(/initContainers\[0\]\.lifecycle: .*init container/),
    ]);
    expect(fields(init({ restartPolicy: 'OnFailure' }), '1.34')).toHaveLength(2);
  });
  test('a LoadBalancer on the kubelet port: refused before 1.34 only', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 10250 }] } };
    expect(fields(svc, '1.33')).toEqual([expect.stringMatching(/ports\[0\]\.port: a LoadBalancer may not expose port 10250/)]);
    expect(fields(svc, '1.34')).toEqual([]);
  });
  test('environment variable names: relaxed from 1.32 (IsRelaxedEnvVarName)', () => {
    const env = (name: string): any => withField(deployment(), `${C}.env`, [{ name, value: 'x' }]);
    expect(fields(env('1ST'))).toHaveLength(1);
    expect(fields(env('1ST'), '1.31')).toHaveLength(1);
    expect(fields(env('1ST'), '1.32')).toEqual([]);
    expect(fields(env('A:B'), '1.32')).toEqual([]);
    expect(fields(env('A=B'), '1.32')).toEqual([expect.stringMatching(/contains "="/)]);
    expect(fields(env('ÄB'), '1.34')).toEqual([expect.stringMatching(/contains "Ä"/)]);
  });
  test('an unknown version is a finding, and 1.27 rules apply', () => {
    expect(fields(deployment(), 'latest')).toEqual([expect.stringMatching(/kubernetesVersion "latest" is not a Kubernetes version/)]);
    expect(fields(sleepHook(20), '2.0')).toHaveLength(2);
  });
  test('the version does not leak into the next call', () => {
    validateObject(sleepHook(20), { kubernetesVersion: '1.30' });
    expect(fields(sleepHook(20))).toHaveLength(1);
  });
});

test('parseMinor reads 1.x versions, with or without v, a patch and surrounding space', () => {
  expect(parseMinor('1.30')).toBe(30);
  expect(parseMinor(' v1.34.2 ')).toBe(34);
  expect(parseMinor('2.0')).toBeUndefined();
  expect(parseMinor('latest')).toBeUndefined();
});
