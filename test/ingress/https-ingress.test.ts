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
  expect(() => check.throwIfAny('X')).toThrow(/2 invalid props\n  - web\.ingress\.host = "\*\.example\.com".*\n  - api\.ingress\.ingressClassName = "Nginx!"/);
});
