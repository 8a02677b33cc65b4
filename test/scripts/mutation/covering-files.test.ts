/**
 * The mutation run's narrowing of each mutant's jest runs to the files holding its covering tests: the
 * dry run records each test's file, a mutant runs the file with most of its covering tests first and the
 * others only if it survives, and anything not known falls back to every related file.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { COVERING_FILES_ENV, CoveringFilesRunner, keepNamedFiles } = require('../../../scripts/mutation/covering-files.cjs');

interface Call { testFilter?: string[]; files?: string }

/** A stand-in for Stryker's jest runner: records what each mutant run was given and answers in turn. */
function fakeJest(env: Record<string, string>, answers: Array<string | { status: string; nrOfTests: number }>, dryRun?: object) {
  const calls: Call[] = [];
  return {
    calls,
    capabilities: () => ({ reloadEnvironment: true }),
    dryRun: async () => dryRun,
    mutantRun: async (options: { testFilter?: string[] }) => {
      calls.push({ testFilter: options.testFilter, files: env[COVERING_FILES_ENV] });
      const answer = answers[calls.length - 1];
      return typeof answer === 'string' ? { status: answer } : answer;
    },
  };
}

const DRY_RUN = {
  status: 'complete',
  tests: [
    { id: 'a1', fileName: '/t/a.test.ts' },
    { id: 'b1', fileName: '/t/b.test.ts' },
    { id: 'b2', fileName: '/t/b.test.ts' },
    { id: 'c1', fileName: '/t/c.test.ts' },
    { id: 'nameless' },
  ],
};

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'covering-files-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function runnerAfterDryRun(answers: Parameters<typeof fakeJest>[1]) {
  const env: Record<string, string> = {};
  const jest = fakeJest(env, answers, DRY_RUN);
  const runner = new CoveringFilesRunner(jest, path.join(dir, 'record.json'), env);
  await runner.dryRun({});
  return { runner, jest, env };
}

describe('the dry run', () => {
  test('records the file of each test that has one', async () => {
    await runnerAfterDryRun([]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'record.json'), 'utf8')))
      .toEqual({ a1: '/t/a.test.ts', b1: '/t/b.test.ts', b2: '/t/b.test.ts', c1: '/t/c.test.ts' });
  });

  test('records nothing when it did not complete', async () => {
    const env: Record<string, string> = {};
    const runner = new CoveringFilesRunner(fakeJest(env, [], { status: 'error' }), path.join(dir, 'record.json'), env);
    await runner.dryRun({});
    expect(fs.existsSync(path.join(dir, 'record.json'))).toBe(false);
  });

  test('delegates the runner capabilities to jest', async () => {
    const { runner } = await runnerAfterDryRun([]);
    expect(runner.capabilities()).toEqual({ reloadEnvironment: true });
  });
});

describe('a mutant run', () => {
  test('of one file runs that file once', async () => {
    const { runner, jest, env } = await runnerAfterDryRun(['survived']);
    expect(await runner.mutantRun({ testFilter: ['b1', 'b2'] })).toEqual({ status: 'survived' });
    expect(jest.calls).toEqual([{ testFilter: ['b1', 'b2'], files: '["/t/b.test.ts"]' }]);
    expect(env[COVERING_FILES_ENV]).toBeUndefined();
  });

  test('killed by the file with most covering tests runs no other file', async () => {
    const { runner, jest } = await runnerAfterDryRun(['killed', 'survived']);
    expect(await runner.mutantRun({ testFilter: ['a1', 'b1', 'b2'] })).toEqual({ status: 'killed' });
    expect(jest.calls.map((c) => c.files)).toEqual(['["/t/b.test.ts"]']);
  });

  test('timed out in the first file is not run again', async () => {
    const { runner, jest } = await runnerAfterDryRun(['timeout']);
    expect(await runner.mutantRun({ testFilter: ['a1', 'b1', 'b2'] })).toEqual({ status: 'timeout' });
    expect(jest.calls).toHaveLength(1);
  });

  test('surviving the first file runs the others, and their answer is the result', async () => {
    const { runner, jest } = await runnerAfterDryRun(['survived', 'killed']);
    expect(await runner.mutantRun({ testFilter: ['c1', 'b1', 'a1', 'b2'] })).toEqual({ status: 'killed' });
    expect(jest.calls.map((c) => c.files)).toEqual(['["/t/b.test.ts"]', '["/t/c.test.ts","/t/a.test.ts"]']);
  });

  test('surviving both steps reports the covering tests of both', async () => {
    const { runner } = await runnerAfterDryRun([{ status: 'survived', nrOfTests: 2 }, { status: 'survived', nrOfTests: 1 }]);
    expect(await runner.mutantRun({ testFilter: ['b1', 'b2', 'a1'] })).toEqual({ status: 'survived', nrOfTests: 3 });
  });

  test('with a covering test of unknown file runs every related file', async () => {
    const { runner, jest } = await runnerAfterDryRun(['killed']);
    expect(await runner.mutantRun({ testFilter: ['a1', 'added-later'] })).toEqual({ status: 'killed' });
    expect(jest.calls).toEqual([{ testFilter: ['a1', 'added-later'], files: undefined }]);
  });

  test('without per-test coverage (a static mutant) runs every related file', async () => {
    const { runner, jest } = await runnerAfterDryRun(['killed']);
    await runner.mutantRun({});
    expect(jest.calls).toEqual([{ testFilter: undefined, files: undefined }]);
  });

  test('in a worker that did not run the dry run reads the record', async () => {
    await runnerAfterDryRun([]);
    const env: Record<string, string> = {};
    const jest = fakeJest(env, ['survived']);
    const other = new CoveringFilesRunner(jest, path.join(dir, 'record.json'), env);
    await other.mutantRun({ testFilter: ['c1'] });
    expect(jest.calls.map((c) => c.files)).toEqual(['["/t/c.test.ts"]']);
  });

  test('with no record at all runs every related file', async () => {
    const env: Record<string, string> = {};
    const jest = fakeJest(env, ['survived']);
    await new CoveringFilesRunner(jest, path.join(dir, 'none.json'), env).mutantRun({ testFilter: ['c1'] });
    expect(jest.calls.map((c) => c.files)).toEqual([undefined]);
  });

  test('clears the named files even when jest throws', async () => {
    const env: Record<string, string> = {};
    await runnerAfterDryRun([]);
    const failing = { mutantRun: async () => { throw new Error('jest broke'); } };
    const runner = new CoveringFilesRunner(failing, path.join(dir, 'record.json'), env);
    await expect(runner.mutantRun({ testFilter: ['a1'] })).rejects.toThrow('jest broke');
    expect(env[COVERING_FILES_ENV]).toBeUndefined();
  });
});

describe('the jest sequencer', () => {
  const tests = [{ path: '/t/a.test.ts' }, { path: '/t/b.test.ts' }, { path: '/t/c.test.ts' }];

  test('keeps every test file when no files are named', () => {
    expect(keepNamedFiles(tests, {})).toEqual(tests);
  });

  test('keeps only the named files', () => {
    expect(keepNamedFiles(tests, { [COVERING_FILES_ENV]: '["/t/c.test.ts","/t/a.test.ts"]' }))
      .toEqual([{ path: '/t/a.test.ts' }, { path: '/t/c.test.ts' }]);
  });
});
