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

describe('volumes: each condition apart', () => {
  const lines = (fs: Array<{ field: string; problem: string }>): string[] => fs.map((f) => `${f.field}: ${f.problem}`);
  const vols = (...vs: unknown[]): string[] => lines(validateVolumes(vs));
  const V = 'volumes[0]';
  test('a null volume is skipped; a null or empty name is no name; a non-string name is never used twice', () => {
    expect(vols(null)).toEqual([]);
    expect(vols({ name: null })).toEqual([`${V}.name: the volume has no name`]);
    expect(vols({ name: '' })).toEqual([`${V}.name: the volume has no name`]);
    expect(vols({ name: 5 }, { name: 5 })).toEqual([`${V}.name: volume name 5 is a whole number, not a string`,
      'volumes[1].name: volume name 5 is a whole number, not a string']);
  });
  test('sources: a null source is unset; a volume without a source is clean; a source that is not an object', () => {
    expect(vols({ name: 'a', secret: null, emptyDir: {} })).toEqual([]);
    expect(vols({ name: 'a', secret: null })).toEqual([]);
    // Only the source fields count: another field does not make a source.
    expect(vols({ name: 'a', undefined: 'x' })).toEqual([]);
    expect(vols({ name: 'a', emptyDir: 'x' })).toEqual([`${V}.emptyDir: emptyDir is a string ("x"), not an object`]);
  });
  test('secret and configMap: the fix names the kind', () => {
    expect(validateVolumes([{ name: 'a', secret: {} }])).toEqual([
      { field: `${V}.secret.secretName`, problem: 'secretName is missing', fix: 'name the Secret, e.g. secretName: app-config' }]);
    expect(validateVolumes([{ name: 'a', configMap: {} }])).toEqual([
      { field: `${V}.configMap.name`, problem: 'name is missing', fix: 'name the ConfigMap, e.g. name: app-config' }]);
  });
  test('emptyDir sizeLimit: null is unset; the fix gives a 1Gi example', () => {
    expect(vols({ name: 'a', emptyDir: { sizeLimit: null } })).toEqual([]);
    const [bad] = validateVolumes([{ name: 'a', emptyDir: { sizeLimit: true } }]);
    expect(bad.fix).toBe('write a quantity such as "1Gi"');
  });
  const items = (...is: unknown[]): any[] => validateVolumes([{ name: 'a', configMap: { name: 'c', items: is } }]);
  const I = `${V}.configMap.items[0]`;
  test('items: a null item is skipped; a null or empty key is missing', () => {
    expect(items(null)).toEqual([]);
    expect(lines(items({ key: null, path: 'k' }))).toEqual([`${I}.key: key is missing`]);
    expect(lines(items({ key: '', path: 'k' }))).toEqual([`${I}.key: key is missing`]);
  });
  test('items: the fixes of a reserved, absolute or escaping path', () => {
    expect(items({ key: 'k', path: '..k' }).map((f) => f.fix)).toEqual(['write "k"']);
    expect(items({ key: 'k', path: '...' }).map((f) => f.fix)).toEqual(['write "file"']);
    expect(items({ key: 'k', path: '/etc/k' }).map((f) => f.fix)).toEqual(['write "etc/k"']);
    expect(items({ key: 'k', path: '/' }).map((f) => f.fix)).toEqual(['write "file"']);
  });
  const sub = (subPath: string): string[] => validateVolumeMounts([{ name: 'data', mountPath: '/x', subPath }], ['data']).map((f) => f.fix);
  test('subPath: the fix of a path with .. drops the .. and empty steps', () => {
    expect(sub('../a')).toEqual(['use a path inside the volume, e.g. "a"']);
    expect(sub('a//../b/')).toEqual(['use a path inside the volume, e.g. "a/b"']);
    expect(sub('..')).toEqual(['use a path inside the volume, e.g. "dir"']);
  });
  const mounts = (...ms: unknown[]): string[] => lines(validateVolumeMounts(ms, ['data', 'cache']));
  const M = 'volumeMounts[0]';
  test('mountPath: cleaned to compare, a relative path is not made absolute', () => {
    expect(mounts({ name: 'data', mountPath: 'data' }, { name: 'cache', mountPath: '/data' }))
      .toEqual([`${M}.mountPath: mountPath "data" is relative: the container runtime needs an absolute path`]);
    const twice = ['volumeMounts[1].mountPath: two mounts at "/data": volumeMounts[0] already mounts there'];
    expect(mounts({ name: 'data', mountPath: '/data' }, { name: 'cache', mountPath: '/data/.' })).toEqual(twice);
    expect(mounts({ name: 'data', mountPath: '/data' }, { name: 'cache', mountPath: '/data/x/..' })).toEqual(twice);
    expect(mounts({ name: 'data', mountPath: '/data' }, { name: 'cache', mountPath: '/data/x/../y' })).toEqual([]);
  });
  test('mount name and mountPath: null and empty are missing, another type only of the wrong type', () => {
    const noName = `${M}.name: the mount names no volume`;
    expect(mounts({ name: null, mountPath: '/d' })).toEqual([noName]);
    expect(mounts({ name: '', mountPath: '/d' })).toEqual([noName]);
    expect(mounts({ name: 5, mountPath: '/d' })).toEqual([`${M}.name: name 5 is a whole number, not a string`]);
    const noPath = `${M}.mountPath: mountPath is missing or empty`;
    expect(mounts({ name: 'data', mountPath: null })).toEqual([noPath]);
    expect(mounts({ name: 'data', mountPath: 5 })).toEqual([`${M}.mountPath: mountPath 5 is a whole number, not a string`]);
  });
  test('an unknown volume: the fix lists the volumes, or asks for one', () => {
    expect(validateVolumeMounts([{ name: 'dat', mountPath: '/d' }], ['data', 'cache'])[0].fix)
      .toBe('use one of "data", "cache", or add a volume named "dat"');
    expect(validateVolumeMounts([{ name: 'dat', mountPath: '/d' }], [])[0].fix).toBe('add a volume named "dat" to the pod');
  });
  test('validateVolumes reports on its own', () => {
    expect(vols({ name: 'Data' }).length).toBe(1);
  });
});
