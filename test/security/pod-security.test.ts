import { HttpsIngress, WordpressApp } from '../../lib';
import { baselineProblems, podSecurityLevel, restrictedProblems } from '../../lib/security/pod-security';
import { one, synth } from '../helpers';

const restricted = {
  securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [{ name: 'c', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
  volumes: [{ name: 'v', emptyDir: {} }],
};
const withContainer = (sc: any) => ({ ...restricted, containers: [{ name: 'c', securityContext: { ...restricted.containers[0].securityContext, ...sc } }] });

test.each<[string, any, string]>([
  ['the restricted baseline pod', restricted, 'restricted'],
  ['NET_BIND_SERVICE is allowed by restricted', withContainer({ capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } }), 'restricted'],
  ['a default capability makes it baseline', withContainer({ capabilities: { drop: ['ALL'], add: ['CHOWN'] } }), 'baseline'],
  ['not dropping ALL', withContainer({ capabilities: {} }), 'baseline'],
  ['privilege escalation not off', withContainer({ allowPrivilegeEscalation: undefined }), 'baseline'],
  ['runAsNonRoot missing', { ...restricted, securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }, 'baseline'],
  ['root user', withContainer({ runAsUser: 0 }), 'baseline'],
  ['no seccomp profile', { ...restricted, securityContext: { runAsNonRoot: true } }, 'baseline'],
  ['a Localhost seccomp profile', { ...restricted, securityContext: { runAsNonRoot: true, seccompProfile: { type: 'Localhost' } } }, 'restricted'],
  ['a hostPath volume', { ...restricted, volumes: [{ name: 'h', hostPath: { path: '/' } }] }, 'privileged'],
  ['an nfs volume', { ...restricted, volumes: [{ name: 'n', nfs: { server: 's', path: '/' } }] }, 'baseline'],
  ['SYS_ADMIN', withContainer({ capabilities: { drop: ['ALL'], add: ['SYS_ADMIN'] } }), 'privileged'],
  ['privileged', withContainer({ privileged: true }), 'privileged'],
  ['hostNetwork', { ...restricted, hostNetwork: true }, 'privileged'],
  ['a hostPort', { ...restricted, containers: [{ ...restricted.containers[0], ports: [{ containerPort: 80, hostPort: 80 }] }] }, 'privileged'],
  ['Unconfined seccomp', withContainer({ seccompProfile: { type: 'Unconfined' } }), 'privileged'],
  ['an unmasked /proc', withContainer({ procMount: 'Unmasked' }), 'privileged'],
  ['an unsafe sysctl', { ...restricted, securityContext: { ...restricted.securityContext, sysctls: [{ name: 'kernel.msgmax', value: '1' }] } }, 'privileged'],
  ['a safe sysctl', { ...restricted, securityContext: { ...restricted.securityContext, sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }] } }, 'restricted'],
])('%s: %s', (_t, pod, level) => {
  expect(podSecurityLevel(pod)).toBe(level);
});

describe('the WordPress stack against the Namespace it renders (enforce baseline, warn restricted)', () => {
  const manifests = synth((chart) => new WordpressApp(chart, 'wp', {
    storage: { storageClassName: 'rook-cephfs' }, ingress: HttpsIngress.traefik({ host: 'blog.example.com', certResolver: 'le' }),
  }));
  const pods = manifests.flatMap((m) => {
    const spec = m.kind === 'CronJob' ? m.spec.jobTemplate.spec.template.spec : m.spec?.template?.spec;
    return spec ? [[`${m.kind}/${m.metadata.name}`, spec] as [string, any]] : [];
  });

  test('the Namespace enforces baseline and warns on restricted', () => {
    expect(one(manifests, 'Namespace').metadata.labels).toMatchObject({ 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'restricted' });
  });

  test('every pod is admitted (baseline)', () => {
    expect(pods.length).toBe(7); // WordPress, MySQL, its dump and restore CronJobs, install, update-db, cron
    for (const [, spec] of pods) expect(baselineProblems(spec)).toEqual([]);
  });

  test('WordPress misses restricted only where the official image needs root and its capabilities', () => {
    const [, wordpress] = pods.find(([n]) => n === 'Deployment/wordpress')!;
    expect(restrictedProblems(wordpress).map((p) => `${p.field}: ${p.problem}`)).toEqual([
      'containers[0].securityContext.runAsNonRoot: is not true (nor on the pod)',
      'containers[0].securityContext.capabilities.add: adds CHOWN, DAC_OVERRIDE, FOWNER, KILL, SETGID, SETUID; restricted allows only NET_BIND_SERVICE',
    ]);
  });

  test('the wp-cli Jobs and CronJob meet restricted', () => {
    for (const [name, spec] of pods.filter(([n]) => n.startsWith('Job/') || n.startsWith('CronJob/'))) expect([name, podSecurityLevel(spec)]).toEqual([name, 'restricted']);
  });
});
