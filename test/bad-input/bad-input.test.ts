import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { ConfigurationError, ZeroDowntimeApp } from '../../lib';
import { BAD_INPUTS, BadInput, ESCAPE_HATCH_INPUTS, LEGIT_INPUTS } from './cases';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-input-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Builds the input in a fresh app writing to its own folder; returns what synth threw and what it wrote. */
function run(build: (chart: Chart) => void, kind: 'App' | 'ZeroDowntimeApp'): { error: unknown; written: string[] } {
  const outdir = fs.mkdtempSync(path.join(root, 'out-'));
  const app = kind === 'App' ? new App({ outdir }) : new ZeroDowntimeApp({ outdir, log: () => undefined });
  let error: unknown;
  try {
    build(new Chart(app, 'c'));
    app.synth();
  } catch (e) {
    error = e;
  }
  return { error, written: fs.readdirSync(outdir) };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(['App', 'ZeroDowntimeApp'] as const)('refused under a %s', (kind) => {
  test.each([...BAD_INPUTS, ...ESCAPE_HATCH_INPUTS].map((c): [string, BadInput] => [c.title, c]))('%s', (_title, input) => {
    const { error, written } = run(input.build, kind);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).not.toBeInstanceOf(TypeError);
    const message = (error as Error).message;
    // The prop itself, or a field below it (`volumes[0].mountPath` for `volumes[0]`), possibly beside others refused for the same value.
    expect(message).toMatch(new RegExp(`^  - (?:[^=\\n]+, )?${escape(input.prop)}(?:[.[][^=\\n]*)?(?:, [^=\\n]+)? = `, 'm'));
    expect(message).toMatch(/^\d+ problems? in \d+ constructs?; nothing was written\./);
    expect(message).toMatch(/Fix: /);
    expect(message).not.toMatch(/^\s+at .*:\d+/m);
    expect(message).not.toMatch(/TypeError|is not a function|Cannot read propert/);
    expect(written).toEqual([]);
  });
});

test(`at least 150 bad inputs across every construct (${BAD_INPUTS.length + ESCAPE_HATCH_INPUTS.length})`, () => {
  expect(BAD_INPUTS.length + ESCAPE_HATCH_INPUTS.length).toBeGreaterThanOrEqual(150);
  for (const construct of ['ZeroDowntimeDeployment', 'WordpressApp', 'MysqlDatabase', 'ArgoCdApplication']) {
    expect(BAD_INPUTS.some((c) => c.title.startsWith(construct))).toBe(true);
  }
  expect(BAD_INPUTS.some((c) => c.prop.startsWith('ingress.'))).toBe(true);
});

describe('legitimate but unusual inputs synthesize', () => {
  test.each(LEGIT_INPUTS.map((c): [string, (chart: Chart) => void] => [c.title, c.build]))('%s', (_title, build) => {
    const { error, written } = run(build, 'App');
    expect(error).toBeUndefined();
    expect(written).toEqual(['c.k8s.yaml']);
  });

  test(`at least 30 of them (${LEGIT_INPUTS.length})`, () => {
    expect(LEGIT_INPUTS.length).toBeGreaterThanOrEqual(30);
  });
});
