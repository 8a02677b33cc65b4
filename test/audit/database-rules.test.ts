import { audit, formatRolloutPlans, Manifest, rolloutPlans } from '../../lib/analysis';
import { isDatabaseImage } from '../../lib/audit/rules/database';
import { dumpCronJob, innoDbClusterManifest, mysqlManifests } from '../database/fixtures';

const DATABASE_RULES = ['database-single-instance', 'innodbcluster-size', 'database-backup-missing'];
const hits = (manifests: Manifest[]) => audit(manifests).violations.filter((v) => DATABASE_RULES.includes(v.ruleId));
const ids = (manifests: Manifest[]) => hits(manifests).map((v) => `${v.ruleId} ${v.field}`);

test('isDatabaseImage knows database servers by their image name, wherever they are pulled from', () => {
  for (const image of ['mysql:8.4.3', 'docker.io/library/mariadb:11.4', 'bitnami/postgresql:16', 'container-registry.oracle.com/mysql/community-server:8.4.3',
    'registry:5000/mongo@sha256:' + 'a'.repeat(64)]) {
    expect(isDatabaseImage(image)).toBe(true);
  }
  for (const image of ['wordpress:6.7.1-apache', 'mysqld-exporter:0.15', 'prom/mysqld-exporter:v0.15.1', '', undefined, 42]) expect(isDatabaseImage(image)).toBe(false);
});

describe('database-single-instance', () => {
  test('reports a served single-instance database with what a restart costs', () => {
    const [hit] = hits(mysqlManifests({ dumpCronJob: true }));
    expect(hit).toMatchObject({ ruleId: 'database-single-instance', severity: 'warning', object: 'StatefulSet shop/shop-db', field: 'spec.replicas' });
    expect(hit.message).toBe('single instance, no replica to fail over to: a restart, drain or upgrade is an outage of up to 45s grace + volume detach/attach when the pod moves'
      + ' + startup (up to 120s by its startup probe); on a lost node it stays down until the pod is deleted by hand (StatefulSet pods are never replaced while their node ' +
        'is unreachable)');
    expect(hit.fix).toMatch(/innoDbCluster/);
  });
  test('not with 2 replicas, and not without a Service', () => {
    expect(ids(mysqlManifests({ dumpCronJob: true, replicas: 2 }))).toEqual([]);
    expect(ids(mysqlManifests({ dumpCronJob: true }).filter((m) => m.kind !== 'Service'))).toEqual([]);
  });
});

describe('database-backup-missing', () => {
  test('a database with no dump CronJob in its namespace is reported', () => {
    expect(ids(mysqlManifests({ dumpCronJob: false }))).toContain('database-backup-missing metadata');
  });
  test('a dump CronJob of this database counts; one of another host, another namespace, without a dump tool, or suspended does not', () => {
    const db = mysqlManifests({ dumpCronJob: false });
    expect(ids([...db, dumpCronJob('shop', 'shop-db')])).not.toContain('database-backup-missing metadata');
    expect(ids([...db, dumpCronJob('shop', 'shop-db.shop.svc.cluster.local')])).not.toContain('database-backup-missing metadata');
    expect(ids([...db, dumpCronJob('shop', 'shop-db-replica')])).toContain('database-backup-missing metadata');
    expect(ids([...db, dumpCronJob('elsewhere', 'shop-db')])).toContain('database-backup-missing metadata');
    const noTool = dumpCronJob('shop', 'shop-db');
    noTool.spec.jobTemplate.spec.template.spec.containers[0].command = ['/bin/sh', '-c', 'echo shop-db'];
    expect(ids([...db, noTool])).toContain('database-backup-missing metadata');
    const suspended = dumpCronJob('shop', 'shop-db');
    suspended.spec.suspend = true;
    expect(ids([...db, suspended])).toContain('database-backup-missing metadata');
  });
  test('an InnoDBCluster needs an enabled backup schedule', () => {
    expect(ids([innoDbClusterManifest()])).toEqual([]);
    expect(ids([innoDbClusterManifest({ backupSchedules: undefined })])).toEqual(['database-backup-missing spec.backupSchedules']);
    expect(ids([innoDbClusterManifest({ backupSchedules: [{ name: 'd', schedule: '0 3 * * *', enabled: false }] })])).toEqual(['database-backup-missing spec.backupSchedules']);
  });
});

describe('innodbcluster-size', () => {
  test('3 instances and 2 routers pass', () => {
    expect(ids([innoDbClusterManifest({ instances: 5, router: { instances: 3 } })])).toEqual([]);
  });
  test('fewer instances, fewer routers, and the CRD defaults (1 and 1) are each reported', () => {
    expect(ids([innoDbClusterManifest({ instances: 2 })])).toEqual(['innodbcluster-size spec.instances']);
    expect(ids([innoDbClusterManifest({ router: { instances: 1 } })])).toEqual(['innodbcluster-size spec.router.instances']);
    expect(ids([innoDbClusterManifest({ instances: undefined, router: undefined })])).toEqual(['innodbcluster-size spec.instances', 'innodbcluster-size spec.router.instances']);
  });
  test('a wrong type is a finding, never a crash', () => {
    expect(() => audit([{ apiVersion: 'mysql.oracle.com/v2', kind: 'InnoDBCluster', metadata: { name: 'x' }, spec: 'oops' } as Manifest])).not.toThrow();
  });
});

describe('the rollout plan', () => {
  test('a single-instance database row carries its restart cost', () => {
    const plan = formatRolloutPlans(rolloutPlans(mysqlManifests({ dumpCronJob: true })));
    expect(plan).toContain('StatefulSet shop/shop-db: single instance, no replica to fail over to');
    expect(formatRolloutPlans(rolloutPlans(mysqlManifests({ dumpCronJob: true, replicas: 2 })))).not.toContain('single instance');
  });
  test('an InnoDBCluster gets a row: one server at a time under the operator\'s PDB, the primary fails over', () => {
    const [plan] = rolloutPlans([innoDbClusterManifest()]);
    expect(plan).toMatchObject({ object: 'InnoDBCluster shop/shop-db', peakPods: 3, minReadyPods: 2, pdbAllowedDisruptions: 1, terminationGracePeriodSeconds: 120 });
    expect(plan.note).toBe('3 Group Replication members behind 2 routers: the operator restarts one server at a time and the primary fails over');
    expect(rolloutPlans([innoDbClusterManifest({ instances: 1 })])[0].note).toContain('no majority survives');
  });
});

describe('malformed fields are read as absent, never a crash', () => {
  test('a CronJob whose command is a number and whose env is a map: no crash, and it is no backup', () => {
    const cronJob = dumpCronJob('shop', 'shop-db');
    const container = cronJob.spec.jobTemplate.spec.template.spec.containers[0];
    const broken = { ...cronJob,
      spec: { ...cronJob.spec, jobTemplate: { spec: { template: { spec: { containers: [{ ...container, command: 5, args: 'x', env: { A: 'b' } }] } } } } } };
    const manifests = [...mysqlManifests({ dumpCronJob: false }), broken];
    expect(() => audit(manifests)).not.toThrow();
    expect(ids(manifests)).toContain('database-backup-missing metadata');
    expect(ids([...mysqlManifests({ dumpCronJob: false }), cronJob])).not.toContain('database-backup-missing metadata');
  });
  test('an InnoDBCluster with instances "3" (a string) reads it as absent (the CRD default, 1) and the rollout plan stays numeric', () => {
    const cluster = innoDbClusterManifest({ instances: '3', podSpec: { containers: 'none' } });
    expect(ids([cluster])).toContain('innodbcluster-size spec.instances');
    expect(formatRolloutPlans(rolloutPlans([cluster]))).toContain('1 Group Replication member behind 2 routers');
  });
});
