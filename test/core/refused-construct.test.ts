import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import * as ts from 'typescript';
import { ConfigurationError } from '../../lib';
import * as lib from '../../lib';

const LIB = path.join(__dirname, '..', '..', 'lib');

/** Every construct whose props acceptProps checks, with the public fields its class declares. */
function checkedConstructs(): Array<[string, string[]]> {
  const found: Array<[string, string[]]> = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) { visit(file); continue; }
      if (!file.endsWith('.ts')) continue;
      const text = fs.readFileSync(file, 'utf8');
      const kinds = [...text.matchAll(/acceptProps\(this, '(\w+)'/g)].map((m) => m[1]);
      if (kinds.length === 0) continue;
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      source.forEachChild((node) => {
        if (!ts.isClassDeclaration(node) || !node.name || !kinds.includes(node.name.text)) return;
        const isPublic = (m: ts.ClassElement) =>
          !(ts.getCombinedModifierFlags(m as ts.Declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static));
        found.push([node.name.text, node.members.filter((m) => ts.isPropertyDeclaration(m) && isPublic(m)).map((m) => m.name!.getText())]);
      });
    }
  };
  visit(LIB);
  return found.sort();
}

const CONSTRUCTS = checkedConstructs();

test('the constructs whose props are checked are the exported ones', () => {
  expect(CONSTRUCTS.map(([name]) => name)).toEqual([
    'ArgoCdApplication',
    'MysqlDatabase',
    'MysqlDumpBackup',
    'MysqlInnoDbCluster',
    'Namespace',
    'VeleroSchedule',
    'WordpressApp',
    'ZeroDowntimeDeployment',
  ]);
});

describe.each(CONSTRUCTS)('a refused %s', (name, fields) => {
  const build = () => {
    const chart = new Chart(Testing.app(), 'c');
    const Construct = (lib as unknown as Record<string, new (scope: Chart, id: string, props: unknown) => object>)[name];
    return { chart, construct: new Construct(chart, 'refused', { unknownProp: 1 }) };
  };

  test('withholds every public field: reading one throws its ConfigurationError', () => {
    const { construct } = build();
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) {
      let error: unknown;
      try {
        void (construct as Record<string, unknown>)[field];
      } catch (e) {
        error = e;
      }
      expect([field, error]).toEqual([field, expect.any(ConfigurationError)]);
      expect((error as ConfigurationError).constructs).toEqual([expect.objectContaining({ path: 'c/refused', label: name })]);
      expect((error as Error).message).toMatch(/unknownProp = 1: /);
    }
  });

  test('renders nothing, and synth reports the same problems', () => {
    const { chart, construct } = build();
    expect(chart.node.findAll().filter((c) => c !== chart && c !== construct)).toEqual([]);
    let field: unknown;
    try { void (construct as Record<string, unknown>)[fields[0]]; } catch (e) { field = e; }
    expect(() => Testing.synth(chart)).toThrow((field as Error).message);
  });
});
