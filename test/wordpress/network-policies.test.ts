import { HttpsIngress, WordpressApp, WordpressAppProps } from '../../lib';
import { Endpoint, evaluateConnection, PodEndpoint } from '../../lib/network/evaluate';
import { Manifest, one, synth, jobNamed } from '../helpers';
import { withClass } from './with-class';

function build(props: WordpressAppProps = {}): Manifest[] {
  return synth((chart) => new WordpressApp(chart, 'wordpress', withClass({ ingress: HttpsIngress.traefik({ host: 'blog.example.com', certResolver: 'le' }), ...props })));
}

/** The pods the stack would run, as NetworkPolicy sees them, from the synthesized templates. */
function podsOf(manifests: Manifest[]): Record<string, PodEndpoint> {
  const pod = (template: any): PodEndpoint => ({
    namespace: 'kube-example',
    labels: template.metadata.labels,
    ports: template.spec.containers.flatMap((c: any) => c.ports ?? []),
  });
  return {
    wordpress: pod(one(manifests, 'Deployment').spec.template),
    mysql: pod(one(manifests, 'StatefulSet').spec.template),
    install: pod(jobNamed(manifests, 'wordpress-install').spec.template),
    updateDb: pod(jobNamed(manifests, 'wordpress-update-db').spec.template),
    cron: pod(one(manifests, 'CronJob', 'wordpress-cron').spec.jobTemplate.spec.template),
  };
}

const manifests = build();
const policies = manifests.filter((m) => m.kind === 'NetworkPolicy');
const p = podsOf(manifests);
const traefik: PodEndpoint = { namespace: 'traefik', labels: { 'app.kubernetes.io/name': 'traefik' } };
const otherInTraefikNamespace: PodEndpoint = { namespace: 'traefik', labels: { app: 'dashboard' } };
const traefikLabelsElsewhere: PodEndpoint = { namespace: 'default', labels: { 'app.kubernetes.io/name': 'traefik' } };
const rogue: PodEndpoint = { namespace: 'default', labels: { app: 'rogue' } };
const rogueInside: PodEndpoint = { namespace: 'kube-example', labels: { app: 'debug' } };
const dns: PodEndpoint = { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } };
const internet = { ip: '198.51.100.7' };

const CASES: Array<[string, Endpoint, Endpoint, number, 'TCP' | 'UDP', boolean]> = [
  ['Traefik -> WordPress :80', traefik, p.wordpress, 80, 'TCP', true],
  ['Traefik -> WordPress :22', traefik, p.wordpress, 22, 'TCP', false],
  ['another pod of the Traefik namespace -> WordPress :80', otherInTraefikNamespace, p.wordpress, 80, 'TCP', false],
  ['Traefik-labelled pod in another namespace -> WordPress :80', traefikLabelsElsewhere, p.wordpress, 80, 'TCP', false],
  ['a pod of another namespace -> WordPress :80', rogue, p.wordpress, 80, 'TCP', false],
  ['an unlabelled pod of the namespace -> WordPress :80', rogueInside, p.wordpress, 80, 'TCP', false],
  ['WordPress -> WordPress :80', p.wordpress, p.wordpress, 80, 'TCP', false],
  ['Traefik -> MySQL :3306', traefik, p.mysql, 3306, 'TCP', false],
  ['WordPress -> MySQL :3306', p.wordpress, p.mysql, 3306, 'TCP', true],
  ['WordPress -> MySQL :33060 (X protocol)', p.wordpress, p.mysql, 33060, 'TCP', false],
  ['install Job -> MySQL :3306', p.install, p.mysql, 3306, 'TCP', true],
  ['update-db Job -> MySQL :3306', p.updateDb, p.mysql, 3306, 'TCP', true],
  ['cron Job -> MySQL :3306', p.cron, p.mysql, 3306, 'TCP', true],
  ['an unlabelled pod of the namespace -> MySQL :3306', rogueInside, p.mysql, 3306, 'TCP', false],
  ['a pod of another namespace -> MySQL :3306', rogue, p.mysql, 3306, 'TCP', false],
  ['MySQL -> WordPress :80', p.mysql, p.wordpress, 80, 'TCP', false],
  ['WordPress -> DNS :53/UDP', p.wordpress, dns, 53, 'UDP', true],
  ['WordPress -> DNS :53/TCP', p.wordpress, dns, 53, 'TCP', true],
  ['MySQL -> DNS :53/UDP', p.mysql, dns, 53, 'UDP', true],
  ['install Job -> DNS :53/UDP', p.install, dns, 53, 'UDP', true],
  ['WordPress -> DNS :80', p.wordpress, dns, 80, 'TCP', false],
  ['WordPress -> internet :443 (updates, plugins)', p.wordpress, internet, 443, 'TCP', true],
  ['WordPress -> internet :80', p.wordpress, internet, 80, 'TCP', false],
  ['WordPress -> internet :25', p.wordpress, internet, 25, 'TCP', false],
  ['cron Job -> internet :443', p.cron, internet, 443, 'TCP', true],
  ['install Job -> internet :443', p.install, internet, 443, 'TCP', false],
  ['update-db Job -> internet :443', p.updateDb, internet, 443, 'TCP', false],
  ['MySQL -> internet :443', p.mysql, internet, 443, 'TCP', false],
  ['WordPress -> Traefik :8080 (another namespace)', p.wordpress, traefik, 8080, 'TCP', false],
  ['a pod of another namespace -> DNS (no policy selects either end)', rogue, dns, 53, 'UDP', true],
];

test.each(CASES)('%s: allowed = %s', (_name, from, to, port, protocol, expected) => {
  expect(evaluateConnection(policies, { from, to, port, protocol }).allowed).toBe(expected);
});

test('every WordPress-stack pod is selected by the default deny in both directions', () => {
  for (const pod of Object.values(p)) {
    const v = evaluateConnection(policies, { from: pod, to: pod, port: 1 });
    expect(v.egress.decision).toBe('denied');
    expect(v.ingress.decision).toBe('denied');
  }
});

test('the ingress controller, DNS and egress are props', () => {
  const custom = build({
    ingressController: { namespace: 'ingress-nginx', podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
    clusterDns: { namespace: 'dns', podLabels: { app: 'coredns' } },
    egress: { ports: [443, 587], cidrs: ['203.0.113.0/24'] },
  });
  const cp = custom.filter((m) => m.kind === 'NetworkPolicy');
  const wp = podsOf(custom).wordpress;
  const nginx: PodEndpoint = { namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } };
  const check = (from: Endpoint, to: Endpoint, port: number, protocol: 'TCP' | 'UDP' = 'TCP') => evaluateConnection(cp, { from, to, port, protocol }).allowed;
  expect(check(nginx, wp, 80)).toBe(true);
  expect(check(traefik, wp, 80)).toBe(false);
  expect(check(wp, { namespace: 'dns', labels: { app: 'coredns' } }, 53, 'UDP')).toBe(true);
  expect(check(wp, dns, 53, 'UDP')).toBe(false);
  expect(check(wp, { ip: '203.0.113.9' }, 587)).toBe(true);
  expect(check(wp, internet, 443)).toBe(false);
});

test('networkPolicies: false renders only the database tier\'s own policies', () => {
  expect(build({ networkPolicies: false }).filter((m) => m.kind === 'NetworkPolicy').map((m) => m.metadata.name)).toEqual(['wordpress-db-backup', 'wordpress-mysql']);
});
