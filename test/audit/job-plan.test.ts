import { formatJobPlans, jobPlans } from '../../lib/analysis';
import { HttpsIngress, WordpressApp } from '../../lib';
import { synth } from '../helpers';

test('the rollout plan lists the Jobs and CronJobs: when they run, image, deadline, retries', () => {
  const manifests = synth((chart) => new WordpressApp(chart, 'wp', {
    storage: { storageClassName: 'rook-cephfs' }, ingress: HttpsIngress.traefik({ host: 'blog.example.com', certResolver: 'le' }),
  }));
  expect(jobPlans(manifests)).toEqual([
    { object: 'CronJob kube-example/wordpress-db-backup', runs: "schedule '17 3 * * *', Forbid", image: 'mysql:8.4.3', activeDeadlineSeconds: 3600, backoffLimit: 2 },
    { object: 'CronJob kube-example/wordpress-db-restore', runs: "schedule '0 0 31 2 *', Forbid", image: 'mysql:8.4.3', activeDeadlineSeconds: 3600, backoffLimit: 0 },
    { object: expect.stringMatching(/^Job kube-example\/wordpress-install-[0-9a-f]{8}$/), runs: 'on apply; Argo CD Sync hook, wave 2', image: 'wordpress:cli-2.11.0-php8.2',
      activeDeadlineSeconds: 1800, backoffLimit: 3 },
    { object: expect.stringMatching(/^Job kube-example\/wordpress-update-db-[0-9a-f]{8}$/), runs: 'on apply; Argo CD PostSync hook, wave 2',
      image: 'wordpress:cli-2.11.0-php8.2', activeDeadlineSeconds: 1800, backoffLimit: 3 },
    { object: 'CronJob kube-example/wordpress-cron', runs: "schedule '*/5 * * * *', Forbid", image: 'wordpress:cli-2.11.0-php8.2', activeDeadlineSeconds: 600, backoffLimit: 0 },
  ]);
  expect(formatJobPlans(jobPlans(manifests)).split('\n')[0]).toMatch(/^JOB +RUNS +IMAGE +DEADLINE +RETRIES$/);
});

test('plain Jobs: on apply, the API defaults for retries, no deadline; nothing to show without Jobs', () => {
  const plans = jobPlans([{ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', namespace: 'n' },
    spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } } } }]);
  expect(plans).toEqual([{ object: 'Job n/j', runs: 'on apply', image: 'busybox:1.36', activeDeadlineSeconds: undefined, backoffLimit: 6 }]);
  expect(formatJobPlans(plans)).toContain('none');
  expect(formatJobPlans([])).toBe('');
});
