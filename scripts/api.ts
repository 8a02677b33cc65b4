// `npm run api`: the API docs in docs/api/ and test/api/exports.txt (the pinned runtime export names).
// TypeDoc writes the docs from the entry points lib/index.ts (`zero-downtime-charts`) and lib/analysis.ts
// (`zero-downtime-charts/analysis`), configured by typedoc.json; its validation fails the run on an
// undocumented export and on a public declaration that mentions a type no entry point exports.
// exports.txt lists what the loaded entry points export at runtime, each with TypeDoc's kind for it.
//   npm run api -- --into DIR   writes DIR/docs/api and DIR/test/api/exports.txt instead
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as root from '../lib';
import * as analysis from '../lib/analysis';

export const ROOT = path.join(__dirname, '..');
export const API_DOCS = 'docs/api';
export const EXPORTS_TXT = 'test/api/exports.txt';
/** The entry points: the module users import, loaded. */
const ENTRY_POINTS: Record<string, object> = { 'zero-downtime-charts': root, 'zero-downtime-charts/analysis': analysis };
/** TypeDoc's ReflectionKind values of the declarations that exist at runtime. */
const RUNTIME_KINDS: Record<number, string> = { 8: 'enum', 32: 'const', 64: 'function', 128: 'class' };

interface Reflection { readonly name: string; readonly kind: number; readonly children?: readonly Reflection[] }

/** The runtime export names with their kinds, sorted; a subpath's names after its path (`analysis/audit`). */
function exportsList(project: Reflection): string {
  const lines = Object.entries(ENTRY_POINTS).flatMap(([module, loaded]) => {
    const documented = project.children?.find((m) => m.name === module);
    if (!documented) throw new Error(`TypeDoc documented no module ${module}`);
    const subpath = module.slice('zero-downtime-charts/'.length);
    return Object.keys(loaded).map((name) => {
      const kind = RUNTIME_KINDS[documented.children?.find((c) => c.name === name)?.kind ?? -1];
      if (!kind) throw new Error(`${module} exports ${name} at runtime, which TypeDoc does not document as a runtime declaration`);
      return `${subpath ? `${subpath}/` : ''}${name} ${kind}`;
    });
  });
  return `${lines.sort().join('\n')}\n`;
}

function main(argv: readonly string[]): number {
  const into = argv[0] === '--into' && argv[1] ? path.resolve(argv[1]) : ROOT;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'api-'));
  try {
    const json = path.join(scratch, 'api.json');
    const typedoc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc'), '--out', path.join(into, API_DOCS), '--json', json], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (typedoc.status !== 0) return typedoc.status ?? 1;
    const list = exportsList(JSON.parse(fs.readFileSync(json, 'utf8')) as Reflection);
    fs.mkdirSync(path.dirname(path.join(into, EXPORTS_TXT)), { recursive: true });
    fs.writeFileSync(path.join(into, EXPORTS_TXT), list);
    process.stdout.write(`wrote ${path.relative(ROOT, path.join(into, EXPORTS_TXT)) || EXPORTS_TXT} (${list.trim().split('\n').length} runtime exports)\n`);
    return 0;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
