import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURES } from '../audit/fixtures';

const ROOT = path.join(__dirname, '..', '..');

/** A manifest file large enough that the JSON report overflows the pipe buffer after `head` has exited. */
export function bigManifestFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'epipe-')), 'big.yaml');
  const shop = fs.readFileSync(path.join(FIXTURES, 'good', 'shop.yaml'), 'utf8');
  fs.writeFileSync(file, Array.from({ length: 150 }, (_, i) => shop.replace(/namespace: shop$/gm, `namespace: shop${i}`)).join('\n---\n'));
  return file;
}

/** Runs `<runner> --json <file> | head -c 1` and prints the runner's exit code after what head printed. */
export function pipedToHead(runner: string, file: string): SpawnSyncReturns<string> {
  return spawnSync('bash', ['-c', `set -o pipefail; ${runner} --json "$1" | head -c 1; echo " rc=\${PIPESTATUS[0]}"`, 'sh', file], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000,
  });
}
