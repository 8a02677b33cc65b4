import { preStopSeconds, probePort, probeProblems, resolveNamedPorts, undeclaredPortProblem } from '../../lib/policy/probes';

const declared = [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }];

test('probePort reads httpGet, then tcpSocket, then grpc', () => {
  expect(probePort({ httpGet: { port: 8080 } })).toBe(8080);
  expect(probePort({ tcpSocket: { port: 'http' } })).toBe('http');
  expect(probePort({ grpc: { port: 9000 } })).toBe(9000);
  expect(probePort({ exec: { command: ['true'] } })).toBeUndefined();
});

test('undeclaredPortProblem: any declared port matches, by number or by name', () => {
  expect(undeclaredPortProblem(9090, declared)).toBeUndefined();
  expect(undeclaredPortProblem('metrics', declared)).toBeUndefined();
  expect(undeclaredPortProblem('admin', declared)).toBe('port "admin" is not declared by the container (declared: http (8080), metrics (9090))');
  expect(undeclaredPortProblem(8081, [{ containerPort: 8080 }])).toBe('port 8081 is not declared by the container (declared: 8080)');
  expect(undeclaredPortProblem(80, [])).toBe('port 80 is not declared by the container (declared: none)');
});

test('probeProblems: a probe without a port is not checked against a container without port names', () => {
  expect(probeProblems('readiness', { exec: { command: ['true'] } }, [{ containerPort: 8080 }])).toEqual([]);
  // With only named ports declared, no declared port could stand for a missing one: an exec probe is still not checked.
  expect(probeProblems('readiness', { exec: { command: ['true'] } }, declared)).toEqual([]);
  expect(probeProblems('readiness', { exec: { command: ['true'] } }, [])).toEqual([]);
  expect(probeProblems('liveness', { grpc: { port: 9091 } }, declared).map((p) => p.field)).toEqual(['grpc.port']);
});

test('probeProblems keeps only the timing findings of the shared probe validation', () => {
  // Two handler types are the API server's finding, reported by the validation layer itself.
  expect(probeProblems('readiness', { httpGet: { port: 8080 }, tcpSocket: { port: 8080 } }, declared)).toEqual([]);
  expect(probeProblems('readiness', { httpGet: { port: 8080 }, periodSeconds: -1 }, declared).map((p) => p.field)).toEqual(['periodSeconds']);
});

test('resolveNamedPorts replaces a declared name with its number and keeps numbers and unknown names', () => {
  expect(resolveNamedPorts({ httpGet: { port: 'http', path: '/' } }, declared)).toEqual({ httpGet: { port: 8080, path: '/' } });
  expect(resolveNamedPorts({ tcpSocket: { port: 'admin' } }, declared)).toEqual({ tcpSocket: { port: 'admin' } });
  expect(resolveNamedPorts({ tcpSocket: { port: 9090 } }, declared)).toEqual({ tcpSocket: { port: 9090 } });
  // A missing port stays missing, even when the container declares a port without a name.
  expect(resolveNamedPorts({ httpGet: { path: '/' } }, [{ containerPort: 8080 }])).toEqual({ httpGet: { path: '/', port: undefined } });
});

test('preStopSeconds: the native sleep, else the last sleep of the command, including through sh -c', () => {
  expect(preStopSeconds(undefined)).toBeUndefined();
  expect(preStopSeconds({ sleep: { seconds: 0 } })).toBe(0);
  expect(preStopSeconds({ exec: { command: ['sh', '-c', 'sleep 5 && nginx -s quit && sleep 2'] } })).toBe(2);
  expect(preStopSeconds({ exec: { command: ['/bin/sleep', '7s'] } })).toBe(7);
  expect(preStopSeconds({ exec: { command: ['sh', '-c', 'nginx -s quit'] } })).toBeUndefined();
  expect(preStopSeconds({ httpGet: { port: 8080, path: '/drain' } })).toBeUndefined();
});
