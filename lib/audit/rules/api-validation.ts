import type { FindingCode } from '../../grammar/finding';
import { validateObject } from '../../validation';
import { containersOf } from '../model';
import { Rule, RuleHit } from '../rule';

/**
 * API findings that a more specific audit rule reports already, by their code: probe-invalid and
 * probe-port-undeclared report them in the app containers of each workload. Reporting them here too
 * would say one problem twice; elsewhere (init containers, Pods, Jobs) only this rule reports them.
 */
const REPORTED_BY_CONTAINER_RULES: ReadonlySet<FindingCode> = new Set<FindingCode>(['probe-timing', 'probe-port-undeclared']);

/**
 * What the Kubernetes API server would refuse: wrong types (`replicas: "3"`, `ports:` as a map),
 * out-of-range values, invalid names. The other rules read such fields as absent, so a wrong type is
 * reported here, once, and never crashes or silently passes a rule.
 */
export const apiValidationRules: Rule[] = [
  {
    id: 'invalid-field',
    severity: 'error',
    summary: 'A value the Kubernetes API server rejects (wrong type, out of range, invalid name) fails the apply.',
    fix: 'write the value as the API expects (the finding says which type or range)',
    check: (ctx, options) => {
      const validation = { kubernetesVersion: options.kubernetesVersion };
      const hits: RuleHit[] = [];
      const appContainers = new Map(ctx.workloads.map((w) => [w.manifest, containersOf(w).map((c) => `${c.path}.`)]));
      for (const m of ctx.manifests) {
        const containers = appContainers.get(m) ?? [];
        for (const f of validateObject(m, validation)) {
          if (f.code && REPORTED_BY_CONTAINER_RULES.has(f.code) && containers.some((path) => f.field.startsWith(path))) continue;
          hits.push({ manifest: m, field: f.field || 'metadata', message: f.problem, fix: f.fix });
        }
      }
      return hits;
    },
  },
];
