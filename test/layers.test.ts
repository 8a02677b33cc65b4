import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..');
const CRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const FIXTURES = 'test/fixtures/layers/';

// The layers and the circle rule are in .dependency-cruiser.cjs: grammar ← rules ← audit ← constructs ← app.
// One cruise of lib/ and of the fixtures, whose two modules break the rules on purpose: each start of
// dependency-cruiser costs about a second, and the two parts import nothing of each other.
interface Violation { from: string; to: string; rule: { name: string; severity: string } }
let cruise: { errors: number; modules: string[]; violations: Violation[] };
beforeAll(() => {
  const run = spawnSync(process.execPath, [CRUISE, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'lib', FIXTURES], { cwd: ROOT, encoding: 'utf8' });
  if (!run.stdout.startsWith('{')) throw new Error(`dependency-cruiser failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  const result = JSON.parse(run.stdout);
  cruise = { errors: result.summary.error, modules: result.modules.map((m: { source: string }) => m.source), violations: result.summary.violations };
}, 60_000);

test('lib/ has no import circle and imports only downward through its layers', () => {
  expect(cruise.violations.length).toBe(cruise.errors);
  expect(cruise.modules).toEqual(expect.arrayContaining(['lib/index.ts', 'lib/analysis.ts', 'lib/grammar/cron.ts']));
  expect(cruise.violations.filter((v) => !v.from.startsWith(FIXTURES))).toEqual([]);
});

test('the check fails on a circle and on an upward import', () => {
  // Errors, which make dependency-cruiser's `err` output exit non-zero.
  expect(cruise.violations.filter((v) => v.from.startsWith(FIXTURES)).map((v) => `${v.rule.severity} ${v.rule.name}: ${v.from} → ${v.to}`).sort()).toEqual([
    'error grammar-imports-above: test/fixtures/layers/lib/grammar/low.ts → test/fixtures/layers/lib/audit/high.ts',
    'error no-circular: test/fixtures/layers/lib/audit/high.ts → test/fixtures/layers/lib/grammar/low.ts',
  ]);
});

test('no module-level mutable state in lib/: no top-level let or var (the Kubernetes version is passed with the findings)', () => {
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const offenders = files(path.join(ROOT, 'lib')).flatMap((file) => fs.readFileSync(file, 'utf8').split('\n')
    .map((line, i) => [line, i] as const)
    .filter(([line]) => /^(export )?(let|var) /.test(line))
    .map(([, i]) => `${path.relative(ROOT, file)}:${i + 1}`));
  expect(offenders).toEqual([]);
});

// Issue 20: every function, method, accessor and constructor in lib/ fits on a screen (80 lines, counted from its
// first to its last line, comments included), so each reads as one idea; long ones are split into named steps.
const MAX_FUNCTION_LINES = 80;

/** Function-like nodes with a body under `dir` longer than `max` lines, by `file name` (file relative to `base`), with their line counts. */
function longFunctions(max: number, dir = path.join(ROOT, 'lib'), base = ROOT): Map<string, number> {
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const name = (node: ts.Node, source: ts.SourceFile): string => {
    if (ts.isConstructorDeclaration(node)) return `${ts.isClassLike(node.parent) ? node.parent.name?.text : '?'} constructor`;
    const named = node as ts.Node & { name?: ts.Node };
    if (named.name !== undefined) return named.name.getText(source);
    if (ts.isVariableDeclaration(node.parent) || ts.isPropertyAssignment(node.parent) || ts.isPropertyDeclaration(node.parent)) return node.parent.name.getText(source);
    return `(anonymous at line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1})`;
  };
  const found = new Map<string, number>();
  for (const file of files(dir)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body !== undefined) {
        const lines = source.getLineAndCharacterOfPosition(node.getEnd()).line - source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        if (lines > max) found.set(`${path.relative(base, file).split(path.sep).join('/')} ${name(node, source)}`, lines);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

test(`no function or constructor in lib/ is longer than ${MAX_FUNCTION_LINES} lines`, () => {
  expect([...longFunctions(MAX_FUNCTION_LINES)].map(([key, lines]) => `${key} (${lines} lines)`)).toEqual([]);
});

test('the long-function check measures constructors, methods, functions and arrow functions, up to the limit', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'long-functions-'));
  const body = (n: number) => Array.from({ length: n - 2 }, (_, i) => `    const v${i} = ${i};`).join('\n');
  fs.writeFileSync(path.join(dir, 'long.ts'), [
    'export class Long {', `  constructor() {\n${body(81)}\n  }`, `  private step(): void {\n${body(81)}\n  }`, '}',
    `export function long(): void {\n${body(81)}\n}`, `export const arrow = () => {\n${body(81)}\n};`, `export function fits(): void {\n${body(80)}\n}`,
  ].join('\n'));
  try {
    expect(longFunctions(MAX_FUNCTION_LINES, dir, dir)).toEqual(new Map([
      ['long.ts Long constructor', 81], ['long.ts step', 81], ['long.ts long', 81], ['long.ts arrow', 81],
    ]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
