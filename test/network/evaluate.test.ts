import { evaluateConnection, NetworkPolicyManifest, PodEndpoint, policyTypesOf } from '../../lib/network/evaluate';

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
