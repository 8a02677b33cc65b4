import { preStopSeconds, probeProblems, sameProbe, undeclaredPortProblem } from '../../lib/policy/probes';
import { isCredentialName } from '../../lib/policy/secrets';

const declared = [{ name: 'http', containerPort: 80 }];

test('ports by number or name', () => {
  expect(undeclaredPortProblem(80, declared)).toBeUndefined();
  expect(undeclaredPortProblem('http', declared)).toBeUndefined();
  expect(undeclaredPortProblem(8080, declared)).toMatch(/declared: http \(80\)/);
  expect(undeclaredPortProblem('web', [])).toMatch(/declared: none/);
});

test('probe problems', () => {
  expect(probeProblems('readiness', { httpGet: { port: 80 }, periodSeconds: 5, successThreshold: 3 }, declared)).toEqual([]);
  expect(probeProblems('liveness', { tcpSocket: { port: 81 }, successThreshold: 2, timeoutSeconds: -1 }, declared).map((p) => p.field))
    .toEqual(['tcpSocket.port', 'timeoutSeconds', 'successThreshold']);
  // A v1.34.4 API server accepts 0 for every timing and for a liveness successThreshold: it defaults them
  // (period 10, timeout 1, success 1, failure 3). It refuses -1 ("must be greater than or equal to 0") and a
  // liveness successThreshold of 2 ("must be 1").
  expect(probeProblems('liveness', { tcpSocket: { port: 80 }, periodSeconds: 0, timeoutSeconds: 0, successThreshold: 0, failureThreshold: 0, initialDelaySeconds: 0 },
    declared)).toEqual([]);
  expect(probeProblems('readiness', { tcpSocket: { port: 80 }, initialDelaySeconds: -1 }, declared).map((p) => p.field)).toEqual(['initialDelaySeconds']);
  expect(probeProblems('startup', { tcpSocket: { port: 80 }, successThreshold: 2 }, declared).map((p) => p.field)).toEqual(['successThreshold']);
});

test('identical probes are identical whatever the key order', () => {
  expect(sameProbe({ httpGet: { port: 80, path: '/' }, periodSeconds: 5 }, { periodSeconds: 5, httpGet: { path: '/', port: 80 } })).toBe(true);
  expect(sameProbe({ httpGet: { port: 80 } }, { tcpSocket: { port: 80 } })).toBe(false);
});

test('preStop seconds from native sleep or an exec sleep', () => {
  expect(preStopSeconds({ sleep: { seconds: 15 } })).toBe(15);
  expect(preStopSeconds({ exec: { command: ['/bin/bash', '-c', 'sleep 20'] } })).toBe(20);
  expect(preStopSeconds({ exec: { command: ['/bin/sh', '-c', 'rm /x && sleep 10'] } })).toBe(10);
  expect(preStopSeconds({ exec: { command: ['sleep', '7'] } })).toBe(7);
  expect(preStopSeconds({ httpGet: { path: '/', port: 80 } })).toBeUndefined();
  expect(preStopSeconds(undefined)).toBeUndefined();
});

test('credential names', () => {
  for (const name of ['MYSQL_ROOT_PASSWORD', 'WORDPRESS_DB_PASSWORD', 'API_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'DB_PWD', 'WORDPRESS_AUTH_KEY', 'WORDPRESS_NONCE_SALT',
    'STRIPE_KEY', 'KEY', 'ACCESS_KEY_ID', 'APIKEY']) expect(isCredentialName(name)).toBe(true);
  for (const name of ['MYSQL_DATABASE', 'WORDPRESS_DB_USER', 'PATH', 'HOST', 'KEYCLOAK_URL', 'KEYS_DIR', 'MONKEY_MODE']) expect(isCredentialName(name)).toBe(false);
});
