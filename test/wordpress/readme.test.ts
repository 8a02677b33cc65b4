import * as fs from 'fs';
import * as path from 'path';
import { memoryArithmetic, DEFAULT_WORKER_BUDGET, requiredMemoryMi } from '../../lib/wordpress/php-memory';
import { saltSecretCommand } from '../../lib/wordpress/salts';
import { APACHE_CAPABILITIES } from '../../lib/wordpress/security';

// The WordPress manual, moved out of the README.
const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'wordpress.md'), 'utf8');

test('docs/wordpress.md gives the exact command that creates the salts Secret the stack reads', () => {
  expect(readme).toContain(saltSecretCommand('kube-example', 'wordpress-salts'));
});

test('docs/wordpress.md states the memory arithmetic the construct enforces, and every capability kept with its reason', () => {
  expect(memoryArithmetic(DEFAULT_WORKER_BUDGET)).toContain(`= ${requiredMemoryMi(DEFAULT_WORKER_BUDGET)} MiB`);
  expect(readme).toContain(`4 x (256 + 16) + 64 + 32 = ${requiredMemoryMi(DEFAULT_WORKER_BUDGET)} MiB`);
  for (const c of APACHE_CAPABILITIES) expect(readme).toContain(`| \`${c.capability}\` | ${c.why} |`);
});
