import { validateVolumeMounts, validateVolumes } from '../../lib/validation';
import { deployment, expectClean, expectOne, repeat, withField } from './helpers';

const S = 'spec.template.spec';
const C = `${S}.containers[0]`;
const pod = (volumes: unknown, mounts: unknown): any => withField(withField(deployment(), `${S}.volumes`, volumes), `${C}.volumeMounts`, mounts);
const data = [{ name: 'data', persistentVolumeClaim: { claimName: 'web-data' } }];

describe('volumes (ValidateVolumes, validateVolumeSource)', () => {
  test('names: required DNS-1123 labels, unique', () => {
    expectClean(pod([{ name: repeat('v', 63), emptyDir: {} }], []));
    expectOne(pod([{ name: repeat('v', 64), emptyDir: {} }], []), `${S}.volumes[0].name`, /more than 63/);
    expectOne(pod([{ name: 'Data', emptyDir: {} }], []), `${S}.volumes[0].name`, /volume name "Data"/);
    expectOne(pod([{ emptyDir: {} }], []), `${S}.volumes[0].name`, /no name/);
    expectOne(pod([{ name: 'a', emptyDir: {} }, { name: 'a', emptyDir: {} }], []), `${S}.volumes[1].name`, /used twice/);
  });
  test('exactly one source', () => {
    // SetDefaults_Volume makes a volume without a source an emptyDir.
    expectClean(pod([{ name: 'a' }], []));
    expectOne(pod([{ name: 'a', emptyDir: {}, secret: { secretName: 's' } }], []), `${S}.volumes[0]`, /more than one source: emptyDir and secret/);
  });
  test('persistentVolumeClaim needs claimName', () => {
    expectOne(pod([{ name: 'a', persistentVolumeClaim: {} }], []), `${S}.volumes[0].persistentVolumeClaim.claimName`, /missing/);
    expectOne(pod([{ name: 'a', persistentVolumeClaim: { claimName: 'Data' } }], []), `${S}.volumes[0].persistentVolumeClaim.claimName`, /DNS-1123 subdomain/);
  });
  test('secret and configMap: name, defaultMode 0..0777, items', () => {
    expectClean(pod([{ name: 'a', secret: { secretName: 's', defaultMode: 0o400, items: [{ key: 'k', path: 'dir/k' }] } }], []));
    expectOne(pod([{ name: 'a', secret: {} }], []), `${S}.volumes[0].secret.secretName`, /missing/);
    expectOne(pod([{ name: 'a', configMap: {} }], []), `${S}.volumes[0].configMap.name`, /missing/);
    expectClean(pod([{ name: 'a', configMap: { name: 'c', defaultMode: 511 } }], []));
    expectOne(pod([{ name: 'a', configMap: { name: 'c', defaultMode: 512 } }], []), `${S}.volumes[0].configMap.defaultMode`, /out of range/);
    expectOne(pod([{ name: 'a', configMap: { name: 'c', defaultMode: -1 } }], []), `${S}.volumes[0].configMap.defaultMode`, /out of range/);
    expectOne(pod([{ name: 'a', configMap: { name: 'c', items: [{ key: 'k', path: '/etc/k' }] } }], []), `${S}.volumes[0].configMap.items[0].path`, /absolute/);
    expectOne(pod([{ name: 'a', configMap: { name: 'c', items: [{ key: 'k', path: '../k' }] } }], []), `${S}.volumes[0].configMap.items[0].path`, /contains '\.\.'/);
    // validateLocalNonReservedPath: names starting with '..' belong to the kubelet's atomic writer.
    expectOne(pod([{ name: 'a', configMap: { name: 'c', items: [{ key: 'k', path: '..k' }] } }], []), `${S}.volumes[0].configMap.items[0].path`, /starts with '\.\.'/);
    expectClean(pod([{ name: 'a', configMap: { name: 'c', items: [{ key: 'k', path: 'k..' }] } }], []));
    expectOne(pod([{ name: 'a', configMap: { name: 'c', items: [{ path: 'k' }] } }], []), `${S}.volumes[0].configMap.items[0].key`, /missing/);
  });
  test('emptyDir medium and sizeLimit', () => {
    expectClean(pod([{ name: 'a', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } }], []));
    expectOne(pod([{ name: 'a', emptyDir: { medium: 'memory' } }], []), `${S}.volumes[0].emptyDir.medium`, /not supported/);
    expectOne(pod([{ name: 'a', emptyDir: { sizeLimit: '-1Gi' } }], []), `${S}.volumes[0].emptyDir.sizeLimit`, /negative/);
  });
  test('validateVolumes on its own', () => {
    expect(validateVolumes([{ name: 'a', emptyDir: {} }])).toEqual([]);
  });
});

describe('volume mounts (ValidateVolumeMounts)', () => {
  test('name refers to a volume', () => {
    expectClean(pod(data, [{ name: 'data', mountPath: '/var/www/html' }]));
    expectOne(pod(data, [{ name: 'dat', mountPath: '/data' }]), `${C}.volumeMounts[0].name`, /no volume is named "dat".*/);
    expectOne(pod(data, [{ mountPath: '/data' }]), `${C}.volumeMounts[0].name`, /names no volume/);
  });
  test('mountPath: required, absolute, one mount per path', () => {
    expectOne(pod(data, [{ name: 'data' }]), `${C}.volumeMounts[0].mountPath`, /missing or empty/);
    expectOne(pod(data, [{ name: 'data', mountPath: '' }]), `${C}.volumeMounts[0].mountPath`, /missing or empty/);
    expectOne(pod(data, [{ name: 'data', mountPath: 'data' }]), `${C}.volumeMounts[0].mountPath`, /relative/);
    const two = [...data, { name: 'cache', emptyDir: {} }];
    expectClean(pod(two, [{ name: 'data', mountPath: '/data' }, { name: 'cache', mountPath: '/data/cache' }]));
    expectOne(pod(two, [{ name: 'data', mountPath: '/data' }, { name: 'cache', mountPath: '/data' }]), `${C}.volumeMounts[1].mountPath`, /two mounts at "\/data"/);
    expectOne(pod(two, [{ name: 'data', mountPath: '/data' }, { name: 'cache', mountPath: '/data/' }]), `${C}.volumeMounts[1].mountPath`, /two mounts/);
  });
  test('subPath relative, without ..; subPathExpr exclusive', () => {
    expectClean(pod(data, [{ name: 'data', mountPath: '/etc/app.conf', subPath: 'conf/app.conf' }]));
    expectOne(pod(data, [{ name: 'data', mountPath: '/x', subPath: '../etc' }]), `${C}.volumeMounts[0].subPath`, /contains '\.\.'/);
    expectOne(pod(data, [{ name: 'data', mountPath: '/x', subPath: 'a/../../b' }]), `${C}.volumeMounts[0].subPath`, /contains '\.\.'/);
    expectClean(pod(data, [{ name: 'data', mountPath: '/x', subPath: 'a..b' }]));
    expectOne(pod(data, [{ name: 'data', mountPath: '/x', subPath: '/etc' }]), `${C}.volumeMounts[0].subPath`, /absolute/);
    expectOne(pod(data, [{ name: 'data', mountPath: '/x', subPath: 'a', subPathExpr: '$(POD)' }]), `${C}.volumeMounts[0].subPathExpr`, /both/);
    expectOne(pod(data, [{ name: 'data', mountPath: '/x', mountPropagation: 'Shared' }]), `${C}.volumeMounts[0].mountPropagation`, /not supported/);
  });
  test('validateVolumeMounts on its own', () => {
    expect(validateVolumeMounts([{ name: 'data', mountPath: '/d' }], ['data'])).toEqual([]);
    expect(validateVolumeMounts([{ name: 'x', mountPath: '/d' }], ['data'])[0].field).toBe('volumeMounts[0].name');
  });
});
