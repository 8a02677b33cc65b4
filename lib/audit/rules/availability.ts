import { fixedReplicaRangeProblem } from '../../policy/autoscaling';
import { allowedDisruptions, disruptionProblems } from '../../policy/disruption';
import { asInt, asString, at, objectsOf } from '../../grammar/json';
import { labelSelectorOf, selectorMatches } from '../../grammar/label-selector';
import { hpaRange, isServedAndReplicated, namespaceOf, nameOf, pdbPolicy, pdbPolicyProblems, Workload } from '../model';
import { Rule, RuleHit } from '../rule';

/** The budget findings of each well-formed PDB over a replicated workload, at that workload's replica count. */
function budgetFindings(workloads: Workload[], drainHangs: boolean): RuleHit[] {
  return workloads.filter((w) => w.replicated).flatMap((w) => w.pdbs.flatMap((pdb) => {
    // A malformed budget is pdb-policy's finding; disruptionProblems reports it first, so skip it here.
    if (pdbPolicyProblems(pdb).length > 0) return [];
    const policy = pdbPolicy(pdb);
    if ((allowedDisruptions(policy, w.replicas) < 1) !== drainHangs) return [];
    const counted = `${w.kind} ${nameOf(w.manifest)} runs ${w.replicas} replica${w.replicas === 1 ? '' : 's'}${w.hpa ? ' (HPA minReplicas)' : ''}`;
    return disruptionProblems(policy, w.replicas).map((f) => ({ manifest: pdb, field: `spec.${f.field}`, message: `${counted}: ${f.problem}`, fix: f.fix }));
  }));
}

function selfSelecting(terms: unknown, w: Workload): boolean {
  return objectsOf(terms).some(({ item }) => selectorMatches(labelSelectorOf(at(item.podAffinityTerm ?? item, 'labelSelector')), w.podLabels));
}

/** Rules that keep the service up through node drains and failures: replicas, PDBs, spreading, HPAs. */
export const availabilityRules: Rule[] = [
  {
    id: 'min-replicas',
    severity: 'warning',
    summary: 'A single replica (or an HPA that may scale to one) cannot survive a node drain or a bad rollout.',
    fix: 'run at least 2 replicas (HPA minReplicas >= 2)',
    // A replica count of the wrong type is invalid-field's finding, not a count of 1.
    check: (ctx) => ctx.workloads.filter((w) => w.replicated && w.replicas < 2 && (w.hpa || at(w.manifest, 'spec', 'replicas') === undefined || asInt(at(w.manifest, 'spec',
      'replicas')) !== undefined)).map((w) => ({
      manifest: w.manifest, field: w.hpa ? 'HorizontalPodAutoscaler spec.minReplicas' : 'spec.replicas',
      message: `${w.hpa ? 'the HPA lets it run' : 'it runs'} ${w.replicas} replica${w.replicas === 1 ? '' : 's'}: a node drain or a crash takes the service down`,
      fix: 'run at least 2 replicas (HPA minReplicas >= 2)',
    })),
  },
  {
    id: 'pdb-missing',
    severity: 'error',
    crossObject: true,
    summary: 'A served workload with 2 or more replicas needs a PodDisruptionBudget, or a drain may evict every pod at once.',
    fix: "add a policy/v1 PodDisruptionBudget with maxUnavailable: 1 and the workload's selector",
    check: (ctx) => ctx.workloads.filter((w) => isServedAndReplicated(w) && w.pdbs.length === 0).map((w) => ({
      manifest: w.manifest, field: 'metadata',
      message: 'no PodDisruptionBudget selects its pods: a node drain may evict them all at once',
      fix: 'add a policy/v1 PodDisruptionBudget with maxUnavailable: 1 and the workload\'s selector',
    })),
  },
  {
    id: 'pdb-policy',
    severity: 'error',
    summary: 'A PodDisruptionBudget with neither minAvailable nor maxUnavailable says nothing.',
    fix: 'set maxUnavailable: 1',
    // Both fields, or a malformed value, the API server refuses: invalid-field reports those.
    check: (ctx) => ctx.pdbs.filter((pdb) => pdbPolicy(pdb).minAvailable === undefined && pdbPolicy(pdb).maxUnavailable === undefined).map((pdb) => ({
      manifest: pdb, field: 'spec', message: 'neither minAvailable nor maxUnavailable is set, so the budget says nothing', fix: 'set maxUnavailable: 1',
    })),
  },
  {
    id: 'pdb-blocks-drain',
    severity: 'error',
    summary: 'A PodDisruptionBudget that allows no disruption at the replica count makes every node drain hang.',
    fix: 'use maxUnavailable: 1',
    check: (ctx) => budgetFindings(ctx.workloads, true),
  },
  {
    id: 'pdb-protects-nothing',
    severity: 'warning',
    summary: 'A PodDisruptionBudget that allows every replica to be evicted at once protects nothing.',
    fix: 'use maxUnavailable: 1',
    check: (ctx) => budgetFindings(ctx.workloads, false),
  },
  {
    id: 'pdb-selects-nothing',
    severity: 'error',
    crossObject: true,
    summary: 'A PodDisruptionBudget whose selector matches no workload protects nothing.',
    fix: "use the workload's spec.selector.matchLabels",
    check: (ctx) => ctx.pdbs.filter((pdb) => ctx.selectedBy(pdb).length === 0).map((pdb) => ({
      manifest: pdb, field: 'spec.selector',
      message: `the selector ${JSON.stringify(at(pdb, 'spec', 'selector') ?? {})} matches no workload's pods in namespace ${namespaceOf(pdb)} of these manifests`,
      fix: 'use the workload\'s spec.selector.matchLabels (or audit the workload together with it)',
    })),
  },
  {
    id: 'pod-affinity-instead-of-anti',
    severity: 'error',
    summary: 'podAffinity towards its own pods packs the replicas onto one node: anti-affinity was meant.',
    fix: 'rename podAffinity to podAntiAffinity',
    check: (ctx) => ctx.workloads.flatMap((w) => {
      const affinity = at(w.podSpec, 'affinity', 'podAffinity');
      const own = selfSelecting(at(affinity, 'preferredDuringSchedulingIgnoredDuringExecution'),
        w) || selfSelecting(at(affinity, 'requiredDuringSchedulingIgnoredDuringExecution'), w);
      return own ? [{
        manifest: w.manifest, field: 'spec.template.spec.affinity.podAffinity',
        message: 'podAffinity selects the workload\'s own pods, so the scheduler puts the replicas together: one node failure takes them all',
        fix: 'rename podAffinity to podAntiAffinity',
      }] : [];
    }),
  },
  {
    id: 'anti-affinity-missing',
    severity: 'warning',
    summary: 'Replicas without pod anti-affinity or a topology spread may all land on one node.',
    fix: "add preferred podAntiAffinity on kubernetes.io/hostname with the workload's selector",
    check: (ctx) => ctx.workloads.filter((w) => w.replicated && w.replicas >= 2).filter((w) => {
      const anti = at(w.podSpec, 'affinity', 'podAntiAffinity');
      return !(selfSelecting(at(anti, 'preferredDuringSchedulingIgnoredDuringExecution'), w) || selfSelecting(at(anti, 'requiredDuringSchedulingIgnoredDuringExecution'), w))
        && !objectsOf(w.podSpec.topologySpreadConstraints).some(({ item }) => selectorMatches(labelSelectorOf(item.labelSelector), w.podLabels));
    }).map((w) => ({
      manifest: w.manifest, field: 'spec.template.spec.affinity',
      message: `${w.replicas} replicas with no pod anti-affinity or topology spread over their own pods: they may share one node`,
      fix: 'add preferred podAntiAffinity on kubernetes.io/hostname with the workload\'s selector',
    })),
  },
  {
    id: 'hpa-range',
    severity: 'error',
    summary: 'An HPA whose maxReplicas equals minReplicas cannot scale.',
    fix: 'raise maxReplicas above minReplicas',
    // maxReplicas below minReplicas is the API server's rule, reported by invalid-field.
    check: (ctx) => ctx.hpas.flatMap((h) => {
      const { min, max } = hpaRange(h);
      const fixed = max === undefined ? undefined : fixedReplicaRangeProblem(min, max);
      return fixed ? [{ manifest: h, field: `spec.${fixed.field}`, message: fixed.problem, fix: fixed.fix }] : [];
    }),
  },
  {
    id: 'hpa-target-missing',
    severity: 'error',
    crossObject: true,
    summary: 'An HPA must target a workload that exists.',
    fix: "point scaleTargetRef at the workload's apiVersion, kind and name",
    check: (ctx) => ctx.hpas.filter((h) => !ctx.hasTarget(h)).map((h) => ({
      manifest: h, field: 'spec.scaleTargetRef',
      message: `scaleTargetRef ${asString(at(h, 'spec', 'scaleTargetRef', 'kind')) ?? '?'}/${asString(at(h, 'spec', 'scaleTargetRef',
        'name')) ?? '?'} is not in namespace ${namespaceOf(h)} of these manifests`,
      fix: 'point scaleTargetRef at the Deployment (apiVersion apps/v1, kind Deployment, its name), or audit the workload together with it',
    })),
  },
  {
    id: 'hpa-replicas-conflict',
    severity: 'error',
    summary: 'A workload owned by an HPA must not set spec.replicas: every apply or GitOps sync resets the autoscaler.',
    fix: 'remove spec.replicas from the workload',
    check: (ctx) => ctx.workloads.filter((w) => w.hpa && at(w.manifest, 'spec', 'replicas') !== undefined).map((w) => ({
      manifest: w.manifest, field: 'spec.replicas',
      message: `spec.replicas ${JSON.stringify(at(w.manifest, 'spec', 'replicas'))} is set although HPA ${nameOf(w.hpa!)} owns the count: each sync scales it back`,
      fix: 'remove spec.replicas from the manifest',
    })),
  },
];
