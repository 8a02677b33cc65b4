import { ConfigurationError, HttpsIngress, WordpressApp, WordpressAppProps } from '../../lib';
import { evaluateConnection, NetworkPolicyManifest, PodEndpoint } from '../../lib/network/evaluate';
import { synth } from '../helpers';

// WordpressApp's NetworkPolicies, as the enforcer would apply them.
const ingress = HttpsIngress.traefik({ host: 'blog.example.com', certificate: { issuerName: 'letsencrypt' } });
const policiesOf = (props: Partial<WordpressAppProps> = {}) => synth((chart) => new WordpressApp(chart, 'blog', { siteUrl: 'https://blog.example.com', ingress, storage: { storageClassName: 'rook-cephfs' }, ...props }))
  .filter((m) => m.kind === 'NetworkPolicy') as NetworkPolicyManifest[];
const ns = 'kube-example';
const wordpress: PodEndpoint = {
  namespace: ns, labels: { 'app.kubernetes.io/name': 'wordpress', 'app.kubernetes.io/instance': 'wordpress', 'app.kubernetes.io/component': 'frontend' },
};
const solver: PodEndpoint = { namespace: ns, labels: { 'acme.cert-manager.io/http01-solver': 'true' } };
const traefik: PodEndpoint = { namespace: 'traefik', namespaceLabels: { 'kubernetes.io/metadata.name': 'traefik' }, labels: { 'app.kubernetes.io/name': 'traefik' } };
const allowed = (policies: NetworkPolicyManifest[], from: any, to: any, port: number, protocol?: 'TCP' | 'UDP') =>
  evaluateConnection(policies, { from, to, port, protocol }).allowed;

function refusal(props: Partial<WordpressAppProps>): string {
  try {
    policiesOf(props);
    return '';
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    return (e as Error).message;
  }
}

test('the default-deny admits the ingress controller to cert-manager\'s solver on 8089, and nothing else to it', () => {
  const policies = policiesOf();
  expect(allowed(policies, traefik, solver, 8089)).toBe(true);
  expect(allowed(policies, wordpress, solver, 8089)).toBe(false);
  const hasSolverAllow = (props: Partial<WordpressAppProps>) => policiesOf(props).some((p) => p.metadata?.name === 'wordpress-acme-http01-solver');
  expect(hasSolverAllow({})).toBe(true);
  expect(hasSolverAllow({ networkPolicies: false })).toBe(false);
  expect(hasSolverAllow({ ingress: undefined })).toBe(false);
});

test('WordPress resolves through NodeLocal DNSCache and reaches the internet over IPv6 too', () => {
  const policies = policiesOf();
  expect(allowed(policies, wordpress, { ip: '169.254.20.10' }, 53, 'UDP')).toBe(true);
  expect(allowed(policies, wordpress, { ip: '2606:2800:220:1:248:1893:25c8:1946' }, 443)).toBe(true);
  expect(allowed(policies, wordpress, { ip: '93.184.216.34' }, 443)).toBe(true);
});

test('a hostNetwork ingress controller reaches WordPress and the solver from the node networks given, and only then', () => {
  const node = { ip: '192.168.10.21' };
  expect(allowed(policiesOf(), node, wordpress, 80)).toBe(false);
  const controller = { namespace: 'traefik', podLabels: { 'app.kubernetes.io/name': 'traefik' }, nodeCidrs: ['192.168.10.0/24'] };
  const policies = policiesOf({ ingressController: controller });
  expect(allowed(policies, node, wordpress, 80)).toBe(true);
  expect(allowed(policies, node, solver, 8089)).toBe(true);
  expect(allowed(policies, { ip: '192.168.11.21' }, wordpress, 80)).toBe(false);
});

test('node CIDRs are checked: a bad one is named, and on clusterDns they are refused', () => {
  const dns = { namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' } };
  expect(refusal({ ingressController: { namespace: 'traefik', podLabels: { app: 'traefik' }, nodeCidrs: ['192.168.10.0/24', '192.168.10.1'] } }))
    .toContain('ingressController.nodeCidrs[1] = "192.168.10.1": is not a CIDR');
  expect(refusal({ clusterDns: { ...dns, nodeCidrs: ['10.0.0.0/8'] } })).toContain('clusterDns.nodeCidrs = ["10.0.0.0/8"]: admits nothing here');
  expect(refusal({ ingressController: { namespace: 'traefik', podLabels: { app: 'traefik' }, nodeCidrs: ['10.0.0.0/8'] } })).toBe('');
});
