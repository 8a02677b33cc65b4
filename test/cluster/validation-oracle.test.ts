/**
 * The real API server as the oracle for lib/validation: every agreement case of
 * test/validation/oracle-cases.ts is dry-run created (dryRun=All, fieldValidation=Strict). The bad
 * object must be refused for the field we report, and the near miss accepted; for our judgements
 * (clearly broken, but valid API input) the server must accept both. The counts are written to
 * docs/validation-oracle.md.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateObject } from '../../lib/validation';
import { CASES, DISAGREEMENTS, NOT_ASKED, ORACLE_VERSION, OracleCase, REMOVED_RULES } from '../validation/oracle-cases';
import { validationRules } from '../validation/rules';
import { api, ApiResponse, collectionPath, dryRunCreate, ensureNamespace, refusedFields, ROOT } from './kube';

const resolved = (how: string) => DISAGREEMENTS.filter((d) => d.resolution === how).length;

const NAMESPACE = 'oracle';

/** The fields a refusal names: its causes, or the field in a decoding error (without list indices). */
function serverFields(res: ApiResponse): { fields: string[]; decoded: boolean } {
  // The root of the object is written `[]` (ValidateConfigMap's size limit).
  const fields = refusedFields(res).map((f) => (f === '[]' ? '' : f));
  if (fields.length > 0) return { fields, decoded: true };
  const message = typeof res.body?.message === 'string' ? res.body.message : '';
  // json: cannot unmarshal X into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64
  const typed = /Go struct field [A-Za-z0-9_]+\.(\S+) of type/.exec(message);
  if (typed) return { fields: [typed[1]], decoded: false };
  // strict decoding error: unknown field "spec.containers[0].lifecycle.preStop.grpc"
  const unknown = [...message.matchAll(/unknown field "([^"]+)"/g)].map((m) => m[1]);
  return { fields: unknown, decoded: unknown.length === 0 ? false : true };
}

const stripIndices = (f: string): string => f.replace(/\[[^\]]*\]/g, '');
// A few upstream paths spell a segment as its Go field name (`spec.LoadBalancerSourceRanges`).
const lowerSegments = (f: string): string => f.replace(/(^|\.)([A-Z])/g, (_, dot: string, ch: string) => dot + ch.toLowerCase());

/**
 * Whether our field and the server's name the same place: equal, or one is an element of the
 * other's list or map (`metadata.labels[app]` and `metadata.labels`), or ours is the missing parent
 * of the field the server requires (`spec` and `spec.selector`). A decoding error names its field
 * without list indices or map keys.
 */
function sameField(ours: string, server: string, withIndices: boolean): boolean {
  if (server === '') return true; // the whole object
  const a = withIndices ? ours : stripIndices(ours);
  const theirs = lowerSegments(server);
  return a === theirs || a.startsWith(`${theirs}[`) || theirs.startsWith(`${a}.`) || theirs.startsWith(`${a}[`);
}

type Verdict = 'agreement' | 'agreement-derived-field' | 'agreement-without-field' | 'judgement' | 'disagreement';
interface Result { readonly c: OracleCase; readonly verdict: Verdict; readonly detail: string }
const results: Result[] = [];

function describeResponse(res: ApiResponse): string {
  if (res.status === 201) return '201 accepted';
  return `${res.status} ${res.body?.message ?? JSON.stringify(res.body)}`.slice(0, 400);
}

/** A real create, then a delete: for the rules only real requests check (node port allocation). */
async function createAndDelete(obj: any): Promise<ApiResponse> {
  const collection = await collectionPath(obj, NAMESPACE);
  const res = await api('POST', `${collection}?fieldValidation=Strict`, obj);
  if (res.status === 201) {
    const gone = await api('DELETE', `${collection}/${obj.metadata.name}`);
    if (gone.status !== 200) throw new Error(`DELETE ${collection}/${obj.metadata.name}: ${gone.status}`);
  }
  return res;
}

async function judge(c: OracleCase): Promise<Result> {
  const ask = c.create ? createAndDelete : (obj: any) => dryRunCreate(obj, NAMESPACE);
  const bad = await ask(c.bad());
  const good = await ask(c.good());
  const ours = validateObject(c.bad(), { kubernetesVersion: ORACLE_VERSION }).filter((f) => c.rule.pattern.test(f.problem)).map((f) => f.field);
  const oursGood = validateObject(c.good(), { kubernetesVersion: ORACLE_VERSION });
  const problems: string[] = [];
  if (good.status !== 201) problems.push(`the server refuses the near miss: ${describeResponse(good)}`);
  if (oursGood.length > 0) problems.push(`we report the near miss: ${oursGood.map((f) => `${f.field}: ${f.problem}`).join('; ')}`);
  if (!ours.includes(c.field)) problems.push(`we do not report ${c.field} (we report ${ours.join(', ') || 'nothing'} for this rule)`);
  let verdict: Verdict;
  if (c.judgement !== undefined) {
    if (bad.status !== 201) problems.push(`a judgement, but the server refuses it: ${describeResponse(bad)}`);
    verdict = 'judgement';
  } else if (bad.status === 201) {
    problems.push('the server accepts the bad object');
    verdict = 'agreement';
  } else {
    const { fields, decoded } = serverFields(bad);
    if (fields.length === 0) {
      // A value the server cannot decode at all (a malformed quantity, invalid base64): refused, field not named.
      verdict = bad.status === 400 ? 'agreement-without-field' : 'agreement';
      if (bad.status !== 400) problems.push(`refused without a field: ${describeResponse(bad)}`);
    } else {
      verdict = fields.every((f) => f === '') ? 'agreement-without-field' : c.serverField ? 'agreement-derived-field' : 'agreement';
      const expected = c.serverField?.field ?? c.field;
      if (!fields.some((f) => sameField(expected, f, decoded))) problems.push(`the server refuses other fields: ${fields.join(', ')} (${describeResponse(bad)})`);
    }
  }
  return { c, verdict: problems.length > 0 ? 'disagreement' : verdict, detail: problems.join('; ') || describeResponse(bad) };
}

beforeAll(async () => {
  await ensureNamespace(NAMESPACE);
});

describe.each(CASES.map((c, i) => [`${i} ${c.rule.id} (${c.title})`, c] as const))('%s', (_, c) => {
  test(c.judgement ? 'the server accepts it (our judgement) and the near miss' : 'the server refuses it for our field and accepts the near miss', async () => {
    const result = await judge(c);
    results.push(result);
    expect(result.verdict === 'disagreement' ? result.detail : '').toBe('');
  });
});

/** A markdown table cell: `|` escaped. */
const cell = (s: string): string => s.replace(/\|/g, '\\|');

afterAll(() => {
  if (results.length !== CASES.length) return; // a partial run (-t) writes nothing
  const rules = validationRules();
  const asked = new Set(CASES.map((c) => c.rule.id));
  const count = (v: Verdict) => results.filter((r) => r.verdict === v).length;
  const disagreements = results.filter((r) => r.verdict === 'disagreement');
  const lines = [
    '# lib/validation against the real API server',
    '',
    `Generated by \`test/cluster/validation-oracle.test.ts\` (\`npm run test:cluster\`) against kube-apiserver, validating with \`kubernetesVersion: '${ORACLE_VERSION}'\`.`,
    'Each case is an object with one change that breaks a rule, dry-run created with strict field validation, and a near miss that must be accepted by both.',
    '',
    '| | |',
    '|---|---|',
    `| rules in lib/validation (\`report\` calls) | ${rules.length} |`,
    `| rules asked (with at least one case) | ${asked.size} |`,
    `| rules not asked (no object to send) | ${Object.keys(NOT_ASKED).length} |`,
    `| cases | ${results.length} |`,
    `| agreements: refused for our field, near miss accepted | ${count('agreement')} |`,
    `| agreements: refused for a field the server derives from ours, near miss accepted | ${count('agreement-derived-field')} |`,
    `| agreements: refused as undecodable or for the whole object, near miss accepted | ${count('agreement-without-field')} |`,
    `| judgements: accepted by the server, reported by us as clearly broken | ${count('judgement')} |`,
    `| disagreements now | ${disagreements.length} |`,
    '',
    `## Disagreements found and resolved (${DISAGREEMENTS.length + REMOVED_RULES.length})`,
    '',
    `${resolved('fixed')} fixed, ${resolved('by version')} follow \`kubernetesVersion\` (the server is 1.34, the default target 1.27), `
      + `${REMOVED_RULES.length} checks removed, ${resolved('judgement')} documented as judgements, `
      + `${resolved('derived field')} where the server names a field it derives from ours.`,
    '',
    '| rule | the API server | resolution | lib/validation |',
    '|---|---|---|---|',
    ...DISAGREEMENTS.map((d) => `| \`${cell(d.rule.id)}\` | ${d.server} | ${d.resolution} | ${d.ours} |`),
    ...REMOVED_RULES.map((r) => `| \`${r.rule}\` | ${r.why} | removed | no such check |`),
    '',
    '## Judgements',
    '',
    ...results.filter((r) => r.verdict === 'judgement').map((r) => `- \`${r.c.rule.id}\` (${r.c.field}): ${r.c.judgement}`),
    '',
    '## Fields the server derives from ours',
    '',
    ...results.filter((r) => r.verdict === 'agreement-derived-field')
      .map((r) => `- \`${r.c.rule.id}\`: we report ${r.c.field}; ${r.c.serverField?.why} (${r.c.serverField?.field})`),
    '',
    '## Rules not asked',
    '',
    ...Object.entries(NOT_ASKED).map(([id, why]) => `- \`${id}\`: ${why}`),
    '',
  ];
  if (disagreements.length > 0) {
    lines.push('## Disagreements', '', ...disagreements.map((r) => `- \`${r.c.rule.id}\` (${r.c.title}): ${r.detail}`), '');
  }
  const text = lines.join('\n');
  fs.writeFileSync(path.join(ROOT, 'docs', 'validation-oracle.md'), text);
   
  console.log(text);
});
