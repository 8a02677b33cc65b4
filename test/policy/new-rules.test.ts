import { intOrPercentProblem } from '../../lib/grammar/int-or-percent';
import { resolveNamedPorts, sameProbe } from '../../lib/policy/probes';
import { QosClass, resourceProblems } from '../../lib/policy/qos';
import { rollingUpdateProblems } from '../../lib/policy/rollout';

describe('percentages above 100%', () => {
  test('refused where the API caps them (the default), accepted where it does not', () => {
    expect(intOrPercentProblem('150%')).toMatch(/at most 100%/);
    expect(intOrPercentProblem('150%', false)).toBeUndefined();
    expect(intOrPercentProblem(true as any, false)).toMatch(/whole number or a percentage/);
  });

  test("maxSurge '150%' is a valid rolling update; maxUnavailable '150%' is not", () => {
    expect(rollingUpdateProblems({ replicas: 4, maxSurge: '150%', maxUnavailable: 0 })).toEqual([]);
    expect(rollingUpdateProblems({ replicas: 4, maxSurge: 1, maxUnavailable: '150%' })).toEqual([expect.objectContaining({ field: 'maxUnavailable',
      problem: expect.stringMatching(/at most 100%/) })]);
  });
});

describe('probes compared after resolving named ports', () => {
  const declared = [{ name: 'http', containerPort: 8080 }];
  const timings = { periodSeconds: 10 };

  test('a named port becomes its number; an unknown name and a number stay', () => {
    expect(resolveNamedPorts({ httpGet: { path: '/', port: 'http' } }, declared).httpGet!.port).toBe(8080);
    expect(resolveNamedPorts({ tcpSocket: { port: 'admin' } }, declared).tcpSocket!.port).toBe('admin');
    expect(resolveNamedPorts({ tcpSocket: { port: 9090 } }, declared).tcpSocket!.port).toBe(9090);
  });

  test("port 8080 and port 'http' are the same probe once resolved, and not before", () => {
    const byName = { httpGet: { path: '/healthz', port: 'http' }, ...timings };
    const byNumber = { httpGet: { path: '/healthz', port: 8080 }, ...timings };
    expect(sameProbe(byName, byNumber)).toBe(false);
    expect(sameProbe(resolveNamedPorts(byName, declared), resolveNamedPorts(byNumber, declared))).toBe(true);
    expect(sameProbe(resolveNamedPorts({ tcpSocket: { port: 'http' } }, declared), resolveNamedPorts({ tcpSocket: { port: 8080 } }, declared))).toBe(true);
  });
});

describe('quantities that cannot be what was meant', () => {
  const guaranteed = (cpu: string, memory: string) => resourceProblems({ requests: { cpu, memory }, limits: { cpu, memory } }, QosClass.GUARANTEED);

  test("memory in thousandths of a byte ('256m') is refused with the Mi fix", () => {
    expect(guaranteed('250m', '256m')).toEqual(expect.arrayContaining([{ field: 'requests.memory', problem: "'256m' is 0.256 bytes ('m' means thousandths, not mebibytes)",
      fix: "write '256Mi'" }]));
  });

  test("cpu in millicores ('250m') is fine", () => {
    expect(guaranteed('250m', '256Mi')).toEqual([]);
  });

  test('a negative amount is refused', () => {
    expect(guaranteed('-1', '1Gi')).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'requests.cpu', problem: '"-1" is negative; the API server rejects it',
      fix: 'use a positive amount such as "1"' })]));
  });

  test('an unparsable amount is reported alone, without comparisons built on it', () => {
    expect(guaranteed('lots', '1Gi').map((f) => f.field)).toEqual(['requests.cpu', 'limits.cpu']);
  });
});
