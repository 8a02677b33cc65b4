/**
 * NetworkPolicies enforced for real (kube-router's firewall on each node): a default-deny refuses a
 * connection that worked before it, and an allow rule for one label lets only that client back in.
 */
import { execFileSync } from 'child_process';
import { demoServer, kubectl, kubectlResult } from './kube';

jest.setTimeout(180_000);
const NS = `netpol-${Date.now().toString(36)}`;

const server = demoServer(NS, 'web', 1);

const policy = (name: string, spec: object) => JSON.stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: NS }, spec });

/** Long-running clients, so that each check uses a pod the enforcer already knows. */
const clients = ['frontend', 'other'].map((role) => JSON.stringify({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: `client-${role}`, namespace: NS, labels: { role } },
  spec: {
    containers: [{
      name: 'fortio', image: 'zdc.local/fortio:v1.68.2', imagePullPolicy: 'IfNotPresent',
      args: ['server', '-http-port', '8080', '-grpc-port', 'disabled', '-redirect-port', 'disabled'],
    }],
  },
})).join('\n');

/** Whether the client pod labelled `role` reaches the web Service within a few seconds. */
function reaches(role: string): boolean {
  const r = kubectlResult(['-n', NS, 'exec', `client-${role}`, '--', 'fortio', 'curl', '-quiet', '-timeout', '3s', 'http://web/']);
  return r.status === 0 && /version=v1/.test(r.stdout);
}

/** Policies apply asynchronously: wait until the answer settles on `expected`. */
function settlesTo(role: string, expected: boolean): boolean {
  for (let i = 0; i < 10; i++) {
    if (reaches(role) === expected) return true;
    execFileSync('sleep', ['1']);
  }
  return false;
}

beforeAll(() => {
  kubectl(['apply', '-f', '-'], `${server}\n${clients}`);
  kubectl(['-n', NS, 'rollout', 'status', 'deploy/web', '--timeout=90s']);
  kubectl(['-n', NS, 'wait', '--for=condition=Ready', 'pod/client-frontend', 'pod/client-other', '--timeout=90s']);
});
afterAll(() => { kubectlResult(['delete', 'namespace', NS, '--wait=false']); });

test('without a policy, any pod connects', () => {
  expect(settlesTo('other', true)).toBe(true);
});

test('a default-deny ingress policy refuses the connection', () => {
  kubectl(['apply', '-f', '-'], policy('deny', { podSelector: {}, policyTypes: ['Ingress'] }));
  expect(settlesTo('other', false)).toBe(true);
});

test('an allow rule for one label admits that client and still refuses others', () => {
  kubectl(['apply', '-f', '-'], policy('allow-frontend', {
    podSelector: { matchLabels: { app: 'web' } },
    ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }], ports: [{ port: 8080 }] }],
  }));
  expect(settlesTo('frontend', true)).toBe(true);
  expect(settlesTo('other', false)).toBe(true);
});
