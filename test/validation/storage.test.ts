import { checkPersistentVolumeClaimSpec } from '../../lib/validation/storage';
import { findings } from '../../lib/validation/finding-list';

const claim = (): any => ({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } });
const check = (spec: unknown): string[] => findings((out) => checkPersistentVolumeClaimSpec(out, spec, 'spec')).map((f) => `${f.field}: ${f.problem}`);
const withSpec = (extra: Record<string, unknown>): any => ({ ...claim(), ...extra });

describe('checkPersistentVolumeClaimSpec (ValidatePersistentVolumeClaimSpec)', () => {
  test('no spec is one finding; a spec of the wrong type is only a type finding', () => {
    expect(check(claim())).toEqual([]);
    expect(check(undefined)).toEqual(['spec: the claim has no spec']);
    expect(check(null)).toEqual(['spec: the claim has no spec']);
    expect(check('data')).toEqual(['spec: spec is a string ("data"), not an object']);
  });
  test('accessModes: unset, null or empty is "no access mode"; a wrong type is only a type finding', () => {
    expect(check(withSpec({ accessModes: null }))).toEqual(['spec.accessModes: the claim has no access mode']);
    expect(check(withSpec({ accessModes: [] }))).toEqual(['spec.accessModes: the claim has no access mode']);
    expect(check(withSpec({ accessModes: 'ReadWriteOnce' }))).toEqual(['spec.accessModes: accessModes is a string ("ReadWriteOnce"), not a list']);
  });
  test('each access mode is checked; ReadWriteOncePod only alone', () => {
    expect(check(withSpec({ accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'] }))).toEqual([]);
    expect(check(withSpec({ accessModes: ['ReadWriteOnce', 'ReadWriteAll'] }))).toEqual(['spec.accessModes[1]: access mode "ReadWriteAll" is not supported']);
    expect(check(withSpec({ accessModes: ['ReadWriteOncePod'] }))).toEqual([]);
    expect(check(withSpec({ accessModes: ['ReadOnlyMany', 'ReadWriteOncePod'] })))
      .toEqual(['spec.accessModes: ReadWriteOncePod may not be combined with other access modes']);
  });
  test('the storage request: required under resources.requests, which may be of the wrong type', () => {
    expect(check(withSpec({ resources: { requests: {} } }))).toEqual(['spec.resources[storage]: the claim requests no storage size']);
    expect(check(withSpec({ resources: { requests: { storage: null } } }))).toEqual(['spec.resources[storage]: the claim requests no storage size']);
    expect(check(withSpec({ resources: {} }))).toEqual(['spec.resources[storage]: the claim requests no storage size']);
    expect(check(withSpec({ resources: 'big' }))).toEqual(['spec.resources: resources is a string ("big"), not an object',
      'spec.resources[storage]: the claim requests no storage size']);
    expect(check(withSpec({ resources: { requests: ['2Gi'] } }))).toEqual(['spec.resources.requests: requests is a list (a list of 1), not an object',
      'spec.resources[storage]: the claim requests no storage size']);
    expect(check(withSpec({ resources: { requests: { storage: '1' } } }))).toEqual([]);
  });
  test('a storage limit, when set, is a quantity that may be zero', () => {
    expect(check(withSpec({ resources: { requests: { storage: '2Gi' }, limits: { storage: '4Gi' } } }))).toEqual([]);
    expect(check(withSpec({ resources: { requests: { storage: '2Gi' }, limits: { storage: '0' } } }))).toEqual([]);
    expect(check(withSpec({ resources: { requests: { storage: '2Gi' }, limits: { storage: '4GB' } } })))
      .toEqual([expect.stringMatching(/^spec\.resources\.limits\[storage\]: storage "4GB" is not a Kubernetes quantity/)]);
    expect(check(withSpec({ resources: { requests: { storage: '2Gi' }, limits: { storage: '-1' } } }))).toEqual(['spec.resources.limits[storage]: storage "-1" is negative']);
    const bad = findings((out) => checkPersistentVolumeClaimSpec(out, withSpec({ resources: { requests: { storage: '2Gi' }, limits: { storage: 'big' } } }), 'spec'));
    expect(bad.map((f) => f.fix)).toEqual(['write a number with an optional unit, e.g. "10Gi"']);
    expect(check(withSpec({ resources: { requests: { storage: '2Gi' }, limits: { cpu: '1' } } }))).toEqual([]);
  });
  test('storageClassName and volumeName: DNS-1123 subdomains when not empty', () => {
    expect(check(withSpec({ storageClassName: 'fast.ssd', volumeName: 'pv-1' }))).toEqual([]);
    expect(check(withSpec({ storageClassName: '', volumeName: '' }))).toEqual([]);
    expect(check(withSpec({ storageClassName: 'Fast' }))).toEqual([expect.stringMatching(/^spec\.storageClassName: /)]);
    expect(check(withSpec({ volumeName: 'PV_1' }))).toEqual([expect.stringMatching(/^spec\.volumeName: /)]);
    expect(check(withSpec({ volumeName: 1 }))).toEqual([expect.stringMatching(/^spec\.volumeName: volumeName 1 is a whole number, not a string/)]);
    expect(check(withSpec({ volumeMode: 'Block' }))).toEqual([]);
    expect(check(withSpec({ volumeMode: 'Raw' }))).toEqual([expect.stringMatching(/^spec\.volumeMode: volumeMode "Raw" is not supported/)]);
  });
});
