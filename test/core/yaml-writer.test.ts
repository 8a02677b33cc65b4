import * as fs from 'fs';
import * as path from 'path';
import { Yaml } from 'cdk8s';
import { stringifyYaml } from '../../lib/core/yaml-writer';

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : e.name.endsWith('.yaml') ? [path.join(dir, e.name)] : []));
}

test('writes every committed manifest byte for byte as cdk8s does', () => {
  const files = yamlFiles(path.join(__dirname, '..', '..', 'dist'));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const docs = Yaml.load(file);
    expect(stringifyYaml(docs)).toBe(Yaml.stringify(...docs));
  }
});

// Each of these is quoted, or not, by YAML 1.1 rules that the fast path must get right.
const STRINGS = [
  'abc', 'yes', 'Yes', 'NO', 'on', 'Off', 'y', 'N', 'null', 'Null', '~', 'true', 'False', '0755', '1e3', '.5', '0x1f', '1_000', '12:30',
  '', ' x', 'x ', 'a: b', 'a:b', 'a:1', 'x:', 'x::y', 'a:/b', 'a:-1', '- x', '#c', 'a #b', '{a}', '[a]', '*a', '&a', '!a', '%a', '@a', '`a', '|a', '>a',
  "it's", '"q"', 'app.kubernetes.io/name', 'ghcr.io/acme/svc-1:1.0.1', 'a--b', 'a..b', 'a-', 'a.', '_x', 'x_', 'http://x:80/y', 'ünï', 'multi\nline', 'tab\there',
];

test.each(STRINGS)('string %j as a key, a value and a sequence item', (s) => {
  const doc = { [s]: s, list: [s, { [s]: s, n: 1 }], empty: {}, none: [], nested: { deeper: { value: s } } };
  expect(stringifyYaml([doc])).toBe(Yaml.stringify(doc));
});

test('numbers, booleans, null, empty and nested collections, several documents', () => {
  const docs = [{ a: 1, b: -0, c: 1.5, d: 1e21, e: true, f: null, g: [[]], h: [{}], i: [[1, 2]] }, undefined, { kind: 'x' }];
  expect(stringifyYaml(docs)).toBe(Yaml.stringify(...docs));
});
