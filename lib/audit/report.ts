import { AuditReport } from './engine';
import { formatTable } from './text-table';

/** The human-readable audit report: one block per violation, then the suppressions, then a count. */
export function formatAuditReport(report: AuditReport): string {
  const parts: string[] = [];
  if (report.violations.length > 0) {
    parts.push(formatTable(['SEVERITY', 'RULE', 'OBJECT', 'FIELD'], report.violations.map((v) => [v.severity, v.ruleId, v.object, v.field])));
    parts.push(report.violations.map((v) => `${v.severity.toUpperCase()} ${v.ruleId} ${v.object}${v.source ? ` (${v.source})` : ''}\n  ${v.field}: ${v.message}\n  fix: ${v.fix}`).join('\n'));
  }
  if (report.suppressed.length > 0) {
    parts.push(`suppressed by annotation:\n${report.suppressed.map((s) => `  ${s.ruleId} ${s.object}: ${s.reason}`).join('\n')}`);
  }
  parts.push(`audit: ${report.errors} error(s), ${report.warnings} warning(s), ${report.suppressed.length} suppressed`);
  return parts.join('\n\n');
}
