import { DELETE, expectClean, expectOne, repeat, withField } from './helpers';

const pvc = (): any => ({
  apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } }, storageClassName: 'csi-cephfs' },
});

describe('PersistentVolumeClaim (ValidatePersistentVolumeClaimSpec)', () => {
  const set = (path: string, value: unknown): any => withField(pvc(), path, value);
  test('the fixture is clean; "" storage class means none', () => {
    expectClean(pvc());
    expectClean(set('spec.storageClassName', ''));
  });
  test('access modes: at least one, supported, ReadWriteOncePod alone', () => {
    expectOne(set('spec.accessModes', []), 'spec.accessModes', /no access mode/);
    expectOne(set('spec.accessModes', DELETE), 'spec.accessModes', /no access mode/);
    expectOne(set('spec.accessModes', ['ReadWriteAll']), 'spec.accessModes[0]', /not supported/);
    expectClean(set('spec.accessModes', ['ReadWriteOncePod']));
    expectOne(set('spec.accessModes', ['ReadWriteOncePod', 'ReadOnlyMany']), 'spec.accessModes', /may not be combined/);
  });
  test('storage request required and positive', () => {
    // ValidatePersistentVolumeClaimSpec names the request resources[storage].
    expectOne(set('spec.resources.requests.storage', DELETE), 'spec.resources[storage]', /no storage size/);
    expectOne(set('spec.resources', DELETE), 'spec.resources[storage]', /no storage size/);
    expectOne(set('spec.resources.requests.storage', '0'), 'spec.resources[storage]', /not greater than zero/);
    expectOne(set('spec.resources.requests.storage', '-1Gi'), 'spec.resources[storage]', /negative/);
    expectOne(set('spec.resources.requests.storage', '2 GB'), 'spec.resources[storage]', /not a Kubernetes quantity/);
  });
  test('storageClassName, volumeMode', () => {
    expectOne(set('spec.storageClassName', 'Fast_SSD'), 'spec.storageClassName', /DNS-1123 subdomain/);
    expectOne(set('spec.volumeMode', 'block'), 'spec.volumeMode', /not supported/);
  });
});

describe('Secret (ValidateSecret)', () => {
  const secret = (extra: object): any => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-pwd' }, type: 'Opaque', ...extra });
  test('keys IsConfigMapKey, values strings, data base64', () => {
    expectClean(secret({ data: { dbpwd: 'c2VjcmV0' }, stringData: { 'root.pwd': 'x', dbpwd: 'y' } }));
    expectOne(secret({ stringData: { 'db/pwd': 'x' } }), 'stringData[db/pwd]', /contains "\/"/);
    expectOne(secret({ data: { pwd: 'not base64!' } }), 'data[pwd]', /not valid base64/);
    expectOne(secret({ stringData: { port: 3306 } }), 'stringData[port]', /not a string/);
    expectOne(secret({ data: ['a'] }), 'data', /not an object/);
  });
  test('type-specific keys', () => {
    expectClean(secret({ type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'c', 'tls.key': 'k' } }));
    expectOne(secret({ type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'c' } }), 'data[tls.key]', /needs tls\.key/);
    expectOne(secret({ type: 'kubernetes.io/dockerconfigjson', stringData: {} }), 'data[.dockerconfigjson]', /needs/);
    expectOne(secret({ type: 'kubernetes.io/basic-auth', stringData: {} }), 'data', /username or password/);
  });
  test('1 MiB at most', () => {
    expectClean(secret({ stringData: { a: repeat('x', 1024 * 1024) } }));
    expectOne(secret({ stringData: { a: repeat('x', 1024 * 1024), b: 'y' } }), 'data', /more than the limit/);
  });
});

describe('ConfigMap (ValidateConfigMap)', () => {
  const cm = (extra: object): any => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, ...extra });
  test('keys unique across data and binaryData', () => {
    expectClean(cm({ data: { 'nginx.conf': 'x' }, binaryData: { 'logo.png': 'AAAA' } }));
    // ValidateConfigMap names the data key.
    expectOne(cm({ data: { a: 'x' }, binaryData: { a: 'AAAA' } }), 'data[a]', /also set in binaryData/);
    expectOne(cm({ data: { 'a b': 'x' } }), 'data[a b]', /contains a space/);
    expectOne(cm({ data: { replicas: 3 } }), 'data[replicas]', /not a string/);
  });
});
