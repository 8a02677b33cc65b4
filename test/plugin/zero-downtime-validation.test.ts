import type * as cli from 'cdk8s-cli/lib/plugins/validation';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { stringify } from 'yaml';
import { ALL_RULES } from '../../lib/analysis';
import { ValidationPropertiesError, ZeroDowntimeApp, ZeroDowntimeDeployment, ZeroDowntimeValidation, ZeroDowntimeValidationProps } from '../../lib';
import { baseProps, Manifest, one, synth } from '../helpers';

// The plugin is driven with cdk8s-cli's own ValidationContext and ValidationReport, as `cdk8s synth` does
// (its package exports them as `cdk8s-cli/plugins`; the types are read from their file).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- typed from the file the exports map hides
const { ValidationContext } = require('cdk8s-cli/plugins') as typeof cli;
type ValidationReportJson = cli.ValidationReportJson;

// Compile-time: the plugin class satisfies cdk8s-cli's Validation interface.
const asValidation = (v: ZeroDowntimeValidation): cli.Validation => v;

/** A ZeroDowntimeDeployment's manifests (clean by construction: preStop 20 s, grace 30 s), changed by `edit`. */
function webManifests(edit: (deployment: Manifest) => void = () => undefined, namespace = 'web'): Manifest[] {
  const manifests = synth((chart) => { new ZeroDowntimeDeployment(chart, 'web', baseProps()); }, namespace);
  edit(one(manifests, 'Deployment'));
  return manifests;
}

function writeManifests(...files: Manifest[][]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdc-plugin-'));
  return files.map((manifests, i) => {
    const file = path.join(dir, `chart-${i}.k8s.yaml`);
    fs.writeFileSync(file, manifests.map((m) => stringify(m)).join('---\n'));
    return file;
  });
}

async function validate(files: string[], properties?: ZeroDowntimeValidationProps): Promise<ValidationReportJson> {
  const context = new ValidationContext(files, 'zero-downtime-charts', '0.1.0', {}, false);
  await asValidation(new ZeroDowntimeValidation(properties)).validate(context);
  return context.report.toJson();
}

const ruleNames = (report: ValidationReportJson) => report.violations.map((v) => v.ruleName);
const graceEqualsPreStop = (d: Manifest) => { d.spec.template.spec.terminationGracePeriodSeconds = 20; };

function refusal(properties: unknown): ValidationPropertiesError {
  try {
    new ZeroDowntimeValidation(properties as ZeroDowntimeValidationProps);
  } catch (e) {
    if (e instanceof ValidationPropertiesError) return e;
    throw e;
  }
  throw new Error('expected a ValidationPropertiesError');
}

describe('validate', () => {
  test('clean manifests: success, no violations, counts in the summary', async () => {
    const report = await validate(writeManifests(webManifests()));
    expect(report.summary.status).toBe('success');
    expect(report.violations).toEqual([]);
    expect(report.summary.metadata).toEqual({ errors: '0', warnings: '0', suppressed: '0' });
  });

  test('preStop as long as the grace period: failure, with rule, recommendation, fix and the resource', async () => {
    const [file] = writeManifests(webManifests(graceEqualsPreStop));
    const report = await validate([file]);
    expect(report.summary.status).toBe('failure');
    expect(report.summary.metadata?.errors).toBe('1');
    const violation = report.violations.find((v) => v.ruleName === 'prestop-not-below-grace')!;
    expect(violation.recommendation).toMatch(/^error: .*terminationGracePeriodSeconds 20/);
    expect(violation.fix).toMatch(/terminationGracePeriodSeconds/);
    expect(violation.violatingConstructs).toEqual([{
      resourceName: 'Deployment web/web', manifestPath: file, constructPath: undefined,
      locations: ['Deployment web/web: spec.template.spec.terminationGracePeriodSeconds'],
    }]);
  });

  test('construct paths: cdk8s records one per name, so a shared name gets no path rather than another object\'s', async () => {
    // The metadata `cdk8s synth` writes (construct-metadata.json): keyed by metadata.name, the last object of a name wins.
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'zdc-metadata-')) });
    const chart = new Chart(app, 'api');
    new ZeroDowntimeDeployment(chart, 'api', { ...baseProps(), autoscaling: { minReplicas: 2, maxReplicas: 4 } });
    const objects = chart.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
    const metadata: Record<string, { path: string }> = {};
    for (const o of objects) metadata[o.name] = { path: o.node.path };
    expect(metadata.web.path).toBe('api/api/HorizontalPodAutoscaler');
    const manifests = objects.map((o) => o.toJson());
    one(manifests, 'Deployment').spec.template.spec.terminationGracePeriodSeconds = 20;
    const context = new ValidationContext(writeManifests(manifests), 'zero-downtime-charts', '0.1.0', metadata, false);
    await asValidation(new ZeroDowntimeValidation()).validate(context);
    const constructs = context.report.toJson().violations.find((v) => v.ruleName === 'prestop-not-below-grace')!.violatingConstructs;
    expect(constructs.map((c) => [c.resourceName, c.constructPath])).toEqual([['Deployment default/web', undefined]]);
    expect(constructs.map((c) => c.constructPath)).not.toContain('api/api/HorizontalPodAutoscaler');
  });

  test('construct paths under ZeroDowntimeApp: objects that share a name each point at the construct that made them', async () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdc-metadata-'));
    const app = new ZeroDowntimeApp({ outdir, recordConstructMetadata: true });
    const chart = new Chart(app, 'api');
    new ZeroDowntimeDeployment(chart, 'api', { ...baseProps(), autoscaling: { minReplicas: 2, maxReplicas: 4 } });
    app.synth();
    const metadata = JSON.parse(fs.readFileSync(path.join(outdir, 'construct-metadata.json'), 'utf8')).resources;
    expect(metadata.web.path).toBe('api/api/HorizontalPodAutoscaler');
    const objects = chart.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
    const manifests = objects.map((o) => o.toJson());
    one(manifests, 'Deployment').spec.template.spec.terminationGracePeriodSeconds = 20;
    one(manifests, 'Service').spec.ports[0].targetPort = 'missing';
    const context = new ValidationContext(writeManifests(manifests), 'zero-downtime-charts', '0.1.0', metadata, false);
    await asValidation(new ZeroDowntimeValidation()).validate(context);
    const found = (rule: string) => context.report.toJson().violations.find((v) => v.ruleName === rule)!.violatingConstructs
      .map((c) => [c.resourceName, c.constructPath]);
    const pathOf = (kind: string) => objects.find((o) => o.kind === kind)!.node.path;
    expect(found('prestop-not-below-grace')).toEqual([['Deployment default/web', pathOf('Deployment')]]);
    expect(pathOf('Deployment')).not.toBe(pathOf('Service'));
    expect(found('service-target-port-missing')).toEqual([['Service default/web', pathOf('Service')]]);
  });

  test('construct paths: a unique name is looked up by its name', async () => {
    const manifests = [one(webManifests(graceEqualsPreStop), 'Deployment')];
    const context = new ValidationContext(writeManifests(manifests), 'zero-downtime-charts', '0.1.0', { web: { path: 'web/web/Deployment' } }, false);
    await asValidation(new ZeroDowntimeValidation()).validate(context);
    const constructs = context.report.toJson().violations.find((v) => v.ruleName === 'prestop-not-below-grace')!.violatingConstructs;
    expect(constructs.map((c) => [c.resourceName, c.constructPath])).toEqual([['web', 'web/web/Deployment']]);
  });

  test('the same violation in two files is one entry listing both resources', async () => {
    const files = writeManifests(webManifests(graceEqualsPreStop, 'a'), webManifests(graceEqualsPreStop, 'b'));
    const report = await validate(files);
    const violation = report.violations.filter((v) => v.ruleName === 'prestop-not-below-grace');
    expect(violation).toHaveLength(1);
    expect(violation[0].violatingConstructs.map((c) => [c.manifestPath, c.locations[0].split(':')[0]])).toEqual([
      [files[0], 'Deployment a/web'], [files[1], 'Deployment b/web'],
    ]);
  });

  test('warnings alone are reported but succeed', async () => {
    const report = await validate(writeManifests(webManifests()), { shutdownBudgetSeconds: 15 });
    expect(report.summary.status).toBe('success');
    expect(ruleNames(report)).toEqual(['grace-below-shutdown-budget']);
    expect(report.violations[0].recommendation).toMatch(/^warning: /);
  });

  test('shutdownBudgetSeconds reaches the audit: 15 s after a 20 s preStop does not fit 30 s, 10 s does', async () => {
    const files = writeManifests(webManifests());
    expect(ruleNames(await validate(files, { shutdownBudgetSeconds: 15 }))).toContain('grace-below-shutdown-budget');
    expect(ruleNames(await validate(files, { shutdownBudgetSeconds: 10 }))).not.toContain('grace-below-shutdown-budget');
  });

  test('endpointPropagationSeconds reaches the audit: 25 s is longer than the 20 s preStop, 20 s is not', async () => {
    const files = writeManifests(webManifests());
    expect(ruleNames(await validate(files, { endpointPropagationSeconds: 25 }))).toContain('prestop-shorter-than-propagation');
    expect(ruleNames(await validate(files, { endpointPropagationSeconds: 20 }))).not.toContain('prestop-shorter-than-propagation');
  });

  test('kubernetesVersion reaches the audit: a flowcontrol v1beta2 FlowSchema is served by 1.27, not by 1.29', async () => {
    const flowSchema = { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kind: 'FlowSchema', metadata: { name: 'batch' }, spec: {} } as Manifest;
    const files = writeManifests([flowSchema]);
    expect(ruleNames(await validate(files))).not.toContain('deprecated-api');
    const report = await validate(files, { kubernetesVersion: '1.29' });
    expect(ruleNames(report)).toContain('deprecated-api');
    expect(report.summary.status).toBe('failure');
  });

  test('failOn warning fails on warnings too', async () => {
    const files = writeManifests(webManifests());
    const report = await validate(files, { shutdownBudgetSeconds: 15, failOn: 'warning' });
    expect(ruleNames(report)).toEqual(['grace-below-shutdown-budget']);
    expect(report.summary.status).toBe('failure');
    expect((await validate(files, { failOn: 'warning' })).summary.status).toBe('success');
  });

  test('ignoreRules skips those rules and says so in the summary', async () => {
    const report = await validate(writeManifests(webManifests(graceEqualsPreStop)), { ignoreRules: ['prestop-not-below-grace'] });
    expect(ruleNames(report)).not.toContain('prestop-not-below-grace');
    expect(report.summary.status).toBe('success');
    expect(report.summary.metadata?.ignoredRules).toBe('prestop-not-below-grace');
  });

  test('annotation suppressions are honored and counted', async () => {
    const report = await validate(writeManifests(webManifests((d) => {
      graceEqualsPreStop(d);
      d.metadata.annotations = { 'zero-downtime.audit/ignore.prestop-not-below-grace': 'drained by the app itself' };
    })));
    expect(report.summary.status).toBe('success');
    expect(report.summary.metadata?.suppressed).toBe('1');
  });

  test('a document that is not a Kubernetes object fails as unusable input', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zdc-plugin-')), 'bad.k8s.yaml');
    fs.writeFileSync(file, 'just: text\n');
    const report = await validate([file]);
    expect(report.summary.status).toBe('failure');
    expect(report.violations).toEqual([expect.objectContaining({ ruleName: 'unusable-input', recommendation: expect.stringContaining(file) })]);
  });

  test('an app without objects succeeds', async () => {
    expect((await validate([])).summary.status).toBe('success');
  });
});

describe('properties', () => {
  test('none, or every known one with valid values, are accepted', () => {
    expect(() => new ZeroDowntimeValidation()).not.toThrow();
    expect(() => new ZeroDowntimeValidation(undefined)).not.toThrow();
    expect(() => new ZeroDowntimeValidation({ endpointPropagationSeconds: 0, shutdownBudgetSeconds: 10, ignoreRules: [ALL_RULES[0].id] })).not.toThrow();
  });

  test('an unknown property is refused, naming it, its value and the one probably meant', () => {
    const e = refusal({ shutdownBudgetSecond: 10 });
    expect(e.problems).toEqual([expect.objectContaining({ prop: 'shutdownBudgetSecond', value: 10, fix: 'rename it to shutdownBudgetSeconds' })]);
    expect(e.message).toBe('ZeroDowntimeValidation: 1 invalid property in cdk8s.yaml (validations[].properties)\n'
      + '  - shutdownBudgetSecond = 10: is not a prop of ZeroDowntimeValidationProps, so it would be ignored. Fix: rename it to shutdownBudgetSeconds.');
  });

  test.each([
    ['endpointPropagationSeconds', 1.5], ['endpointPropagationSeconds', -1],
    ['shutdownBudgetSeconds', 2.5], ['shutdownBudgetSeconds', -1],
  ])('%s = %p is refused: not a whole number of seconds', (prop, value) => {
    expect(refusal({ [prop]: value }).problems).toEqual([expect.objectContaining({ prop, value })]);
  });

  test.each(['endpointPropagationSeconds', 'shutdownBudgetSeconds'])('%s as a quoted string is refused with the unquoted fix', (prop) => {
    expect(refusal({ [prop]: '10' }).problems).toEqual([expect.objectContaining({ prop, value: '10', fix: 'write 10 without quotes' })]);
  });

  test('kubernetesVersion must be a quoted version: YAML reads 1.30 as the number 1.3', () => {
    expect(() => new ZeroDowntimeValidation({ kubernetesVersion: 'v1.30.2' })).not.toThrow();
    expect(refusal({ kubernetesVersion: 1.3 }).problems).toEqual([expect.objectContaining({ prop: 'kubernetesVersion', value: 1.3, fix: expect.stringContaining("'1.30'") })]);
    expect(refusal({ kubernetesVersion: 'latest' }).problems).toEqual([expect.objectContaining({ prop: 'kubernetesVersion', problem: 'is not a Kubernetes version' })]);
  });

  test('failOn must be error or warning', () => {
    expect(() => new ZeroDowntimeValidation({ failOn: 'error' })).not.toThrow();
    expect(refusal({ failOn: 'warnings' }).problems).toEqual([expect.objectContaining({ prop: 'failOn', fix: "use 'warning'" })]);
  });

  test('ignoreRules must be a list', () => {
    expect(refusal({ ignoreRules: 'min-replicas' }).problems).toEqual([expect.objectContaining({ prop: 'ignoreRules', problem: expect.stringMatching(/^must be an array/) })]);
  });

  test('ignoreRules must name known rules', () => {
    expect(refusal({ ignoreRules: [ALL_RULES[0].id, 'min-replica'] }).problems).toEqual([
      expect.objectContaining({ prop: 'ignoreRules[1]', value: 'min-replica', fix: "use 'min-replicas'" }),
    ]);
  });

  test('properties that are not a map are refused', () => {
    expect(refusal(['ignoreRules']).problems).toEqual([expect.objectContaining({ prop: '(props)' })]);
    expect(refusal('ignoreRules').problems).toEqual([expect.objectContaining({ prop: '(props)' })]);
  });

  test('every problem is reported at once', () => {
    expect(refusal({ extra: 1, endpointPropagationSeconds: 'x', shutdownBudgetSeconds: -1, ignoreRules: ['nope'] }).problems.map((p) => p.prop).sort())
      .toEqual(['endpointPropagationSeconds', 'extra', 'ignoreRules[0]', 'shutdownBudgetSeconds']);
  });
});
