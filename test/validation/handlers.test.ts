import { validateLifecycle, validateObject, validateProbe } from '../../lib/validation';
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
