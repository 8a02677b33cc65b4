import { AuditReport, Violation } from './engine';
import { SkippedInput } from './load';
import { formatJobPlans, formatRolloutPlans, JobPlan, RolloutPlan } from './rollout-plan';

/** What the text report shows: the audit's report, and what the run knows beside it. */
export interface TextReportInput {
  readonly report: AuditReport;
  readonly skipped?: readonly SkippedInput[];
  readonly plans?: readonly RolloutPlan[];
  readonly jobs?: readonly JobPlan[];
  /** Objects audited, when known. */
  readonly objects?: number;
}

/** ANSI styles, or none. */
export interface Styles {
  readonly error: (s: string) => string;
  readonly warning: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

const plain = (s: string) => s;
/** Styles for a terminal (`color`) or for a pipe or file. */
export function styles(color: boolean): Styles {
  const sgr = (code: string) => (color ? (s: string) => `\u001b[${code}m${s}\u001b[0m` : plain);
  return { error: sgr('1;31'), warning: sgr('33'), dim: sgr('2'), bold: sgr('1') };
}

/** The human-readable report: the findings grouped by object (with file:line), then suppressions, skipped inputs and counts. */
export function formatText(input: TextReportInput, style: Styles = styles(false)): string {
  const parts: string[] = [];
  if (input.plans && input.plans.length > 0) parts.push(formatRolloutPlans(input.plans));
  if (input.jobs && input.jobs.length > 0) parts.push(formatJobPlans(input.jobs));
  const groups = new Map<string, Violation[]>();
  for (const v of input.report.violations) {
    const key = `${v.source ?? ''}\u0000${v.object}`;
    const group = groups.get(key);
    if (group) group.push(v);
    else groups.set(key, [v]);
  }
  for (const list of groups.values()) {
    const first = list[0];
    const where = first.source ? `${first.source}${first.objectPosition ? `:${first.objectPosition.line}` : ''}` : '';
    const lines = [style.bold(`${first.object}${where ? `  ${style.dim(where)}` : ''}`)];
    for (const v of list) {
      const label = v.severity === 'error' ? style.error('ERROR  ') : style.warning('WARNING');
      const at = v.fieldPosition ? style.dim(` (line ${v.fieldPosition.line})`) : '';
      lines.push(`  ${label} ${v.ruleId}  ${v.field}${at}`, `          ${v.message}`, `          ${style.dim('fix:')} ${v.fix}`);
    }
    parts.push(lines.join('\n'));
  }
  if (input.report.suppressed.length > 0) {
    parts.push(`suppressed by annotation:\n${input.report.suppressed.map((s) => `  ${s.ruleId} ${s.object}: ${s.reason}`).join('\n')}`);
  }
  if (input.skipped && input.skipped.length > 0) parts.push(`skipped:\n${input.skipped.map((s) => `  ${s.path}: ${s.reason}`).join('\n')}`);
  const { errors, warnings } = input.report;
  const objects = input.objects === undefined ? '' : `${input.objects} object(s), `;
  const summary = `audit: ${objects}${errors} error(s), ${warnings} warning(s), ${input.report.suppressed.length} suppressed`;
  parts.push(errors > 0 ? style.error(summary) : warnings > 0 ? style.warning(summary) : summary);
  return parts.join('\n\n');
}

/** The human-readable audit report (the CLI's text format without color): findings grouped by object, suppressions and counts. */
export function formatAuditReport(report: AuditReport): string {
  return formatText({ report });
}
