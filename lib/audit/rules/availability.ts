import { allowedDisruptions, disruptionPolicyProblems } from '../../policy/disruption';
import { isServedAndReplicated, Manifest, matchesSelector, namespaceOf, pdbPolicy, Workload } from '../model';
import { Rule } from '../rule';

/** Each well-formed PDB over a replicated workload, with the disruptions it allows at that workload's replica count. */
function pdbsAtReplicaCount(workloads: Workload[]): Array<{ pdb: Manifest; w: Workload; field: string; allowed: number; where: string }> {
  return workloads.filter((w) => w.replicated).flatMap((w) => w.pdbs.flatMap((pdb) => {
    const policy = pdbPolicy(pdb);
    if (disruptionPolicyProblems(policy).length > 0) return [];
    const field = policy.maxUnavailable !== undefined ? 'maxUnavailable' : 'minAvailable';
    const where = `${field} ${JSON.stringify(policy[field])} at ${w.replicas} replicas of ${w.kind} ${w.manifest.metadata?.name}${w.hpa ? ' (HPA minReplicas)' : ''}`;
    return [{ pdb, w, field: `spec.${field}`, allowed: allowedDisruptions(policy, w.replicas), where }];
  }));
}

function selfSelecting(terms: any[] | undefined, w: Workload): boolean {
  return (terms ?? []).some((t) => matchesSelector((t.podAffinityTerm ?? t).labelSelector, w.podLabels));
}

/** Rules that keep the service up through node drains and failures: replicas, PDBs, spreading, HPAs. */
export const availabilityRules: Rule[] = [
  {
    id: 'min-replicas',
    severity: 'warning',
    summary: 'A single replica (or an HPA that may scale to one) cannot survive a node drain or a bad rollout.',
    check: (ctx) => ctx.workloads.filter((w) => w.replicated && w.replicas < 2).map((w) => ({
      manifest: w.manifest, field: w.hpa ? 'HorizontalPodAutoscaler spec.minReplicas' : 'spec.replicas',
      message: `${w.hpa ? 'the HPA lets it run' : 'it runs'} ${w.replicas} replica${w.replicas === 1 ? '' : 's'}: a node drain or a crash takes the service down`,
      fix: 'run at least 2 replicas (HPA minReplicas >= 2)',
    })),
  },
  {
    id: 'pdb-missing',
    severity: 'error',
    summary: 'A served workload with 2 or more replicas needs a PodDisruptionBudget, or a drain may evict every pod at once.',
    check: (ctx) => ctx.workloads.filter((w) => isServedAndReplicated(w) && w.pdbs.length === 0).map((w) => ({
      manifest: w.manifest, field: 'metadata',
      message: 'no PodDisruptionBudget selects its pods: a node drain may evict them all at once',
      fix: 'add a policy/v1 PodDisruptionBudget with maxUnavailable: 1 and the workload\'s selector',
    })),
  },
  {
    id: 'pdb-policy',
    severity: 'error',
    summary: 'A PodDisruptionBudget needs exactly one well-formed minAvailable or maxUnavailable.',
    check: (ctx) => ctx.pdbs.flatMap((pdb) => disruptionPolicyProblems(pdbPolicy(pdb))
      .map((f) => ({ manifest: pdb, field: `spec.${f.field}`, message: f.problem, fix: f.fix }))),
  },
  {
    id: 'pdb-blocks-drain',
    severity: 'error',
    summary: 'A PodDisruptionBudget that allows no disruption at the replica count makes every node drain hang.',
    check: (ctx) => pdbsAtReplicaCount(ctx.workloads).filter((x) => x.allowed < 1).map((x) => ({
      manifest: x.pdb, field: x.field, message: `${x.where} allows no disruption: every node drain would hang`, fix: 'use maxUnavailable: 1',
    })),
  },
  {
    id: 'pdb-protects-nothing',
    severity: 'warning',
    summary: 'A PodDisruptionBudget that allows every replica to be evicted at once protects nothing.',
    check: (ctx) => pdbsAtReplicaCount(ctx.workloads).filter((x) => x.w.replicas > 1 && x.allowed >= x.w.replicas).map((x) => ({
      manifest: x.pdb, field: x.field, message: `${x.where} lets a drain evict every pod at once`, fix: 'use maxUnavailable: 1',
    })),
  },
  {
    id: 'pdb-selects-nothing',
    severity: 'error',
    summary: 'A PodDisruptionBudget whose selector matches no workload protects nothing.',
    check: (ctx) => ctx.pdbs.filter((pdb) => ctx.workloadsSelectedBy(namespaceOf(pdb), pdb.spec?.selector).length === 0).map((pdb) => ({
      manifest: pdb, field: 'spec.selector',
      message: `the selector ${JSON.stringify(pdb.spec?.selector ?? {})} matches no workload's pods in namespace ${namespaceOf(pdb)}`,
      fix: 'use the workload\'s spec.selector.matchLabels',
    })),
  },
  {
    id: 'pod-affinity-instead-of-anti',
    severity: 'error',
    summary: 'podAffinity towards its own pods packs the replicas onto one node: anti-affinity was meant (seed 000).',
    check: (ctx) => ctx.workloads.flatMap((w) => {
      const affinity = w.podSpec.affinity?.podAffinity;
      const own = selfSelecting(affinity?.preferredDuringSchedulingIgnoredDuringExecution, w) || selfSelecting(affinity?.requiredDuringSchedulingIgnoredDuringExecution, w);
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
    check: (ctx) => ctx.workloads.filter((w) => w.replicated && w.replicas >= 2).filter((w) => {
      const anti = w.podSpec.affinity?.podAntiAffinity;
      return !(selfSelecting(anti?.preferredDuringSchedulingIgnoredDuringExecution, w) || selfSelecting(anti?.requiredDuringSchedulingIgnoredDuringExecution, w))
        && !(w.podSpec.topologySpreadConstraints ?? []).some((c: any) => matchesSelector(c.labelSelector, w.podLabels));
    }).map((w) => ({
      manifest: w.manifest, field: 'spec.template.spec.affinity',
      message: `${w.replicas} replicas with no pod anti-affinity or topology spread over their own pods: they may share one node`,
      fix: 'add preferred podAntiAffinity on kubernetes.io/hostname with the workload\'s selector',
    })),
  },
  {
    id: 'hpa-range',
    severity: 'error',
    summary: 'An HPA needs maxReplicas above minReplicas, or it cannot scale.',
    check: (ctx) => ctx.hpas.filter((h) => (h.spec?.minReplicas ?? 1) >= h.spec?.maxReplicas).map((h) => ({
      manifest: h, field: 'spec.maxReplicas',
      message: `maxReplicas ${h.spec?.maxReplicas} is not above minReplicas ${h.spec?.minReplicas ?? 1}`,
      fix: 'raise maxReplicas above minReplicas, or drop the HPA and set replicas',
    })),
  },
  {
    id: 'hpa-target-missing',
    severity: 'error',
    summary: 'An HPA must target a workload that exists.',
    check: (ctx) => ctx.hpas.filter((h) => !ctx.hasTarget(h)).map((h) => ({
      manifest: h, field: 'spec.scaleTargetRef',
      message: `scaleTargetRef ${h.spec?.scaleTargetRef?.kind}/${h.spec?.scaleTargetRef?.name} is not in namespace ${namespaceOf(h)} of these manifests`,
      fix: 'point scaleTargetRef at the Deployment (apiVersion apps/v1, kind Deployment, its name)',
    })),
  },
  {
    id: 'hpa-replicas-conflict',
    severity: 'error',
    summary: 'A workload owned by an HPA must not set spec.replicas: every apply or GitOps sync resets the autoscaler.',
    check: (ctx) => ctx.workloads.filter((w) => w.hpa && w.manifest.spec?.replicas !== undefined).map((w) => ({
      manifest: w.manifest, field: 'spec.replicas',
      message: `spec.replicas ${w.manifest.spec.replicas} is set although HPA ${w.hpa!.metadata?.name} owns the count: each sync scales it back`,
      fix: 'remove spec.replicas from the manifest',
    })),
  },
];
