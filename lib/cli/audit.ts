import { audit } from '../audit/engine';
import { loadManifests, UnusableInputError } from '../audit/load';
import { formatAuditReport } from '../audit/report';
import { formatJobPlans, formatRolloutPlans, jobPlans, rolloutPlans } from '../audit/rollout-plan';

const USAGE = `usage: npm run audit -- [--json] [--propagation-seconds N] [--shutdown-budget N] <file or folder>...

Audits Kubernetes manifests (YAML or JSON, any origin) for rollouts that drop requests and for the
availability rules, and prints each workload's rollout plan.
Exit code: 0 clean (warnings allowed), 1 error-level violations, 2 unusable input.`;

/** Runs the audit command line; returns the exit code. */
export function main(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): number {
  const targets: string[] = [];
  const options: { endpointPropagationSeconds?: number; shutdownBudgetSeconds?: number } = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') { out(USAGE); return 0; } else if (arg === '--propagation-seconds' || arg === '--shutdown-budget') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) { err(`${arg} takes a whole number of seconds, got ${JSON.stringify(argv[i])}\n${USAGE}`); return 2; }
      options[arg === '--propagation-seconds' ? 'endpointPropagationSeconds' : 'shutdownBudgetSeconds'] = value;
    } else if (arg.startsWith('-')) { err(`unknown option ${arg}\n${USAGE}`); return 2; } else targets.push(arg);
  }
  if (targets.length === 0) { err(USAGE); return 2; }
  try {
    const loaded = loadManifests(targets);
    const report = audit(loaded.manifests, { ...options, sourceOf: loaded.sourceOf });
    const plans = rolloutPlans(loaded.manifests);
    const jobs = jobPlans(loaded.manifests);
    out(json ? JSON.stringify({ ...report, plans, jobs }, null, 2) : `${formatRolloutPlans(plans)}\n\n${jobs.length > 0 ? `${formatJobPlans(jobs)}\n\n` : ''}${formatAuditReport(report)}`);
    return report.errors > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof UnusableInputError) { err(`unusable input: ${e.message}`); return 2; }
    throw e;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), (t) => process.stdout.write(`${t}\n`), (t) => process.stderr.write(`${t}\n`));
}
