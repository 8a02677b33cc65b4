/**
 * The generated API docs (docs/api/) and the pinned export list are current: `npm run api` regenerates
 * both into a temporary folder (TypeDoc type-checks the package, so this takes seconds, not milliseconds)
 * and every file must equal the committed one.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { API_DOCS, EXPORTS_TXT, ROOT } from '../../scripts/api';

jest.setTimeout(180_000);

const REGENERATE = 'run `npm run api` and commit docs/api/ and test/api/exports.txt';

/** The files under a folder, as paths relative to it. */
function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => f.split(path.sep).join('/')).sort();
}

/** The first difference between a committed file and a generated one, or undefined when equal. */
function firstDifference(file: string, committed: string | undefined, generated: string | undefined): string | undefined {
  if (committed === generated) return undefined;
  if (committed === undefined) return `${file} is generated but not committed`;
  if (generated === undefined) return `${file} is committed but no longer generated`;
  const a = committed.split('\n');
  const b = generated.split('\n');
  let line = 0;
  while (a[line] === b[line]) line += 1;
  const show = (l: string | undefined) => JSON.stringify(l === undefined || l.length <= 100 ? l : `${l.slice(0, 100)}...`);
  return `${file} is stale at line ${line + 1} (committed ${show(a[line])}, generated ${show(b[line])})`;
}

test('docs/api/ and test/api/exports.txt are what `npm run api` generates', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'api-docs-'));
  try {
    const run = spawnSync(process.execPath, ['-r', './lib/cli/register-ts.js', 'scripts/api.ts', '--into', tmp], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`npm run api failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
    const read = (root: string, file: string) => (fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), 'utf8') : undefined);
    const docs = [...new Set([...files(path.join(ROOT, API_DOCS)), ...files(path.join(tmp, API_DOCS))])].sort().map((f) => `${API_DOCS}/${f}`);
    const stale = [...docs, EXPORTS_TXT].map((f) => firstDifference(f, read(ROOT, f), read(tmp, f))).filter((d) => d !== undefined);
    if (stale.length > 0) throw new Error(`${stale[0]}: ${REGENERATE}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
