import { validateObject } from '../../validation';
import { Rule, RuleHit } from '../rule';

const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet'];
const PROBE = String.raw`^spec\.template\.spec\.containers\[\d+\]\.(startup|readiness|liveness)Probe\.`;

/**
 * API findings that a more specific audit rule reports already, in the wording the constructs share:
 * reporting them here too would say one problem twice.
 */
const REPORTED_ELSEWHERE: ReadonlyArray<{ kinds: readonly string[]; field: RegExp; problem?: RegExp }> = [
  // probe-invalid: timings and successThreshold.
  { kinds: WORKLOADS, field: new RegExp(`${PROBE}(initialDelaySeconds|periodSeconds|timeoutSeconds|successThreshold|failureThreshold)$`) },
  // probe-port-undeclared: named ports the container does not declare.
  { kinds: WORKLOADS, field: new RegExp(`${PROBE}(httpGet|tcpSocket|grpc)\\.port$`), problem: /not declared/ },
];

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
      for (const m of ctx.manifests) {
        for (const f of validateObject(m, validation)) {
          if (REPORTED_ELSEWHERE.some((r) => r.kinds.includes(m.kind ?? '') && r.field.test(f.field) && (!r.problem || r.problem.test(f.problem)))) continue;
          hits.push({ manifest: m, field: f.field || 'metadata', message: f.problem, fix: f.fix });
        }
      }
      return hits;
    },
  },
];
