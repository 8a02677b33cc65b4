import * as fs from 'fs';
import * as path from 'path';
import { memoryArithmetic, DEFAULT_WORKER_BUDGET, requiredMemoryMi } from '../../lib/wordpress/php-memory';
import { saltSecretCommand } from '../../lib/wordpress/salts';
import { APACHE_CAPABILITIES } from '../../lib/wordpress/security';

const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

test('the README gives the exact command that creates the salts Secret the stack reads', () => {
  expect(readme).toContain(saltSecretCommand('kube-example', 'wordpress-salts'));
});

test('the README states the memory arithmetic the construct enforces, and every capability kept with its reason', () => {
  expect(memoryArithmetic(DEFAULT_WORKER_BUDGET)).toContain(`= ${requiredMemoryMi(DEFAULT_WORKER_BUDGET)} MiB`);
  expect(readme).toContain(`4 x (128 + 16) + 64 + 32 = ${requiredMemoryMi(DEFAULT_WORKER_BUDGET)} MiB`);
  for (const c of APACHE_CAPABILITIES) expect(readme).toContain(`| \`${c.capability}\` | ${c.why} |`);
});
