import { Manifest } from '../../lib/analysis';

/** A hand-written single-instance MySQL (StatefulSet, Service), optionally with a dump CronJob: plain YAML, not synthesized. */
export function mysqlManifests(options: { dumpCronJob: boolean; namespace?: string; replicas?: number }): Manifest[] {
  const namespace = options.namespace ?? 'shop';
  const labels = { app: 'shop-db' };
  const objects: Manifest[] = [
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'shop-db', namespace }, spec: { selector: labels, ports: [{ port: 3306, targetPort: 3306 }] } },
    {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'shop-db', namespace },
      spec: {
        replicas: options.replicas ?? 1, serviceName: 'shop-db', selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            terminationGracePeriodSeconds: 45,
            containers: [{
              name: 'mysql', image: 'mysql:8.4.3', ports: [{ containerPort: 3306 }],
              startupProbe: { exec: { command: ['mysqladmin', 'ping'] }, periodSeconds: 10, failureThreshold: 12 },
              resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '500m', memory: '1Gi' } },
            }],
          },
        },
      },
    },
  ];
  if (options.dumpCronJob) objects.push(dumpCronJob(namespace, 'shop-db'));
  return objects;
}

/** A CronJob that dumps the database behind `host`. */
export function dumpCronJob(namespace: string, host: string): Manifest {
  return {
    apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'shop-db-backup', namespace },
    spec: {
      schedule: '0 3 * * *',
      jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never',
        containers: [{ name: 'dump', image: 'mysql:8.4.3', command: ['/bin/sh', '-c', `mysqldump --host=${host} --all-databases | gzip > /backup/dump.sql.gz`] }] } } } },
    },
  };
}

/** A hand-written InnoDBCluster. */
export function innoDbClusterManifest(spec: Record<string, unknown> = {}): Manifest {
  return {
    apiVersion: 'mysql.oracle.com/v2', kind: 'InnoDBCluster', metadata: { name: 'shop-db', namespace: 'shop' },
    spec: {
      secretName: 'shop-db-root', instances: 3, router: { instances: 2 },
      backupProfiles: [{ name: 'dump', dumpInstance: { storage: { persistentVolumeClaim: { claimName: 'shop-db-backup' } } } }],
      backupSchedules: [{ name: 'daily', schedule: '0 3 * * *', backupProfileName: 'dump', enabled: true }],
      ...spec,
    },
  };
}
