import * as path from 'path';
import { AuditReport, SuppressedViolation, Violation } from './engine';
import { SkippedInput } from './load';
import { JobPlan, RolloutPlan } from './rollout-plan';
import { Rule } from './rule';

/** The command's name, as reports name their tool. */
export const TOOL_NAME = 'zero-downtime-audit';

/** One finding as the JSON report writes it. */
export interface JsonFinding {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly file?: string;
  /** Line and column of the field (or of its closest ancestor in the YAML), else of the object. */
  readonly line?: number;
  readonly column?: number;
  /** Line where the object starts. */
  readonly objectLine?: number;
  readonly field: string;
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
  readonly fix: string;
  readonly reason?: string;
}

function jsonFinding(v: Violation | SuppressedViolation): JsonFinding {
  const position = v.fieldPosition ?? v.objectPosition;
  return {
    kind: v.kind ?? '', namespace: v.namespace ?? '', name: v.name ?? '', file: v.source,
    line: position?.line, column: position?.column, objectLine: v.objectPosition?.line,
    field: v.field, rule: v.ruleId, severity: v.severity, message: v.message, fix: v.fix,
    ...('reason' in v ? { reason: v.reason } : {}),
  };
}

/** What every format is given. */
export interface ReportInput {
  readonly report: AuditReport;
  readonly rules: readonly Rule[];
  readonly skipped: readonly SkippedInput[];
  readonly plans?: readonly RolloutPlan[];
  /** The Jobs and CronJobs that run beside the rollouts. */
  readonly jobs?: readonly JobPlan[];
  /** Objects audited. */
  readonly objects: number;
}

/** The JSON report: findings (grouped by object), suppressions, skipped inputs, counts and rollout plans. */
export function formatJson(input: ReportInput): string {
  return JSON.stringify({
    findings: input.report.violations.map(jsonFinding),
    suppressed: input.report.suppressed.map(jsonFinding),
    skipped: input.skipped,
    summary: { objects: input.objects, errors: input.report.errors, warnings: input.report.warnings, suppressed: input.report.suppressed.length },
    plans: input.plans ?? [],
    jobs: input.jobs ?? [],
  }, null, 2);
}

/** A file name as a SARIF artifact URI: relative to the working folder when under it, with forward slashes. */
function artifactUri(file: string | undefined): { uri: string; uriBaseId?: string } {
  if (!file || file === '<stdin>') return { uri: 'stdin' };
  const relative = path.relative(process.cwd(), path.resolve(file));
  const inside = !relative.startsWith('..') && !path.isAbsolute(relative);
  const uri = (inside ? relative : path.resolve(file)).split(path.sep).map(encodeURIComponent).join('/');
  return inside ? { uri, uriBaseId: '%SRCROOT%' } : { uri: `file://${uri.startsWith('/') ? '' : '/'}${uri}` };
}

/** The help text of a rule: what it guards against, how to fix it, how to make an exception. */
export function ruleHelp(rule: Rule): string {
  return `${rule.summary}${rule.fix ? `\nFix: ${rule.fix}` : ''}\nException for one object: annotate it with zero-downtime.audit/ignore.${rule.id}: "<reason>".`;
}

/** SARIF 2.1.0, as GitHub code scanning and other CI dashboards read it. */
export function formatSarif(input: ReportInput, toolVersion: string): string {
  const ruleIndex = new Map(input.rules.map((r, i) => [r.id, i]));
  const result = (v: Violation | SuppressedViolation) => {
    const position = v.fieldPosition ?? v.objectPosition;
    return {
      ruleId: v.ruleId,
      ...(ruleIndex.has(v.ruleId) ? { ruleIndex: ruleIndex.get(v.ruleId) } : {}),
      level: v.severity,
      message: { text: `${v.object}: ${v.field}: ${v.message}. Fix: ${v.fix}` },
      locations: [{
        physicalLocation: {
          artifactLocation: artifactUri(v.source),
          ...(position ? { region: { startLine: position.line, startColumn: position.column } } : {}),
        },
        logicalLocations: [{ fullyQualifiedName: `${v.object}/${v.field}`, name: v.field, kind: 'member' }],
      }],
      partialFingerprints: { objectField: `${v.ruleId}:${v.object}:${v.field}` },
      properties: { kind: v.kind, namespace: v.namespace, name: v.name, field: v.field, fix: v.fix },
      ...('reason' in v ? { suppressions: [{ kind: 'inSource', justification: v.reason }] } : {}),
    };
  };
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: TOOL_NAME,
          version: toolVersion,
          informationUri: 'https://www.npmjs.com/package/zero-downtime-charts',
          rules: input.rules.map((r) => ({
            id: r.id,
            name: r.id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
            shortDescription: { text: r.summary },
            fullDescription: { text: r.summary },
            help: { text: ruleHelp(r) },
            defaultConfiguration: { level: r.severity },
            properties: { tags: ['kubernetes', 'zero-downtime', ...(r.crossObject ? ['cross-object'] : [])] },
          })),
        },
      },
      invocations: [{
        executionSuccessful: true,
        toolExecutionNotifications: input.skipped.map((s) => ({ level: 'note', message: { text: `skipped ${s.path}: ${s.reason}` } })),
      }],
      columnKind: 'utf16CodeUnits',
      results: [...input.report.violations.map(result), ...input.report.suppressed.map(result)],
    }],
  }, null, 2);
}

function xml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '?')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * JUnit XML, as CI systems render test reports: one test suite per file, one test case per finding
 * (failed when its severity is at the `failOn` level), and one passing case per object without findings.
 */
export function formatJunit(input: ReportInput & { readonly objectsByFile: ReadonlyMap<string, readonly string[]> }, failOn: 'error' | 'warning'): string {
  const failing = (v: Violation) => v.severity === 'error' || failOn === 'warning';
  const files = new Map<string, { cases: string[]; failures: number; tests: number }>();
  const suite = (file: string) => {
    let s = files.get(file);
    if (!s) { s = { cases: [], failures: 0, tests: 0 }; files.set(file, s); }
    return s;
  };
  const flagged = new Set<string>();
  for (const v of input.report.violations) {
    const file = v.source ?? '<input>';
    const s = suite(file);
    flagged.add(`${file}\u0000${v.object}`);
    const position = v.fieldPosition ?? v.objectPosition;
    const attributes = `classname="${xml(v.object)}" name="${xml(`${v.ruleId}: ${v.field}`)}" file="${xml(file)}"${position ? ` line="${position.line}"` : ''}`;
    const body = `${v.message}\nfield: ${v.field}\nfix: ${v.fix}${position ? `\nat: ${file}:${position.line}:${position.column}` : ''}`;
    s.tests++;
    if (failing(v)) {
      s.failures++;
      s.cases.push(`    <testcase ${attributes}>\n      <failure type="${v.severity}" message="${xml(v.message)}">${xml(body)}</failure>\n    </testcase>`);
    } else {
      s.cases.push(`    <testcase ${attributes}>\n      <system-out>${xml(`${v.severity}: ${body}`)}</system-out>\n    </testcase>`);
    }
  }
  for (const [file, objects] of input.objectsByFile) {
    for (const object of objects) {
      if (flagged.has(`${file}\u0000${object}`)) continue;
      const s = suite(file);
      s.tests++;
      s.cases.push(`    <testcase classname="${xml(object)}" name="zero-downtime audit" file="${xml(file)}"/>`);
    }
  }
  const suites = [...files].map(([file,
    s]) => `  <testsuite name="${xml(file)}" tests="${s.tests}" failures="${s.failures}" errors="0" skipped="0">\n${s.cases.join('\n')}\n  </testsuite>`);
  const tests = [...files.values()].reduce((n, s) => n + s.tests, 0);
  const failures = [...files.values()].reduce((n, s) => n + s.failures, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${TOOL_NAME}" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>`;
}

// The text report is lib/audit/report.ts; the CLI reads it from here.
export { formatText, styles } from './report';
export type { Styles } from './report';

