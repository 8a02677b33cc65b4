import { ConfigurationError, HttpsIngress, ZeroDowntimeDeployment } from '../../lib';
import { hostMatches } from '../../lib/ingress/https-ingress';
import { baseProps, one, synth } from '../helpers';

const standard = (host = 'api.example.com') => HttpsIngress.standard({ host, ingressClassName: 'nginx', tlsSecretName: 'api-tls' });

test('exposeViaIngress routes the host to the deployment\'s Service, in its namespace, with its labels', () => {
  let zdd!: ZeroDowntimeDeployment;
  const manifests = synth((chart) => {
    zdd = new ZeroDowntimeDeployment(chart, 'api', baseProps({ name: 'api', service: { port: 80 } }));
    zdd.exposeViaIngress(standard());
  }, 'shop');
  const ingress = one(manifests, 'Ingress');
  const service = one(manifests, 'Service');
  expect(ingress.metadata).toEqual({ name: 'api', namespace: 'shop', labels: service.metadata.labels });
  expect(ingress.spec.rules[0]).toEqual({
    host: 'api.example.com',
    http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 80 } } } }] },
  });
  expect(ingress.spec.tls).toEqual([{ hosts: ['api.example.com'], secretName: 'api-tls' }]);
});

test('exposeViaIngress with Traefik returns its objects', () => {
  let objects: unknown[] = [];
  const manifests = synth((chart) => {
    objects = new ZeroDowntimeDeployment(chart, 'api', baseProps({ name: 'api' })).exposeViaIngress(HttpsIngress.traefik({ host: 'api.example.com', certResolver: 'le' }));
  });
  expect(objects).toHaveLength(3);
  expect(one(manifests, 'IngressRoute', 'api-https').spec.routes[0].services).toEqual([{ name: 'api', port: 8080 }]);
});

function refusal(build: (zdd: ZeroDowntimeDeployment) => unknown): string {
  try {
    synth((chart) => build(new ZeroDowntimeDeployment(chart, 'api', baseProps({ name: 'api' }))));
  } catch (e) {
    if (e instanceof ConfigurationError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigurationError');
}

test('bad ingress props are refused at synth, named under exposeViaIngress(ingress), and render nothing', () => {
  let objects: unknown[] = ['not called'];
  expect(refusal((zdd) => { objects = zdd.exposeViaIngress(standard('API.example.com')); }))
    .toMatch(/exposeViaIngress\(ingress\)\.host = "API\.example\.com": is not a DNS host name/);
  expect(objects).toEqual([]);
  expect(refusal((zdd) => zdd.exposeViaIngress(HttpsIngress.standard({ host: 'a.example.com', ingressClassName: 'nginx' } as any))))
    .toMatch(/exposeViaIngress\(ingress\)\.tlsSecretName = undefined: is required/);
  expect(refusal((zdd) => zdd.exposeViaIngress({ host: 'a.example.com' } as any))).toMatch(/exposeViaIngress\(ingress\) = .*is not an HttpsIngress/);
});

test('exposeViaIngress on a refused deployment adds nothing and does not throw', () => {
  let objects: unknown[] = ['not called'];
  expect(() => synth((chart) => {
    objects = new ZeroDowntimeDeployment(chart, 'api', { ...baseProps(), port: 'x' } as any).exposeViaIngress(standard());
  })).toThrow(/port/);
  expect(objects).toEqual([]);
});

test.each([
  ['blog.example.com', 'blog.example.com', true],
  ['blog.example.com', 'BLOG.example.com', true],
  ['blog.example.com', 'shop.example.com', false],
  ['*.example.com', 'blog.example.com', true],
  ['*.example.com', 'example.com', false],
  ['*.example.com', 'a.b.example.com', false],
  ['*.example.com', 'blog.example.org', false],
  ['*.example.com', 'blogexample.com', false],
])('ingress host %s serves %s: %s', (host, hostname, expected) => {
  expect(hostMatches(host, hostname)).toBe(expected);
  expect(standard(host).servesHost(hostname)).toBe(expected);
});
