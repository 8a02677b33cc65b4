import * as fs from 'fs';
import * as path from 'path';
import { audit, parseManifests } from '../../lib/analysis';
import { one } from '../helpers';

const DIST = path.join(__dirname, '..', '..', 'dist');
const load = (file: string) => parseManifests(fs.readFileSync(path.join(DIST, file), 'utf8'), file) as any[];

describe('dist/: production on an InnoDB Cluster with Velero, staging on the embedded MySQL with its dumps', () => {
  const production = load('wordpress.k8s.yaml');
  const staging = load('staging/wordpress.k8s.yaml');

  test('production holds the InnoDBCluster with its backup schedule, the user Job, the Velero Schedule; no embedded MySQL', () => {
    const cluster = one(production, 'InnoDBCluster', 'wordpress-mysql');
    expect(cluster.spec).toMatchObject({ instances: 3, router: { instances: 2 }, version: '8.4.3', secretName: 'wordpress-mysql-root' });
    expect(cluster.spec.backupSchedules[0]).toMatchObject({ schedule: '17 3 * * *', enabled: true });
    expect(production.filter((m) => m.kind === 'Job').map((m) => m.metadata.name)).toContainEqual(expect.stringMatching(/^wordpress-mysql-app-user-[0-9a-f]{8}$/));
    expect(one(production, 'Schedule')).toMatchObject({ metadata: { namespace: 'velero' }, spec: { template: { includedNamespaces: ['kube-example'], ttl: '720h0m0s' } } });
    expect(production.some((m) => m.kind === 'StatefulSet')).toBe(false);
    // Dumps off-site, the cluster kept when the Application goes, the routers under a budget.
    expect(cluster.spec.backupProfiles[0].dumpInstance.storage.s3).toMatchObject({ bucketName: 'example-wordpress-backups', prefix: '/wordpress-mysql' });
    expect(production.some((m) => m.kind === 'PersistentVolumeClaim' && m.metadata.name === 'wordpress-mysql-backup')).toBe(false);
    expect(cluster.metadata.annotations['argocd.argoproj.io/sync-options']).toBe('Delete=false,Prune=false');
    expect(one(production, 'PodDisruptionBudget', 'wordpress-mysql-router').spec.maxUnavailable).toBe(1);
    const wordpress = one(production, 'Deployment', 'wordpress');
    expect(wordpress.spec.template.metadata.annotations['backup.velero.io/backup-volumes']).toBe('wp-content');
    expect(wordpress.spec.template.spec.containers[0].env).toContainEqual({ name: 'WORDPRESS_DB_HOST', value: 'wordpress-mysql:3306' });
  });

  test('WordPress and the wp-cli pods may reach the routers on their read-write port, which admit them', () => {
    const egress = one(production, 'NetworkPolicy', 'wordpress-wordpress-egress').spec.egress[0];
    expect(egress).toEqual({ to: [{ podSelector: { matchLabels: { component: 'mysqlrouter', tier: 'mysql', 'mysql.oracle.com/cluster': 'wordpress-mysql' } } }],
      ports: [{ protocol: 'TCP', port: 6446 }] });
    const routers = one(production, 'NetworkPolicy',
      'wordpress-mysql-router-clients').spec.ingress[0].from.map((f: any) => f.podSelector.matchLabels['app.kubernetes.io/component']);
    expect(routers).toEqual(['frontend', 'wp-cli', 'database-setup']);
  });

  test('the production audit reports nothing and suppresses only the routers\' budget (the operator creates their Deployment); staging reports its single instance', () => {
    const report = audit(production);
    expect(report.violations).toEqual([]);
    expect(report.suppressed.map((v) => `${v.ruleId} ${v.name}`)).toEqual(['pdb-selects-nothing wordpress-mysql-router']);
    expect(audit(staging).violations.map((v) => v.ruleId)).toEqual(['database-single-instance']);
  });

  test('staging holds the embedded MySQL, its dump CronJob and the restore template', () => {
    expect(one(staging, 'StatefulSet', 'wordpress-mysql').spec.replicas).toBe(1);
    expect(one(staging, 'CronJob', 'wordpress-db-backup').spec.schedule).toBe('17 3 * * *');
    expect(one(staging, 'CronJob', 'wordpress-db-restore').spec.suspend).toBe(true);
    expect(staging.some((m) => m.kind === 'InnoDBCluster' || m.kind === 'Schedule')).toBe(false);
    expect(one(staging, 'StatefulSet', 'wordpress-mysql').spec.template.spec.containers[0].args).toContain('--binlog-expire-logs-seconds=604800');
  });

  test('both environments let the ingress controller reach cert-manager\'s HTTP-01 solver under their default-deny', () => {
    for (const env of [production, staging]) {
      const policy = one(env, 'NetworkPolicy', 'wordpress-acme-http01-solver').spec;
      expect(policy.podSelector).toEqual({ matchLabels: { 'acme.cert-manager.io/http01-solver': 'true' } });
      expect(policy.ingress[0].ports).toEqual([{ protocol: 'TCP', port: 8089 }]);
    }
  });
});
