import { deepFreeze } from '../grammar/freeze';
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

/** The first Kubernetes minor with the native preStop `sleep` action on by default (beta in 1.30). */
export const NATIVE_SLEEP_MINOR = 30;

/**
 * The default preStop for the target version: the native sleep where the cluster has it (no shell
 * needed in the image), else `sleep` run by /bin/sh.
 */
export function defaultPreStop(kubernetesVersion: string | undefined): PreStop {
  return versionMinor(kubernetesVersion) >= NATIVE_SLEEP_MINOR
    ? PreStop.nativeSleep(DEFAULTS.preStopSleepSeconds)
    : PreStop.sleep(DEFAULTS.preStopSleepSeconds);
}

/** The minor of a `1.N` version string; NaN when it is not one. */
export function versionMinor(version: string | undefined): number {
  return typeof version === 'string' ? Number(/^v?1\.(\d+)/.exec(version)?.[1]) : NaN;
}

/**
 * Applies the documented defaults.
 * @param kubernetesVersion the app's target version (KubernetesVersion.setting); it picks the default preStop
 */
export function resolveSettings(props: ZeroDowntimeDeploymentProps, kubernetesVersion?: string): DeploymentSettings {
  const rollout = props.rollout ?? {};
  const preStop = props.preStop ?? defaultPreStop(kubernetesVersion);
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
