import { HttpsIngress, WordpressApp, WordpressAppProps } from '../../lib';
import { CRON_SCRIPT, INSTALL_SCRIPT, UPDATE_DB_SCRIPT } from '../../lib/wordpress/wp-cli';
import { Manifest, one, synth, jobNamed } from '../helpers';
import { withClass } from './with-class';

const build = (props: WordpressAppProps = {}) => synth((chart) => new WordpressApp(chart, 'wordpress', withClass({
  ingress: HttpsIngress.traefik({ host: 'blog.example.com', certificate: { issuerName: 'letsencrypt' } }), ...props,
})));
const manifests = build();
const jobs = (m: Manifest[]) => m.filter((o) => o.kind === 'Job').map((o) => o.metadata.name);
const [installName, updateDbName] = jobs(manifests);
const install = one(manifests, 'Job', installName);
const updateDb = one(manifests, 'Job', updateDbName);
const cron = one(manifests, 'CronJob', 'wordpress-cron');
const podOf = (m: Manifest) => (m.kind === 'CronJob' ? m.spec.jobTemplate.spec.template.spec : m.spec.template.spec);

test('Job names carry a digest of the whole spec, so any change is a new Job under kubectl apply (Job templates are immutable)', () => {
  expect(installName).toMatch(/^wordpress-install-[0-9a-f]{8}$/);
  expect(updateDbName).toMatch(/^wordpress-update-db-[0-9a-f]{8}$/);
  expect(jobs(build())).toEqual([installName, updateDbName]);
  const changed = (props: WordpressAppProps) => jobs(build(props));
  // The image changes both; the title only the install Job; the cli image both.
  expect(changed({ image: 'wordpress:6.7.2-apache' }).filter((n) => [installName, updateDbName].includes(n))).toEqual([]);
  expect(changed({ siteTitle: 'Another' })).toEqual([expect.not.stringMatching(installName), updateDbName]);
  expect(changed({ cliImage: 'wordpress:cli-2.12.0-php8.2' }).filter((n) => [installName, updateDbName].includes(n))).toEqual([]);
  expect(install.metadata.labels['app.kubernetes.io/version']).toBeUndefined();
  expect(install.spec.template.metadata.labels['app.kubernetes.io/version']).toBe('6.7.1-apache');
});

test('Argo CD: install is a Sync hook in the WordPress wave, update-db a PostSync hook; both replaced before the next run', () => {
  expect(install.metadata.annotations).toEqual({
    'argocd.argoproj.io/hook': 'Sync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation', 'argocd.argoproj.io/sync-wave': '2',
  });
  expect(updateDb.metadata.annotations).toEqual({
    'argocd.argoproj.io/hook': 'PostSync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation', 'argocd.argoproj.io/sync-wave': '2',
  });
  expect(one(manifests, 'Deployment').metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('2');
  expect(cron.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '2' });
});

test('the commands: an idempotent install, update-db after the install, due cron events', () => {
  expect(podOf(install).containers[0].command).toEqual(['/bin/sh', '-c', INSTALL_SCRIPT]);
  expect(podOf(updateDb).containers[0].command).toEqual(['/bin/sh', '-c', UPDATE_DB_SCRIPT]);
  expect(podOf(cron).containers[0].command).toEqual(['/bin/sh', '-c', CRON_SCRIPT]);
  expect(INSTALL_SCRIPT).toMatch(
    /if wp core is-installed; then[\s\S]*exit 0\nfi\nwp core install --url="\$WP_SITE_URL" --title="\$WP_SITE_TITLE" --admin_user="\$WP_ADMIN_USER" --admin_password="\$WP_ADMIN_PASSWORD" --admin_email="\$WP_ADMIN_EMAIL" --skip-email\n$/,
  );
  expect(UPDATE_DB_SCRIPT).toMatch(/until wp core is-installed; do[\s\S]*done\nwp core update-db\n/);
  expect(CRON_SCRIPT).toBe('exec wp cron event run --due-now');
});

test('install gets the URL from the ingress host, the title, and the admin account from the admin Secret', () => {
  const env = podOf(install).containers[0].env;
  const byName = (n: string) => env.find((e: any) => e.name === n);
  expect(byName('WP_SITE_URL')).toEqual({ name: 'WP_SITE_URL', value: 'https://blog.example.com' });
  expect(byName('WP_SITE_TITLE')).toEqual({ name: 'WP_SITE_TITLE', value: 'WordPress' });
  for (const [name, key] of [['WP_ADMIN_USER', 'user'], ['WP_ADMIN_PASSWORD', 'password'], ['WP_ADMIN_EMAIL', 'email']]) {
    expect(byName(name)).toEqual({ name, valueFrom: { secretKeyRef: { name: 'wordpress-admin', key } } });
  }
  const custom = podOf(jobNamed(build({ admin: { secretName: 'site-admin', passwordKey: 'pw' }, siteTitle: 'My blog' }), 'wordpress-install')).containers[0].env;
  expect(custom).toContainEqual({ name: 'WP_ADMIN_PASSWORD', valueFrom: { secretKeyRef: { name: 'site-admin', key: 'pw' } } });
  expect(custom).toContainEqual({ name: 'WP_SITE_TITLE', value: 'My blog' });
});

test.each([
  ['install', install],
  ['update-db', updateDb],
  ['cron', cron],
])("%s: the pinned wordpress:cli image against the core of the WordPress image, with the pods' database, salts and settings", (_t, m) => {
  const pod = podOf(m);
  expect(pod.initContainers).toHaveLength(1);
  expect(pod.initContainers[0].image).toBe('wordpress:6.7.1-apache');
  expect(pod.initContainers[0].command).toEqual(['/bin/sh', '-c', 'cp -R /usr/src/wordpress/. /core/ && cp /usr/src/wordpress/wp-config-docker.php /core/wp-config.php']);
  expect(pod.containers[0].image).toBe('wordpress:cli-2.11.0-php8.2');
  const wordpressEnv = one(manifests, 'Deployment').spec.template.spec.containers[0].env;
  expect(pod.containers[0].env.slice(0, wordpressEnv.length)).toEqual(wordpressEnv);
  expect(pod.containers[0].volumeMounts).toEqual([
    { name: 'core', mountPath: '/var/www/html' },
    { name: 'wp-content', mountPath: '/var/www/html/wp-content' },
    { name: 'tmp', mountPath: '/tmp' },
  ]);
  expect(pod.volumes[1]).toEqual({ name: 'wp-content', persistentVolumeClaim: { claimName: 'wordpress-wp-content' } });
});

test.each([
  ['install', install],
  ['update-db', updateDb],
  ['cron', cron],
])('%s pods meet Pod Security restricted: non-root www-data, no token, seccomp, nothing kept, read-only root', (_t, m) => {
  const pod = podOf(m);
  expect(pod.automountServiceAccountToken).toBe(false);
  expect(pod.securityContext).toEqual({
    runAsNonRoot: true, runAsUser: 33, runAsGroup: 33, seccompProfile: { type: 'RuntimeDefault' }, fsGroup: 33, fsGroupChangePolicy: 'OnRootMismatch',
  });
  for (const c of [...pod.initContainers, ...pod.containers]) {
    expect(c.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
  }
  expect(pod.restartPolicy).toBe('Never');
});

test('CronJob: Forbid, bounded history and deadlines, no retries (the next run retries), labelled for its egress policy', () => {
  expect(cron.spec).toMatchObject({
    schedule: '*/5 * * * *', concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 120, successfulJobsHistoryLimit: 1, failedJobsHistoryLimit: 3,
    jobTemplate: { spec: { activeDeadlineSeconds: 600, backoffLimit: 0 } },
  });
  expect(cron.spec.jobTemplate.spec.template.metadata.labels.task).toBe('cron');
  const custom = one(build({ cron: { schedule: '0 * * * *', activeDeadlineSeconds: 900, startingDeadlineSeconds: 30 } }), 'CronJob', 'wordpress-cron').spec;
  expect(custom).toMatchObject({ schedule: '0 * * * *', startingDeadlineSeconds: 30, jobTemplate: { spec: { activeDeadlineSeconds: 900 } } });
});

test('Jobs: bounded retries and deadline', () => {
  for (const job of [install, updateDb]) expect(job.spec).toMatchObject({ backoffLimit: 3, activeDeadlineSeconds: 1800 });
});

test('without Argo CD annotations the Jobs are plain Jobs, and a subPath claim is mounted the same way as in the pods', () => {
  const plain = build({ syncWaves: false, storage: { claimName: 'wordpress-pvc', subPath: 'wp-content' } });
  const job = jobNamed(plain, 'wordpress-install');
  expect(job.metadata.annotations).toBeUndefined();
  expect(podOf(job).containers[0].volumeMounts[1]).toEqual({ name: 'wp-content', mountPath: '/var/www/html/wp-content', subPath: 'wp-content' });
  expect(one(plain, 'Deployment').spec.template.spec.containers[0].volumeMounts[1]).toEqual({ name: 'wp-content', mountPath: '/var/www/html/wp-content', subPath: 'wp-content' });
});
