import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const CRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const cruise = (args: string[]) => spawnSync(process.execPath, [CRUISE, '--config', '.dependency-cruiser.cjs', '--output-type', 'err', ...args], { cwd: ROOT, encoding: 'utf8' });

// The layers and the circle rule are in .dependency-cruiser.cjs: grammar ← rules ← audit ← constructs ← app.
test('lib/ has no import circle and imports only downward through its layers', () => {
  const run = cruise(['lib']);
  expect(run.stdout + run.stderr).toContain('no dependency violations found');
  expect(run.status).toBe(0);
}, 60_000);

test('the check fails on a circle and on an upward import', () => {
  const run = cruise(['test/fixtures/layers']);
  expect(run.status).not.toBe(0);
  expect(run.stdout).toContain('no-circular');
  expect(run.stdout).toContain('grammar-imports-above: test/fixtures/layers/lib/grammar/low.ts → test/fixtures/layers/lib/audit/high.ts');
}, 60_000);

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

/** Functions still over the limit, by `file name`, each with the reason it is not split yet. */
const LONG_FUNCTION_EXCEPTIONS: Readonly<Record<string, string>> = {
  'lib/validation/pod.ts checkPodSpec': 'not split yet (issue 20)',
};

/** Function-like nodes with a body in lib/ longer than `max` lines, by `file name`, with their line counts. */
function longFunctions(max: number): Map<string, number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const name = (node: import('typescript').Node, source: import('typescript').SourceFile): string => {
    if (ts.isConstructorDeclaration(node)) return `${ts.isClassLike(node.parent) ? node.parent.name?.text : '?'} constructor`;
    const named = node as import('typescript').Node & { name?: import('typescript').Node };
    if (named.name !== undefined) return named.name.getText(source);
    if (ts.isVariableDeclaration(node.parent) || ts.isPropertyAssignment(node.parent) || ts.isPropertyDeclaration(node.parent)) return node.parent.name.getText(source);
    return `(anonymous at line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1})`;
  };
  const found = new Map<string, number>();
  for (const file of files(path.join(ROOT, 'lib'))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: import('typescript').Node): void => {
      if (ts.isFunctionLike(node) && (node as import('typescript').FunctionLikeDeclaration).body !== undefined) {
        const lines = source.getLineAndCharacterOfPosition(node.getEnd()).line - source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        if (lines > max) found.set(`${path.relative(ROOT, file).split(path.sep).join('/')} ${name(node, source)}`, lines);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

test(`no function or constructor in lib/ is longer than ${MAX_FUNCTION_LINES} lines, but for the listed exceptions`, () => {
  const long = longFunctions(MAX_FUNCTION_LINES);
  expect([...long].filter(([key]) => !(key in LONG_FUNCTION_EXCEPTIONS)).map(([key, lines]) => `${key} (${lines} lines)`)).toEqual([]);
  // An exception that is short now is dropped from the list.
  expect(Object.keys(LONG_FUNCTION_EXCEPTIONS).filter((key) => !long.has(key))).toEqual([]);
});

test('the long-function check measures constructors, methods and functions', () => {
  const all = [...longFunctions(1).keys()];
  expect(all).toContain('lib/wordpress/wordpress-app.ts WordpressApp constructor');
  expect(all).toContain('lib/wordpress/wordpress-app.ts renderWordpress');
  expect(all).toContain('lib/wordpress/wordpress-app.ts stackConfigExtra');
});
