import { bigManifestFile, pipedToHead } from './closed-pipe';

// `npm run test:integration` builds lib/ into build/ first, which the packaged bin runs.
test('a closed pipe ends the packaged bin (the compiled CLI) quietly, with the audit\'s exit code', () => {
  const result = pipedToHead(`"${process.execPath}" bin/zero-downtime-audit.js`, bigManifestFile());
  expect(result.stdout).toBe('{ rc=0\n');
  expect(result.stderr).toBe('');
}, 60_000);
