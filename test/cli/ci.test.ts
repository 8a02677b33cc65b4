import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES } from '../audit/fixtures';
import { run } from './run';
import { bigManifestFile, pipedToHead } from './closed-pipe';

const unpinned = () => fs.readFileSync(path.join(FIXTURES, 'good', 'shop.yaml'), 'utf8').replace('ghcr.io/acme/shop:1.4.2', 'ghcr.io/acme/shop');

describe('--stdin-filename names the file that standard input holds', () => {
  test('SARIF gets the repository-relative path, so results map to lines of a pull request', async () => {
    const { code, out } = await run(['--format', 'sarif', '--stdin-filename', 'deploy/shop.yaml', '-'], unpinned());
    expect(code).toBe(1);
    expect(JSON.parse(out).runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'deploy/shop.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 49, startColumn: 11 },
    });
  });

  test('JUnit and JSON name it too; without the flag the name stays <stdin>', async () => {
    const junit = await run(['--format', 'junit', '--stdin-filename', 'deploy/shop.yaml', '-'], unpinned());
    expect(junit.out).toContain('<testsuite name="deploy/shop.yaml"');
    expect(junit.out).not.toContain('stdin');
    const named = JSON.parse((await run(['--json', '--stdin-filename', 'deploy/shop.yaml', '-'], unpinned())).out);
    expect(named.findings[0].file).toBe('deploy/shop.yaml');
    const unnamed = JSON.parse((await run(['--json', '-'], unpinned())).out);
    expect(unnamed.findings[0].file).toBe('<stdin>');
    const sarif = JSON.parse((await run(['--format', 'sarif', '-'], unpinned())).out);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'stdin' });
  });

  test('a parse error from standard input names the given file', async () => {
    const { code, err } = await run(['--stdin-filename', 'deploy/bad.yaml', '-'], 'a: [\n');
    expect(code).toBe(2);
    expect(err).toMatch(/^zero-downtime-audit: unusable input: deploy\/bad\.yaml/);
  });

  test.each([
    [['--stdin-filename', '', '-'], '--stdin-filename takes a file path; got ""'],
    [['--stdin-filename', ' ', '-'], '--stdin-filename takes a file path; got " "'],
    [['--stdin-filename', 'a\0b', '-'], '--stdin-filename takes a file path; got "a\\u0000b"'],
    [['--stdin-filename', 'x.yaml', path.join(FIXTURES, 'good')], '--stdin-filename names what - (standard input) holds; give - as well'],
    [['-', '--stdin-filename'], '--stdin-filename needs a value'],
  ])('%j is refused as usage', async (argv, message) => {
    const { code, out, err } = await run(argv, unpinned());
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`zero-downtime-audit: ${message}\n(zero-downtime-audit --help lists the options and rules)\n`);
  });

  test('--help documents it', async () => {
    expect((await run(['--help'])).out).toMatch(/^ {2}--stdin-filename PATH +the file that standard input holds/m);
  });
});

describe('a closed pipe', () => {
  test('ends the CLI quietly, with the audit\'s exit code and no stack trace (the runner the bin uses)', () => {
    const result = pipedToHead(`"${process.execPath}" -r ./lib/cli/register-ts.js lib/cli/audit.ts`, bigManifestFile());
    expect(result.stdout).toBe('{ rc=0\n');
    expect(result.stderr).toBe('');
  }, 60_000);
  // The packaged bin runs the compiled CLI in build/, which `npm test` does not build: its test is in
  // closed-pipe.integration.test.ts.
});
