/**
 * The bad-input table against the real API server: for each case whose value reaches a rendered
 * object (the construct renders something different from its base props), those objects are dry-run
 * created. Either the server refuses one of them too, or the refusal is one of the project's own
 * rules, listed in PROJECT_RULES. The result is written to docs/bad-input-oracle.md.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import { ApiObject, App, Chart } from 'cdk8s';
import { ArgoCdApplication, MysqlDatabase, WordpressApp, ZeroDowntimeDeployment } from '../../lib';
import { argo, BAD_INPUTS, BadInput, ESCAPE_HATCH_INPUTS, mysqlProps } from '../bad-input/cases';
import { baseProps } from '../helpers';
import { api, ApiResponse, collectionPath, dryRunCreate, ensureNamespace, ROOT } from './kube';
import { PROJECT_RULES } from './bad-input-project-rules';

const NAMESPACE = 'oracle';
const OUTDIR = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-input-oracle-'));

/** The base each case changes one prop of, by the construct its title names. */
const BASES: Record<string, (c: Chart) => void> = {
  ZeroDowntimeDeployment: (c) => new ZeroDowntimeDeployment(c, 'web', baseProps()),
  WordpressApp: (c) => new WordpressApp(c, 'blog', { siteUrl: 'https://blog.example.com', storage: { storageClassName: 'rook-cephfs' } }),
  ArgoCdApplication: (c) => new ArgoCdApplication(c, 'app', argo),
  MysqlDatabase: (c) => new MysqlDatabase(c, 'db', mysqlProps),
};

/**
 * The objects a chart renders, each ApiObject on its own (Chart.toJson and synth run the project's
 * validation, which refuses them), or undefined when construction itself throws.
 */
function render(build: (c: Chart) => void): any[] | undefined {
  const chart = new Chart(new App({ outdir: OUTDIR }), 'c');
  try {
    build(chart);
    return chart.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject).map((o) => o.toJson());
  } catch {
    return undefined;
  }
}

const hasNodePort = (o: any): boolean => o.kind === 'Service' && Array.isArray(o.spec?.ports) && o.spec.ports.some((p: any) => p?.nodePort);

async function createAndDelete(obj: any): Promise<ApiResponse> {
  const collection = await collectionPath(obj, NAMESPACE);
  const res = await api('POST', `${collection}?fieldValidation=Strict`, obj);
  if (res.status === 201) await api('DELETE', `${collection}/${obj.metadata.name}`);
  return res;
}

const identity = (o: any): string => `${o.apiVersion}/${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

type Verdict = 'refused by the server' | 'project rule' | 'not rendered' | 'no change reaches an object' | 'custom resources only' | 'disagreement';
interface Result { readonly input: BadInput; readonly verdict: Verdict; readonly detail: string }
const results: Result[] = [];

async function judge(input: BadInput, baseBuild: (c: Chart) => void): Promise<Result> {
  const rendered = render(input.build);
  if (!rendered) return { input, verdict: 'not rendered', detail: 'the construct refuses the props before rendering' };
  const base = new Map(render(baseBuild)!.map((o) => [identity(o), JSON.stringify(o)]));
  const changed = rendered.filter((o) => base.get(identity(o)) !== JSON.stringify(o));
  if (changed.length === 0) return { input, verdict: 'no change reaches an object', detail: 'the rendered objects equal the base' };
  const refusals: string[] = [];
  let asked = 0;
  for (const obj of changed) {
    try {
      await collectionPath(obj, NAMESPACE);
    } catch {
      continue; // a custom resource whose CRD this server does not serve
    }
    asked++;
    // Namespaced objects are sent to the oracle's namespace, and their own namespace as a Namespace
    // of that name (an invalid namespace is refused there); a Namespace object is sent as rendered.
    const namespace = obj.kind !== 'Namespace' ? obj.metadata?.namespace : undefined;
    if (namespace !== undefined && namespace !== NAMESPACE) {
      const res = await dryRunCreate({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
      if (res.status !== 201 && res.status !== 409) refusals.push(`Namespace ${namespace}: ${res.status} ${String(res.body?.message ?? '').slice(0, 200)}`);
    }
    const sent = obj.kind === 'Namespace' ? obj : { ...obj, metadata: { ...obj.metadata, namespace: NAMESPACE } };
    // The node port allocator checks only real requests: such a Service is created, then deleted.
    const res = hasNodePort(sent) ? await createAndDelete(sent) : await dryRunCreate(sent, NAMESPACE);
    if (res.status !== 201) refusals.push(`${obj.kind} ${obj.metadata?.name}: ${res.status} ${String(res.body?.message ?? '').slice(0, 200)}`);
  }
  if (asked === 0) return { input, verdict: 'custom resources only', detail: changed.map((o) => o.kind).join(', ') };
  const project = PROJECT_RULES[input.title];
  if (refusals.length > 0) {
    return project
      ? { input, verdict: 'disagreement', detail: `listed as a project rule, but the server refuses it: ${refusals.join('; ')}` }
      : { input, verdict: 'refused by the server', detail: refusals.join('; ') };
  }
  if (project) return { input, verdict: 'project rule', detail: project };
  const kinds = changed.map((o) => o.kind).join(', ');
  return { input, verdict: 'disagreement', detail: `the server accepts ${kinds}, and the refusal is not listed as a project rule` };
}

beforeAll(async () => {
  await ensureNamespace(NAMESPACE);
});

const inputs = [...BAD_INPUTS, ...ESCAPE_HATCH_INPUTS].map((input) => {
  const construct = ESCAPE_HATCH_INPUTS.includes(input) ? 'ZeroDowntimeDeployment' : input.title.split(':')[0];
  return [input.title, input, BASES[construct]] as const;
}).filter(([, , base]) => base !== undefined);

test.each(Object.entries(BASES))('the base %s renders objects the server accepts', async (_, base) => {
  for (const obj of render(base)!) {
    try {
      await collectionPath(obj, NAMESPACE);
    } catch {
      continue;
    }
    const res = await dryRunCreate(obj.kind === 'Namespace' ? obj : { ...obj, metadata: { ...obj.metadata, namespace: NAMESPACE } }, NAMESPACE);
    // 409: the object exists already (a Namespace another suite applied); create validates before storage.
    expect(`${obj.kind} ${obj.metadata?.name}: ${res.status === 409 ? 201 : res.status}`).toBe(`${obj.kind} ${obj.metadata?.name}: 201`);
  }
});

test.each(inputs)('%s', async (_, input, base) => {
  const result = await judge(input, base!);
  results.push(result);
  expect(result.verdict === 'disagreement' ? result.detail : '').toBe('');
});

test('every project rule is a case that reaches an object', () => {
  const titles = new Set(inputs.map(([title]) => title));
  expect(Object.keys(PROJECT_RULES).filter((t) => !titles.has(t))).toEqual([]);
});

afterAll(() => {
  fs.rmSync(OUTDIR, { recursive: true, force: true });
  if (results.length !== inputs.length) return;
  const by = (v: Verdict) => results.filter((r) => r.verdict === v);
  const lines = [
    '# The bad-input table against the real API server',
    '',
    'Generated by `test/cluster/bad-input-oracle.test.ts` (`npm run test:cluster`). Each case of `test/bad-input/cases.ts` is rendered '
      + 'without synth; the objects that differ from the base props are dry-run created.',
    '',
    '| | |',
    '|---|---|',
    `| cases of several constructs (the same object rendered twice), not asked | ${BAD_INPUTS.length + ESCAPE_HATCH_INPUTS.length - inputs.length} |`,
    `| cases of one construct, or an escape hatch | ${results.length} |`,
    `| refused by the construct before anything is rendered | ${by('not rendered').length} |`,
    `| the value reaches no object (misspelled or unknown props) | ${by('no change reaches an object').length} |`,
    `| the value reaches custom resources only (no CRD on the oracle server) | ${by('custom resources only').length} |`,
    `| the server refuses the rendered object too | ${by('refused by the server').length} |`,
    `| a project rule: the server accepts the object | ${by('project rule').length} |`,
    `| disagreements | ${by('disagreement').length} |`,
    '',
    '## Project rules (accepted by the API server, refused by the constructs)',
    '',
    ...by('project rule').map((r) => `- ${r.input.title}: ${r.detail}`),
    '',
    '## Refused by the API server too',
    '',
    ...by('refused by the server').map((r) => `- ${r.input.title}: ${r.detail.replace(/\n/g, ' ')}`),
    '',
  ];
  if (by('disagreement').length > 0) lines.push('## Disagreements', '', ...by('disagreement').map((r) => `- ${r.input.title}: ${r.detail}`), '');
  fs.writeFileSync(path.join(ROOT, 'docs', 'bad-input-oracle.md'), lines.join('\n'));
});
