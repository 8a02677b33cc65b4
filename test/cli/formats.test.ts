import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import { ALL_RULES } from '../../lib/analysis';
import { FIXTURES } from '../audit/fixtures';
import { run, tmpFile } from './run';

/** The OASIS SARIF 2.1.0 JSON schema (draft-04), as shipped by Microsoft's @microsoft/jest-sarif package. */
const SARIF_SCHEMA = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const FORMATS = {
  'uri': (s: string) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(s),
  'uri-reference': (s: string) => !/\s/.test(s),
  'date-time': (s: string) => !Number.isNaN(Date.parse(s)),
};
const validateSarif = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, formats: FORMATS }).compile(SARIF_SCHEMA);

const broken = path.join(FIXTURES, 'broken');

test('SARIF output validates against the SARIF 2.1.0 schema, with rule metadata and located results', async () => {
  const { code, out } = await run(['--format', 'sarif', broken]);
  expect(code).toBe(1);
  const sarif = JSON.parse(out);
  expect(validateSarif(sarif) ? [] : validateSarif.errors).toEqual([]);
  expect(sarif.version).toBe('2.1.0');
  const [runResult] = sarif.runs;
  expect(runResult.tool.driver.rules.map((r: any) => r.id)).toEqual(ALL_RULES.map((r) => r.id));
  expect(runResult.tool.driver.rules.find((r: any) => r.id === 'prestop-missing')).toEqual({
    id: 'prestop-missing',
    name: 'PrestopMissing',
    shortDescription: { text: ALL_RULES.find((r) => r.id === 'prestop-missing')!.summary },
    fullDescription: { text: ALL_RULES.find((r) => r.id === 'prestop-missing')!.summary },
    help: {
      text: expect.stringMatching(
        /^A served container without a preStop hook .*\nFix: .*\nException for one object: annotate it with zero-downtime\.audit\/ignore\.prestop-missing: "<reason>"\.$/s,
      ),
    },
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['kubernetes', 'zero-downtime'] },
  });
  const result = runResult.results.find((r: any) => r.ruleId === 'prestop-not-below-grace');
  expect(result).toMatchObject({
    level: 'error',
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: 'test/fixtures/broken/seed-002-myapp.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: expect.any(Number), startColumn: expect.any(Number) },
        },
      },
    ],
  });
  expect(result.message.text).toMatch(
    /^Deployment .*: spec\.template\.spec\.terminationGracePeriodSeconds: terminationGracePeriodSeconds \d+ is not above the preStop sleep .* Fix: set terminationGracePeriodSeconds to at least \d+/,
  );
});

test('a suppressed finding is a SARIF result with an in-source suppression and its justification', async () => {
  const file = tmpFile(
    'app.yaml',
    fs
      .readFileSync(path.join(FIXTURES, 'good', 'shop.yaml'), 'utf8')
      .replace('ghcr.io/acme/shop:1.4.2', 'ghcr.io/acme/shop')
      .replace(
        '    zero-downtime.audit/qos-class: Guaranteed',
        '    zero-downtime.audit/qos-class: Guaranteed\n    zero-downtime.audit/ignore.image-not-pinned: "built and deployed by the same pipeline"',
      ),
  );
  const { code, out } = await run(['--format', 'sarif', file]);
  expect(code).toBe(0);
  const sarif = JSON.parse(out);
  expect(validateSarif(sarif) ? [] : validateSarif.errors).toEqual([]);
  expect(sarif.runs[0].results).toEqual([expect.objectContaining({
    ruleId: 'image-not-pinned', suppressions: [{ kind: 'inSource', justification: 'built and deployed by the same pipeline' }],
  })]);
});

test('a clean run is valid SARIF with no results; skipped files are notifications', async () => {
  const dir = path.dirname(tmpFile('Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\n'));
  fs.copyFileSync(path.join(FIXTURES, 'good', 'shop.yaml'), path.join(dir, 'shop.yaml'));
  const sarif = JSON.parse((await run(['--format', 'sarif', dir])).out);
  expect(validateSarif(sarif) ? [] : validateSarif.errors).toEqual([]);
  expect(sarif.runs[0].results).toEqual([]);
  expect(sarif.runs[0].invocations[0].toolExecutionNotifications).toEqual([{ level: 'note', message: { text: `skipped ${path.join(dir, 'Chart.yaml')}: Helm chart metadata` } }]);
});

test('JUnit: a suite per file, a failing case per finding at the --fail-on level, a passing case per clean object', async () => {
  const file = tmpFile('app.yaml', fs.readFileSync(path.join(FIXTURES, 'good', 'shop.yaml'), 'utf8')
    .replace('ghcr.io/acme/shop:1.4.2', 'ghcr.io/acme/shop').replace('minReadySeconds: 5', 'minReadySeconds: 0'));
  const { code, out } = await run(['--format', 'junit', file]);
  expect(code).toBe(1);
  expect(out).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="zero-downtime-audit" tests="6" failures="1" errors="0">\n/);
  expect(out).toContain(`<testsuite name="${file}" tests="6" failures="1" errors="0" skipped="0">`);
  expect(out).toContain(`<testcase classname="Deployment shop/shop" name="image-not-pinned: spec.template.spec.containers[0].image" file="${file}" line="49">`);
  expect(out).toContain('<failure type="error" message="image &quot;ghcr.io/acme/shop&quot; has no tag');
  expect(out).toContain('<testcase classname="Deployment shop/shop" name="min-ready-seconds-zero: spec.minReadySeconds"');
  expect(out).toContain('<system-out>warning: minReadySeconds is 0');
  expect(out).toContain(`<testcase classname="Service shop/shop" name="zero-downtime audit" file="${file}"/>`);
  const strict = await run(['--format', 'junit', '--fail-on', 'warning', file]);
  expect(strict.out).toContain('<testsuites name="zero-downtime-audit" tests="6" failures="2" errors="0">');
  expect(strict.out).toContain('<failure type="warning" message="minReadySeconds is 0');
});
