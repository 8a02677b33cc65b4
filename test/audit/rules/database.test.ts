import { audit, Manifest } from '../../../lib/analysis';
import { dumpCronJob, innoDbClusterManifest, mysqlManifests } from '../../database/fixtures';

const hits = (manifests: Manifest[], id: string) => audit(manifests).violations.filter((v) => v.ruleId === id);
const messages = (manifests: Manifest[], id: string) => hits(manifests, id).map((v) => v.message);
const backupMissing = (manifests: Manifest[]) => hits(manifests, 'database-backup-missing').map((v) => `${v.object} ${v.field}`);

/** The dump CronJob with its container changed. */
function cronJobWith(change: (container: any) => void, namespace = 'shop'): Manifest {
  const cronJob = dumpCronJob(namespace, 'shop-db');
  change(cronJob.spec.jobTemplate.spec.template.spec.containers[0]);
  return cronJob;
}

describe('database-backup-missing: which CronJob dumps the database', () => {
  test('a host named only in an env value counts: the env values are part of the CronJob\'s text', () => {
    const byEnv = cronJobWith((c) => {
      c.command = ['/bin/sh', '-c', 'mysqldump --host="$DB_HOST" --all-databases > /backup/dump.sql'];
      c.env = [{ name: 'DB_HOST', value: 'shop-db' }];
    });
    expect(backupMissing([...mysqlManifests({ dumpCronJob: false }), byEnv])).toEqual([]);
    const elsewhere = cronJobWith((c) => {
      c.command = ['/bin/sh', '-c', 'mysqldump --host="$DB_HOST" --all-databases > /backup/dump.sql'];
      c.env = [{ name: 'DB_HOST', value: 'other-db' }];
    });
    expect(backupMissing([...mysqlManifests({ dumpCronJob: false }), elsewhere])).toEqual(['StatefulSet shop/shop-db metadata']);
  });

  test('one Service name of several is enough', () => {
    const headless: Manifest = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'shop-db-headless', namespace: 'shop' },
      spec: { clusterIP: 'None', selector: { app: 'shop-db' }, ports: [{ port: 3306 }] } };
    expect(backupMissing([...mysqlManifests({ dumpCronJob: true }), headless])).toEqual([]);
    expect(backupMissing([...mysqlManifests({ dumpCronJob: false }), headless, dumpCronJob('shop', 'shop-db-headless')])).toEqual([]);
    expect(backupMissing([...mysqlManifests({ dumpCronJob: false }), headless, dumpCronJob('shop', 'shop-db-primary')])).toEqual(['StatefulSet shop/shop-db metadata']);
  });

  test('only a CronJob counts: another kind shaped like one (a custom resource the audit cannot run) is no backup', () => {
    const custom = { ...dumpCronJob('shop', 'shop-db'), apiVersion: 'example.com/v1', kind: 'ScheduledDump' };
    expect(backupMissing([...mysqlManifests({ dumpCronJob: false }), custom])).toEqual(['StatefulSet shop/shop-db metadata']);
    expect(backupMissing([...mysqlManifests({ dumpCronJob: false }), { ...custom, apiVersion: 'batch/v1', kind: 'CronJob' }])).toEqual([]);
  });

  test('a CronJob without a spec in the namespace is no backup and no crash', () => {
    const bare: Manifest = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'bare', namespace: 'shop' } };
    expect(backupMissing([...mysqlManifests({ dumpCronJob: false }), bare])).toEqual(['StatefulSet shop/shop-db metadata']);
  });

  test('the finding names the Services a dump should reach', () => {
    expect(messages(mysqlManifests({ dumpCronJob: false }), 'database-backup-missing')).toEqual([
      'no CronJob in namespace shop dumps it (a CronJob running mysqldump, pg_dump or similar against shop-db)']);
    const twoServices = [...mysqlManifests({ dumpCronJob: false }), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'shop-db-read', namespace: 'shop' },
      spec: { selector: { app: 'shop-db' }, ports: [{ port: 3306 }] } }];
    expect(messages(twoServices, 'database-backup-missing')).toEqual([expect.stringMatching(/against shop-db, shop-db-read\)$/)]);
  });

  test('without a Service it says "it", and any dump CronJob of the namespace counts', () => {
    const unserved = mysqlManifests({ dumpCronJob: false }).filter((m) => m.kind !== 'Service');
    expect(messages(unserved, 'database-backup-missing')).toEqual([expect.stringMatching(/similar against it\)$/)]);
    expect(backupMissing([...unserved, dumpCronJob('shop', 'anything')])).toEqual([]);
  });

  test('a selecting Service without metadata (which the API server refuses) is no name to look for, and no crash', () => {
    const db = mysqlManifests({ dumpCronJob: false }).map((m) => (m.kind === 'Service' ? { ...m, metadata: undefined } as unknown as Manifest : m));
    // Without metadata the objects sit in namespace default.
    const inDefault = db.map((m) => ({ ...m, metadata: m.metadata && { ...m.metadata, namespace: undefined } }) as Manifest);
    expect(hits(inDefault, 'database-single-instance')).toHaveLength(1);
    expect(messages(inDefault, 'database-backup-missing')).toEqual([expect.stringMatching(/similar against it\)$/)]);
    expect(backupMissing([...inDefault, dumpCronJob('default', 'anything')])).toEqual([]);
  });
});

describe('database-single-instance: what a lost node costs', () => {
  const asDeployment = (m: Manifest): Manifest => (m.kind === 'StatefulSet' ? { ...m, kind: 'Deployment', spec: { ...m.spec, serviceName: undefined } } : m);
  test('a StatefulSet pod is not replaced while its node is unreachable; a Deployment\'s volume stays attached', () => {
    expect(messages(mysqlManifests({ dumpCronJob: true }), 'database-single-instance')).toEqual([
      expect.stringMatching(/\(StatefulSet pods are never replaced while their node is unreachable\)$/)]);
    expect(messages(mysqlManifests({ dumpCronJob: true }).map(asDeployment), 'database-single-instance')).toEqual([
      expect.stringMatching(/\(its volume stays attached to that node\)$/)]);
  });
});

describe('innodbcluster-size and the InnoDBCluster backup', () => {
  test('only kind InnoDBCluster of mysql.oracle.com is a cluster: the operator\'s other kinds, and other groups, are not', () => {
    const backup = { apiVersion: 'mysql.oracle.com/v2', kind: 'MySQLBackup', metadata: { name: 'once', namespace: 'shop' }, spec: { clusterName: 'shop-db' } };
    expect(audit([backup]).violations.filter((v) => v.ruleId.startsWith('innodbcluster') || v.ruleId.startsWith('database'))).toEqual([]);
    const lookalike = { ...innoDbClusterManifest({ instances: 1 }), apiVersion: 'example.com/v1' };
    expect(hits([lookalike], 'innodbcluster-size')).toEqual([]);
    expect(hits([innoDbClusterManifest({ instances: 1 })], 'innodbcluster-size')).toHaveLength(1);
  });

  test('the counts are in the singular for one, and a router count of 0 names the router', () => {
    expect(messages([innoDbClusterManifest({ instances: 1, router: { instances: 1 } })], 'innodbcluster-size')).toEqual([
      '1 instance: Group Replication loses its majority, and writes stop, when one member is lost',
      '1 router: a drain or crash of its pod cuts every client off the database',
    ]);
    expect(messages([innoDbClusterManifest({ instances: 2, router: { instances: 0 } })], 'innodbcluster-size')).toEqual([
      '2 instances: Group Replication loses its majority, and writes stop, when one member is lost',
      '0 routers: a drain or crash of the router cuts every client off the database',
    ]);
  });

  test('an InnoDBCluster without a spec has the CRD defaults and no backup schedule, and is no crash', () => {
    const bare: Manifest = { apiVersion: 'mysql.oracle.com/v2', kind: 'InnoDBCluster', metadata: { name: 'bare', namespace: 'shop' } };
    expect(hits([bare], 'innodbcluster-size').map((v) => v.field)).toEqual(['spec.instances', 'spec.router.instances']);
    expect(hits([bare], 'database-backup-missing').map((v) => v.field)).toEqual(['spec.backupSchedules']);
  });

  test('a backup schedule entry that is not an object is no crash', () => {
    expect(() => audit([innoDbClusterManifest({ backupSchedules: [null] })])).not.toThrow();
  });
});
