import { ApiObject, Chart, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import * as k8s from '../../imports/k8s';
import { ignoreAnnotation, QOS_CLASS_ANNOTATION } from '../audit/annotations';
import { acceptProps, reportProblems, withholdFields } from '../core/accept-props';
import { PropProblem } from '../core/prop-problem';
import { KubernetesVersion } from '../core/kubernetes-version';
import { checkedRecord, mapFieldsToProps } from '../core/checked-constructs';
import { PropChecker } from '../core/configuration-error';
import type { HttpsIngress } from '../ingress/https-ingress';
import { ingressPropProblems } from '../ingress/https-ingress-props-spec';
import { AppIdentity, selectorLabels, standardLabels } from '../core/labels';
import { parseImage } from '../policy/image';
import { isCredentialName } from '../policy/secrets';
import { qosClassOf, QosClass } from '../policy/qos';
import { renderEnv, renderResources, renderVolume, renderVolumeMount } from './container';
import { PatchableKubeDeployment } from './patchable-deployment';
import { PreStopKind } from './pre-stop';
import { toKubeHandler } from './probe';
import { ZeroDowntimeDeploymentProps } from './props';
import { ZERO_DOWNTIME_DEPLOYMENT_PROPS } from './props-spec';
import { DEFAULTS, DeploymentSettings, NATIVE_SLEEP_MINOR, resolveSettings, versionMinor } from './settings';
import { validateSettings } from './validate';

/**
 * A Deployment that rolls without dropping a request, with its Service, PodDisruptionBudget and
 * (optionally) HorizontalPodAutoscaler. The defaults are the ones a rollout needs to drop nothing:
 * surge before terminating, a readiness gate, a preStop delay inside a longer grace period, Guaranteed
 * QoS, a PDB that lets drains proceed one pod at a time, and anti-affinity. Props that cannot roll
 * without downtime, or that the API server would reject, are refused at synth, together with every
 * other construct's, each naming the prop, the value and the fix.
 */
export class ZeroDowntimeDeployment extends Construct {
  /** Name of every object. */
  public readonly name!: string;
  /** Namespace of every object. */
  public readonly namespace!: string;
  /** The labels that select the pods (stable: name, instance, component); frozen. */
  public readonly selector!: Readonly<Record<string, string>>;
  /** The QoS class the pods get. */
  public readonly qosClass!: QosClass;
  /** The container's named port. */
  public readonly portName!: string;
  /** The Service port. */
  public readonly servicePort!: number;
  /** Seconds the preStop hook keeps a Terminating pod serving. */
  public readonly preStopSeconds!: number;
  /** Seconds from termination to SIGKILL. */
  public readonly terminationGracePeriodSeconds!: number;
  /** The Deployment. */
  public readonly deployment!: k8s.KubeDeployment;
  /** The Service in front of the pods. */
  public readonly service!: k8s.KubeService;
  /** The PodDisruptionBudget over exactly the Deployment's pods. */
  public readonly podDisruptionBudget!: k8s.KubePodDisruptionBudget;
  /** The HorizontalPodAutoscaler, when autoscaling was asked for. */
  public readonly horizontalPodAutoscaler?: k8s.KubeHorizontalPodAutoscalerV2;
  /** The labels every object carries (the pods add their version). */
  private readonly objectLabels: Readonly<Record<string, string>> = {};

  constructor(scope: Construct, id: string, props: ZeroDowntimeDeploymentProps) {
    super(scope, id);
    const kubernetesVersion = KubernetesVersion.setting(this);
    const rules = (p: ZeroDowntimeDeploymentProps) => validateSettings(resolveSettings(p, kubernetesVersion)).all;
    if (!acceptProps(this, 'ZeroDowntimeDeployment', props, ZERO_DOWNTIME_DEPLOYMENT_PROPS, rules)) {
      withholdFields(this, [
        'name', 'namespace', 'selector', 'qosClass', 'portName', 'servicePort', 'preStopSeconds', 'terminationGracePeriodSeconds',
        'deployment', 'service', 'podDisruptionBudget', 'horizontalPodAutoscaler',
      ]);
      return;
    }
    const s = resolveSettings(props, kubernetesVersion);
    const nativeSleep = nativeSleepProblem(kubernetesVersion, s);
    if (nativeSleep) reportProblems(this, 'ZeroDowntimeDeployment', [nativeSleep]);

    this.name = props.name;
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? 'default';
    this.portName = s.portName;
    this.servicePort = props.service?.port ?? props.port;
    this.preStopSeconds = s.preStop.durationSeconds;
    this.terminationGracePeriodSeconds = s.terminationGracePeriodSeconds;
    const identity: AppIdentity = { name: props.appName ?? props.name, instance: props.instance ?? props.name, component: props.component, partOf: props.partOf };
    this.selector = Object.freeze(selectorLabels(identity));
    // A selector label in `labels` is refused (validate.ts checkLabels); the selector wins here so that
    // the refusal names the prop, not a rendered mismatch.
    this.objectLabels = { ...standardLabels(identity), ...props.labels, ...this.selector };

    const container = this.renderContainer(s);
    this.qosClass = qosClassOf([props.resources]);
    this.deployment = this.renderDeployment(props, s, container);
    this.service = this.renderService(props, s);
    this.podDisruptionBudget = this.renderPodDisruptionBudget(s);
    if (s.autoscaling) this.horizontalPodAutoscaler = this.renderAutoscaler(s.autoscaling);
  }

  /** The metadata every object carries: the deployment's name, namespace and labels. */
  private objectMetadata(extra: k8s.ObjectMeta = {}): k8s.ObjectMeta {
    return { name: this.name, namespace: this.namespace, labels: this.objectLabels, ...extra };
  }

  private renderDeployment(props: ZeroDowntimeDeploymentProps, s: DeploymentSettings, container: k8s.Container): k8s.KubeDeployment {
    const version = parseImage(props.image).tag;
    const deployment = new PatchableKubeDeployment(this, 'Deployment', {
      metadata: this.objectMetadata({ annotations: deploymentAnnotations(props, s) }),
      spec: {
        ...(s.replicas !== undefined ? { replicas: s.replicas } : {}),
        selector: { matchLabels: { ...this.selector } },
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: intOrString(s.maxSurge), maxUnavailable: intOrString(s.maxUnavailable) },
        },
        minReadySeconds: s.minReadySeconds,
        revisionHistoryLimit: s.revisionHistoryLimit,
        progressDeadlineSeconds: s.progressDeadlineSeconds,
        template: {
          metadata: {
            labels: { ...this.objectLabels, ...(version ? { 'app.kubernetes.io/version': version } : {}) },
            ...(props.podAnnotations ? { annotations: props.podAnnotations } : {}),
          },
          spec: this.renderPodSpec(props, s, container),
        },
      },
    });
    if (s.preStop.kind === PreStopKind.NATIVE_SLEEP) {
      // The 1.27 types have no lifecycle.preStop.sleep; the field exists from Kubernetes 1.30.
      deployment.addPostSchemaPatch(JsonPatch.add('/spec/template/spec/containers/0/lifecycle', { preStop: s.preStop.toSpec(s.portName) }));
    }
    mapFieldsToProps(deployment, () => deploymentFieldProps(props));
    return deployment;
  }

  private renderPodSpec(props: ZeroDowntimeDeploymentProps, s: DeploymentSettings, container: k8s.Container): k8s.PodSpec {
    return {
      ...(props.serviceAccountName ? { serviceAccountName: props.serviceAccountName } : {}),
      terminationGracePeriodSeconds: s.terminationGracePeriodSeconds,
      affinity: this.renderAffinity(s),
      ...(s.spread.zoneSpread ? { topologySpreadConstraints: [{
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: s.spread.zoneSpreadWhenUnsatisfiable,
        labelSelector: { matchLabels: { ...this.selector } },
      }] } : {}),
      ...(props.podSecurityContext ? { securityContext: props.podSecurityContext } : {}),
      containers: [container],
      ...(props.volumes?.length ? { volumes: props.volumes.map(renderVolume) } : {}),
    };
  }

  private renderService(props: ZeroDowntimeDeploymentProps, s: DeploymentSettings): k8s.KubeService {
    const service = props.service ?? {};
    const kubeService = new k8s.KubeService(this, 'Service', {
      metadata: this.objectMetadata(service.annotations ? { annotations: service.annotations } : {}),
      spec: {
        type: service.type ?? 'ClusterIP',
        selector: { ...this.selector },
        ports: [{
          name: s.portName,
          port: this.servicePort,
          targetPort: k8s.IntOrString.fromString(s.portName),
          protocol: 'TCP',
          ...(service.nodePort !== undefined ? { nodePort: service.nodePort } : {}),
        }],
      },
    });
    mapFieldsToProps(kubeService, () => ({
      ...METADATA_PROPS,
      'metadata.annotations': 'service.annotations',
      'spec.type': 'service.type',
      ...selectorProps('spec.selector'),
      'spec.ports[0].name': 'portName',
      'spec.ports[0].port': props.service?.port !== undefined ? 'service.port' : 'port',
      'spec.ports[0].nodePort': 'service.nodePort',
      'spec.ports[0].targetPort': 'portName',
    }));
    return kubeService;
  }

  private renderPodDisruptionBudget(s: DeploymentSettings): k8s.KubePodDisruptionBudget {
    const pdb = new k8s.KubePodDisruptionBudget(this, 'PodDisruptionBudget', {
      metadata: this.objectMetadata(),
      spec: {
        selector: { matchLabels: { ...this.selector } },
        ...(s.disruptionBudget.minAvailable !== undefined ? { minAvailable: intOrString(s.disruptionBudget.minAvailable) } : {}),
        ...(s.disruptionBudget.maxUnavailable !== undefined ? { maxUnavailable: intOrString(s.disruptionBudget.maxUnavailable) } : {}),
      },
    });
    mapFieldsToProps(pdb, () => ({
      ...METADATA_PROPS,
      ...selectorProps('spec.selector.matchLabels'),
      'spec.minAvailable': 'disruptionBudget.minAvailable',
      'spec.maxUnavailable': 'disruptionBudget.maxUnavailable',
    }));
    return pdb;
  }

  private renderAutoscaler(a: NonNullable<DeploymentSettings['autoscaling']>): k8s.KubeHorizontalPodAutoscalerV2 {
    const metric = (name: string, utilization: number | undefined): k8s.MetricSpecV2[] => (utilization === undefined ? [] : [{
      type: 'Resource',
      resource: { name, target: { type: 'Utilization', averageUtilization: utilization } },
    }]);
    const hpa = new k8s.KubeHorizontalPodAutoscalerV2(this, 'HorizontalPodAutoscaler', {
      metadata: this.objectMetadata(),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: this.name },
        minReplicas: a.minReplicas,
        maxReplicas: a.maxReplicas,
        metrics: [...metric('cpu', a.cpuUtilization), ...metric('memory', a.memoryUtilization)],
        ...(a.behavior ? { behavior: a.behavior } : {}),
      },
    });
    mapFieldsToProps(hpa, () => ({
      ...METADATA_PROPS, 'spec.minReplicas': 'autoscaling.minReplicas', 'spec.maxReplicas': 'autoscaling.maxReplicas', 'spec.behavior': 'autoscaling.behavior',
      ...(a.cpuUtilization !== undefined ? { 'spec.metrics[0]': 'autoscaling.cpuUtilization' } : {}),
      ...(a.memoryUtilization !== undefined ? { [`spec.metrics[${a.cpuUtilization !== undefined ? 1 : 0}]`]: 'autoscaling.memoryUtilization' } : {}),
    }));
    return hpa;
  }

  /**
   * Exposes the Service over HTTPS through `ingress` (`HttpsIngress.standard(...)` or
   * `HttpsIngress.traefik(...)`), routing every path of its host to the Service port. The objects are
   * named after the deployment and share its namespace and labels. Bad ingress props are refused at
   * synth with the construct's other problems, named `exposeViaIngress(ingress).<prop>`.
   * @returns the ingress objects; none when the props or the ingress are refused
   */
  public exposeViaIngress(ingress: HttpsIngress): ApiObject[] {
    if (checkedRecord(this)?.refused) return [];
    const prefix = 'exposeViaIngress(ingress)';
    const malformed = ingress && typeof ingress.bind === 'function' ? ingressPropProblems(ingress, prefix) : [{
      prop: prefix, value: ingress, problem: 'is not an HttpsIngress',
      fix: 'pass HttpsIngress.standard({ host, ingressClassName, tlsSecretName }) or HttpsIngress.traefik({ ... })',
    }];
    const check = new PropChecker();
    if (malformed.length === 0) ingress.validate(check, prefix);
    const problems = [...malformed, ...check.all];
    if (problems.length > 0) {
      reportProblems(this, 'ZeroDowntimeDeployment', problems);
      return [];
    }
    return ingress.bind(this, { serviceName: this.name, servicePort: this.servicePort, namespace: this.namespace, labels: { ...this.objectLabels } });
  }

  private renderContainer(s: DeploymentSettings): k8s.Container {
    const p = s.props;
    const preStop = s.preStop.kind === PreStopKind.NATIVE_SLEEP ? undefined : toKubeHandler(s.preStop.toSpec(s.portName));
    return {
      name: s.containerName,
      image: p.image,
      imagePullPolicy: p.imagePullPolicy ?? DEFAULTS.imagePullPolicy,
      ...(p.command ? { command: p.command } : {}),
      ...(p.args ? { args: p.args } : {}),
      ports: [{ name: s.portName, containerPort: p.port, protocol: 'TCP' }],
      ...(p.env && Object.keys(p.env).length > 0 ? { env: renderEnv(p.env) } : {}),
      resources: renderResources(p.resources),
      ...(p.startupProbe ? { startupProbe: p.startupProbe.toKube(s.portName) } : {}),
      readinessProbe: p.readinessProbe.toKube(s.portName),
      ...(p.livenessProbe ? { livenessProbe: p.livenessProbe.toKube(s.portName) } : {}),
      ...(preStop ? { lifecycle: { preStop } } : {}),
      ...(p.securityContext ? { securityContext: p.securityContext } : {}),
      ...(p.volumes?.length ? { volumeMounts: p.volumes.map(renderVolumeMount) } : {}),
    };
  }

  private renderAffinity(s: DeploymentSettings): k8s.Affinity {
    const term = { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { ...this.selector } } };
    return {
      podAntiAffinity: s.spread.podAntiAffinity === 'required'
        ? { requiredDuringSchedulingIgnoredDuringExecution: [term] }
        : { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: s.spread.antiAffinityWeight, podAffinityTerm: term }] },
    };
  }
}

/** The native sleep hook needs Kubernetes 1.30; the version is the app's (KubernetesVersion.of). */
function nativeSleepProblem(version: string | undefined, s: DeploymentSettings): PropProblem | undefined {
  if (s.preStop.kind !== PreStopKind.NATIVE_SLEEP) return undefined;
  if (versionMinor(version) >= NATIVE_SLEEP_MINOR) return undefined;
  const seconds = s.preStop.durationSeconds;
  return {
    prop: 'preStop',
    value: `PreStop.nativeSleep(${seconds})`,
    problem: `the native sleep hook exists only from Kubernetes 1.30, and the manifests are for ${
      version ?? `${KubernetesVersion.DEFAULT} (the default)`}: the API server would reject the Deployment`,
    fix: `use PreStop.sleep(${seconds}), or, if every cluster runs 1.30 or later, new ZeroDowntimeApp({ kubernetesVersion: '1.30' })`,
  };
}

/** Which prop produced which metadata field, for every object. */
const METADATA_PROPS: Readonly<Record<string, string>> = {
  'metadata.name': 'name',
  'metadata.namespace': 'namespace',
  'metadata.labels': 'labels',
  'metadata.labels[app.kubernetes.io/name]': 'appName',
  'metadata.labels[app.kubernetes.io/instance]': 'instance',
  'metadata.labels[app.kubernetes.io/component]': 'component',
  'metadata.labels[app.kubernetes.io/part-of]': 'partOf',
};

/** Which prop produced which selector label. */
function selectorProps(prefix: string): Record<string, string> {
  return {
    [`${prefix}[app.kubernetes.io/name]`]: 'appName',
    [`${prefix}[app.kubernetes.io/instance]`]: 'instance',
    [`${prefix}[app.kubernetes.io/component]`]: 'component',
  };
}

/** Which prop produced which field of the Deployment, so that API-server findings name the prop. */
function deploymentFieldProps(props: ZeroDowntimeDeploymentProps): Record<string, string> {
  const pod = 'spec.template.spec';
  const c = `${pod}.containers[0]`;
  const map: Record<string, string> = {
    ...METADATA_PROPS,
    'metadata.annotations': 'annotations',
    'metadata.annotations[kubernetes.io/change-cause]': 'changeCause',
    'spec.replicas': 'replicas',
    ...selectorProps('spec.selector.matchLabels'),
    'spec.strategy.rollingUpdate.maxSurge': 'rollout.maxSurge',
    'spec.strategy.rollingUpdate.maxUnavailable': 'rollout.maxUnavailable',
    'spec.minReadySeconds': 'rollout.minReadySeconds',
    'spec.revisionHistoryLimit': 'rollout.revisionHistoryLimit',
    'spec.progressDeadlineSeconds': 'rollout.progressDeadlineSeconds',
    'spec.template.metadata.labels': 'labels',
    'spec.template.metadata.annotations': 'podAnnotations',
    [`${pod}.serviceAccountName`]: 'serviceAccountName',
    [`${pod}.terminationGracePeriodSeconds`]: 'terminationGracePeriodSeconds',
    [`${pod}.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight`]: 'spread.antiAffinityWeight',
    [`${pod}.topologySpreadConstraints[0].whenUnsatisfiable`]: 'spread.zoneSpreadWhenUnsatisfiable',
    [`${pod}.securityContext`]: 'podSecurityContext',
    [`${c}.name`]: 'containerName',
    [`${c}.image`]: 'image',
    [`${c}.imagePullPolicy`]: 'imagePullPolicy',
    [`${c}.command`]: 'command',
    [`${c}.args`]: 'args',
    [`${c}.ports[0].containerPort`]: 'port',
    [`${c}.ports[0].name`]: 'portName',
    [`${c}.resources`]: 'resources',
    [`${c}.startupProbe`]: 'startupProbe',
    [`${c}.readinessProbe`]: 'readinessProbe',
    [`${c}.livenessProbe`]: 'livenessProbe',
    [`${c}.lifecycle.preStop`]: 'preStop',
    [`${c}.securityContext`]: 'securityContext',
  };
  Object.keys(props.env ?? {}).forEach((name, i) => { map[`${c}.env[${i}]`] = `env.${name}`; });
  (props.volumes ?? []).forEach((_v, i) => {
    map[`${c}.volumeMounts[${i}]`] = `volumes[${i}]`;
    map[`${pod}.volumes[${i}]`] = `volumes[${i}]`;
  });
  return map;
}

/** Names of env vars holding a literal credential (allowed only with allowLiteralSecrets). */
function literalSecretNames(props: ZeroDowntimeDeploymentProps): string[] {
  return Object.entries(props.env ?? {}).filter(([name, value]) => typeof value === 'string' && isCredentialName(name)).map(([name]) => name);
}

function intOrString(value: number | string): k8s.IntOrString {
  return typeof value === 'number' ? k8s.IntOrString.fromNumber(value) : k8s.IntOrString.fromString(value);
}

/** The Deployment's annotations: the caller's, the QoS class, the change cause and an allowed literal secret. */
function deploymentAnnotations(props: ZeroDowntimeDeploymentProps, s: DeploymentSettings): Record<string, string> {
  return {
    ...props.annotations,
    [QOS_CLASS_ANNOTATION]: s.qosClass,
    ...(props.changeCause ? { 'kubernetes.io/change-cause': props.changeCause } : {}),
    ...(props.allowLiteralSecrets && literalSecretNames(props).length > 0
      ? { [ignoreAnnotation('literal-secret-env')]: `allowLiteralSecrets: literal values in ${literalSecretNames(props).join(', ')}, for a local experiment` }
      : {}),
  };
}
