import * as k8s from '../../imports/k8s';
import { PropChecker } from '../core/configuration-error';
import { deepFreeze } from '../grammar/freeze';
import { imagePinProblem } from '../policy/image';
import { PeerPods } from './network-policies';
import { checkPeerPods } from './peer-checks';

/**
 * Apache's metrics for Prometheus: an apache_exporter sidecar that reads mod_status, which Apache serves
 * on the pod's loopback only, outside the docroot.
 */
export interface WordpressMetricsProps {
  /**
   * The exporter's image: Prometheus's apache_exporter, pinned by a tag or a digest, e.g.
   * 'quay.io/prometheuscommunity/apache-exporter:v1.0.10'. It runs with `--scrape_uri` alone and serves
   * on its default port, 9117.
   */
  readonly image: string;
  /**
   * The pods that scrape port 9117, admitted by a NetworkPolicy.
   * @default - namespace 'monitoring', pods labelled app.kubernetes.io/name=prometheus (kube-prometheus)
   */
  readonly scraper?: PeerPods;
}

/** The exporter's port: apache_exporter's default, so that no flag (renamed between its versions) is needed. */
export const METRICS_PORT = 9117;

/** Where Apache serves mod_status to the sidecar: the pod's loopback, so that nothing outside the pod reaches it. */
export const STATUS_ADDRESS = '127.0.0.1:8080';

/** kube-prometheus's Prometheus pods. */
export const PROMETHEUS_PODS: PeerPods = deepFreeze({ namespace: 'monitoring', podLabels: { 'app.kubernetes.io/name': 'prometheus' } });

/**
 * Apache configuration for the sidecar: mod_status on its own loopback virtual host, whose document root
 * (`root`, a folder without .htaccess) keeps WordPress's rewrite rules from turning /server-status into
 * a WordPress page.
 */
export function apacheStatusConfig(root: string): string {
  return [
    '# The metrics sidecar reads mod_status here: the pod\'s loopback only.',
    `Listen ${STATUS_ADDRESS}`,
    `<VirtualHost ${STATUS_ADDRESS}>`,
    `\tDocumentRoot ${root}`,
    '\t<Location "/server-status">',
    '\t\tSetHandler server-status',
    '\t\tRequire ip 127.0.0.1',
    '\t</Location>',
    '</VirtualHost>',
    '',
  ].join('\n');
}

/**
 * The sidecar: Guaranteed (requests equal limits), unprivileged, with a read-only root. No readiness probe:
 * a sidecar's readiness is the pod's, and a metrics failure must not take WordPress out of its Service.
 */
export function exporterContainer(metrics: WordpressMetricsProps): k8s.Container {
  // The Deployment serializes its containers after patches are applied: quantities stay Quantity objects.
  const resources = () => ({ cpu: k8s.Quantity.fromString('50m'), memory: k8s.Quantity.fromString('32Mi') });
  return {
    name: 'apache-exporter',
    image: metrics.image,
    args: [`--scrape_uri=http://${STATUS_ADDRESS}/server-status?auto`],
    ports: [{ name: 'metrics', containerPort: METRICS_PORT, protocol: 'TCP' }],
    resources: { requests: resources(), limits: resources() },
    securityContext: {
      runAsNonRoot: true, runAsUser: 65534, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] },
    },
  };
}

/** Records the problems of the metrics prop. */
export function checkMetrics(check: PropChecker, metrics: WordpressMetricsProps | undefined): void {
  if (metrics === undefined) return;
  const pin = typeof metrics.image === 'string' ? imagePinProblem(metrics.image) : 'is not an image reference';
  if (pin) check.add('metrics.image', metrics.image, pin, "pin the exporter, e.g. 'quay.io/prometheuscommunity/apache-exporter:v1.0.10'");
  if (metrics.scraper === undefined) return;
  checkPeerPods(check, 'metrics.scraper', metrics.scraper, {
    namespaceFix: "name Prometheus's namespace, e.g. 'monitoring'",
    podLabelsFix: "give Prometheus's pod labels, e.g. { 'app.kubernetes.io/name': 'prometheus' }",
    nodeCidrsAllowed: false,
  });
}
