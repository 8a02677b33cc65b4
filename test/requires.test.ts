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
