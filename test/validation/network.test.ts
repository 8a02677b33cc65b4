import { validateIngressSpec, validateNetworkPolicySpec } from '../../lib/validation';
import { DELETE, expectClean, expectOne, withField } from './helpers';

const netpol = (): any => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'db' },
  spec: {
    podSelector: { matchLabels: { app: 'db' } },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 3306, protocol: 'TCP' }] }],
  },
});

describe('NetworkPolicy (ValidateNetworkPolicySpec)', () => {
  const set = (path: string, value: unknown): any => withField(netpol(), path, value);
  const R = 'spec.ingress[0]';
  test('podSelector optional (every pod); policyTypes enum, at most two', () => {
    expectClean(netpol());
    expectClean(set('spec.podSelector', {}));
    // A missing podSelector or spec is the empty selector, as the API server reads it.
    expectClean(set('spec.podSelector', DELETE));
    expectClean(set('spec', DELETE));
    expectOne(set('spec.podSelector', { matchLabels: { a: 'b c' } }), 'spec.podSelector.matchLabels[a]', /label value/);
    expectOne(set('spec.policyTypes', ['ingress']), 'spec.policyTypes[0]', /not supported/);
    expectClean(set('spec.policyTypes', ['Ingress', 'Egress']));
    expectOne(set('spec.policyTypes', ['Ingress', 'Egress', 'Ingress']), 'spec.policyTypes', /at most two/);
  });
  test('ports: number 1..65535 or name, protocol, endPort', () => {
    expectOne(set(`${R}.ports[0].port`, 0), `${R}.ports[0].port`, /out of range/);
    expectOne(set(`${R}.ports[0].port`, 65536), `${R}.ports[0].port`, /out of range/);
    expectClean(set(`${R}.ports[0].port`, 'mysql'));
    expectOne(set(`${R}.ports[0].port`, 'MySQL'), `${R}.ports[0].port`, /IANA_SVC_NAME/);
    expectOne(set(`${R}.ports[0].protocol`, 'tcp'), `${R}.ports[0].protocol`, /not supported/);
    expectClean(set(`${R}.ports[0]`, { port: 32000, endPort: 32768 }));
    expectOne(set(`${R}.ports[0]`, { port: 32000, endPort: 31000 }), `${R}.ports[0].endPort`, /below port 32000/);
    expectOne(set(`${R}.ports[0]`, { port: 'mysql', endPort: 4000 }), `${R}.ports[0].endPort`, /numeric port/);
    expectOne(set(`${R}.ports[0]`, { port: 1, endPort: 65536 }), `${R}.ports[0].endPort`, /out of range/);
  });
  test('peers: something, ipBlock alone', () => {
    expectOne(set(`${R}.from[0]`, {}), `${R}.from[0]`, /selects nothing/);
    expectClean(set(`${R}.from[0]`, { podSelector: {}, namespaceSelector: { matchLabels: { team: 'a' } } }));
    expectOne(set(`${R}.from[0]`, { ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }), `${R}.from[0]`, /may not combine ipBlock/);
  });
  test('ipBlock: valid CIDR, except strictly inside', () => {
    const block = (b: object): any => set(`${R}.from[0]`, { ipBlock: b });
    expectClean(block({ cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] }));
    expectClean(block({ cidr: 'fd00::/8', except: ['fd00:1::/32'] }));
    expectOne(block({ cidr: '10.0.0.0' }), `${R}.from[0].ipBlock.cidr`, /no prefix length/);
    expectOne(block({ cidr: '10.0.0.0/33' }), `${R}.from[0].ipBlock.cidr`, /0 to 32/);
    expectOne(block({ cidr: '10.0.0.256/8' }), `${R}.from[0].ipBlock.cidr`, /not an IP address/);
    // The v1.34.4 API server accepts leading zeros (read as decimal) with a warning: "non-standard CIDR value".
    expectClean(block({ cidr: '010.0.0.0/8', except: ['010.1.0.0/16'] }));
    // It refuses an IPv6 zone: "must be a valid CIDR value".
    expectOne(block({ cidr: 'fe80::1%eth0/64' }), `${R}.from[0].ipBlock.cidr`, /not an IP address/);
    expectOne(block({}), `${R}.from[0].ipBlock.cidr`, /no cidr/);
    expectOne(block({ cidr: '10.0.0.0/8', except: ['11.0.0.0/16'] }), `${R}.from[0].ipBlock.except[0]`, /not a strict subset/);
    expectOne(block({ cidr: '10.0.0.0/8', except: ['10.0.0.0/8'] }), `${R}.from[0].ipBlock.except[0]`, /not a strict subset/);
    expectOne(block({ cidr: '10.0.0.0/8', except: ['fd00::/16'] }), `${R}.from[0].ipBlock.except[0]`, /not a strict subset/);
  });
  test('on its own', () => expect(validateNetworkPolicySpec({ podSelector: {} })).toEqual([]));
});

const ingress = (): any => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' },
  spec: {
    ingressClassName: 'traefik',
    tls: [{ hosts: ['www.example.com'], secretName: 'web-tls' }],
    rules: [{ host: 'www.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } }] } }],
  },
});

describe('Ingress (ValidateIngressSpec)', () => {
  const set = (path: string, value: unknown): any => withField(ingress(), path, value);
  const P = 'spec.rules[0].http.paths[0]';
  test('rules or a default backend', () => {
    expectClean(ingress());
    expectOne(set('spec.rules', []), 'spec', /neither rules nor a defaultBackend/);
    expectClean(withField(set('spec.rules', DELETE), 'spec.defaultBackend', { service: { name: 'web', port: { number: 80 } } }));
  });
  test('hosts: DNS names or wildcards, not IPs', () => {
    expectClean(set('spec.rules[0].host', '*.example.com'));
    expectOne(set('spec.rules[0].host', '10.0.0.1'), 'spec.rules[0].host', /IP address/);
    expectOne(set('spec.rules[0].host', 'WWW.example.com'), 'spec.rules[0].host', /contains "W"/);
    expectOne(set('spec.rules[0].host', '*.*.example.com'), 'spec.rules[0].host', /contains "\*"/);
    expectOne(set('spec.tls[0].hosts', ['bad host']), 'spec.tls[0].hosts[0]', /contains a space/);
    expectOne(set('spec.tls[0].secretName', 'Web_TLS'), 'spec.tls[0].secretName', /DNS-1123 subdomain/);
  });
  test('paths: pathType required; Exact/Prefix absolute and clean', () => {
    expectOne(set(`${P}.pathType`, DELETE), `${P}.pathType`, /missing/);
    expectOne(set(`${P}.pathType`, 'prefix'), `${P}.pathType`, /not supported/);
    expectOne(set(`${P}.path`, 'api'), `${P}.path`, /absolute/);
    expectOne(set(`${P}.path`, '/api//v1'), `${P}.path`, /may not contain "\/\/"/);
    expectOne(set(`${P}.path`, '/api/..'), `${P}.path`, /may not contain "\/\.\."/);
    expectClean(set(`${P}.pathType`, 'ImplementationSpecific'));
    expectOne(set('spec.rules[0].http.paths', []), 'spec.rules[0].http.paths', /no paths/);
  });
  test('backend: one of service/resource; Service name DNS-1035; port name or number', () => {
    expectOne(set(`${P}.backend`, {}), `${P}.backend`, /names no service/);
    expectOne(set(`${P}.backend.service.name`, '1web'), `${P}.backend.service.name`, /DNS-1035/);
    // validateIngressBackend names the backend.
    expectOne(set(`${P}.backend.service.port`, { name: 'http', number: 80 }), `${P}.backend`, /both name and number/);
    expectOne(set(`${P}.backend.service.port`, {}), `${P}.backend`, /neither/);
    expectOne(set(`${P}.backend.service.port`, { number: 70000 }), `${P}.backend.service.port.number`, /out of range/);
    expectOne(set(`${P}.backend.service.port`, { name: 'HTTP' }), `${P}.backend.service.port.name`, /IANA_SVC_NAME/);
    expectOne(set('spec.ingressClassName', 'Traefik'), 'spec.ingressClassName', /DNS-1123 subdomain/);
  });
  test('on its own', () => expect(validateIngressSpec({})[0].field).toBe('spec'));
});
