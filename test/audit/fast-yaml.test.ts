import * as fs from 'fs';
import * as path from 'path';
import { readPlainYaml } from '../../lib/audit/fast-yaml';
import { jsYamlDocuments } from '../../lib/audit/load';
import { typePlain } from '../../lib/audit/scalars';

const TYPES = typePlain;
const ROOT = path.join(__dirname, '..', '..');

/** What js-yaml reads, with the offset of each document's root node, as the audit reads a text without the fast reader. */
function reference(text: string): { values: unknown[]; starts: number[] } | { error: string } {
  try {
    return jsYamlDocuments(text, 'test.yaml');
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** The fast reader either gives up or reads exactly what js-yaml reads. */
function expectSameAsJsYaml(text: string): boolean {
  const fast = readPlainYaml(text, TYPES);
  if (fast === undefined) return false;
  expect({ text, ...fast }).toEqual({ text, ...reference(text) });
  return true;
}

const FAST = [
  'a: 1',
  'a: 1\n---\n',
  '---\na: 1\n---\nb: 2\n',
  'a: 1\n---\n---\nb: 2\n',
  '# c\n---\n# x\n  a: 1\n  b: [x, "y", \'z\']\n',
  'a:\n- 1\n- -2\nb: c',
  'a:\n  - x: 1\n    y:\n    - z\n  -\n  - w\n',
  'a: {}\nb: []\nc: [ ]\nd: ~\ne: null\nf: 0x1F\ng: 1e3\nh: .5\ni: -.inf\nj: 01\nk: 1_000\nl: +1\nm: true\nn: False\no: yes\n',
  '1: a\n2.5: b\n~: c\nfalse: d\ntrue: e\n',
  'a: b #c\nd: e#f\n',
  'a: "x # y"\nb: \'it\'\'s\'\nc: \'\'\nd: ""\n',
  'a:b: c\nd: http://x:80/y\ne: -x\nf: -1\ng: 1:20\nh: [1, x, .5]\n',
  'key:   \n  sub: 1\n',
  'a:\n\n  b: 1\n\n\nc: 2\n',
  'a: 1 # c\n# only\n',
  'a: 1\n---  # c\nb: 2\n',
  'a: 1\n  # indented comment\nb: 2\n',
  'a:\n  b:\n    c:\n      d: 1\n  e: 2\n',
  'a : 1\n',
  'x: 00\ny: 0o17\nz: 0b11\nw: 09\nv: .NaN\n',
];

const LEFT_TO_JS_YAML = [
  'a: &x 1\nb: *x\n', // anchors and aliases
  'a: !!str 1\n', // tags
  'a: |\n  text\n', // block scalars
  'a: >\n  text\n',
  'a: x\n  y\n', // multi-line plain scalar
  'a: "x\n  y"\n', // multi-line quoted scalar
  'a: "\\t"\n', // escapes
  '<<: {a: 1}\n', // merge keys
  'a: {b: 1}\n', // flow mappings
  'a: 1\na: 2\n', // duplicate keys (js-yaml's error)
  'a:\t1\n', // tabs
  'a: 1\r\n', // CR
  'a: 1\n...\n', // document end marker
  '%YAML 1.2\n---\na: 1\n', // directives
  '- a\n- b\n', // a list at the root
  'a: -\n', 'a: - b\n', 'a: b: c\n', 'a: 1\nb\n', '"a":1\n', 'a: "x"y\n', 'a: [a, b, ]\n', '- - a\n', '-a: 1\n', 'a: 1\n--- b: 2\n',
  '__proto__: 1\n',
  'a: 1\n b: 2\n', // bad indentation
  '\n\n',
];

test.each(FAST)('reads %j exactly as js-yaml does', (text) => {
  expect(expectSameAsJsYaml(text)).toBe(true);
  expect(expectSameAsJsYaml(text.replace(/\n$/, ''))).toBe(true);
});

test.each(LEFT_TO_JS_YAML)('leaves %j to js-yaml', (text) => {
  expect(readPlainYaml(text, TYPES)).toBeUndefined();
});

test('reads the synthesized manifests and the fixtures as js-yaml does, and takes the fast path for plain manifests', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) files.push(full);
    }
  };
  walk(path.join(ROOT, 'dist'));
  walk(path.join(ROOT, 'test', 'fixtures'));
  const fast = files.filter((f) => expectSameAsJsYaml(fs.readFileSync(f, 'utf8')));
  expect(fast).toEqual(expect.arrayContaining(['good/shop.yaml', 'regressions/ingress-nginx.yaml'].map((f) => path.join(ROOT, 'test', 'fixtures', f))));
});

test('edits of real manifests (indicators, indentation, separators, scalars) are read as js-yaml reads them, or left to it', () => {
  const docs = ['dist/wordpress.k8s.yaml', 'test/fixtures/good/shop.yaml'].map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8')).join('---\n').split(/^---\n/m).filter(Boolean);
  const pieces = [' ', '  ', '-', ' - ', ':', ': ', ' #', '#', '"', "'", '[', ']', '{}', '{', ',', '---', '\n', '\n---\n', '~', 'null', '1', '0x1', '1e3',
    '.5', '-1', 'true', '<<', '?', '*a', '&a', '!x', '|', '>', '%', '...', '\\', '+1', '1_0', '01', '.inf', 'a: b', '- a', 'key:', '"x":', "'y': 1",
    '\n  ', '\n    ', '\n- ', '[a, b]', '["a", 1]', '[ ]', '[a,]', '~:', '1.0:', '__proto__:', 'a: 1\na: 2', '\t', '\r'];
  let seed = 7;
  const random = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  let fast = 0;
  for (let i = 0; i < 3000; i++) {
    const k = Math.floor(random() * docs.length);
    let text = docs[k] + (random() < 0.5 ? `---\n${docs[(k + 1) % docs.length]}` : '');
    for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
      const at = Math.floor(random() * text.length);
      const piece = pieces[Math.floor(random() * pieces.length)];
      const op = random();
      text = op < 0.5 ? text.slice(0, at) + piece + text.slice(at)
        : op < 0.8 ? text.slice(0, at) + piece + text.slice(at + 1 + Math.floor(random() * 3))
          : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 5));
    }
    if (random() < 0.3) text = text.replace(/\n$/, '');
    if (expectSameAsJsYaml(text)) fast++;
  }
  // Enough edited texts stay in the subset for the comparison to mean something.
  expect(fast).toBeGreaterThan(500);
});
