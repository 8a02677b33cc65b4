import { validateLifecycle, validateObject, validateProbe } from '../../lib/validation';
import { checkLifecycle, checkProbe } from '../../lib/validation/handlers';
import { deployment, DELETE, expectClean, expectOne, withField } from './helpers';

const C = 'spec.template.spec.containers[0]';
const set = (path: string, value: unknown): any => withField(deployment(), `${C}.${path}`, value);

describe('probes (validateProbe)', () => {
  const probe = (p: unknown, kind = 'readinessProbe'): any => set(kind, p);
  test('exactly one handler', () => {
    expectClean(probe({ httpGet: { path: '/healthz', port: 'http' } }));
    expectClean(probe({ tcpSocket: { port: 8080 } }));
    expectClean(probe({ exec: { command: ['true'] } }));
    expectClean(probe({ grpc: { port: 9090 } }));
    expectOne(probe({ periodSeconds: 5 }), `${C}.readinessProbe`, /no handler/);
    expectOne(probe({ exec: { command: ['true'] }, tcpSocket: { port: 80 } }), `${C}.readinessProbe`, /more than one handler type: exec and tcpSocket/);
    expectOne(probe({ sleep: { seconds: 1 } }), `${C}.readinessProbe.sleep`, /not a probe handler/);
  });
  test('exec: a non-empty command', () => {
    expectOne(probe({ exec: { command: [] } }), `${C}.readinessProbe.exec.command`, /empty/);
    expectOne(probe({ exec: {} }), `${C}.readinessProbe.exec.command`, /empty/);
    expectOne(probe({ exec: { command: [''] } }), `${C}.readinessProbe.exec.command`, /only empty strings/);
    expectOne(probe({ exec: { command: 'true' } }), `${C}.readinessProbe.exec.command`, /not a list/);
  });
  test('httpGet: port required, number 1-65535 or a declared name; scheme enum; header names', () => {
    expectOne(probe({ httpGet: { path: '/' } }), `${C}.readinessProbe.httpGet.port`, /no port/);
    expectOne(probe({ httpGet: { port: 0 } }), `${C}.readinessProbe.httpGet.port`, /out of range/);
    expectOne(probe({ httpGet: { port: 65536 } }), `${C}.readinessProbe.httpGet.port`, /out of range/);
    expectClean(probe({ httpGet: { port: 65535 } }));
    expectOne(probe({ httpGet: { port: 'HTTP' } }), `${C}.readinessProbe.httpGet.port`, /IANA_SVC_NAME/);
    expectOne(probe({ httpGet: { port: 'admin' } }), `${C}.readinessProbe.httpGet.port`, /"admin" is not declared by this container/);
    expectOne(probe({ httpGet: { port: 'http', scheme: 'https' } }), `${C}.readinessProbe.httpGet.scheme`, /not supported/);
    expectClean(probe({ httpGet: { port: 'http', scheme: 'HTTPS', httpHeaders: [{ name: 'X-Probe', value: '1' }] } }));
    expectOne(probe({ httpGet: { port: 'http', httpHeaders: [{ name: 'X Probe', value: '1' }] } }), `${C}.readinessProbe.httpGet.httpHeaders[0].name`, /contains a space/);
    expectOne(probe({ httpGet: { port: 'http', httpHeaders: [{ name: 'X_Probe', value: '1' }] } }), `${C}.readinessProbe.httpGet.httpHeaders[0].name`, /contains "_"/);
  });
  test('grpc: a port number', () => {
    expectOne(probe({ grpc: {} }), `${C}.readinessProbe.grpc.port`, /no port/);
    expectOne(probe({ grpc: { port: 'grpc' } }), `${C}.readinessProbe.grpc.port`, /not a whole number/);
    expectOne(probe({ grpc: { port: 70000 } }), `${C}.readinessProbe.grpc.port`, /out of range/);
  });
  test.each(['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'])('%s ≥ 0', (name) => {
    expectClean(probe({ tcpSocket: { port: 'http' }, [name]: 0 }));
    expectOne(probe({ tcpSocket: { port: 'http' }, [name]: -1 }), `${C}.readinessProbe.${name}`, /out of range/);
    expectOne(probe({ tcpSocket: { port: 'http' }, [name]: '5' }), `${C}.readinessProbe.${name}`, /not a whole number/);
  });
  test('liveness and startup probes: successThreshold 1', () => {
    expectClean(probe({ tcpSocket: { port: 'http' }, successThreshold: 1 }, 'livenessProbe'));
    expectOne(probe({ tcpSocket: { port: 'http' }, successThreshold: 2 }, 'livenessProbe'), `${C}.livenessProbe.successThreshold`, /must be 1/);
    expectOne(probe({ tcpSocket: { port: 'http' }, successThreshold: 2 }, 'startupProbe'), `${C}.startupProbe.successThreshold`, /must be 1/);
    expectClean(probe({ tcpSocket: { port: 'http' }, successThreshold: 2 }, 'readinessProbe'));
  });
  test('probe-level terminationGracePeriodSeconds: > 0, not on readiness', () => {
    expectClean(probe({ tcpSocket: { port: 'http' }, terminationGracePeriodSeconds: 1 }, 'livenessProbe'));
    expectOne(probe({ tcpSocket: { port: 'http' }, terminationGracePeriodSeconds: 0 }, 'livenessProbe'), `${C}.livenessProbe.terminationGracePeriodSeconds`, /out of range/);
    expectOne(probe({ tcpSocket: { port: 'http' }, terminationGracePeriodSeconds: 10 }), `${C}.readinessProbe.terminationGracePeriodSeconds`, /readiness/);
  });
  test('init containers may not have probes or hooks', () => {
    const init = (extra: object): any => withField(deployment(), 'spec.template.spec.initContainers', [{ name: 'init', image: 'busybox:1.36', ...extra }]);
    expectClean(init({}));
    expectOne(init({ readinessProbe: { exec: { command: ['true'] } } }), 'spec.template.spec.initContainers[0].readinessProbe', /init container/);
    expectOne(init({ startupProbe: { exec: { command: ['true'] } } }), 'spec.template.spec.initContainers[0].startupProbe', /init container/);
    expectOne(init({ lifecycle: { preStop: { exec: { command: ['true'] } } } }), 'spec.template.spec.initContainers[0].lifecycle', /init container/);
  });
  test('validateProbe on its own', () => {
    expect(validateProbe({ httpGet: { port: 8080 } })).toEqual([]);
    expect(validateProbe({ httpGet: { port: 8080 }, successThreshold: 3 }, 'livenessProbe').map((f) => f.field)).toEqual(['livenessProbe.successThreshold']);
  });
});

describe('lifecycle hooks (validateLifecycle, 1.27)', () => {
  const hook = (h: unknown): any => set('lifecycle', { preStop: h });
  test('exec or httpGet', () => {
    expectClean(hook({ exec: { command: ['/bin/sh', '-c', 'sleep 20'] } }));
    expectClean(hook({ httpGet: { path: '/drain', port: 'http' } }));
    expectOne(hook({ exec: { command: [] } }), `${C}.lifecycle.preStop.exec.command`, /empty/);
    expectOne(hook({}), `${C}.lifecycle.preStop`, /no handler/);
    expectOne(hook({ exec: { command: ['x'] }, httpGet: { port: 'http' } }), `${C}.lifecycle.preStop`, /more than one/);
  });
  test('httpGet must target a declared port name', () => {
    expectOne(hook({ httpGet: { path: '/drain', port: 'admin' } }), `${C}.lifecycle.preStop.httpGet.port`, /not declared/);
    expect(validateObject(hook({ httpGet: { path: '/drain', port: 'admin' } }))[0].fix).toContain('"http"');
  });
  test('tcpSocket hooks do nothing; sleep is not in 1.27; grpc is no hook', () => {
    expectOne(hook({ tcpSocket: { port: 8080 } }), `${C}.lifecycle.preStop.tcpSocket`, /not supported as a lifecycle hook/);
    expectOne(hook({ sleep: { seconds: 20 } }), `${C}.lifecycle.preStop.sleep`, /1\.27/);
    expectOne(hook({ grpc: { port: 9090 } }), `${C}.lifecycle.preStop.grpc`, /not a lifecycle hook handler/);
  });
  test('postStart is checked the same way', () => {
    expectOne(set('lifecycle', { postStart: { exec: {} } }), `${C}.lifecycle.postStart.exec.command`, /empty/);
    expect(validateLifecycle({ postStart: { exec: { command: ['x'] } } })).toEqual([]);
  });
  test('unset is fine', () => expectClean(set('lifecycle', DELETE)));
});

describe('handlers: boundaries (mutation tests)', () => {
  const at = (obj: unknown, kubernetesVersion?: string): string[] =>
    validateObject(obj, kubernetesVersion ? { kubernetesVersion } : {}).map((f) => `${f.field}: ${f.problem}`);
  const problems = (findings: Array<{ field: string; problem: string }>): string[] => findings.map((f) => `${f.field}: ${f.problem}`);
  const probe = (p: unknown): string[] => problems(validateProbe(p, 'readinessProbe', 'p'));
  const sleepHook = (sleep: unknown, version: string, grace?: number): string[] => {
    const obj = set('lifecycle', { preStop: { sleep } });
    return at(grace === undefined ? obj : withField(obj, 'spec.template.spec.terminationGracePeriodSeconds', grace), version);
  };

  test('a handler with no known kind stops there (even with a field named "undefined")', () => {
    expect(probe({ undefined: 1 })).toEqual(['p: no handler: set one of exec, httpGet, tcpSocket, grpc']);
    expect(probe({ sleep: { seconds: 1 } })).toEqual(['p.sleep: sleep is not a probe handler']);
  });
  test('a handler that is not an object is reported, and not read further', () => {
    expect(probe({ exec: 'true' })).toEqual(['p.exec: exec is a string ("true"), not an object']);
    expect(probe({ httpGet: 8080 })).toEqual(['p.httpGet: httpGet is a whole number (8080), not an object']);
    expect(problems(validateLifecycle({ preStop: { exec: ['x'] } }))).toEqual(['lifecycle.preStop.exec: exec is a list (a list of 1), not an object']);
  });
  test('a null handler counts as unset', () => {
    expect(probe({ exec: null, httpGet: { port: 8080 } })).toEqual([]);
    expect(probe({ httpGet: { port: 8080 }, grpc: null })).toEqual([]);
    expect(probe({ sleep: null, tcpSocket: { port: 8080 } })).toEqual([]);
    expect(probe({ exec: null })).toEqual(['p: no handler: set one of exec, httpGet, tcpSocket, grpc']);
    expect(probe({ exec: null, sleep: null })).toEqual(['p: no handler: set one of exec, httpGet, tcpSocket, grpc']);
    expect(probe({ exec: { command: ['x'] }, httpGet: null, tcpSocket: { port: 80 } })).toEqual(['p: more than one handler type: exec and tcpSocket']);
    expect(validateProbe({ exec: { command: ['x'] }, httpGet: null, tcpSocket: { port: 80 } })[0].fix).toBe('keep one of exec, tcpSocket');
  });
  test('exec: a null command is empty; each entry is a string', () => {
    expect(probe({ exec: { command: null } })).toEqual(['p.exec.command: the exec command is empty']);
    expect(probe({ exec: { command: 5 } })).toEqual(['p.exec.command: command is a whole number (5), not a list']);
    expect(probe({ exec: { command: ['x', 5] } })).toEqual(['p.exec.command[1]: command[1] 5 is a whole number, not a string']);
    expect(probe({ exec: { command: [7] } })).toEqual(['p.exec.command[0]: command[0] 7 is a whole number, not a string']);
    expect(probe({ exec: { command: ['x', 'y'] } })).toEqual([]);
  });
  test('httpGet: header entries that are not objects are reported or skipped', () => {
    expect(probe({ httpGet: { port: 8080, httpHeaders: [null, { name: 'X-A', value: 'b' }] } })).toEqual([]);
    expect(probe({ httpGet: { port: 8080, httpHeaders: ['X-A'] } })).toEqual(['p.httpGet.httpHeaders[0]: httpHeaders[0] is a string ("X-A"), not an object']);
  });
  test('a null port is a missing port', () => {
    expect(probe({ httpGet: { port: null } })).toEqual(['p.httpGet.port: the handler has no port']);
    expect(probe({ tcpSocket: { port: null } })).toEqual(['p.tcpSocket.port: the handler has no port']);
    expect(probe({ grpc: { port: null } })).toEqual(['p.grpc.port: the grpc probe has no port']);
  });
  test('checkProbe returns the port the handler targets, only when it is valid', () => {
    const portOf = (p: unknown): unknown => checkProbe([], p, 'p', 'readinessProbe');
    expect(portOf({ grpc: { port: 9090 } })).toEqual({ field: 'p.grpc.port', port: 9090 });
    expect(portOf({ grpc: { port: 1 } })).toEqual({ field: 'p.grpc.port', port: 1 });
    expect(portOf({ grpc: { port: 2 } })).toEqual({ field: 'p.grpc.port', port: 2 });
    expect(portOf({ grpc: { port: 65534 } })).toEqual({ field: 'p.grpc.port', port: 65534 });
    expect(portOf({ grpc: { port: 65535 } })).toEqual({ field: 'p.grpc.port', port: 65535 });
    expect(portOf({ grpc: { port: 0 } })).toBeUndefined();
    expect(portOf({ grpc: { port: -1 } })).toBeUndefined();
    expect(portOf({ grpc: { port: 65536 } })).toBeUndefined();
    expect(portOf({ grpc: { port: 'grpc' } })).toBeUndefined();
    expect(portOf({ grpc: {} })).toBeUndefined();
    expect(portOf({ httpGet: { port: 'http' } })).toEqual({ field: 'p.httpGet.port', port: 'http' });
    expect(portOf({ tcpSocket: { port: 8080 } })).toEqual({ field: 'p.tcpSocket.port', port: 8080 });
    expect(portOf({ httpGet: { port: 0 } })).toBeUndefined();
    expect(portOf({ tcpSocket: { port: '8080' } })).toBeUndefined();
    expect(portOf({ exec: { command: ['x'] } })).toBeUndefined();
    expect(portOf(undefined)).toBeUndefined();
  });
  test('an unset probe is no finding; one that is not an object is one', () => {
    expect(validateProbe(undefined)).toEqual([]);
    expect(validateProbe(null)).toEqual([]);
    expect(problems(validateProbe('x', 'livenessProbe'))).toEqual(['livenessProbe: livenessProbe is a string ("x"), not an object']);
  });
  test('probe-level terminationGracePeriodSeconds: null is unset, even on a readiness probe', () => {
    expect(probe({ tcpSocket: { port: 8080 }, terminationGracePeriodSeconds: null })).toEqual([]);
    expect(problems(validateProbe({ tcpSocket: { port: 8080 }, terminationGracePeriodSeconds: null }, 'livenessProbe'))).toEqual([]);
    expect(probe({ tcpSocket: { port: 8080 }, terminationGracePeriodSeconds: 5 }))
      .toEqual(['p.terminationGracePeriodSeconds: terminationGracePeriodSeconds may not be set on a readiness probe']);
  });
  test('sleep hooks (1.30+): seconds required, at least 1 (0 from 1.33), at most the grace period', () => {
    const S = `${C}.lifecycle.preStop.sleep`;
    expect(sleepHook({ seconds: 5 }, '1.30')).toEqual([]);
    expect(sleepHook({ seconds: 1 }, '1.30')).toEqual([]);
    expect(sleepHook({ seconds: 30 }, '1.30')).toEqual([]);
    expect(sleepHook({ seconds: 10 }, '1.30', 10)).toEqual([]);
    expect(sleepHook({ seconds: 11 }, '1.30', 10)).toEqual([`${S}: sleep 11s is longer than terminationGracePeriodSeconds 10`]);
    expect(sleepHook({ seconds: 31 }, '1.30')).toEqual([`${S}: sleep 31s is longer than terminationGracePeriodSeconds 30`]);
    expect(sleepHook({ seconds: 0 }, '1.30')).toEqual([`${S}: sleep 0s is below 1s`]);
    expect(sleepHook({}, '1.30')).toEqual([`${S}.seconds: the sleep hook has no seconds`]);
    expect(sleepHook({ seconds: null }, '1.30')).toEqual([`${S}.seconds: the sleep hook has no seconds`]);
    expect(sleepHook({ seconds: '5' }, '1.30')).toEqual([`${S}.seconds: seconds "5" is a string, not a whole number`]);
    expect(sleepHook({ seconds: 0 }, '1.33')).toEqual([]);
    expect(sleepHook({ seconds: null }, '1.33')).toEqual([]);
    expect(sleepHook({ seconds: -1 }, '1.33')).toEqual([`${S}: sleep -1s is below 0s`]);
  });
  test('sleep hooks: the fix names at least 1 second, also where 0 is allowed', () => {
    const fix = (seconds: number, version: string): string | undefined =>
      validateObject(set('lifecycle', { preStop: { sleep: { seconds } } }), { kubernetesVersion: version })[0]?.fix;
    expect(fix(-1, '1.33')).toBe('sleep at least 1 second, e.g. seconds: 5');
    expect(fix(0, '1.30')).toBe('sleep at least 1 second, e.g. seconds: 5');
  });
  test('checkLifecycle returns the ports of its handlers', () => {
    expect(checkLifecycle([], undefined, 'l')).toEqual([]);
    expect(checkLifecycle([], { preStop: { exec: { command: ['x'] } } }, 'l')).toEqual([]);
    expect(checkLifecycle([], { postStart: { httpGet: { port: 'http' } }, preStop: { httpGet: { port: 8080 } } }, 'l'))
      .toEqual([{ field: 'l.postStart.httpGet.port', port: 'http' }, { field: 'l.preStop.httpGet.port', port: 8080 }]);
  });
  test('validateLifecycle reports, and accepts an unset lifecycle', () => {
    expect(problems(validateLifecycle({ preStop: { exec: {} } }))).toEqual(['lifecycle.preStop.exec.command: the exec command is empty']);
    expect(problems(validateLifecycle({ preStop: { exec: {} } }, 'hooks'))).toEqual(['hooks.preStop.exec.command: the exec command is empty']);
    expect(validateLifecycle(undefined)).toEqual([]);
    expect(problems(validateLifecycle('x'))).toEqual(['lifecycle: lifecycle is a string ("x"), not an object']);
  });
});
