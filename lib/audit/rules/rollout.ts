import { IntOrPercent, intOrPercentProblem, parsePercent } from '../../grammar/int-or-percent';
import { rollingUpdateProblems, rolloutArithmeticIfWellFormed } from '../../policy/rollout';
import { isSingleAttach, multiAttachProblem, MULTI_ATTACH_FIX } from '../../policy/volumes';
import { asInt, asList, asObject, asString, at, objectsOf } from '../../grammar/json';
import { hpaRange, intOrPercentField, isServed, Workload } from '../model';
import { Rule, RuleHit } from '../rule';

const STRATEGY = 'spec.strategy.rollingUpdate';

/** True for a Deployment whose strategy is Recreate. */
export function isRecreate(w: Workload): boolean {
  return w.kind === 'Deployment' && at(w.manifest, 'spec', 'strategy', 'type') === 'Recreate';
}

type RollingUpdate = { maxSurge: IntOrPercent; maxUnavailable: IntOrPercent };
const rollingUpdates = new WeakMap<Workload, RollingUpdate | null>();

/**
 * Whether the API server refuses these settings (apps validation ValidateRollingUpdateDeployment): a
 * malformed value, maxUnavailable above 100%, or both 0 before scaling ("may not be 0 when maxSurge is 0").
 */
function apiRefuses(ru: RollingUpdate): boolean {
  const zero = (v: IntOrPercent) => v === 0 || parsePercent(String(v)) === 0;
  return intOrPercentProblem(ru.maxSurge, false) !== undefined || intOrPercentProblem(ru.maxUnavailable, true) !== undefined
    || (zero(ru.maxSurge) && zero(ru.maxUnavailable));
}

/** A Deployment's rolling-update settings with the API defaults (25% / 25%); undefined for Recreate and other kinds. */
export function rollingUpdateOf(w: Workload): RollingUpdate | undefined {
  let ru = rollingUpdates.get(w);
  if (ru === undefined) {
    if (w.kind !== 'Deployment' || isRecreate(w)) ru = null;
    else {
      const settings = asObject(at(w.manifest, 'spec', 'strategy', 'rollingUpdate'));
      ru = { maxSurge: intOrPercentField(settings?.maxSurge) ?? '25%', maxUnavailable: intOrPercentField(settings?.maxUnavailable) ?? '25%' };
    }
    rollingUpdates.set(w, ru);
  }
  return ru ?? undefined;
}

const deployments = (workloads: Workload[]) => workloads.filter((w) => w.kind === 'Deployment');

/** Rules on how a rolling update replaces pods. */
export const rolloutRules: Rule[] = [
  {
    id: 'recreate-strategy',
    severity: 'error',
    warningWhen: 'for a single replica, which min-replicas already reports',
    summary: 'strategy Recreate stops every pod before any new one starts: each rollout is an outage.',
    fix: 'use type: RollingUpdate with maxSurge: 1 and maxUnavailable: 0 (ReadWriteMany storage or a StatefulSet if a volume forced Recreate)',
    check: (ctx) => deployments(ctx.workloads).filter((w) => isRecreate(w) && isServed(w)).map((w): RuleHit => ({
      manifest: w.manifest, field: 'spec.strategy.type',
      severity: w.replicas >= 2 ? undefined : 'warning',
      message: `strategy Recreate stops all ${w.replicas} pod${w.replicas === 1 ? '' : 's'} before any new one starts: every rollout drops all requests until the new ` +
        `pods are Ready`,
      fix: 'use type: RollingUpdate with maxSurge: 1 and maxUnavailable: 0; if a ReadWriteOnce volume forced Recreate, move the data to ReadWriteMany storage or run a StatefulSet',
    })),
  },
  {
    id: 'rolling-update-stalls',
    severity: 'error',
    summary: 'maxSurge and maxUnavailable must let a rollout progress without taking every pod down.',
    fix: 'use maxSurge: 1 and maxUnavailable: 0',
    check: (ctx) => ctx.workloads.flatMap((w) => {
      const ru = rollingUpdateOf(w);
      // What the API server refuses, invalid-field reports: a malformed value, or both literally 0.
      if (!ru || apiRefuses(ru)) return [];
      return rollingUpdateProblems({ replicas: w.replicas, ...ru }).map((f): RuleHit => ({ manifest: w.manifest, field: `${STRATEGY}.${f.field}`, message: f.problem,
        fix: f.fix }));
    }),
  },
  {
    id: 'max-unavailable-behind-service',
    severity: 'warning',
    summary: 'maxUnavailable above 0 on a served Deployment removes capacity during every rollout.',
    fix: 'set maxUnavailable: 0 and maxSurge: 1',
    check: (ctx) => ctx.workloads.filter(isServed).flatMap((w) => {
      const ru = rollingUpdateOf(w);
      const unavailable = ru && rolloutArithmeticIfWellFormed({ replicas: w.replicas, ...ru })?.unavailable;
      return ru && unavailable ? [{
        manifest: w.manifest, field: `${STRATEGY}.maxUnavailable`,
        message: `maxUnavailable ${JSON.stringify(ru.maxUnavailable)} takes ${unavailable} of ${w.replicas} pods out of the Service during the rollout`,
        fix: 'set maxUnavailable: 0 and maxSurge: 1, so a new pod is Ready before an old one stops',
      }] : [];
    }),
  },
  {
    id: 'rwo-volume-on-surging-deployment',
    severity: 'error',
    summary: 'A ReadWriteOnce claim cannot follow a surge pod or a second replica onto another node (Multi-Attach).',
    fix: 'use a ReadWriteMany claim, or a StatefulSet with one claim per pod',
    check: (ctx) => deployments(ctx.workloads).flatMap((w) => {
      const ru = rollingUpdateOf(w);
      const surge = (ru && rolloutArithmeticIfWellFormed({ replicas: w.replicas, ...ru })?.surge) ?? 0;
      const mostPods = w.hpa ? hpaRange(w.hpa).max ?? w.replicas : w.replicas;
      // One finding per claim: a claim mounted through two volumes is one Multi-Attach problem.
      const reported = new Set<string>();
      return objectsOf(w.podSpec.volumes).flatMap(({ item: volume, index }) => {
        const claimName = asString(at(volume, 'persistentVolumeClaim', 'claimName'));
        if (claimName === undefined || reported.has(claimName)) return [];
        reported.add(claimName);
        const claim = ctx.claim(w.namespace, claimName);
        const mode = (asList(at(claim, 'spec', 'accessModes')) ?? []).map(asString).find(isSingleAttach);
        const problem = multiAttachProblem(mode, surge, mostPods);
        return problem ? [{ manifest: w.manifest, field: `spec.template.spec.volumes[${index}]`, message: `claim "${claimName}": ${problem}`, fix: MULTI_ATTACH_FIX }] : [];
      });
    }),
  },
  {
    id: 'min-ready-seconds-zero',
    severity: 'warning',
    summary: 'minReadySeconds 0 lets a rollout move on the instant a pod first reports Ready.',
    fix: 'set minReadySeconds to about 5-10 s',
    check: (ctx) => deployments(ctx.workloads).filter((w) => isServed(w) && !isRecreate(w) && !asInt(at(w.manifest, 'spec', 'minReadySeconds'))).map((w) => ({
      manifest: w.manifest, field: 'spec.minReadySeconds',
      message: 'minReadySeconds is 0: a pod that passes readiness once and then crashes still counts as available',
      fix: 'set minReadySeconds to about 5-10 s',
    })),
  },
  {
    id: 'revision-history-limit-unset',
    severity: 'warning',
    summary: 'Without revisionHistoryLimit the rollback history is whatever the API default is (10), not a choice.',
    fix: 'set revisionHistoryLimit (e.g. 10)',
    check: (ctx) => ctx.workloads.filter((w) => w.replicated && at(w.manifest, 'spec', 'revisionHistoryLimit') === undefined).map((w) => ({
      manifest: w.manifest, field: 'spec.revisionHistoryLimit',
      message: 'revisionHistoryLimit is unset', fix: 'set revisionHistoryLimit (10 keeps enough for `kubectl rollout undo`)',
    })),
  },
  {
    id: 'progress-deadline-unset',
    severity: 'warning',
    summary: 'Without progressDeadlineSeconds a stuck rollout is reported failed only after the API default.',
    fix: 'set progressDeadlineSeconds (e.g. 600)',
    check: (ctx) => deployments(ctx.workloads).filter((w) => at(w.manifest, 'spec', 'progressDeadlineSeconds') === undefined).map((w) => ({
      manifest: w.manifest, field: 'spec.progressDeadlineSeconds',
      message: 'progressDeadlineSeconds is unset', fix: 'set progressDeadlineSeconds (e.g. 600) so `kubectl rollout status` and Argo CD report a stuck rollout',
    })),
  },
];
