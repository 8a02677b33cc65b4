import { evaluateConnection, NetworkPolicyManifest, PodEndpoint } from '../../lib/network/evaluate';
import {
  acmeHttp01SolverPolicy, dnsEgressRule, ingressControllerPeers, INTERNET_CIDRS, NODE_LOCAL_DNS_IP,
} from '../../lib/network/peers';
import { DNS_EGRESS } from '../../lib/database/network';

const traefik: PodEndpoint = { namespace: 'traefik', namespaceLabels: { 'kubernetes.io/metadata.name': 'traefik' }, labels: { 'app.kubernetes.io/name': 'traefik' } };
const solver: PodEndpoint = { namespace: 'blog', labels: { 'acme.cert-manager.io/http01-solver': 'true' } };
const wordpress: PodEndpoint = { namespace: 'blog', labels: { app: 'wordpress' } };
const kubeDns: PodEndpoint = { namespace: 'kube-system', namespaceLabels: { 'kubernetes.io/metadata.name': 'kube-system' }, labels: { 'k8s-app': 'kube-dns' } };
const defaultDeny: NetworkPolicyManifest = { metadata: { name: 'default-deny', namespace: 'blog' }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } };
const controller = { namespace: 'traefik', podLabels: { 'app.kubernetes.io/name': 'traefik' } };
const allowed = (policies: NetworkPolicyManifest[], from: any, to: any, port: number, protocol?: 'TCP' | 'UDP') =>
  evaluateConnection(policies, { from, to, port, protocol }).allowed;

describe('the ACME HTTP-01 solver allow', () => {
  const solverPolicy = acmeHttp01SolverPolicy({ name: 'blog-acme-http01-solver', namespace: 'blog', ingressController: controller });

  test('under a default-deny, the ingress controller reaches the solver on 8089 only with the allow', () => {
    expect(allowed([defaultDeny], traefik, solver, 8089)).toBe(false);
    expect(allowed([defaultDeny, solverPolicy], traefik, solver, 8089)).toBe(true);
  });

  test('it opens nothing else: another port, another pod, another client', () => {
    expect(allowed([defaultDeny, solverPolicy], traefik, solver, 80)).toBe(false);
    expect(allowed([defaultDeny, solverPolicy], traefik, wordpress, 8089)).toBe(false);
    expect(allowed([defaultDeny, solverPolicy], wordpress, solver, 8089)).toBe(false);
  });

  test('a hostNetwork controller sends from its node: admitted by the node CIDRs given, not otherwise', () => {
    const node = { ip: '192.168.10.21' };
    expect(allowed([defaultDeny, solverPolicy], node, solver, 8089)).toBe(false);
    const withNodes = acmeHttp01SolverPolicy({ name: 'p', namespace: 'blog', ingressController: controller, nodeCidrs: ['192.168.10.0/24'] });
    expect(allowed([defaultDeny, withNodes], node, solver, 8089)).toBe(true);
    expect(allowed([defaultDeny, withNodes], { ip: '192.168.11.21' }, solver, 8089)).toBe(false);
    expect(ingressControllerPeers(controller, ['10.0.0.0/16'])[1]).toEqual({ ipBlock: { cidr: '10.0.0.0/16' } });
  });
});

describe('DNS egress: CoreDNS and NodeLocal DNSCache', () => {
  const dns: NetworkPolicyManifest = { metadata: { name: 'dns', namespace: 'blog' }, spec: { podSelector: {}, policyTypes: ['Egress'], egress: [dnsEgressRule({
    namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' } })] } };

  test('a pod under a default-deny resolves through kube-dns and through 169.254.20.10, on 53 only', () => {
    expect(allowed([defaultDeny, dns], wordpress, kubeDns, 53, 'UDP')).toBe(true);
    expect(allowed([defaultDeny, dns], wordpress, { ip: NODE_LOCAL_DNS_IP }, 53, 'UDP')).toBe(true);
    expect(allowed([defaultDeny, dns], wordpress, { ip: NODE_LOCAL_DNS_IP }, 53, 'TCP')).toBe(true);
    expect(allowed([defaultDeny, dns], wordpress, { ip: NODE_LOCAL_DNS_IP }, 80)).toBe(false);
    expect(allowed([defaultDeny, dns], wordpress, { ip: '169.254.20.11' }, 53, 'UDP')).toBe(false);
  });

  test('the database tier\'s own Jobs get the same rule', () => {
    expect(DNS_EGRESS.to).toEqual(expect.arrayContaining([{ ipBlock: { cidr: '169.254.20.10/32' } }]));
  });
});

test('the internet is both address families', () => {
  const out: NetworkPolicyManifest = { metadata: { name: 'out', namespace: 'blog' }, spec: { podSelector: {}, policyTypes: ['Egress'],
    egress: [{ to: INTERNET_CIDRS.map((cidr) => ({ ipBlock: { cidr } })), ports: [{ protocol: 'TCP', port: 443 }] }] } };
  expect(allowed([defaultDeny, out], wordpress, { ip: '93.184.216.34' }, 443)).toBe(true);
  expect(allowed([defaultDeny, out], wordpress, { ip: '2606:2800:220:1:248:1893:25c8:1946' }, 443)).toBe(true);
});
