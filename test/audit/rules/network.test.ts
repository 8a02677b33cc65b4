import * as fs from 'fs';
import * as path from 'path';
import { acmeHttp01SolverPolicy, audit, Manifest, parseManifests } from '../../../lib/analysis';
import { hasHttp01Solver } from '../../../lib/audit/rules/network';

const ID = 'acme-solver-denied';
const hits = (manifests: Manifest[], complete = true) => audit(manifests, { complete }).violations.filter((v) => v.ruleId === ID);

const defaultDeny = (extra: any = {}, namespace = 'web'): Manifest => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace }, spec: { podSelector: {}, policyTypes: ['Ingress'], ...extra },
});
const certificate = (issuerRef: any = { name: 'letsencrypt', kind: 'ClusterIssuer', group: 'cert-manager.io' }): Manifest => ({
  apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'web', namespace: 'web' }, spec: { secretName: 'web-tls', dnsNames: ['web.example.com'], issuerRef },
});
const issuer = (kind: 'Issuer' | 'ClusterIssuer', solver: any, name = 'letsencrypt'): Manifest => ({
  apiVersion: 'cert-manager.io/v1', kind, metadata: { name, ...(kind === 'Issuer' ? { namespace: 'web' } : {}) },
  spec: { acme: { server: 'https://acme-v02.api.letsencrypt.org/directory', privateKeySecretRef: { name: 'acme' }, solvers: [solver] } },
});
const HTTP01 = { http01: { ingress: { ingressClassName: 'traefik' } } };
const DNS01 = { dns01: { cloudflare: { apiTokenSecretRef: { name: 'cf', key: 'token' } } } };
const ingress = (annotations: Record<string, string>, tls: any[] = [{ hosts: ['web.example.com'], secretName: 'web-tls' }]): Manifest => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web', namespace: 'web', annotations },
  spec: { tls, rules: [{ host: 'web.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
});
const solverAllow = (ports: any[] = [{ protocol: 'TCP', port: 8089 }], podSelector: any = { matchLabels: { 'acme.cert-manager.io/http01-solver': 'true' } }): Manifest => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'acme-solver', namespace: 'web' },
  spec: { podSelector, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'traefik' } } }], ports }] },
});

describe('the namespace restricts the solver pods\' ingress', () => {
  test.each<[string, Manifest[], number]>([
    ['a default-deny with a Certificate', [defaultDeny(), certificate()], 1],
    ['no NetworkPolicy', [certificate()], 0],
    ['a default-deny in another namespace', [defaultDeny({}, 'other'), certificate()], 0],
    ['a default-deny of egress only', [defaultDeny({ policyTypes: ['Egress'] }), certificate()], 0],
    ['a policy without policyTypes and without egress restricts ingress', [defaultDeny({ policyTypes: undefined }), certificate()], 1],
    ['a policy that selects other pods only', [defaultDeny({ podSelector: { matchLabels: { app: 'web' } } }), certificate()], 0],
    ['a policy selecting everything that admits only port 80', [defaultDeny({ ingress: [{ ports: [{ port: 80 }] }] }), certificate()], 1],
    ['a policy selecting everything that admits every port from the ingress controller', [defaultDeny({ ingress: [{ from: [{ podSelector: {} }] }] }), certificate()], 0],
    ['a NetworkPolicy of another API version is not read', [{ ...defaultDeny(), apiVersion: 'extensions/v1beta1' }, certificate()], 0],
  ])('%s', (_t, manifests, count) => {
    expect(hits(manifests)).toHaveLength(count);
  });
});

describe('an allow on TCP 8089 to the solver pods', () => {
  test.each<[string, Manifest, number]>([
    ['the constructs\' acmeHttp01SolverPolicy',
      acmeHttp01SolverPolicy({ name: 'acme', namespace: 'web', ingressController: { namespace: 'traefik', podLabels: { app: 'traefik' } } }) as Manifest, 0],
    ['TCP 8089', solverAllow(), 0],
    ['the solver\'s named port http', solverAllow([{ port: 'http' }]), 0],
    ['a port range over 8089', solverAllow([{ port: 8000, endPort: 9000 }]), 0],
    ['another port', solverAllow([{ protocol: 'TCP', port: 8080 }]), 1],
    ['UDP 8089', solverAllow([{ protocol: 'UDP', port: 8089 }]), 1],
    ['pods of another label', solverAllow(undefined, { matchLabels: { 'acme.cert-manager.io/http01-solver': 'false' } }), 1],
    ['in another namespace', { ...solverAllow(), metadata: { name: 'acme-solver', namespace: 'other' } }, 1],
  ])('%s', (_t, allow, count) => {
    expect(hits([defaultDeny(), allow, certificate()])).toHaveLength(count);
  });
});

describe('what makes cert-manager start HTTP-01 solver pods in the namespace', () => {
  test.each<[string, Manifest[], Array<[string, string]>]>([
    ['a Certificate whose ClusterIssuer is not in the input: a warning', [certificate()], [['Certificate', 'warning']]],
    ['a Certificate whose ClusterIssuer solves HTTP-01: an error', [certificate(), issuer('ClusterIssuer', HTTP01)], [['Certificate', 'error']]],
    ['a Certificate whose ClusterIssuer solves DNS-01 only', [certificate(), issuer('ClusterIssuer', DNS01)], []],
    ['a Certificate whose Issuer (the default kind) solves HTTP-01', [certificate({ name: 'letsencrypt' }), issuer('Issuer', HTTP01)],
      [['Certificate', 'error'], ['Issuer', 'error']]],
    ['a Certificate whose Issuer solves DNS-01 only', [certificate({ name: 'letsencrypt', kind: 'Issuer' }), issuer('Issuer', DNS01)], []],
    ['an Issuer of that name in another namespace does not answer', [certificate({ name: 'letsencrypt' }), { ...issuer('Issuer', DNS01), metadata: { name: 'letsencrypt',
      namespace: 'other' } }], [['Certificate', 'warning']]],
    ['an issuer kind of another API group does not answer', [certificate(), { ...issuer('ClusterIssuer', DNS01), apiVersion: 'acme.example.com/v1' }],
      [['Certificate', 'warning']]],
    ['a ClusterIssuer of that name does not answer for an Issuer', [certificate({ name: 'letsencrypt', kind: 'Issuer' }), issuer('ClusterIssuer', DNS01)],
      [['Certificate', 'warning']]],
    ['a Certificate without an issuer name', [certificate({ kind: 'ClusterIssuer' })], []],
    ['a Certificate kind of another API group', [{ ...certificate(), apiVersion: 'acme.example.com/v1' }], []],
    ['a Certificate of an external issuer group', [certificate({ name: 'step', kind: 'StepIssuer', group: 'certmanager.step.sm' })], []],
    ['an Issuer with an HTTP-01 solver alone', [issuer('Issuer', HTTP01)], [['Issuer', 'error']]],
    ['an Issuer with a DNS-01 solver alone', [issuer('Issuer', DNS01)], []],
    ['an Issuer kind of another API group with an http01 field', [{ ...issuer('Issuer', HTTP01), apiVersion: 'acme.example.com/v1' }], []],
    ['a ClusterIssuer alone starts no pod in this namespace', [issuer('ClusterIssuer', HTTP01)], []],
    ['an Ingress annotated with a ClusterIssuer', [ingress({ 'cert-manager.io/cluster-issuer': 'letsencrypt' })], [['Ingress', 'warning']]],
    ['an Ingress annotated with an HTTP-01 ClusterIssuer of the input', [ingress({ 'cert-manager.io/cluster-issuer': 'letsencrypt' }), issuer('ClusterIssuer', HTTP01)],
      [['Ingress', 'error']]],
    ['an Ingress annotated with an Issuer', [ingress({ 'cert-manager.io/issuer': 'letsencrypt' })], [['Ingress', 'warning']]],
    ['an Ingress annotated with a DNS-01 Issuer of the input', [ingress({ 'cert-manager.io/issuer': 'letsencrypt' }), issuer('Issuer', DNS01)], []],
    ['an annotated Ingress without tls: ingress-shim makes no Certificate', [ingress({ 'cert-manager.io/cluster-issuer': 'letsencrypt' }, [])], []],
    ['an Ingress with tls but no cert-manager annotation', [ingress({})], []],
    ['another kind with the annotation and tls',
      [{ ...ingress({ 'cert-manager.io/cluster-issuer': 'letsencrypt' }), kind: 'IngressRoute', apiVersion: 'traefik.io/v1alpha1' }], []],
  ])('%s', (_t, objects, expected) => {
    expect(hits([defaultDeny(), ...objects]).map((v) => [v.kind, v.severity])).toEqual(expected);
  });
});

test('the finding names the policy, the port and the fix, on the object that asks for the certificate', () => {
  expect(hits([defaultDeny(), certificate(), issuer('ClusterIssuer', HTTP01)])[0]).toMatchObject({
    object: 'Certificate web/web', field: 'spec.issuerRef',
    message: expect.stringMatching(/^the Certificate \(issuer ClusterIssuer letsencrypt\) has cert-manager start HTTP-01 solver pods in namespace web, but NetworkPolicy default-deny selects them and nothing admits TCP 8089/),
    fix: expect.stringMatching(/acme.cert-manager.io\/http01-solver: "true" .* TCP 8089 \(acmeHttp01SolverPolicy\(\) renders it\)$/),
  });
  expect(hits([defaultDeny(), certificate()])[0].message).toMatch(/in namespace web if its issuer \(not in the input\) solves HTTP-01, but/);
});

test('cross-object: the allow may be in files not audited, so a partial input gets a warning', () => {
  expect(hits([defaultDeny(), certificate(), issuer('ClusterIssuer', HTTP01)], false).map((v) => v.severity)).toEqual(['warning']);
});

test('wrongly typed policies and issuers are read as absent, never a crash', () => {
  const bad = (spec: any): Manifest => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'bad', namespace: 'web' }, spec });
  const specs = [{ podSelector: 'all', policyTypes: 'Ingress' }, { podSelector: {}, ingress: 'x' }, { podSelector: {}, ingress: [{ from: 'x', ports: [{ port: {} }] }] }, 'spec'];
  for (const spec of specs) {
    expect(() => hits([bad(spec), certificate({ name: 3 }), { ...issuer('Issuer', HTTP01), spec: { acme: { solvers: 'x' } } }])).not.toThrow();
  }
  expect(hasHttp01Solver({ kind: 'ClusterIssuer', spec: { acme: { solvers: [null, HTTP01] } } })).toBe(true);
  expect(hasHttp01Solver({ kind: 'ClusterIssuer', spec: { ca: { secretName: 'ca' } } })).toBe(false);
});

test('dist/ passes: its default-deny namespaces hold the solver allow; without it, their Certificates are reported', () => {
  for (const file of ['wordpress.k8s.yaml', 'staging/wordpress.k8s.yaml']) {
    const manifests = parseManifests(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'dist', file), 'utf8'), file);
    expect(hits(manifests)).toEqual([]);
    const without = manifests.filter((m) => !(m.kind === 'NetworkPolicy' && m.metadata?.name === 'wordpress-acme-http01-solver'));
    expect(hits(without).map((v) => `${v.severity} ${v.kind} ${v.field}`)).toEqual(['warning Certificate spec.issuerRef']);
  }
});

describe('which certificates and issuers the rule reads (the boundaries a mutation run moved)', () => {
  test('an issuer is looked up by its name: a ClusterIssuer of another name says nothing about the named one', () => {
    expect(hits([defaultDeny(), certificate({ name: 'missing', kind: 'ClusterIssuer' }), issuer('ClusterIssuer', DNS01, 'other')]))
      .toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(hits([defaultDeny(), certificate({ name: 'other', kind: 'ClusterIssuer' }), issuer('ClusterIssuer', DNS01, 'other')])).toEqual([]);
  });

  test('a Certificate without an issuerRef (which the API server refuses) names no issuer, and is no crash', () => {
    const bare = certificate();
    delete bare.spec.issuerRef;
    expect(hits([defaultDeny(), bare])).toEqual([]);
  });

  test('an issuer of another API group, or a kind cert-manager does not serve, solves no ACME challenge here', () => {
    expect(hits([defaultDeny(), certificate({ name: 'pca', kind: 'Issuer', group: 'awspca.cert-manager.io' })])).toEqual([]);
    expect(hits([defaultDeny(), certificate({ name: 'pca', kind: 'OriginIssuer' })])).toEqual([]);
    expect(hits([defaultDeny(), certificate({ name: 'pca', kind: 'Issuer' })])).toHaveLength(1);
  });

  test('an annotated Ingress without tls asks for no certificate', () => {
    expect(hits([defaultDeny(), ingress({ 'cert-manager.io/cluster-issuer': 'letsencrypt' }, [])])).toEqual([]);
    const noTls = ingress({ 'cert-manager.io/cluster-issuer': 'letsencrypt' });
    delete noTls.spec.tls;
    expect(hits([defaultDeny(), noTls])).toEqual([]);
    expect(hits([defaultDeny(), ingress({ 'cert-manager.io/cluster-issuer': 'letsencrypt' })])).toHaveLength(1);
  });

  test('only a NetworkPolicy restricts the solver: another networking.k8s.io/v1 object (an Ingress) is no policy', () => {
    expect(hits([ingress({ 'cert-manager.io/cluster-issuer': 'letsencrypt' })])).toEqual([]);
    expect(hits([ingress({ 'cert-manager.io/cluster-issuer': 'letsencrypt' }), certificate()])).toEqual([]);
  });
});
