import { validateIngressSpec, validateNetworkPolicySpec, validateObject } from '../../lib/validation';
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

describe('network: each condition apart', () => {
  const np = (path: string, value: unknown): any => withField(netpol(), path, value);
  const ing = (path: string, value: unknown): any => withField(ingress(), path, value);
  const all = (obj: unknown): object[] => validateObject(obj).map((f) => ({ field: f.field, problem: f.problem, fix: f.fix }));
  const problems = (obj: unknown): string[] => validateObject(obj).map((f) => `${f.field}: ${f.problem}`);
  const R = 'spec.ingress[0]';
  const P = 'spec.rules[0].http.paths[0]';
  const S = `${P}.backend.service`;

  test('ipBlock: not an object; except not a string, or not a CIDR (reported as such, once)', () => {
    expectOne(np(`${R}.from[0]`, { ipBlock: 'x' }), `${R}.from[0].ipBlock`, /not an object/);
    expectOne(np(`${R}.from[0]`, { ipBlock: { cidr: '10.0.0.0/8', except: [5] } }), `${R}.from[0].ipBlock.except[0]`, /not a string/);
    expect(all(np(`${R}.from[0]`, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0'] } }))).toEqual([{
      field: `${R}.from[0].ipBlock.except[0]`, problem: 'except "10.1.0.0" has no prefix length (e.g. 10.0.0.0/8)', fix: 'write a CIDR inside the block, e.g. 10.1.0.0/16',
    }]);
  });
  test('ports: an entry not an object; no port; endPort null or not a whole number', () => {
    expectOne(np(`${R}.ports`, ['x']), `${R}.ports[0]`, /not an object/);
    expectClean(np(`${R}.ports[0]`, { protocol: 'UDP' }));
    expectClean(np(`${R}.ports[0]`, { port: 'mysql', endPort: null }));
    expectClean(np(`${R}.ports[0]`, { endPort: null }));
    expectOne(np(`${R}.ports[0]`, { port: 3306, endPort: 'x' }), `${R}.ports[0].endPort`, /not a whole number/);
    expectClean(np(`${R}.ports[0]`, { port: 3306, endPort: 3306 }));
  });
  test('peers: an entry not an object; null selectors are unset; each selector checked', () => {
    expectOne(np(`${R}.from`, ['x']), `${R}.from[0]`, /not an object/);
    expectClean(np(`${R}.from[0]`, { podSelector: null, ipBlock: { cidr: '10.0.0.0/8' } }));
    expectClean(np(`${R}.from[0]`, { namespaceSelector: null, ipBlock: { cidr: '10.0.0.0/8' } }));
    expectOne(np(`${R}.from[0]`, { podSelector: null }), `${R}.from[0]`, /selects nothing/);
    expectOne(np(`${R}.from[0]`, { podSelector: { matchLabels: { a: 'b c' } } }), `${R}.from[0].podSelector.matchLabels[a]`, /label value/);
    expectOne(np(`${R}.from[0]`, { namespaceSelector: { matchLabels: { a: 'b c' } } }), `${R}.from[0].namespaceSelector.matchLabels[a]`, /label value/);
  });
  test('rules: an entry not an object', () => {
    expectOne(np('spec.ingress', ['x']), 'spec.ingress[0]', /not an object/);
    expectOne(np('spec.egress', ['x']), 'spec.egress[0]', /not an object/);
  });
  test('validateNetworkPolicySpec reports what it finds', () => {
    expect(validateNetworkPolicySpec({ policyTypes: ['ingress'] }).map((f) => f.field)).toEqual(['spec.policyTypes[0]']);
  });

  test('Ingress spec: null is missing, another type is not an object; a null defaultBackend is unset', () => {
    expectOne(ing('spec', null), 'spec', /the Ingress has no spec/);
    expectOne(ing('spec', 'x'), 'spec', /not an object/);
    expectClean(ing('spec.defaultBackend', null));
  });
  test('tls: an entry not an object; no hosts; a host not a string', () => {
    expectOne(ing('spec.tls', ['x']), 'spec.tls[0]', /not an object/);
    expectClean(ing('spec.tls', [{ secretName: 'web-tls' }]));
    expectOne(ing('spec.tls[0].hosts', [5]), 'spec.tls[0].hosts[0]', /not a string/);
  });
  test('rules: an entry not an object; a host not a string; no http', () => {
    expectOne(ing('spec.rules', ['x']), 'spec.rules[0]', /not an object/);
    expectOne(ing('spec.rules[0].host', 5), 'spec.rules[0].host', /not a string/);
    expectClean(ing('spec.rules[0].http', DELETE));
    expectOne(ing('spec.rules[0].http.paths', ['x']), P, /not an object/);
  });
  test('pathType: null and empty are missing', () => {
    expectOne(ing(`${P}.pathType`, null), `${P}.pathType`, /pathType is missing/);
    expect(problems(ing(`${P}.pathType`, ''))).toContain(`${P}.pathType: pathType is missing`);
  });
  test('path: Exact is checked like Prefix; the message and fix name the path', () => {
    expectOne(withField(ing(`${P}.pathType`, 'Exact'), `${P}.path`, '/api//v1'), `${P}.path`, /may not contain "\/\/"/);
    expectClean(withField(ing(`${P}.pathType`, 'Exact'), `${P}.path`, '/api'));
    expect(all(ing(`${P}.path`, 'api'))).toEqual([{ field: `${P}.path`, problem: 'path "api" must be an absolute path for pathType Prefix', fix: 'write "/api"' }]);
    expect(all(ing(`${P}.path`, DELETE))).toEqual([{ field: `${P}.path`, problem: 'path "" must be an absolute path for pathType Prefix', fix: 'write "/"' }]);
  });
  test('path: ImplementationSpecific may leave it unset or empty, else it is absolute', () => {
    const specific = (path: unknown): any => withField(ing(`${P}.pathType`, 'ImplementationSpecific'), `${P}.path`, path);
    expectClean(specific(DELETE));
    expectClean(specific(''));
    expectOne(specific('api'), `${P}.path`, /must be an absolute path$/);
  });
  test('backend: null is missing, another type is not an object', () => {
    expectOne(ing(`${P}.backend`, null), `${P}.backend`, /the path has no backend/);
    expectOne(ing(`${P}.backend`, 'x'), `${P}.backend`, /not an object/);
  });
  test('backend: a resource alone; null service or resource is unset', () => {
    const resource = { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' };
    expectClean(ing(`${P}.backend`, { resource }));
    expectClean(ing(`${P}.backend`, { service: null, resource }));
    expectClean(ing(`${P}.backend.resource`, null));
    expectOne(ing(`${P}.backend.resource`, resource), `${P}.backend`, /sets both service and resource/);
  });
  test('backend service name: null and empty are missing', () => {
    for (const name of [null, '']) {
      expect(all(ing(`${S}.name`, name))).toEqual([{ field: `${S}.name`, problem: 'the backend names no Service', fix: 'set service.name' }]);
    }
  });
  test('backend port: a null or empty name, a null or 0 number, is unset', () => {
    expectClean(ing(`${S}.port`, { name: null, number: 80 }));
    expectClean(ing(`${S}.port`, { name: '', number: 80 }));
    expectClean(ing(`${S}.port`, { name: 'http', number: null }));
    expectClean(ing(`${S}.port`, { name: 'http', number: 0 }));
  });
});

describe('Ingress TLS hosts and resource backends (validateIngressTLS, validateIngressTypedLocalObjectReference)', () => {
  const set = (path: string, value: unknown): any => withField(ingress(), path, value);
  const P = 'spec.rules[0].http.paths[0]';
  test('a TLS host is a DNS subdomain or a wildcard: an IP address passes, an empty host does not', () => {
    expectClean(set('spec.tls[0].hosts', ['10.0.0.1', '*.example.com']));
    expect(validateObject(set('spec.tls[0].hosts', [''])).map((f) => [f.field, f.problem]))
      .toEqual([['spec.tls[0].hosts[0]', 'TLS host "" is not a valid DNS-1123 subdomain: it is empty']]);
    expectOne(set('spec.tls[0].hosts', ['*.Example.com']), 'spec.tls[0].hosts[0]', /wildcard DNS-1123 subdomain/);
  });
  test('a rule host that is empty or null matches every host', () => {
    expectClean(set('spec.rules[0].host', ''));
    expectClean(set('spec.rules[0].host', null));
  });
  test('a resource backend needs kind and name, each a path segment, and an apiGroup that is a DNS subdomain when set', () => {
    const backend = (resource: object): any => set(`${P}.backend`, { resource });
    expectClean(backend({ apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'assets' }));
    expectClean(backend({ kind: 'StorageBucket', name: 'assets' }));
    expect(validateObject(backend({})).map((f) => [f.field, f.problem, f.fix])).toEqual([
      [`${P}.backend.resource.kind`, 'the backend resource has no kind', 'set resource.kind, e.g. kind: StorageBucket'],
      [`${P}.backend.resource.name`, 'the backend resource has no name', 'set resource.name, e.g. name: static-assets'],
    ]);
    for (const empty of ['', null]) {
      expect(validateObject(backend({ kind: empty, name: 'a' })).map((f) => [f.field, f.problem])).toEqual([[`${P}.backend.resource.kind`, 'the backend resource has no kind']]);
      expect(validateObject(backend({ kind: 'K', name: empty })).map((f) => [f.field, f.problem])).toEqual([[`${P}.backend.resource.name`, 'the backend resource has no name']]);
    }
    expectOne(backend({ kind: 'a/b', name: 'a' }), `${P}.backend.resource.kind`, /resource kind "a\/b" is not a valid path segment name/);
    expectOne(backend({ kind: 'K', name: '..' }), `${P}.backend.resource.name`, /resource name "\.\." is not a valid path segment name/);
    expectOne(backend({ apiGroup: 'Example.com', kind: 'K', name: 'a' }), `${P}.backend.resource.apiGroup`, /apiGroup "Example.com"/);
    expectOne(backend({ apiGroup: '', kind: 'K', name: 'a' }), `${P}.backend.resource.apiGroup`, /is empty/);
    expectClean(backend({ apiGroup: null, kind: 'K', name: 'a' }));
  });
});
