import { audit } from '../../lib/analysis';
import { ConfigurationError, DatabaseBindOptions, InnoDbBackupStorage, WordpressApp, WordpressDatabase } from '../../lib';
import { MYSQL_DUMP_SCRIPT } from '../../lib/database/scripts';
import { one, synth } from '../helpers';

const bind: DatabaseBindOptions = {
  name: 'wordpress', namespace: 'blog', instance: 'wordpress', partOf: 'wordpress', clients: [{ 'app.kubernetes.io/name': 'wordpress' }],
  database: 'wordpress', user: 'wordpress', credentials: { secretName: 'wordpress-db-pwd', passwordKey: 'dbpwd', rootPasswordKey: 'rootpwd' },
};

function render(db: WordpressDatabase) {
  let connection!: ReturnType<WordpressDatabase['bind']>['connection'];
  const manifests = synth((chart) => { connection = db.bind(chart, bind).connection; });
  return { manifests, connection };
}

/** The ConfigurationError message when a WordpressApp is given the database `f` builds, or '' when it synthesizes. */
function refusal(f: () => WordpressDatabase): string {
  try {
    synth((chart) => new WordpressApp(chart, 'blog', { siteUrl: 'https://blog.example.com', storage: { storageClassName: 'rook-cephfs' }, database: f() }));
    return '';
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    return (e as Error).message;
  }
}

describe('WordpressDatabase.embedded', () => {
  test('a MySQL StatefulSet, its dump CronJob, the restore template, and NetworkPolicies that admit the dump pods; no PDB', () => {
    const { manifests, connection } = render(WordpressDatabase.embedded());
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([
      'PersistentVolumeClaim/wordpress-db-backup', 'CronJob/wordpress-db-backup', 'CronJob/wordpress-db-restore', 'NetworkPolicy/wordpress-db-backup',
      'Service/wordpress-mysql', 'Service/wordpress-mysql-headless', 'StatefulSet/wordpress-mysql', 'NetworkPolicy/wordpress-mysql',
    ]);
    expect(manifests.some((m) => m.kind === 'PodDisruptionBudget')).toBe(false);
    const backup = one(manifests, 'CronJob', 'wordpress-db-backup');
    expect(backup.spec).toMatchObject({ schedule: '17 3 * * *', concurrencyPolicy: 'Forbid' });
    const pod = backup.spec.jobTemplate.spec.template;
    expect(pod.spec.containers[0].command).toEqual(['/bin/bash', '-c', MYSQL_DUMP_SCRIPT]);
    expect(pod.spec.containers[0].env).toEqual(expect.arrayContaining([{ name: 'KEEP', value: '7' }, { name: 'DB_HOST', value: 'wordpress-mysql' }]));
    // No class named: the cluster's default StorageClass binds the dumps' claim and the data.
    expect(one(manifests, 'PersistentVolumeClaim').spec).toEqual({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } });
    expect(one(manifests, 'StatefulSet').spec.volumeClaimTemplates[0].spec.storageClassName).toBeUndefined();
    // The database admits WordPress and the dump pods, on 3306 only.
    const ingress = one(manifests, 'NetworkPolicy', 'wordpress-mysql').spec.ingress[0];
    expect(ingress.from.map((f: any) => f.podSelector.matchLabels)).toEqual([bind.clients[0], pod.metadata.labels && {
      'app.kubernetes.io/name': 'mysql-backup', 'app.kubernetes.io/instance': 'wordpress', 'app.kubernetes.io/component': 'backup',
    }]);
    expect(Object.entries(ingress.from[1].podSelector.matchLabels).every(([k, v]) => pod.metadata.labels[k] === v)).toBe(true);
    expect(one(manifests, 'CronJob', 'wordpress-db-restore').spec).toMatchObject({ suspend: true });
    expect(connection).toMatchObject({ host: 'wordpress-mysql', port: 3306, database: 'wordpress', user: 'wordpress', passwordSecret: { name: 'wordpress-db-pwd', key: 'dbpwd' } });
    expect(connection.availability).toBe('single instance, no replica to fail over to: a restart, drain or upgrade is an outage of up to 60s grace + volume detach/attach ' +
      'when the pod moves + startup (up to 300s by its startup probe)');
  });

  test('the audit warns about the single instance with its restart cost, and finds the backup', () => {
    const ids = audit(render(WordpressDatabase.embedded()).manifests).violations.map((v) => v.ruleId);
    expect(ids).toContain('database-single-instance');
    expect(ids).not.toContain('database-backup-missing');
    expect(audit(render(WordpressDatabase.embedded({ disableBackups: true })).manifests).violations.map((v) => v.ruleId)).toContain('database-backup-missing');
  });

  test('disableBackups renders no CronJob and does not admit dump pods', () => {
    const { manifests } = render(WordpressDatabase.embedded({ disableBackups: true }));
    expect(manifests.filter((m) => m.kind === 'CronJob')).toEqual([]);
    expect(one(manifests, 'NetworkPolicy').spec.ingress[0].from).toHaveLength(1);
  });

  test('backup settings are rendered', () => {
    const { manifests } = render(WordpressDatabase.embedded({ backup: { schedule: '@daily', timeZone: 'Europe/Paris', keep: 14, storageSize: '50Gi', storageClassName: 'fast' } }));
    const backup = one(manifests, 'CronJob', 'wordpress-db-backup');
    expect(backup.spec).toMatchObject({ schedule: '@daily', timeZone: 'Europe/Paris' });
    expect(backup.spec.jobTemplate.spec.template.spec.containers[0].env).toContainEqual({ name: 'KEEP', value: '14' });
    expect(one(manifests, 'PersistentVolumeClaim').spec).toMatchObject({ storageClassName: 'fast', resources: { requests: { storage: '50Gi' } } });
  });

  test.each([
    [{ backup: { keep: 0 } }, 'backup.keep = 0: keeps no backup'],
    [{ backup: { schedule: '0 3 * *' } }, 'backup.schedule = "0 3 * *": has 4 fields'],
    [{ backup: { storageSize: 'ten' } }, 'backup.storageSize = "ten": is not a positive Kubernetes quantity'],
    [{ storageSize: '-1Gi' }, 'storageSize = "-1Gi": is not a positive Kubernetes quantity'],
  ])('refuses %j', (props, message) => {
    expect(refusal(() => WordpressDatabase.embedded(props))).toContain(message);
  });

  test('the server is sized to its container: a buffer pool of half the memory limit in 128Mi chunks, 7 days of binary logs; extraArgs override', () => {
    const args = (props: Parameters<typeof WordpressDatabase.embedded>[0] = {}) => one(render(WordpressDatabase.embedded(props)).manifests, 'StatefulSet')
      .spec.template.spec.containers[0].args;
    expect(args()).toEqual(['--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci', '--innodb-buffer-pool-size=536870912',
      '--binlog-expire-logs-seconds=604800']);
    const sized = (memory: string, qos: any = {}) => args({ resources: { requests: { cpu: '1', memory }, limits: { cpu: '1', memory }, ...qos } })[2];
    expect(sized('2Gi')).toBe('--innodb-buffer-pool-size=1073741824');
    expect(sized('1500Mi')).toBe('--innodb-buffer-pool-size=671088640');
    expect(sized('200Mi')).toBe('--innodb-buffer-pool-size=134217728');
    expect(args({ extraArgs: ['--innodb-buffer-pool-size=256M'] }).slice(-2)).toEqual(['--binlog-expire-logs-seconds=604800', '--innodb-buffer-pool-size=256M']);
  });

  test('backup.restoreFrom renders the restore Job for that dump; a name the dump CronJob never writes is refused', () => {
    const { manifests } = render(WordpressDatabase.embedded({ backup: { restoreFrom: 'wordpress-20250101T031700Z.sql.gz' } }));
    expect(one(manifests, 'Job').spec.template.spec.containers[0].env).toEqual(expect.arrayContaining([{ name: 'DUMP', value: 'wordpress-20250101T031700Z.sql.gz' }]));
    expect(refusal(() => WordpressDatabase.embedded({ backup: { restoreFrom: 'dump.sql' } }))).toContain('database.backup.restoreFrom = "dump.sql"');
  });

  test('backup settings are not checked when backups are off', () => {
    expect(refusal(() => WordpressDatabase.embedded({ disableBackups: true, backup: { keep: 0 } }))).toBe('');
  });
});

describe('WordpressDatabase.innoDbCluster', () => {
  const claim = { storage: InnoDbBackupStorage.persistentVolumeClaim() };
  const s3 = InnoDbBackupStorage.s3({ bucketName: 'backups', configSecretName: 's3-config', endpoint: 'https://minio.example.com' });
  const cluster = (props: Partial<Parameters<typeof WordpressDatabase.innoDbCluster>[0]> = {}) => WordpressDatabase.innoDbCluster({ rootSecretName: 'wordpress-mysql-root',
    backup: claim, ...props });

  test('the dumps\' storage is a choice: none given is refused, naming backup.storage and the off-site fix', () => {
    const message = refusal(() => cluster({ backup: undefined }));
    expect(message).toContain('database.backup.storage = undefined: is required');
    expect(message).toContain('InnoDbBackupStorage.s3(');
    expect(refusal(() => cluster({ backup: { schedule: '0 4 * * *' } }))).toContain('database.backup.storage = undefined');
    expect(refusal(() => cluster({ backup: undefined, disableBackups: true }))).toBe('');
    expect(refusal(() => cluster({ backup: { storage: s3 } }))).toBe('');
  });

  test('Argo CD keeps the InnoDBCluster (and the Secrets the operator owns through it) when the Application is deleted or it leaves Git', () => {
    const ic = one(render(cluster()).manifests, 'InnoDBCluster');
    expect(ic.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-options': 'Delete=false,Prune=false' });
  });

  test('a PodDisruptionBudget keeps one of the operator\'s routers through a drain', () => {
    const pdb = one(render(cluster()).manifests, 'PodDisruptionBudget', 'wordpress-mysql-router');
    expect(pdb.spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: { component: 'mysqlrouter', tier: 'mysql', 'mysql.oracle.com/cluster': 'wordpress-mysql' } } });
  });

  test('the servers\' buffer pool is half the mysql container\'s memory, and binary logs are kept 7 days', () => {
    const mycnf = (props = {}) => one(render(cluster(props)).manifests, 'InnoDBCluster').spec.mycnf;
    expect(mycnf()).toBe('[mysqld]\ncharacter-set-server=utf8mb4\ncollation-server=utf8mb4_unicode_ci\ninnodb_buffer_pool_size=1073741824\nbinlog_expire_logs_seconds=604800\n');
    expect(mycnf({ resources: { cpu: '2', memory: '8Gi' } })).toContain('innodb_buffer_pool_size=4294967296\n');
  });

  test('restoreFrom initializes the new cluster from one dump in the bucket (initDB.dump)', () => {
    const ic = one(render(cluster({ backup: { storage: s3 }, restoreFrom: { dumpName: 'wordpress-mysql-daily250101031700' } })).manifests, 'InnoDBCluster');
    expect(ic.spec.initDB).toEqual({ dump: { name: 'wordpress-mysql-daily250101031700', storage: { s3: { bucketName: 'backups',
      prefix: '/wordpress-mysql/wordpress-mysql-daily250101031700', config: 's3-config', endpoint: 'https://minio.example.com' } } } });
    // From another bucket (the old cluster's), with the new one's backups elsewhere.
    const other = InnoDbBackupStorage.s3({ bucketName: 'old', configSecretName: 'old-s3', prefix: '/prod/' });
    const restored = one(render(cluster({ backup: { storage: s3 }, restoreFrom: { dumpName: 'd1', storage: other } })).manifests, 'InnoDBCluster');
    expect(restored.spec.initDB.dump.storage.s3).toEqual({ bucketName: 'old', prefix: '/prod/d1', config: 'old-s3' });
    expect(one(render(cluster()).manifests, 'InnoDBCluster').spec.initDB).toBeUndefined();
  });

  test('Azure Blob Storage and OCI Object Storage: dumps under the prefix, and a restore from one of them', () => {
    const azure = InnoDbBackupStorage.azure({ containerName: 'dumps', configSecretName: 'azure-config' });
    const ic = one(render(cluster({ backup: { storage: azure }, restoreFrom: { dumpName: 'd1' } })).manifests, 'InnoDBCluster');
    expect(ic.spec.backupProfiles[0].dumpInstance.storage).toEqual({ azure: { containerName: 'dumps', prefix: '/wordpress-mysql', config: 'azure-config' } });
    expect(ic.spec.initDB.dump.storage).toEqual({ azure: { containerName: 'dumps', prefix: '/wordpress-mysql/d1', config: 'azure-config' } });
    const oci = InnoDbBackupStorage.ociObjectStorage({ bucketName: 'dumps', prefix: '/blog/', credentialsSecretName: 'oci-key' });
    const ociCluster = one(render(cluster({ backup: { storage: oci }, restoreFrom: { dumpName: 'd1' } })).manifests, 'InnoDBCluster');
    expect(ociCluster.spec.backupProfiles[0].dumpInstance.storage).toEqual({ ociObjectStorage: { bucketName: 'dumps', prefix: '/blog/', credentials: 'oci-key' } });
    expect(ociCluster.spec.initDB.dump.storage).toEqual({ ociObjectStorage: { bucketName: 'dumps', prefix: '/blog/d1', credentials: 'oci-key' } });
  });

  test.each([
    [{ backup: { storage: InnoDbBackupStorage.azure({ containerName: '', configSecretName: 'c' }) } }, 'backup.storage.containerName = "": is required'],
    [{ backup: { storage: InnoDbBackupStorage.azure({ containerName: 'c', configSecretName: '' }) } }, 'backup.storage.configSecretName = "": is required'],
    [{ backup: { storage: InnoDbBackupStorage.ociObjectStorage({ bucketName: '', credentialsSecretName: 'k' }) } }, 'backup.storage.bucketName = "": is required'],
    [{ backup: { storage: InnoDbBackupStorage.ociObjectStorage({ bucketName: 'b', credentialsSecretName: '' }) } }, 'backup.storage.credentialsSecretName = "": is required'],
    [{ restoreFrom: { dumpName: 'a/b' } }, 'restoreFrom.dumpName = "a/b": is not the name of one dump'],
    [{ restoreFrom: { dumpName: 'd1' } }, 'restoreFrom.storage = "InnoDbBackupStorage.persistentVolumeClaim()": cannot be read by a new cluster'],
    [{ disableBackups: true, restoreFrom: { dumpName: 'd1' } }, 'restoreFrom.storage = undefined: is required'],
    [{ restoreFrom: { dumpName: 'd1', storage: InnoDbBackupStorage.s3({ bucketName: '', configSecretName: 'c' }) } }, 'restoreFrom.storage.bucketName'],
    [{ backup: { storage: InnoDbBackupStorage.s3({ bucketName: 'b', configSecretName: 'c', endpoint: 'minio:9000' }) } },
      'backup.storage.endpoint = "minio:9000": is not an http(s) URL'],
  ])('refuses %j', (props, message) => {
    expect(refusal(() => cluster(props as any))).toContain(message);
  });

  test('an InnoDBCluster of 3 servers and 2 routers spread over nodes, Guaranteed, pinned, with daily dumps to a claim', () => {
    const { manifests, connection } = render(cluster());
    const ic = one(manifests, 'InnoDBCluster');
    expect(ic.apiVersion).toBe('mysql.oracle.com/v2');
    expect(ic.spec).toMatchObject({ secretName: 'wordpress-mysql-root', version: '8.4.3', instances: 3, router: { instances: 2 }, tlsUseSelfSigned: true });
    const serverAnti = ic.spec.podSpec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0];
    expect(serverAnti).toEqual({ labelSelector: { matchLabels: { component: 'mysqld', tier: 'mysql', 'mysql.oracle.com/cluster': 'wordpress-mysql' } },
      topologyKey: 'kubernetes.io/hostname' });
    expect(ic.spec.router.podSpec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchLabels.component).toBe('mysqlrouter');
    // Every container the operator renders gets requests = limits.
    for (const c of [...ic.spec.podSpec.containers, ...ic.spec.podSpec.initContainers, ...ic.spec.router.podSpec.containers]) {
      expect(c.resources.requests).toEqual(c.resources.limits);
    }
    expect(ic.spec.podSpec.containers.map((c: any) => c.name).sort()).toEqual(['mysql', 'sidecar']);
    expect(ic.spec.podSpec.initContainers.map((c: any) => c.name)).toEqual(['fixdatadir', 'initconf', 'initmysql']);
    // Only part-of is added to the operator's pods: its selectors use its own app.kubernetes.io labels.
    expect(ic.spec.podLabels).toEqual({ 'app.kubernetes.io/part-of': 'wordpress' });
    expect(ic.spec.backupSchedules).toEqual([{ name: 'daily', schedule: '17 3 * * *', backupProfileName: 'dump', enabled: true, deleteBackupData: false }]);
    expect(ic.spec.backupProfiles[0].dumpInstance.storage).toEqual({ persistentVolumeClaim: { claimName: 'wordpress-mysql-backup' } });
    expect(one(manifests, 'PersistentVolumeClaim', 'wordpress-mysql-backup').spec.accessModes).toEqual(['ReadWriteOnce']);
    const prune = one(manifests, 'CronJob', 'wordpress-mysql-backup-prune');
    expect(prune.spec.jobTemplate.spec.template.spec.containers[0].env).toEqual(expect.arrayContaining([{ name: 'KEEP', value: '7' },
      { name: 'DUMP_PREFIX', value: 'wordpress-mysql-daily' }]));
    expect(connection).toMatchObject({ host: 'wordpress-mysql', port: 3306, peerPorts: [6446],
      egressPeers: [{ podSelector: { matchLabels: { component: 'mysqlrouter', tier: 'mysql', 'mysql.oracle.com/cluster': 'wordpress-mysql' } } }] });
  });

  test('the user Job connects through the router as the operator\'s root account and is named after what it does', () => {
    const { manifests } = render(cluster());
    const job = one(manifests, 'Job');
    expect(job.metadata.name).toMatch(/^wordpress-mysql-app-user-[0-9a-f]{8}$/);
    const container = job.spec.template.spec.containers[0];
    expect(container.image).toBe('container-registry.oracle.com/mysql/community-server:8.4.3');
    expect(container.env).toEqual([
      { name: 'DB_HOST', value: 'wordpress-mysql' },
      { name: 'DB_PORT', value: '3306' },
      { name: 'DB_USER', valueFrom: { secretKeyRef: { name: 'wordpress-mysql-root', key: 'rootUser', optional: true } } },
      { name: 'MYSQL_PWD', valueFrom: { secretKeyRef: { name: 'wordpress-mysql-root', key: 'rootPassword' } } },
      { name: 'APP_DATABASE', value: 'wordpress' },
      { name: 'APP_USER', value: 'wordpress' },
      { name: 'APP_PASSWORD', valueFrom: { secretKeyRef: { name: 'wordpress-db-pwd', key: 'dbpwd' } } },
    ]);
    const other = one(render(cluster({ version: '8.4.2' })).manifests, 'Job');
    expect(other.metadata.name).not.toBe(job.metadata.name);
    // Its egress: DNS and the routers' 6446.
    const egress = one(manifests, 'NetworkPolicy', 'wordpress-mysql-app-user').spec.egress;
    expect(egress[0].ports).toEqual([{ protocol: 'TCP', port: 6446 }]);
  });

  test('NetworkPolicies: members talk to each other, the operator and the API; the routers admit the clients and the user Job only', () => {
    const { manifests } = render(cluster());
    const members = one(manifests, 'NetworkPolicy', 'wordpress-mysql-members').spec;
    expect(members.podSelector).toEqual({ matchLabels: { 'mysql.oracle.com/cluster': 'wordpress-mysql' } });
    expect(members.ingress[0].from).toEqual([
      { podSelector: { matchLabels: { 'mysql.oracle.com/cluster': 'wordpress-mysql' } } },
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'mysql-operator' } }, podSelector: { matchLabels: { name: 'mysql-operator' } } },
    ]);
    expect(members.egress[1]).toEqual({ ports: [{ protocol: 'TCP', port: 443 }, { protocol: 'TCP', port: 6443 }] });
    const routers = one(manifests, 'NetworkPolicy', 'wordpress-mysql-router-clients').spec;
    const job = one(manifests, 'Job');
    expect(routers.ingress[0].from.map((f: any) => f.podSelector.matchLabels)).toEqual([bind.clients[0], {
      'app.kubernetes.io/name': 'mysql-app-user', 'app.kubernetes.io/instance': 'wordpress', 'app.kubernetes.io/component': 'database-setup',
    }]);
    expect(Object.entries(routers.ingress[0].from[1].podSelector.matchLabels).every(([k, v]) => job.spec.template.metadata.labels[k] === v)).toBe(true);
    expect(routers.ingress[0].ports.map((p: any) => p.port)).toEqual([6446, 6447, 6448, 6449, 6450]);
    // The operator's backup pods carry the member label.
    expect(one(manifests, 'InnoDBCluster').spec.backupProfiles[0].podLabels['mysql.oracle.com/cluster']).toBe('wordpress-mysql');
    expect(one(render(cluster({ operatorNamespace: 'operators' })).manifests, 'NetworkPolicy',
      'wordpress-mysql-members').spec.ingress[0].from[1].namespaceSelector.matchLabels['kubernetes.io/metadata.name']).toBe('operators');
  });

  test('the audit has nothing to say about the default cluster', () => {
    expect(audit(render(cluster()).manifests).violations).toEqual([]);
  });

  test('S3 storage renders no claim and no pruning (the bucket\'s lifecycle rule keeps what it keeps)', () => {
    const { manifests } = render(cluster({ backup: { schedule: '0 */6 * * *', timeZone: 'UTC', storage: s3 } }));
    const ic = one(manifests, 'InnoDBCluster');
    expect(ic.spec.backupProfiles[0].dumpInstance.storage).toEqual({ s3: { bucketName: 'backups', prefix: '/wordpress-mysql', config: 's3-config',
      endpoint: 'https://minio.example.com' } });
    expect(ic.spec.backupSchedules[0]).toMatchObject({ schedule: '0 */6 * * *', timeZone: 'UTC' });
    expect(manifests.filter((m) => m.kind === 'PersistentVolumeClaim' || m.kind === 'CronJob')).toEqual([]);
  });

  test('preferred spread, own TLS, sizes and no backups', () => {
    const { manifests } = render(cluster({ spread: 'preferred', tls: { caSecretName: 'ca', secretName: 'tls' }, storageSize: '100Gi', disableBackups: true }));
    const ic = one(manifests, 'InnoDBCluster');
    expect(ic.spec.podSpec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight).toBe(100);
    expect(ic.spec).toMatchObject({ tlsCASecretName: 'ca', tlsSecretName: 'tls', datadirVolumeClaimTemplate: { resources: { requests: { storage: '100Gi' } } } });
    expect(ic.spec.tlsUseSelfSigned).toBeUndefined();
    expect(ic.spec.backupSchedules).toBeUndefined();
    expect(audit(manifests).violations.map((v) => v.ruleId)).toEqual(['database-backup-missing']);
  });

  test.each([
    [{ instances: 1 }, 'instances = 1: cannot survive the loss of one member'],
    [{ instances: 2 }, 'instances = 2: cannot survive the loss of one member'],
    [{ routers: 1 }, 'routers = 1: is a single router'],
    [{ instances: 10, allowReducedAvailability: true }, 'instances = 10: is above the 9 members'],
    [{ instances: 0, allowReducedAvailability: true }, 'instances = 0: 0 is below the minimum of 1'],
    [{ rootSecretName: '' }, 'rootSecretName = "": is required'],
    [{ version: '8.0.29' }, 'version = "8.0.29": is disabled by MySQL Operator 2.2.2'],
    [{ version: '9.4.0' }, 'is outside the range'],
    [{ name: 'a-very-long-cluster-name-that-exceeds-forty-chars' }, 'at most 40 characters'],
    [{ storageSize: '20 GB' }, 'storageSize = "20 GB": is not a positive Kubernetes quantity'],
    [{ resources: { cpu: '1', memory: 'lots' } }, 'resources.'],
    [{ backup: { schedule: 'nightly' } }, 'backup.schedule = "nightly"'],
    [{ backup: { storage: InnoDbBackupStorage.persistentVolumeClaim({ keep: 0 }) } }, 'backup.storage.keep = 0: keeps no backup'],
    [{ backup: { storage: InnoDbBackupStorage.persistentVolumeClaim({ size: 'x' }) } }, 'backup.storage.size = "x"'],
    [{ backup: { storage: InnoDbBackupStorage.persistentVolumeClaim({ pruneSchedule: '* * *' }) } }, 'backup.storage.pruneSchedule'],
    [{ backup: { storage: InnoDbBackupStorage.s3({ bucketName: '', configSecretName: '' }) } }, 'backup.storage.bucketName'],
    [{ tls: { caSecretName: '', secretName: 'tls' } }, 'tls.caSecretName = "": is required'],
  ])('refuses %j', (props, message) => {
    expect(refusal(() => cluster(props as any))).toContain(message);
  });

  test('fewer instances or routers are accepted with the explicit opt-in, and then the audit warns', () => {
    expect(refusal(() => cluster({ instances: 1, routers: 1, allowReducedAvailability: true }))).toBe('');
    const { manifests } = render(cluster({ instances: 1, routers: 1, allowReducedAvailability: true }));
    expect(audit(manifests).violations.map((v) => `${v.ruleId} ${v.field}`)).toEqual(['innodbcluster-size spec.instances', 'innodbcluster-size spec.router.instances']);
  });

  test('the boundaries are accepted: 3 instances, 2 routers, 9 members, versions 8.0.27 and 9.1.0', () => {
    for (const props of [{ instances: 3, routers: 2 }, { instances: 9 }, { version: '8.0.27' }, { version: '9.1.0' }]) expect(refusal(() => cluster(props))).toBe('');
  });

  test('the application user is checked when the cluster is bound: root is refused', () => {
    expect(() => synth((chart) => cluster().bind(chart, { ...bind, user: 'root' }))).toThrow(/application\.user = "root": is the administrative account/);
  });
});

describe('WordpressDatabase.external', () => {
  const external = (props: Partial<Parameters<typeof WordpressDatabase.external>[0]> = {}) =>
    WordpressDatabase.external({ host: 'wp.abc123.eu-west-1.rds.amazonaws.com', passwordSecret: { name: 'rds', key: 'password' }, ...props });

  test('renders nothing; WordPress gets the address, TLS and egress on the port', () => {
    const { manifests, connection } = render(external({ port: 3307, tls: true, cidr: '10.20.0.0/16', user: 'blog', database: 'blog' }));
    expect(manifests).toEqual([]);
    expect(connection).toMatchObject({ host: 'wp.abc123.eu-west-1.rds.amazonaws.com', port: 3307, tls: true, user: 'blog', database: 'blog',
      egressPeers: [{ ipBlock: { cidr: '10.20.0.0/16' } }] });
  });

  test('an IP host is its own egress block; a DNS name without a CIDR opens the port to any address', () => {
    expect(render(external({ host: '10.1.2.3' })).connection.egressPeers).toEqual([{ ipBlock: { cidr: '10.1.2.3/32' } }]);
    expect(render(external({ host: '2001:db8::5' })).connection.egressPeers).toEqual([{ ipBlock: { cidr: '2001:db8::5/128' } }]);
    expect(render(external()).connection).toMatchObject({ port: 3306, tls: false, user: 'wordpress', database: 'wordpress',
      egressPeers: [{ ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } }] });
  });

  test.each([
    [{ host: 'db.example.com:3306' }, 'host = "db.example.com:3306": is neither a DNS name'],
    [{ host: '' }, 'host = "": is not a host name'],
    [{ port: 0 }, 'port = 0: is not a TCP port'],
    [{ user: 'root' }, 'user = "root": is the administrative account'],
    [{ database: 'my-db' }, 'database = "my-db": may hold only letters'],
    [{ passwordSecret: { name: '', key: 'password' } }, 'passwordSecret.name = "": is required'],
    [{ passwordSecret: { name: 'rds', key: '' } }, 'passwordSecret.key = "": is required'],
    [{ cidr: '10.0.0.0' }, 'cidr = "10.0.0.0": has no prefix length'],
  ])('refuses %j', (props, message) => {
    expect(refusal(() => external(props as any))).toContain(message);
  });

  test('every problem is reported at once, named by the prop that received the choice', () => {
    const message = refusal(() => WordpressDatabase.external({ host: 'a b', port: -1, user: 'root', passwordSecret: { name: '', key: '' } }));
    expect(message).toMatch(/5 invalid props/);
    expect(message).toContain('database.host = "a b"');
    expect(message).toContain('database.port = -1');
  });
});

describe('wrong types and unknown props are findings, never crashes', () => {
  test.each([
    [() => WordpressDatabase.embedded({ backup: { keep: '7' } } as any), 'backup.keep = "7": must be a number, not a string. Fix: write 7 without quotes'],
    [() => WordpressDatabase.embedded({ backups: false } as any), 'backups = false: is not a prop of EmbeddedDatabaseProps, so it would be ignored. Fix: rename it to backup'],
    [() => WordpressDatabase.innoDbCluster({ rootSecretName: 'root', instances: '3' } as any), 'instances = "3": must be a number'],
    [() => WordpressDatabase.innoDbCluster({ rootSecretName: 'root', spread: 'require' } as any),
      "spread = \"require\": must be one of 'required', 'preferred'. Fix: use 'required'"],
    [() => WordpressDatabase.innoDbCluster({ rootSecretName: 'root', backup: { storage: { s3: {} } } } as any),
      'backup.storage = {"s3":{}}: must be a InnoDbBackupStorage built by its factory methods'],
    [() => WordpressDatabase.innoDbCluster(undefined as any), 'database = undefined: must be a InnoDbClusterDatabaseProps object'],
    [() => WordpressDatabase.external({ host: 42, passwordSecret: 'rds' } as any), 'host = 42: must be a string'],
  ])('%#: %s', (build, message) => {
    expect(refusal(build)).toContain(message);
  });
});
