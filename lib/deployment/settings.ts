import { deepFreeze } from '../core/freeze';
import { DisruptionPolicy } from '../policy/disruption';
import { IntOrPercent } from '../grammar/int-or-percent';
import { QosClass } from '../policy/qos';
import { DEFAULT_SHUTDOWN_BUDGET_SECONDS } from '../policy/shutdown';
import { PreStop } from './pre-stop';
import { AutoscalingProps, SpreadProps, ZeroDowntimeDeploymentProps } from './props';

/** The defaults, in one place, so that docs, code and tests agree. Frozen, nested objects included. */
export const DEFAULTS = deepFreeze({
  replicas: 3,
  maxSurge: 1,
  maxUnavailable: 0,
  minReadySeconds: 5,
  revisionHistoryLimit: 10,
  progressDeadlineSeconds: 600,
  preStopSleepSeconds: 20,
  shutdownBudgetSeconds: DEFAULT_SHUTDOWN_BUDGET_SECONDS,
  portName: 'http',
  imagePullPolicy: 'IfNotPresent',
  disruptionBudget: { maxUnavailable: 1 } as DisruptionPolicy,
  antiAffinityWeight: 100,
  cpuUtilization: 80,
} as const);

/** Every prop with its default applied: what the construct renders and validates. */
export interface DeploymentSettings {
  readonly props: ZeroDowntimeDeploymentProps;
  readonly containerName: string;
  readonly portName: string;
  /** Fixed replicas, or undefined when an HPA owns the count. */
  readonly replicas?: number;
  readonly autoscaling?: AutoscalingProps & { readonly cpuUtilization?: number };
  /** The replica count rules are checked against: the fixed count or the HPA's minimum. */
  readonly worstCaseReplicas: number;
  readonly maxSurge: IntOrPercent;
  readonly maxUnavailable: IntOrPercent;
  readonly minReadySeconds: number;
  readonly revisionHistoryLimit: number;
  readonly progressDeadlineSeconds: number;
  readonly preStop: PreStop;
  readonly shutdownBudgetSeconds: number;
  readonly terminationGracePeriodSeconds: number;
  readonly qosClass: QosClass.GUARANTEED | QosClass.BURSTABLE;
  readonly disruptionBudget: DisruptionPolicy;
  readonly spread: Required<SpreadProps>;
}

/** Applies the documented defaults. */
export function resolveSettings(props: ZeroDowntimeDeploymentProps): DeploymentSettings {
  const rollout = props.rollout ?? {};
  const preStop = props.preStop ?? PreStop.sleep(DEFAULTS.preStopSleepSeconds);
  const shutdownBudgetSeconds = props.shutdownBudgetSeconds ?? DEFAULTS.shutdownBudgetSeconds;
  const autoscaling = props.autoscaling && {
    ...props.autoscaling,
    cpuUtilization: props.autoscaling.cpuUtilization
      ?? (props.autoscaling.memoryUtilization === undefined ? DEFAULTS.cpuUtilization : undefined),
  };
  const replicas = autoscaling ? undefined : props.replicas ?? DEFAULTS.replicas;
  return {
    props,
    containerName: props.containerName ?? props.name,
    portName: props.portName ?? DEFAULTS.portName,
    replicas,
    autoscaling,
    worstCaseReplicas: autoscaling ? autoscaling.minReplicas : replicas!,
    maxSurge: rollout.maxSurge ?? DEFAULTS.maxSurge,
    maxUnavailable: rollout.maxUnavailable ?? DEFAULTS.maxUnavailable,
    minReadySeconds: rollout.minReadySeconds ?? DEFAULTS.minReadySeconds,
    revisionHistoryLimit: rollout.revisionHistoryLimit ?? DEFAULTS.revisionHistoryLimit,
    progressDeadlineSeconds: rollout.progressDeadlineSeconds ?? DEFAULTS.progressDeadlineSeconds,
    preStop,
    shutdownBudgetSeconds,
    terminationGracePeriodSeconds: props.terminationGracePeriodSeconds ?? preStop.durationSeconds + shutdownBudgetSeconds,
    qosClass: props.resources?.qosClass ?? QosClass.GUARANTEED,
    disruptionBudget: props.disruptionBudget ?? DEFAULTS.disruptionBudget,
    spread: {
      podAntiAffinity: props.spread?.podAntiAffinity ?? 'preferred',
      antiAffinityWeight: props.spread?.antiAffinityWeight ?? DEFAULTS.antiAffinityWeight,
      zoneSpread: props.spread?.zoneSpread ?? false,
      zoneSpreadWhenUnsatisfiable: props.spread?.zoneSpreadWhenUnsatisfiable ?? 'ScheduleAnyway',
    },
  };
}
