import { InnoDbBackupStorage, VeleroSchedule, WordpressDatabase } from '../../lib';
import { Manifest } from '../../lib/analysis';
import { synth } from '../helpers';
import { KUBERNETES_VERSIONS, SchemaValidator } from '../schema/validator';

const bind = {
  name: 'wordpress', namespace: 'blog', instance: 'wordpress', partOf: 'wordpress', clients: [{ app: 'wordpress' }],
  database: 'wordpress', user: 'wordpress', credentials: { secretName: 'wordpress-db-pwd', passwordKey: 'dbpwd', rootPasswordKey: 'rootpwd' },
};

/** Every rendering path of the database tier. */
const cases: Array<[string, Manifest]> = [
  ['embedded', WordpressDatabase.embedded({ backup: { timeZone: 'Europe/Paris', restoreFrom: 'wordpress-20250101T031700Z.sql.gz' } })],
  ['innoDbCluster, claim backups', WordpressDatabase.innoDbCluster({ rootSecretName: 'root', backup: { timeZone: 'UTC', storage: InnoDbBackupStorage.persistentVolumeClaim() } })],
  ['innoDbCluster, S3, preferred, own TLS', WordpressDatabase.innoDbCluster({
    rootSecretName: 'root', spread: 'preferred', tls: { caSecretName: 'ca', secretName: 'tls' },
    backup: { storage: InnoDbBackupStorage.s3({ bucketName: 'b', configSecretName: 'c', profile: 'p', endpoint: 'https://s3.example.com' }) },
    restoreFrom: { dumpName: 'wordpress-mysql-daily250101031700' },
  })],
  ['innoDbCluster, Azure, restored', WordpressDatabase.innoDbCluster({ rootSecretName: 'root',
    backup: { storage: InnoDbBackupStorage.azure({ containerName: 'c', configSecretName: 'a' }) }, restoreFrom: { dumpName: 'd1' } })],
  ['innoDbCluster, OCI, restored', WordpressDatabase.innoDbCluster({ rootSecretName: 'root',
    backup: { storage: InnoDbBackupStorage.ociObjectStorage({ bucketName: 'b', credentialsSecretName: 'k' }) }, restoreFrom: { dumpName: 'd1' } })],
].flatMap(([label, db]) => synth((chart) => (db as WordpressDatabase).bind(chart, bind)).map((m): [string, Manifest] => [`${label}: ${m.kind} ${m.metadata.name}`, m]));
cases.push(...synth((chart) => new VeleroSchedule(chart, 'velero', { namespace: 'blog', storageLocation: 'default', labels: { a: 'b' } })).map((m): [string,
  Manifest] => [`velero: ${m.kind}`, m]));

describe.each(KUBERNETES_VERSIONS)('Kubernetes %s and the vendored CRDs, unknown fields are errors', (version) => {
  const validator = new SchemaValidator(version);

  test.each(cases)('%s', (_name, manifest) => {
    expect(validator.errors(manifest)).toEqual([]);
  });

  test('the CRD schemas are strict: misspelled InnoDBCluster and Schedule fields and wrong types are caught', () => {
    const cluster = cases.find(([, m]) => m.kind === 'InnoDBCluster')![1];
    const broken = JSON.parse(JSON.stringify(cluster));
    broken.spec.instance = 3;
    broken.spec.router.instances = '2';
    broken.spec.backupSchedules[0].schedule = undefined;
    broken.spec.version = '8.4';
    expect(validator.errors(broken)).toEqual(expect.arrayContaining([
      "/spec: must NOT have additional properties 'instance'",
      '/spec/router/instances: must be integer',
      "/spec/backupSchedules/0: must have required property 'schedule'",
      '/spec/version: must match pattern "^\\d+\\.\\d+\\.\\d+(-.+)?"',
    ]));
    const schedule = cases.find(([, m]) => m.kind === 'Schedule')![1];
    expect(validator.errors({ ...schedule, spec: { ...schedule.spec, template: { ...schedule.spec.template, includeNamespaces: ['blog'] } } }))
      .toContain("/spec/template: must NOT have additional properties 'includeNamespaces'");
  });
});
