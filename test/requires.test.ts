import * as fs from 'fs';
import * as path from 'path';
import { canRun } from './requires';

// The skip helper the integration suites use: one notice per missing program, a failure under CI.
describe('canRun', () => {
  const env = process.env.CI;
  let written: string[];
  let write: jest.SpyInstance;
  beforeEach(() => {
    written = [];
    write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    write.mockRestore();
    if (env === undefined) delete process.env.CI;
    else process.env.CI = env;
  });

  test('a program on PATH (or in /usr/sbin): runs, and says nothing', () => {
    delete process.env.CI;
    expect(canRun('suite', [{ name: 'node', apt: 'nodejs' }])).toBe(true);
    expect(written).toEqual([]);
  });

  test('a missing program: skips with one line naming it and its package', () => {
    delete process.env.CI;
    expect(canRun('test/x', [{ name: 'node', apt: 'nodejs' }, { name: 'no-such-program-zdc', apt: 'zdc-pkg' }])).toBe(false);
    expect(written).toEqual(['SKIPPED test/x: skipped, needs no-such-program-zdc (apt-get install zdc-pkg)\n']);
  });

  test('under CI a missing program fails the suite instead of skipping it', () => {
    process.env.CI = 'true';
    const missing = [{ name: 'no-such-program-zdc', apt: 'zdc-pkg' }];
    expect(() => canRun('test/x', missing)).toThrow('test/x: skipped, needs no-such-program-zdc (apt-get install zdc-pkg); CI runs every suite');
    expect(written).toEqual([]);
  });

  test('needsRoot: root runs; anyone else skips naming root', () => {
    delete process.env.CI;
    const root = process.getuid?.() === 0;
    expect(canRun('test/x', [], true)).toBe(root);
    expect(written).toEqual(root ? [] : ['SKIPPED test/x: skipped, needs root (it runs a command as another user)\n']);
    const uid = jest.spyOn(process, 'getuid').mockReturnValue(1000);
    expect(canRun('test/x', [], true)).toBe(false);
    expect(written.at(-1)).toBe('SKIPPED test/x: skipped, needs root (it runs a command as another user)\n');
    uid.mockReturnValue(0);
    expect(canRun('test/x', [], true)).toBe(true);
    uid.mockRestore();
  });
});

// Issue 19, point 1: `npm test` on a fresh machine failed in a suite that ran mariadb-install-db unconditionally.
describe('the suites that run a server program', () => {
  const ROOT = path.join(__dirname, '..');
  const PROGRAM = /\b(?:spawn|spawnSync|execFile|execFileSync)\(\s*(?:'(?:mariadb[\w-]*|mysqld|mysqldump|php|apache2|chromium|setpriv)'|APACHE\b)/;
  const files = (dir: string): string[] => fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : []);
  // The cluster suites run under `npm run test:cluster`, which needs root and builds its own programs.
  const suites = files('test').filter((f) => !f.startsWith(path.join('test', 'cluster')));
  const servers = suites.filter((f) => {
    const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
    return PROGRAM.test(text) || /from '[./\w]*\/mariadb'/.test(text);
  });

  test('are found: the MariaDB and PHP suites among them', () => {
    expect(servers).toEqual(expect.arrayContaining([
      path.join('test', 'wordpress', 'real-php.integration.test.ts'), path.join('test', 'database', 'dump-restore.integration.test.ts'),
    ]));
  });

  test('are integration suites, which `npm test` leaves out', () => {
    const jest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).jest;
    const ignored = (f: string) => (jest.testPathIgnorePatterns as string[]).some((p) => new RegExp(p.replace('<rootDir>', ROOT)).test(path.join(ROOT, f)));
    expect(servers.map((f) => [f, ignored(f)])).toEqual(servers.map((f) => [f, true]));
  });

  test('ask canRun first, so a machine without the program skips them with a notice', () => {
    const asks = (f: string) => /\bcanRun\(/.test(fs.readFileSync(path.join(ROOT, f), 'utf8'));
    expect(servers.map((f) => [f, asks(f)])).toEqual(servers.map((f) => [f, true]));
  });
});
