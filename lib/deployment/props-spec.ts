import { optional, PropSpec, required, T, ValueType } from '../core/prop-spec';
import { DisruptionPolicy } from '../policy/disruption';
import { QosClass } from '../policy/qos';
import { ComputeResources, ContainerResources, VolumeProps, VolumeSource } from './container';
import { PreStop } from './pre-stop';
import { Probe } from './probe';
import { AutoscalingProps, RolloutProps, ServiceProps, SpreadProps, ZeroDowntimeDeploymentProps } from './props';

/** The runtime shape of ZeroDowntimeDeploymentProps and its parts, for callers without the type checker. */

const intOrPercent = T.union(T.number(), T.string());
const quantity = T.string();
const stringMap = T.record(T.string());
const stringList = T.array(T.string());
const keyRef = (typeName: string) => T.shape(typeName, { name: required(T.string(), "'my-secret'"), key: required(T.string(), "'password'"), optional: optional(T.boolean()) });

/** A literal, or a `secretKeyRef`, `configMapKeyRef` or `fieldRef` reference. */
export const ENV_VALUE: ValueType = T.union(
  T.string(),
  T.shape('EnvValue', { secretKeyRef: required(keyRef('secretKeyRef')) }),
  T.shape('EnvValue', { configMapKeyRef: required(keyRef('configMapKeyRef')) }),
  T.shape('EnvValue', { fieldRef: required(T.shape('fieldRef', { fieldPath: required(T.string(), "'metadata.name'") })) }),
);

const COMPUTE_RESOURCES: PropSpec<ComputeResources> = {
  cpu: optional(quantity, "'250m'"),
  memory: optional(quantity, "'256Mi'"),
};

/** Requests, limits and the QoS class. */
export const CONTAINER_RESOURCES: ValueType = T.shape('ContainerResources', {
  requests: required(T.shape('ComputeResources', COMPUTE_RESOURCES), "{ cpu: '250m', memory: '256Mi' }"),
  limits: optional(T.shape('ComputeResources', COMPUTE_RESOURCES), "{ cpu: '250m', memory: '256Mi' }"),
  qosClass: optional(T.oneOf(QosClass.GUARANTEED, QosClass.BURSTABLE)),
} satisfies PropSpec<ContainerResources>);

const VOLUME_SOURCE: PropSpec<VolumeSource> = {
  persistentVolumeClaim: optional(T.shape('persistentVolumeClaim', {
    claimName: required(T.string(), "'data'"),
    accessMode: optional(T.oneOf('ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod')),
    readOnly: optional(T.boolean()),
  })),
  secret: optional(T.shape('secret', { secretName: required(T.string(), "'tls'"), defaultMode: optional(T.number()) })),
  configMap: optional(T.shape('configMap', { name: required(T.string(), "'config'"), defaultMode: optional(T.number()) })),
  emptyDir: optional(T.shape('emptyDir', { medium: optional(T.oneOf('Memory')), sizeLimit: optional(quantity, "'1Gi'") })),
};

const VOLUME: PropSpec<VolumeProps> = {
  name: required(T.string(), "'data'"),
  mountPath: required(T.string(), "'/data'"),
  source: required(T.shape('VolumeSource', VOLUME_SOURCE), "{ emptyDir: {} }"),
  readOnly: optional(T.boolean()),
  subPath: optional(T.string()),
};

const ROLLOUT: PropSpec<RolloutProps> = {
  maxSurge: optional(intOrPercent, "1 or '25%'"),
  maxUnavailable: optional(intOrPercent, "0 or '25%'"),
  minReadySeconds: optional(T.number(), '5'),
  revisionHistoryLimit: optional(T.number(), '10'),
  progressDeadlineSeconds: optional(T.number(), '600'),
};

/** An HPA's bounds and targets. */
export const AUTOSCALING: ValueType = T.shape('AutoscalingProps', {
  minReplicas: required(T.number(), '2'),
  maxReplicas: required(T.number(), '6'),
  cpuUtilization: optional(T.number(), '70'),
  memoryUtilization: optional(T.number(), '80'),
  behavior: optional(T.record(T.any())),
} satisfies PropSpec<AutoscalingProps>);

const SPREAD: PropSpec<SpreadProps> = {
  podAntiAffinity: optional(T.oneOf('preferred', 'required')),
  antiAffinityWeight: optional(T.number(), '100'),
  zoneSpread: optional(T.boolean()),
  zoneSpreadWhenUnsatisfiable: optional(T.oneOf('DoNotSchedule', 'ScheduleAnyway')),
};

const SERVICE: PropSpec<ServiceProps> = {
  type: optional(T.oneOf('ClusterIP', 'NodePort', 'LoadBalancer')),
  port: optional(T.number(), '80'),
  nodePort: optional(T.number(), '30080'),
  annotations: optional(stringMap),
};

const DISRUPTION: PropSpec<DisruptionPolicy> = {
  minAvailable: optional(intOrPercent),
  maxUnavailable: optional(intOrPercent, '1'),
};

export const PROBE = T.instanceOf<Probe>(Probe, 'Probe', "Probe.httpGet({ path: '/healthz' }), Probe.tcpSocket() or Probe.exec([...])", (probe, prop) => probe._problems(prop));

/** Every prop of a ZeroDowntimeDeployment. */
export const ZERO_DOWNTIME_DEPLOYMENT_PROPS: PropSpec<ZeroDowntimeDeploymentProps> = {
  name: required(T.string(), "'api'"),
  namespace: optional(T.string(), "'shop'"),
  image: required(T.string(), "'ghcr.io/acme/api:1.4.2'"),
  imagePullPolicy: optional(T.oneOf('IfNotPresent', 'Always')),
  containerName: optional(T.string()),
  port: required(T.number(), '8080'),
  portName: optional(T.string(), "'http'"),
  command: optional(stringList),
  args: optional(stringList),
  env: optional(T.record(ENV_VALUE)),
  allowLiteralSecrets: optional(T.boolean()),
  volumes: optional(T.array(T.shape('VolumeProps', VOLUME))),
  appName: optional(T.string()),
  instance: optional(T.string()),
  component: optional(T.string()),
  partOf: optional(T.string()),
  labels: optional(stringMap),
  annotations: optional(stringMap),
  podAnnotations: optional(stringMap),
  changeCause: optional(T.string()),
  replicas: optional(T.number(), '3'),
  autoscaling: optional(AUTOSCALING),
  allowSingleReplica: optional(T.boolean()),
  rollout: optional(T.shape('RolloutProps', ROLLOUT)),
  startupProbe: optional(PROBE),
  readinessProbe: required(PROBE, "Probe.httpGet({ path: '/healthz' })"),
  livenessProbe: optional(PROBE),
  preStop: optional(
    T.instanceOf<PreStop>(
      PreStop,
      'PreStop',
      'PreStop.sleep(20), PreStop.nativeSleep(20), PreStop.httpGet({ path, durationSeconds }) or PreStop.command([...], seconds)',
      (preStop, prop) => preStop._problems(prop),
    ),
  ),
  shutdownBudgetSeconds: optional(T.number(), '10'),
  terminationGracePeriodSeconds: optional(T.number(), '30'),
  resources: required(CONTAINER_RESOURCES, "guaranteedResources({ cpu: '250m', memory: '256Mi' })"),
  disruptionBudget: optional(T.shape('DisruptionPolicy', DISRUPTION)),
  spread: optional(T.shape('SpreadProps', SPREAD)),
  service: optional(T.shape('ServiceProps', SERVICE)),
  securityContext: optional(T.record(T.any())),
  podSecurityContext: optional(T.record(T.any())),
  serviceAccountName: optional(T.string()),
};
