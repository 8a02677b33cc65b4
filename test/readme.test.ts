import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../lib/analysis';

const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

test('the README documents every audit rule with its severity', () => {
  for (const rule of ALL_RULES) expect(readme).toContain(`| \`${rule.id}\` | ${rule.severity} |`);
});

test('the README states the two commands up front', () => {
  const top = readme.slice(0, 600);
  expect(top).toContain('npm run synth');
  expect(top).toContain('npm test');
});
