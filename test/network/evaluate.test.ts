import { evaluateConnection, ingressOnPort, NetworkPolicyManifest, networkPolicyOf, PodEndpoint, policyTypesOf } from '../../lib/network/evaluate';

const web: PodEndpoint = { namespace: 'shop', labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }] };
const db: PodEndpoint = { namespace: 'shop', labels: { app: 'db' }, ports: [{ name: 'mysql', containerPort: 3306 }] };
const elsewhere: PodEndpoint = { namespace: 'other', namespaceLabels: { team: 'ops' }, labels: { app: 'web' } };
const internet = { ip: '93.184.216.34' };

const policy = (name: string, spec: NetworkPolicyManifest['spec'], namespace = 'shop'): NetworkPolicyManifest => ({ metadata: { name, namespace }, spec });
const allowed = (policies: NetworkPolicyManifest[], from: any, to: any, port: number,
  protocol?: 'TCP' | 'UDP') => evaluateConnection(policies, { from, to, port, protocol }).allowed;

describe('policy semantics', () => {
  test('no policy selects a pod: everything is allowed (the default)', () => {
    expect(allowed([], web, db, 3306)).toBe(true);
    expect(allowed([policy('other-pods', { podSelector: { matchLabels: { app: 'cache' } }, policyTypes: ['Ingress', 'Egress'] })], web, db, 3306)).toBe(true);
  });

  test('a policy in another namespace does not select the pod', () => {
    expect(allowed([policy('deny', { podSelector: {}, policyTypes: ['Ingress'] }, 'other')], web, db, 3306)).toBe(true);
  });

  test('default deny of ingress denies ingress only; of egress, egress only', () => {
    const denyIngress = [policy('deny', { podSelector: {}, policyTypes: ['Ingress'] })];
    expect(allowed(denyIngress, web, db, 3306)).toBe(false);
    expect(allowed(denyIngress, web, internet, 443)).toBe(true);
    const denyEgress = [policy('deny', { podSelector: {}, policyTypes: ['Egress'] })];
    expect(allowed(denyEgress, web, internet, 443)).toBe(false);
    expect(allowed(denyEgress, elsewhere, db, 3306)).toBe(true);
  });

  test('policyTypes default: Ingress, plus Egress when egress rules are written', () => {
    expect(policyTypesOf({ spec: {} })).toEqual(['Ingress']);
    expect(policyTypesOf({ spec: { egress: [] } })).toEqual(['Ingress', 'Egress']);
    expect(policyTypesOf({ spec: { policyTypes: ['Egress'], ingress: [{}] } })).toEqual(['Egress']);
    // An ingress rule in an Egress-only policy has no effect.
    expect(allowed([policy('p', { podSelector: {}, policyTypes: ['Egress'], ingress: [{}] }), policy('deny', { podSelector: {}, policyTypes: ['Ingress'] })], web, db,
      3306)).toBe(false);
  });

  test('both ends must allow: egress of the source and ingress of the destination', () => {
    const denyAll = policy('deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    const dbIn = policy('db-in', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] });
    const webOut = policy('web-out',
      { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }] });
    expect(allowed([denyAll, dbIn], web, db, 3306)).toBe(false);
    expect(allowed([denyAll, webOut], web, db, 3306)).toBe(false);
    expect(allowed([denyAll, dbIn, webOut], web, db, 3306)).toBe(true);
    expect(evaluateConnection([denyAll, dbIn, webOut], { from: web, to: db, port: 3306 })).toEqual({
      allowed: true, egress: { decision: 'allowed', by: ['web-out'] }, ingress: { decision: 'allowed', by: ['db-in'] },
    });
  });

  test('a rule without peers allows every peer; without ports, every port; an empty rule list allows nothing', () => {
    expect(allowed([policy('p', { podSelector: {}, ingress: [{ ports: [{ port: 3306 }] }] })], elsewhere, db, 3306)).toBe(true);
    expect(allowed([policy('p', { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }] })], web, db, 1)).toBe(true);
    expect(allowed([policy('p', { podSelector: {}, ingress: [] })], web, db, 3306)).toBe(false);
  });

  test('a podSelector peer without namespaceSelector means the policy namespace; with one, the selected namespaces', () => {
    const sameNs = policy('p', { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] });
    expect(allowed([sameNs], web, db, 3306)).toBe(true);
    expect(allowed([sameNs], elsewhere, db, 3306)).toBe(false);
    const opsNs = policy('p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { app: 'web' } } }] }] });
    expect(allowed([opsNs], elsewhere, db, 3306)).toBe(true);
    expect(allowed([opsNs], web, db, 3306)).toBe(false);
    const byName = policy('p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'other' } } }] }] });
    expect(allowed([byName], elsewhere, db, 3306)).toBe(true);
    expect(allowed([byName], { ...elsewhere, labels: { app: 'anything' } }, db, 3306)).toBe(true);
    // namespaceSelector AND podSelector in one peer both apply.
    expect(allowed([opsNs], { ...elsewhere, labels: { app: 'other' } }, db, 3306)).toBe(false);
  });

  test('ipBlock peers: cidr minus except; pods without a known IP do not match', () => {
    const out = policy('p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }] }] });
    expect(allowed([out], web, internet, 443)).toBe(true);
    expect(allowed([out], web, { ip: '10.1.1.1' }, 443)).toBe(false);
    expect(allowed([out], web, db, 3306)).toBe(false);
  });

  test('ports: protocol (TCP by default), number, range, named port of the destination', () => {
    const p = (ports: any[]) => [policy('p', { podSelector: {}, ingress: [{ ports }] })];
    expect(allowed(p([{ port: 3306 }]), web, db, 3306, 'UDP')).toBe(false);
    expect(allowed(p([{ protocol: 'UDP', port: 53 }]), web, db, 53, 'UDP')).toBe(true);
    expect(allowed(p([{ port: 3300, endPort: 3310 }]), web, db, 3306)).toBe(true);
    expect(allowed(p([{ port: 3300, endPort: 3305 }]), web, db, 3306)).toBe(false);
    expect(allowed(p([{ port: 'mysql' }]), web, db, 3306)).toBe(true);
    expect(allowed(p([{ port: 'mysql' }]), web, db, 3307)).toBe(false);
    expect(allowed(p([{ port: 'http' }]), web, db, 8080)).toBe(false);
    expect(allowed(p([{ protocol: 'TCP' }]), web, db, 12345)).toBe(true);
  });
});

describe('ingressOnPort: a port asked about without knowing the source', () => {
  const solver: PodEndpoint = { namespace: 'shop', labels: { app: 'solver' }, ports: [{ name: 'http', containerPort: 8089 }] };
  test.each<[string, NetworkPolicyManifest[], string]>([
    ['no policy selects the pod', [], 'unrestricted'],
    ['an egress-only policy', [policy('deny', { podSelector: {}, policyTypes: ['Egress'] })], 'unrestricted'],
    ['a default deny', [policy('deny', { podSelector: {}, policyTypes: ['Ingress'] })], 'denied'],
    ['an allow from some peer on the port', [policy('deny', { podSelector: {}, policyTypes: ['Ingress'] }),
      policy('allow', { podSelector: { matchLabels: { app: 'solver' } }, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 8089 }] }] })], 'allowed'],
    ['an allow on the named port', [policy('allow', { podSelector: {}, ingress: [{ ports: [{ port: 'http' }] }] })], 'allowed'],
    ['an allow on another port', [policy('allow', { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] })], 'denied'],
  ])('%s', (_t, policies, decision) => {
    expect(ingressOnPort(policies, solver, 8089).decision).toBe(decision);
  });
});

describe('networkPolicyOf reads a manifest type-safely', () => {
  test('a well-typed policy reads as written', () => {
    const spec = { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { a: 'b' } }, podSelector: { matchLabels: { c: 'd' } } },
        { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }],
        ports: [{ protocol: 'TCP', port: 80, endPort: 90 }] }],
      egress: [{ to: [{ podSelector: {} }], ports: [{ port: 'dns' }] }] };
    const read = networkPolicyOf({ metadata: { name: 'p', namespace: 'shop' }, spec });
    expect(read.metadata).toEqual({ name: 'p', namespace: 'shop' });
    expect(evaluateConnection([read], { from: { namespace: 'x', namespaceLabels: { a: 'b' }, labels: { c: 'd' } }, to: web, port: 85 }).allowed).toBe(true);
    expect(evaluateConnection([read], { from: { namespace: 'x', namespaceLabels: { a: 'b' }, labels: { c: 'd' } }, to: web, port: 91 }).allowed).toBe(false);
    expect(evaluateConnection([read], { from: { ip: '10.2.0.1' }, to: web, port: 80 }).allowed).toBe(true);
    expect(evaluateConnection([read], { from: { ip: '10.1.0.1' }, to: web, port: 80 }).allowed).toBe(false);
    expect(read.spec?.egress).toEqual([{ to: [{ podSelector: { matchLabels: {}, matchExpressions: [] } }], ports: [{ protocol: undefined, port: 'dns', endPort: undefined }] }]);
  });

  test('a missing podSelector selects every pod; a wrongly typed one none; wrong types elsewhere read as absent', () => {
    expect(networkPolicyOf({ spec: { policyTypes: ['Ingress'] } }).spec?.podSelector).toEqual({});
    const wrong = networkPolicyOf({ metadata: { namespace: 'shop' }, spec: { podSelector: 'all', policyTypes: ['Ingress'] } });
    expect(ingressOnPort([wrong], web, 8080).decision).toBe('unrestricted');
    expect(networkPolicyOf('x')).toEqual({ metadata: { name: undefined, namespace: undefined }, spec: { podSelector: {} } });
    expect(networkPolicyOf({ metadata: { namespace: '' }, spec: { ingress: [{ from: 'x', ports: [{ port: {} }] }] } }).spec?.ingress)
      .toEqual([{ from: [], ports: [{ protocol: undefined, port: undefined, endPort: undefined }] }]);
  });
});
