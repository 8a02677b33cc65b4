import { audit, Manifest } from '../../../lib/analysis';
import { shop, shopWith } from '../fixtures';

const found = (manifests: Manifest[], id: string, kubernetesVersion?: string) =>
  audit(manifests, kubernetesVersion ? { kubernetesVersion } : {}).violations.filter((v) => v.ruleId === id);
const secret = (fields: Record<string, unknown>, kind = 'Secret'): Manifest => ({ apiVersion: 'v1', kind, metadata: { name: 'db', namespace: 'shop' }, ...fields });

test('duplicate-object counts every definition', () => {
  const thrice = shopWith((get, all) => { all.push(structuredClone(get('Service')), structuredClone(get('Service'))); });
  expect(found(thrice, 'duplicate-object').map((v) => v.message)).toEqual([expect.stringMatching(/^Service shop\/shop is defined 3 times;/)]);
});

describe('secret-with-data', () => {
  test.each<[string, Manifest, string[]]>([
    ['data', secret({ data: { password: 'eA==' } }), ['data']],
    ['stringData alone', secret({ stringData: { password: 'x' } }), ['stringData']],
    ['an empty Secret', secret({ data: {}, stringData: {} }), []],
    ['a ConfigMap with data', secret({ data: { a: 'b' } }, 'ConfigMap'), []],
  ])('%s', (_what, manifest, fields) => {
    expect(found([...shop(), manifest], 'secret-with-data').map((v) => v.field)).toEqual(fields);
  });

  test('a key in both data and stringData is one value', () => {
    expect(found([...shop(), secret({ data: { password: 'eA==' }, stringData: { password: 'x' } })], 'secret-with-data').map((v) => [v.field, v.message]))
      .toEqual([['data', 'Secret carries 1 value(s) in the manifest']]);
  });
});

test('deprecated-api judges against the Kubernetes version asked for', () => {
  const beta = shopWith((get) => { get('PodDisruptionBudget').apiVersion = 'policy/v1beta1'; });
  expect(found(beta, 'deprecated-api', '1.24')).toEqual([]);
  expect(found(beta, 'deprecated-api', '1.25').map((v) => v.field)).toEqual(['apiVersion']);
});
