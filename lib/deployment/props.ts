import * as k8s from '../../imports/k8s';
import { DisruptionPolicy } from '../policy/disruption';
import { IntOrPercent } from '../grammar/int-or-percent';
import { ContainerResources, EnvValue, VolumeProps } from './container';
import { PreStop } from './pre-stop';
import { Probe } from './probe';

/** How a Deployment replaces its pods. The defaults bring a new pod up before an old one goes. */
export interface RolloutProps {
  /**
   * Pods created above the desired count during a rollout (count or percentage, rounded up).
   * @default 1
   */
  readonly maxSurge?: IntOrPercent;
  /**
   * Pods that may be unavailable during a rollout (count or percentage, rounded down).
   * @default 0
   */
  readonly maxUnavailable?: IntOrPercent;
  /**
   * Seconds a new pod must stay Ready before it counts as available and the rollout moves on.
   * @default 5
   */
  readonly minReadySeconds?: number;
  /**
   * Old ReplicaSets kept for `kubectl rollout undo`.
   * @default 10
   */
  readonly revisionHistoryLimit?: number;
  /**
   * Seconds without progress before the rollout is reported as failed (must exceed minReadySeconds).
   * @default 600
   */
  readonly progressDeadlineSeconds?: number;
}

/** A HorizontalPodAutoscaler (autoscaling/v2) that owns the replica count. */
export interface AutoscalingProps {
  /** Fewest replicas; at least 2 unless `allowSingleReplica` is set. */
  readonly minReplicas: number;
  /** Most replicas; greater than minReplicas. */
  readonly maxReplicas: number;
  /**
   * Target average CPU utilization, in percent of the CPU request.
   * @default 80 when no memory target is given (kubectl autoscale's default), else none
   */
  readonly cpuUtilization?: number;
  /**
   * Target average memory utilization, in percent of the memory request.
   * @default - none
   */
  readonly memoryUtilization?: number;
  /**
   * Scale-up and scale-down behavior.
   * @default - the API server's (scale down after a 300 s stabilization window)
   */
  readonly behavior?: k8s.HorizontalPodAutoscalerBehaviorV2;
}

/** How the pods are spread across nodes and zones. */
export interface SpreadProps {
  /**
   * Pod anti-affinity on kubernetes.io/hostname. `preferred` spreads when it can; `required` never
   * co-locates two pods, and then a surging rollout needs replicas + maxSurge schedulable nodes.
   * @default 'preferred'
   */
  readonly podAntiAffinity?: 'preferred' | 'required';
  /**
   * Weight of the preferred anti-affinity term (1-100).
   * @default 100
   */
  readonly antiAffinityWeight?: number;
  /**
   * Also spread evenly across topology.kubernetes.io/zone with a topologySpreadConstraint.
   * @default false
   */
  readonly zoneSpread?: boolean;
  /**
   * When zoneSpread is on: leave pods Pending (`DoNotSchedule`) or place them anyway (`ScheduleAnyway`) when the spread cannot be met.
   * @default 'ScheduleAnyway'
   */
  readonly zoneSpreadWhenUnsatisfiable?: 'DoNotSchedule' | 'ScheduleAnyway';
}

/** The Service in front of the pods. */
export interface ServiceProps {
  /**
   * Service type.
   * @default 'ClusterIP'
   */
  readonly type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  /**
   * Port the Service listens on; its targetPort is always the container's named port.
   * @default - the container port number
   */
  readonly port?: number;
  /**
   * Fixed node port for NodePort and LoadBalancer Services.
   * @default - allocated by the cluster
   */
  readonly nodePort?: number;
  /**
   * Service annotations (e.g. for a cloud load balancer).
   * @default - none
   */
  readonly annotations?: Record<string, string>;
}

/** Props of a ZeroDowntimeDeployment. */
export interface ZeroDowntimeDeploymentProps {
  /** Name of the Deployment, its Service, PDB and HPA, used as given (a DNS-1035 label). */
  readonly name: string;
  /**
   * Namespace, always rendered on every object.
   * @default - the chart's namespace, else 'default'
   */
  readonly namespace?: string;
  /** Container image, pinned by a tag other than `latest` or by a digest. */
  readonly image: string;
  /**
   * Image pull policy. A pinned tag makes IfNotPresent safe and avoids a registry round trip per pod.
   * @default 'IfNotPresent'
   */
  readonly imagePullPolicy?: 'IfNotPresent' | 'Always';
  /**
   * Container name.
   * @default - the name
   */
  readonly containerName?: string;
  /** Container port that serves traffic. */
  readonly port: number;
  /**
   * Name of the container port; probes, the preStop hook and the Service's targetPort refer to it.
   * @default 'http'
   */
  readonly portName?: string;
  /**
   * Entrypoint override.
   * @default - the image's ENTRYPOINT
   */
  readonly command?: string[];
  /**
   * Arguments.
   * @default - the image's CMD
   */
  readonly args?: string[];
  /**
   * Environment variables, rendered in this order. Credentials must come from a Secret.
   * @default - none
   */
  readonly env?: Record<string, EnvValue>;
  /**
   * Let literal values into credential-named variables (PASSWORD, TOKEN, …). Only for local experiments:
   * rendered YAML is committed to Git.
   * @default false
   */
  readonly allowLiteralSecrets?: boolean;
  /**
   * Volumes and their mounts.
   * @default - none
   */
  readonly volumes?: VolumeProps[];
  /**
   * app.kubernetes.io/name.
   * @default - the name
   */
  readonly appName?: string;
  /**
   * app.kubernetes.io/instance.
   * @default - the name
   */
  readonly instance?: string;
  /**
   * app.kubernetes.io/component (also part of the selector).
   * @default - none
   */
  readonly component?: string;
  /**
   * app.kubernetes.io/part-of.
   * @default - none
   */
  readonly partOf?: string;
  /**
   * Extra labels on every object and on the pods (never in the selector).
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * Extra annotations on the Deployment.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
  /**
   * Extra annotations on the pods (a change here triggers a rollout).
   * @default - none
   */
  readonly podAnnotations?: Record<string, string>;
  /**
   * kubernetes.io/change-cause on the Deployment, shown by `kubectl rollout history`.
   * @default - none
   */
  readonly changeCause?: string;
  /**
   * Fixed replica count. Mutually exclusive with `autoscaling`.
   * @default 3
   */
  readonly replicas?: number;
  /**
   * A HorizontalPodAutoscaler; the Deployment then has no spec.replicas, so a GitOps sync never resets it.
   * @default - none, fixed replicas
   */
  readonly autoscaling?: AutoscalingProps;
  /**
   * Accept fewer than 2 replicas (a single pod cannot survive a node drain). For development only; the audit warns.
   * @default false
   */
  readonly allowSingleReplica?: boolean;
  /**
   * Rolling update settings.
   * @default - maxSurge 1, maxUnavailable 0, minReadySeconds 5, revisionHistoryLimit 10, progressDeadlineSeconds 600
   */
  readonly rollout?: RolloutProps;
  /**
   * Startup probe: holds readiness and liveness back until the application has started.
   * @default - none
   */
  readonly startupProbe?: Probe;
  /** Readiness probe: decides whether the pod receives traffic. Required. */
  readonly readinessProbe: Probe;
  /**
   * Liveness probe: restarts a stuck container. Off by default: a restart hides the error that
   * monitoring should show, and a bad one restarts healthy pods under load.
   * @default - none
   */
  readonly livenessProbe?: Probe;
  /**
   * The preStop hook that keeps a Terminating pod serving until its endpoint removal has propagated.
   *
   * Measured on a real two-node cluster (docs/rollout-lab.md), kube-proxy stopped routing to a deleted
   * pod within 0.17 s (median 0.15 s, 12 deletions; 0.88 s at most in an earlier run under load average
   * 10). 20 s is more than 20 times that: the margin is for what learns of the removal later and was not
   * measured there (ingress controllers, external load balancers' deregistration, kube-proxy on large
   * clusters). It does not lengthen a rollout; it keeps each old pod's resources for about 21 s (3
   * replicas peaked at 6 pods).
   *
   * The default depends on the app's target Kubernetes version (`KubernetesVersion`): from 1.30, where
   * the native `sleep` action is on by default, it is `PreStop.nativeSleep(20)`, which needs nothing in
   * the image. Below 1.30 it is `PreStop.sleep(20)`, which runs `/bin/sh -c "sleep 20"` and so needs
   * `/bin/sh` and `sleep` in the image: in a distroless or scratch image the hook fails and SIGTERM
   * arrives with no delay. For such an image on an older cluster use `PreStop.httpGet` to an endpoint
   * the application answers after the delay; on 1.30 or later set the version or use `PreStop.nativeSleep`.
   * @default - PreStop.nativeSleep(20) when the target version is 1.30 or later, else PreStop.sleep(20)
   */
  readonly preStop?: PreStop;
  /**
   * Seconds the application needs after SIGTERM to finish in-flight requests.
   * @default 10
   */
  readonly shutdownBudgetSeconds?: number;
  /**
   * Seconds from the start of termination to SIGKILL; must exceed the preStop delay.
   * @default - preStop duration + shutdownBudgetSeconds (30 with the defaults)
   */
  readonly terminationGracePeriodSeconds?: number;
  /** Requests, limits and the QoS class they must produce (Guaranteed unless asked otherwise). */
  readonly resources: ContainerResources;
  /**
   * PodDisruptionBudget policy; exactly one of minAvailable and maxUnavailable.
   * @default { maxUnavailable: 1 }
   */
  readonly disruptionBudget?: DisruptionPolicy;
  /**
   * Spreading across nodes and zones.
   * @default - preferred pod anti-affinity on kubernetes.io/hostname, no zone spread
   */
  readonly spread?: SpreadProps;
  /**
   * The Service.
   * @default - ClusterIP on the container port
   */
  readonly service?: ServiceProps;
  /**
   * Container security context (e.g. runAsNonRoot, readOnlyRootFilesystem for images that support it).
   * @default - none: the image's own user, as images such as wordpress and nginx expect
   */
  readonly securityContext?: k8s.SecurityContext;
  /**
   * Pod security context.
   * @default - none
   */
  readonly podSecurityContext?: k8s.PodSecurityContext;
  /**
   * Service account the pods run as.
   * @default - the namespace's default service account
   */
  readonly serviceAccountName?: string;
}
