import { parseArgs as nodeParseArgs, ParseArgsConfig } from 'util';
import { audit } from '../audit/engine';
import { formatJson, formatJunit, formatSarif, formatText, ReportInput, styles, TOOL_NAME } from '../audit/formats';
import { loadManifests, STDIN, UnusableInputError } from '../audit/load';
import { AuditContext, objectRef } from '../audit/model';
import { kubernetesMinor } from '../audit/removed-apis';
import { jobPlans, rolloutPlans } from '../audit/rollout-plan';
import { Rule } from '../audit/rule';
import { ALL_RULES } from '../audit/rules';
import { KubernetesVersion } from '../core/kubernetes-version';

const FORMATS = ['table', 'json', 'sarif', 'junit'] as const;
type Format = typeof FORMATS[number];

function usage(rules: readonly Rule[]): string {
  const width = Math.max(...rules.map((r) => r.id.length));
  return `usage: ${TOOL_NAME} [options] <file, folder or -> ...

Audits Kubernetes manifests (YAML or JSON, from any tool) for rollouts, drains and scale-downs that
drop requests or lose data, and prints each workload's rollout plan. Folders are read recursively
(.yaml, .yml, .json); files that are not Kubernetes objects (Chart.yaml, values.yaml, kustomization.yaml)
and Helm templates are skipped and listed. \`-\` reads standard input:
  helm template my-release ./chart | ${TOOL_NAME} -

options:
  --format table|json|sarif|junit  output format (default: table; --json is --format json)
  --fail-on error|warning          lowest severity that exits 1 (default: error)
  --only rule[,rule]               run only these rules
  --ignore rule[,rule]             skip these rules everywhere (one object: annotate it
                                   zero-downtime.audit/ignore.<rule>: "<reason>")
  --complete                       the input is the whole application: a Service, PDB or HPA whose
                                   other half is missing is an error, not a warning
  --kubernetes-version 1.N         cluster version for removed API versions (default: the
                                   kubernetesVersion of ./cdk8s.yaml's ZeroDowntimeValidation,
                                   else ${KubernetesVersion.DEFAULT})
  --propagation-seconds N          endpoint propagation time preStop must cover (default: 5)
  --shutdown-budget N              seconds the app needs after SIGTERM (default: 10)
  --stdin-filename PATH            the file that standard input holds, named in findings (SARIF,
                                   JUnit, JSON, table) instead of <stdin>
  --no-plan                        do not print the rollout plans (table format)
  --no-color                       no ANSI colors (also: NO_COLOR set, or output not a terminal)
  -h, --help                       this help

exit code: 0 no finding at the --fail-on level, 1 findings at that level, 2 unusable input or usage.

rules:
${rules.map((r) => `  ${r.id.padEnd(width)}  ${r.severity === 'error' ? 'error  ' : 'warning'}  ${r.summary}${r.warningWhen ? ` (a warning ${r.warningWhen})` : ''}`).join('\n')}`;
}

/** What the caller provides besides the arguments: standard input and whether the output is a color terminal. */
export interface CliEnvironment {
  /**
   * Where `-` reads from.
   * @default process.stdin
   */
  readonly stdin?: NodeJS.ReadableStream;
  /**
   * Whether to color the table output.
   * @default - stdout is a terminal and NO_COLOR is not set
   */
  readonly color?: boolean;
}

function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function packageVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return String(require('../../package.json').version);
  } catch {
    return '0.0.0';
  }
}

interface Parsed {
  targets: string[];
  format: Format;
  failOn: 'error' | 'warning';
  only?: string[];
  ignore: string[];
  complete: boolean;
  plan: boolean;
  color?: boolean;
  stdinFilename?: string;
  options: { endpointPropagationSeconds?: number; shutdownBudgetSeconds?: number; kubernetesVersion?: string };
}

class UsageError extends Error {}

/** The options; each is checked (and its value converted) by `readOption`. */
const OPTIONS = {
  'help': { type: 'boolean', short: 'h' },
  'json': { type: 'boolean' },
  'format': { type: 'string' },
  'fail-on': { type: 'string' },
  'only': { type: 'string' },
  'ignore': { type: 'string' },
  'complete': { type: 'boolean' },
  'kubernetes-version': { type: 'string' },
  'propagation-seconds': { type: 'string' },
  'shutdown-budget': { type: 'string' },
  'stdin-filename': { type: 'string' },
  'no-plan': { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

function parseArgs(argv: readonly string[]): Parsed | 'help' {
  const parsed: Parsed = { targets: [], format: 'table', failOn: 'error', ignore: [], complete: false, plan: true, options: {} };
  // Not strict: an unknown option or a missing value is reported in this CLI's words, in argument order.
  const { tokens } = nodeParseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') parsed.targets.push(token.value);
    else if (token.kind === 'option-terminator') throw new UsageError('unknown option --');
    else if (token.name === 'help') return 'help';
    else readOption(parsed, token.rawName, token.name, token.value);
  }
  if (parsed.targets.length === 0) throw new UsageError('no file, folder or - given');
  if (parsed.targets.filter((t) => t === STDIN).length > 1) throw new UsageError('- (standard input) can be given once');
  if (parsed.stdinFilename !== undefined && !parsed.targets.includes(STDIN)) throw new UsageError('--stdin-filename names what - (standard input) holds; give - as well');
  parsed.options.kubernetesVersion ??= projectKubernetesVersion();
  return parsed;
}

/** Applies one option to `parsed`, refusing an unknown one or a bad value. */
function readOption(parsed: Parsed, flag: string, name: string, given: string | undefined): void {
  if (!Object.hasOwn(OPTIONS, name)) throw new UsageError(`unknown option ${flag}`);
  const type: string = OPTIONS[name as keyof typeof OPTIONS].type;
  if (type === 'boolean' && given !== undefined) throw new UsageError(`${flag} takes no value`);
  if (type === 'string' && given === undefined) throw new UsageError(`${flag} needs a value`);
  const value = given!;
  switch (name) {
    case 'json': parsed.format = 'json'; break;
    case 'format':
      if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format takes ${FORMATS.join(', ')}; got ${JSON.stringify(value)}`);
      parsed.format = value as Format;
      break;
    case 'fail-on':
      if (value !== 'error' && value !== 'warning') throw new UsageError(`--fail-on takes error or warning; got ${JSON.stringify(value)}`);
      parsed.failOn = value;
      break;
    case 'only': parsed.only = [...parsed.only ?? [], ...ruleList(value, flag)]; break;
    case 'ignore': parsed.ignore.push(...ruleList(value, flag)); break;
    case 'complete': parsed.complete = true; break;
    case 'no-plan': parsed.plan = false; break;
    case 'no-color': parsed.color = false; break;
    case 'stdin-filename':
      if (value.trim() === '' || value.includes('\0')) throw new UsageError(`--stdin-filename takes a file path; got ${JSON.stringify(value)}`);
      parsed.stdinFilename = value;
      break;
    case 'kubernetes-version':
      if (kubernetesMinor(value) === undefined) throw new UsageError(`--kubernetes-version takes a version such as 1.27 or v1.30.2; got ${JSON.stringify(value)}`);
      parsed.options.kubernetesVersion = value;
      break;
    default: {
      const n = Number(value);
      if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new UsageError(`${flag} takes a whole number of seconds, got ${JSON.stringify(value)}`);
      parsed.options[name === 'propagation-seconds' ? 'endpointPropagationSeconds' : 'shutdownBudgetSeconds'] = n;
    }
  }
}

/** The rule ids of a comma-separated list, each known. */
function ruleList(text: string, flag: string): string[] {
  const ids = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !ALL_RULES.some((r) => r.id === id));
  if (unknown.length > 0 || ids.length === 0) throw new UsageError(`${flag}: no rule named ${JSON.stringify(unknown[0] ?? text)} (see --help for the list)`);
  return ids;
}

/** The version cdk8s.yaml sets in the working directory, if any: one setting for the app, the plugin and the CLI. */
function projectKubernetesVersion(): string | undefined {
  try {
    return KubernetesVersion.fromCdk8sYaml();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * Runs the audit command line; resolves to the exit code: 0 clean, 1 findings at the --fail-on level,
 * 2 unusable input or usage. Nothing is thrown for bad input.
 */
export async function main(argv: readonly string[], out: (text: string) => void, err: (text: string) => void, env: CliEnvironment = {}): Promise<number> {
  let parsed: Parsed | 'help';
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) { err(`${TOOL_NAME}: ${e.message}\n(${TOOL_NAME} --help lists the options and rules)`); return 2; }
    throw e;
  }
  if (parsed === 'help') { out(usage(ALL_RULES)); return 0; }
  const args = parsed;
  try {
    const stdin = args.targets.includes(STDIN) ? await readStream(env.stdin ?? process.stdin) : undefined;
    const loaded = loadManifests(args.targets, { stdin, stdinFilename: args.stdinFilename });
    const rules = ALL_RULES.filter((r) => (!args.only || args.only.includes(r.id)) && !args.ignore.includes(r.id));
    const context = new AuditContext(loaded.manifests, { complete: args.complete });
    const report = audit(loaded.manifests, { ...args.options, rules, complete: args.complete, context, sourceOf: loaded.sourceOf, positionOf: loaded.positionOf });
    const plans = args.format === 'json' || (args.format === 'table' && args.plan) ? rolloutPlans(context) : undefined;
    const input: ReportInput = { report, rules, skipped: loaded.skipped, plans, jobs: plans && jobPlans(loaded.manifests), objects: loaded.manifests.length };
    if (args.format === 'json') out(formatJson(input));
    else if (args.format === 'sarif') out(formatSarif(input, packageVersion()));
    else if (args.format === 'junit') {
      const objectsByFile = new Map<string, string[]>();
      for (const m of loaded.manifests) {
        const file = loaded.sourceOf(m) ?? '<input>';
        const objects = objectsByFile.get(file);
        if (objects) objects.push(objectRef(m));
        else objectsByFile.set(file, [objectRef(m)]);
      }
      out(formatJunit({ ...input, objectsByFile }, args.failOn));
    } else {
      const color = args.color ?? env.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb');
      out(formatText(input, styles(color)));
    }
    if (args.format !== 'table' && loaded.skipped.length > 0) err(loaded.skipped.map((s) => `${TOOL_NAME}: skipped ${s.path}: ${s.reason}`).join('\n'));
    return report.errors > 0 || (args.failOn === 'warning' && report.warnings > 0) ? 1 : 0;
  } catch (e) {
    if (e instanceof UnusableInputError) { err(`${TOOL_NAME}: unusable input: ${e.message}`); return 2; }
    if (e instanceof RangeError) { err(`${TOOL_NAME}: unusable input: nested too deeply (${e.message})`); return 2; }
    throw e;
  }
}

if (require.main === module) {
  // Run from source (`npm run audit`): the bin's runner owns the process (exit code, closed pipes).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../../bin/zero-downtime-audit.js').runCli(main, TOOL_NAME);
}
