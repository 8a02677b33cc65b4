import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { main } from '../../lib/cli/audit';

/** Runs the audit command in-process; `stdin` feeds `-`. */
export async function run(argv: string[], stdin?: string | Buffer): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, (t) => { out += `${t}\n`; }, (t) => { err += `${t}\n`; }, { color: false, stdin: Readable.from(stdin === undefined ? [] : [Buffer.from(stdin)]) });
  return { code, out, err };
}

/** Writes a file into a fresh temporary folder and returns its path. */
export function tmpFile(name: string, text: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-'));
  fs.writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
}
