import { audit, parseManifests } from '../../lib/analysis';
import { readPlainYaml } from '../../lib/audit/fast-yaml';
import { jsYamlDocuments } from '../../lib/audit/load';
import { typePlain } from '../../lib/audit/scalars';

/**
 * Plain scalars as the cluster reads them: kubectl and the API server convert YAML to JSON with
 * sigs.k8s.io/yaml, which decodes with go-yaml v2 (YAML 1.1 booleans, leading-zero octal, underscores
 * in numbers; timestamps and base-60 numbers stay strings). Where js-yaml's YAML 1.2 core schema and
 * the `yaml` package disagree, this is the answer the audit takes.
 */
const AS_THE_API_SERVER_READS: Array<[string, unknown]> = [
  ['yes', true], ['Yes', true], ['YES', true], ['y', true], ['Y', true], ['on', true], ['On', true], ['ON', true], ['true', true], ['True', true],
  ['no', false], ['n', false], ['N', false], ['off', false], ['OFF', false], ['false', false], ['FALSE', false],
  ['tRue', 'tRue'], ['yEs', 'yEs'],
  ['~', null], ['null', null], ['Null', null], ['NULL', null],
  ['0644', 420], ['0755', 493], ['-0755', -493], ['0o17', 15], ['0x1F', 31], ['0X1f', 31], ['0b11', 3], ['-0x1F', -31],
  ['1_000', 1000], ['1__0', 10], ['09', 9], ['00', 0], ['-0', 0], ['+1', 1], ['0', 0], ['12', 12],
  ['1e3', 1000], ['1.5', 1.5], ['1.', 1], ['.5', 0.5], ['-.5', -0.5], ['+.5', 0.5], ['1_0.5', 10.5],
  ['.inf', Infinity], ['-.Inf', -Infinity], ['.NaN', NaN],
  ['1:20', '1:20'], ['2024-01-01', '2024-01-01'], ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
  ['.', '.'], ['e5', 'e5'], ['.e5', '.e5'], ['._5', '._5'], ['.5_0', '.5_0'], ['0x', '0x'], ['1e', '1e'], ['0o8', '0o8'], ['v1', 'v1'], ['250m', '250m'],
];

describe.each(AS_THE_API_SERVER_READS)('plain %j', (plain, expected) => {
  const text = `a: ${plain}\n`;
  test('through the fast reader', () => {
    expect(readPlainYaml(text, typePlain)?.values).toEqual([{ a: expected }]);
  });
  test('through js-yaml (texts outside the fast subset)', () => {
    expect(jsYamlDocuments(`${text}b: &x 1\n`, 'test.yaml').values).toEqual([{ a: expected, b: 1 }]);
  });
});

test('quoted scalars stay strings; typed keys become the strings sigs.k8s.io/yaml makes of them', () => {
  const text = 'a: "yes"\nb: \'0644\'\nyes: 1\n0755: 2\nfalse: 3\n1.5: 4\n';
  const expected = [{ a: 'yes', b: '0644', true: 1, 493: 2, false: 3, '1.5': 4 }];
  expect(readPlainYaml(text, typePlain)?.values).toEqual(expected);
  expect(jsYamlDocuments(`${text}c: &x 1\n`, 'test.yaml').values).toEqual([{ ...expected[0], c: 1 }]);
});

test('the audit sees what the API server sees: defaultMode 0644 is 420, a boolean env value is refused', () => {
  const pod = (volumeMode: string, envValue: string) => parseManifests(`apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: default
spec:
  containers:
    - name: app
      image: nginx:1.27
      env:
        - name: FLAG
          value: ${envValue}
  volumes:
    - name: s
      secret:
        secretName: s
        defaultMode: ${volumeMode}
`, 'pod.yaml');
  const invalid = (manifests: ReturnType<typeof pod>) => audit(manifests).violations.filter((v) => v.ruleId === 'invalid-field').map((v) => v.field);
  expect(pod('0644', '"yes"')[0].spec.volumes[0].secret.defaultMode).toBe(420);
  expect(invalid(pod('0644', '"yes"'))).toEqual([]);
  expect(invalid(pod('0400', 'yes'))).toEqual(['spec.containers[0].env[0].value']);
  expect(invalid(pod('644', 'on')).sort()).toEqual(['spec.containers[0].env[0].value', 'spec.volumes[0].secret.defaultMode']);
});
