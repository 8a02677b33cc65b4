import { ConfigurationError, HttpsIngress, PROMETHEUS_PODS, WordpressApp, WordpressAppProps, WordpressMetricsProps } from '../../lib';
import { apacheStatusConfig, STATUS_ADDRESS } from '../../lib/wordpress/metrics';
import { CONFIG_DIR } from '../../lib/wordpress/php-memory';
import { one, synth } from '../helpers';
import { withClass } from './with-class';

const base: WordpressAppProps = { ingress: HttpsIngress.traefik({ host: 'blog.example.com', certResolver: 'le' }) };
const EXPORTER: WordpressMetricsProps = { image: 'quay.io/prometheuscommunity/apache-exporter:v1.0.10' };

function stack(props: WordpressAppProps) {
  return synth((chart) => new WordpressApp(chart, 'wordpress', withClass({ ...base, ...props })));
}

function outcome(metrics: WordpressMetricsProps): string {
  try {
    stack({ metrics });
    return 'accepted';
  } catch (e) {
    if (e instanceof ConfigurationError) return e.message;
    throw e;
  }
}

const podOf = (manifests: any[]) => one(manifests, 'Deployment', 'wordpress').spec.template;
const apacheConf = (manifests: any[]) => one(manifests, 'ConfigMap', 'wordpress-config').data['apache.conf'];

describe('metrics', () => {
  test('without it: one container, no status host, no scrape annotations, no scraper policy', () => {
    const manifests = stack({});
    expect(podOf(manifests).spec.containers.map((c: any) => c.name)).toEqual(['wordpress']);
    expect(apacheConf(manifests)).not.toContain('server-status');
    expect(podOf(manifests).metadata.annotations).not.toHaveProperty('prometheus.io/scrape');
    expect(manifests.filter((m) => m.kind === 'NetworkPolicy').map((m) => m.metadata.name)).not.toContain('wordpress-from-metrics-scraper');
  });

  test('the sidecar reads mod_status on the loopback host, serves 9117, stays Guaranteed and unprivileged, and has no readiness probe of its own', () => {
    const manifests = stack({ metrics: EXPORTER });
    const pod = podOf(manifests);
    const sidecar = pod.spec.containers[1];
    expect(sidecar).toMatchObject({
      name: 'apache-exporter',
      image: EXPORTER.image,
      args: [`--scrape_uri=http://${STATUS_ADDRESS}/server-status?auto`],
      ports: [{ name: 'metrics', containerPort: 9117, protocol: 'TCP' }],
      resources: { requests: { cpu: '50m', memory: '32Mi' }, limits: { cpu: '50m', memory: '32Mi' } },
      securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    });
    expect(sidecar).not.toHaveProperty('readinessProbe');
    expect(pod.metadata.annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9117' });
    expect(apacheConf(manifests)).toContain(apacheStatusConfig(CONFIG_DIR));
  });

  test('the status host listens on the loopback only, with its own document root, and answers only 127.0.0.1', () => {
    const conf = apacheStatusConfig('/srv/empty');
    expect(STATUS_ADDRESS).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(conf).toContain(`Listen ${STATUS_ADDRESS}\n<VirtualHost ${STATUS_ADDRESS}>\n\tDocumentRoot /srv/empty\n`);
    expect(conf).toContain('\t\tSetHandler server-status\n\t\tRequire ip 127.0.0.1\n');
  });

  test("the scraper policy admits Prometheus's pods (kube-prometheus by default, or the given ones) to 9117 of the WordPress pods only", () => {
    const given = { namespace: 'obs', podLabels: { app: 'vm' } };
    for (const [metrics, pods] of [[EXPORTER, PROMETHEUS_PODS], [{ ...EXPORTER, scraper: given }, given]] as const) {
      const policy = one(stack({ metrics }), 'NetworkPolicy', 'wordpress-from-metrics-scraper');
      expect(policy.spec).toEqual({
        podSelector: { matchLabels: expect.objectContaining({ 'app.kubernetes.io/component': 'frontend' }) },
        policyTypes: ['Ingress'],
        ingress: [{
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': pods.namespace } }, podSelector: { matchLabels: pods.podLabels } }],
          ports: [{ protocol: 'TCP', port: 9117 }],
        }],
      });
    }
  });

  /** Each condition: a refused value with the message it must give, and the closest accepted value. */
  const CONDITIONS: Array<[string, WordpressMetricsProps, RegExp, WordpressMetricsProps]> = [
    ['image is pinned', { image: 'apache-exporter' }, /metrics\.image = "apache-exporter": has no tag.*Fix: pin the exporter/, { image: 'apache-exporter:v1.0.10' }],
    ['image is not :latest', { image: 'apache-exporter:latest' }, /metrics\.image = "apache-exporter:latest": uses the :latest tag/, { image: 'apache-exporter:1' }],
    ['image is a string', { image: 7 as unknown as string }, /metrics\.image/, EXPORTER],
    [
      'scraper namespace is a namespace name',
      { ...EXPORTER, scraper: { namespace: 'Monitoring', podLabels: { app: 'prometheus' } } },
      /metrics\.scraper\.namespace = "Monitoring": is not a namespace name/,
      { ...EXPORTER, scraper: { namespace: 'monitoring', podLabels: { app: 'prometheus' } } },
    ],
    [
      'scraper pods are selected by labels',
      { ...EXPORTER, scraper: { namespace: 'monitoring', podLabels: {} } },
      /metrics\.scraper\.podLabels = \{\}: is empty, which would admit every pod of the namespace/,
      { ...EXPORTER, scraper: { namespace: 'monitoring', podLabels: { a: 'b' } } },
    ],
    [
      'scraper has no node networks',
      { ...EXPORTER, scraper: { namespace: 'monitoring', podLabels: { a: 'b' }, nodeCidrs: ['10.0.0.0/8'] } },
      /metrics\.scraper\.nodeCidrs = \["10\.0\.0\.0\/8"\]: admits nothing here/,
      { ...EXPORTER, scraper: { namespace: 'monitoring', podLabels: { a: 'b' } } },
    ],
  ];

  test.each(CONDITIONS)('%s', (_name, refused, message, accepted) => {
    expect(outcome(refused)).toMatch(message);
    expect(outcome(accepted)).toBe('accepted');
  });
});
