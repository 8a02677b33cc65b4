import { HttpsIngress } from '../../lib';
import { PropChecker } from '../../lib/core/configuration-error';
import { synth } from '../helpers';

const backend = { serviceName: 'web', servicePort: 8080, namespace: 'shop', labels: { app: 'web' } };

test('Traefik: custom entry points and wildcard certificate domains', () => {
  const manifests = synth((chart) => HttpsIngress.traefik({
    host: 'shop.example.com', certResolver: 'le', secureEntryPoint: 'https', webEntryPoint: 'http', tlsDomains: [{ main: '*.example.com' }],
  }).bind(chart, backend));
  expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(['Middleware/web-redirect-https', 'IngressRoute/web-https', 'IngressRoute/web-http']);
  expect(manifests[1].spec.entryPoints).toEqual(['https']);
  expect(manifests[1].spec.tls.domains).toEqual([{ main: '*.example.com' }]);
  expect(manifests[1].spec.routes[0].services).toEqual([{ name: 'web', port: 8080 }]);
  expect(manifests[2].spec.entryPoints).toEqual(['http']);
});

test('standard Ingress without an issuer has no annotations', () => {
  const [ingress] = synth((chart) => HttpsIngress.standard({ host: 'shop.example.com', ingressClassName: 'nginx', tlsSecretName: 'shop-tls' }).bind(chart, backend));
  expect(ingress.metadata.annotations).toBeUndefined();
  expect(ingress.metadata.namespace).toBe('shop');
});

test('validation names the props under the given prefix; wildcards only for the standard Ingress', () => {
  const check = new PropChecker();
  HttpsIngress.traefik({ host: '*.example.com', certResolver: 'le' }).validate(check, 'web.ingress');
  HttpsIngress.standard({ host: '*.example.com', ingressClassName: 'Nginx!', tlsSecretName: 'tls' }).validate(check, 'api.ingress');
  expect(() => check.throwIfAny('X')).toThrow(/2 invalid props\n {2}- web\.ingress\.host = "\*\.example\.com".*\n {2}- api\.ingress\.ingressClassName = "Nginx!"/);
});

describe('Traefik with a cert-manager Certificate (several Traefik replicas)', () => {
  test('a cert-manager.io/v1 Certificate for the host, whose Secret the route serves instead of a resolver', () => {
    const manifests = synth((chart) => HttpsIngress.traefik({ host: 'shop.example.com', certificate: { issuerName: 'letsencrypt' } }).bind(chart, backend));
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(['Middleware/web-redirect-https', 'Certificate/web', 'IngressRoute/web-https', 'IngressRoute/web-http']);
    expect(manifests[1]).toEqual({
      apiVersion: 'cert-manager.io/v1', kind: 'Certificate',
      metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
      spec: { secretName: 'web-tls', dnsNames: ['shop.example.com'], issuerRef: { name: 'letsencrypt', kind: 'ClusterIssuer', group: 'cert-manager.io' } },
    });
    expect(manifests[2].spec.tls).toEqual({ secretName: 'web-tls' });
  });

  test('issuer kind, Secret name and extra domains', () => {
    const manifests = synth((chart) => HttpsIngress.traefik({
      host: 'shop.example.com', tlsDomains: [{ main: 'shop.example.com', sans: ['www.shop.example.com'] }],
      certificate: { issuerName: 'shop-issuer', issuerKind: 'Issuer', secretName: 'shop-cert' },
    }).bind(chart, backend));
    expect(manifests[1].spec).toEqual({
      secretName: 'shop-cert',
      dnsNames: ['shop.example.com', 'www.shop.example.com'],
      issuerRef: { name: 'shop-issuer', kind: 'Issuer', group: 'cert-manager.io' },
    });
    expect(manifests[2].spec.tls).toEqual({ secretName: 'shop-cert' });
  });

  test.each<[string, any, RegExp | undefined]>([
    ['a resolver alone', { certResolver: 'le' }, undefined],
    ['a certificate alone', { certificate: { issuerName: 'le' } }, undefined],
    ['neither', {}, /x\.certResolver = undefined: is required for HTTPS unless certificate is set/],
    ['both', { certResolver: 'le', certificate: { issuerName: 'le' } }, /x\.certificate = .*is set together with certResolver/],
    ['a bad issuer name', { certificate: { issuerName: 'Let Us' } }, /x\.certificate\.issuerName = "Let Us": is not a valid issuer name/],
    ['a bad issuer kind', { certificate: { issuerName: 'le', issuerKind: 'CA' } }, /x\.certificate\.issuerKind = "CA": is not an issuer kind/],
    ['a bad Secret name', { certificate: { issuerName: 'le', secretName: 'TLS' } }, /x\.certificate\.secretName = "TLS": is not a valid Secret name/],
  ])('%s', (_t, tls, message) => {
    const check = new PropChecker();
    HttpsIngress.traefik({ host: 'shop.example.com', ...tls }).validate(check, 'x');
    if (message) expect(() => check.throwIfAny('X')).toThrow(message);
    else expect(() => check.throwIfAny('X')).not.toThrow();
  });
});

describe('the ingress host: the API server grammar from lib/validation/names.ts, and a name that resolves', () => {
  const hostProblem = (host: string, wildcard = true) => {
    const check = new PropChecker();
    (wildcard ? HttpsIngress.standard({ host, ingressClassName: 'nginx', tlsSecretName: 'tls' }) : HttpsIngress.traefik({ host, certResolver: 'le' })).validate(check, 'ingress');
    return check.all.filter((p) => p.prop === 'ingress.host').map((p) => p.problem);
  };
  const label = (n: number) => 'a'.repeat(n);

  test.each([
    ['blog.example.com', true], ['*.example.com', true], ['blog.example.com', false], ['1.2.3', true],
    [`${label(63)}.com`, true], [[label(63), label(63), label(63), label(61)].join('.'), true], [`*.${[label(63), label(63), label(63), label(59)].join('.')}`, true],
  ] as const)('accepts %p (wildcards allowed: %p)', (host, wildcard) => expect(hostProblem(host, wildcard)).toEqual([]));

  test.each([
    ['10.0.0.1', true, /is an IP address, not a DNS host name/],
    ['::1', true, /is an IP address/],
    ['*.example.com', false, /is a wildcard, which this ingress cannot serve/],
    ['localhost', true, /has one label/],
    ['*.com', true, /has one label/],
    ['API.example.com', true, /is not a DNS host name: it contains "A"/],
    ['a..example.com', true, /is not a DNS host name: it has a dot-separated part that is empty/],
    ['*.*.example.com', true, /after '\*\.' contains "\*"/],
    ['', true, /is empty/],
    [`${label(64)}.com`, true, /is 64 characters long, more than 63/],
    [[label(63), label(63), label(63), label(62)].join('.'), true, /254 characters long, more than 253/],
    [`*.${[label(63), label(63), label(63), label(60)].join('.')}`, true, /254 characters long, more than 253/],
  ] as const)('refuses %p (wildcards allowed: %p)', (host, wildcard, problem) => {
    const problems = hostProblem(host, wildcard);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });
});
