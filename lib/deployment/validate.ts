import { PropChecker } from '../core/configuration-error';
import { fixedReplicaRangeProblem } from '../policy/autoscaling';
import { disruptionProblems } from '../policy/disruption';
import { imagePinProblem, parseImage } from '../policy/image';
import { DeclaredPort, preStopSeconds, probeProblems, resolveNamedPorts, sameProbe, undeclaredPortProblem } from '../policy/probes';
import { QosClass, resourceProblems } from '../policy/qos';
import { rollingUpdateProblems, rolloutArithmeticIfWellFormed } from '../policy/rollout';
import { isCredentialName } from '../policy/secrets';
import { shutdownProblems } from '../policy/shutdown';
import { MULTI_ATTACH_FIX, multiAttachProblem } from '../policy/volumes';
import { AppIdentity, selectorLabels } from '../core/labels';
import { PreStopKind } from './pre-stop';
import { DNS1035_LABEL, nameFormatProblem, PORT_NAME } from '../validation/names';
import { DeploymentSettings } from './settings';


/** Checks the settings of a ZeroDowntimeDeployment; every problem names its prop and the fix. */
export function validateSettings(s: DeploymentSettings): PropChecker {
  const check = new PropChecker();
  const p = s.props;
  checkIdentity(check, s);
  checkLabels(check, s);
  checkReplicas(check, s);
  checkRollout(check, s);
  checkProbes(check, s);
  checkShutdown(check, s);
  const resourceFindings = p.resources ? resourceProblems(p.resources, s.qosClass) : [];
  if (!p.resources)
    check.add(
      'resources',
      undefined,
      'is required: pods without requests are BestEffort and the first to be evicted',
      "pass guaranteedResources({ cpu: '200m', memory: '128Mi' })",
    );
  check.addFindingsAt(resourceFindings, 'resources', p.resources);
  check.addFindingsAt(disruptionProblems(s.disruptionBudget, s.worstCaseReplicas), 'disruptionBudget', s.disruptionBudget);
  checkEnv(check, s);
  checkVolumes(check, s);
  checkService(check, s);
  checkSpread(check, s);
  return check;
}

function checkIdentity(check: PropChecker, s: DeploymentSettings): void {
  const p = s.props;
  // The Service shares the name, so it must be a DNS-1035 label, not just a DNS-1123 subdomain.
  const name = nameFormatProblem(DNS1035_LABEL, p.name ?? '');
  if (name) check.add('name', p.name, `must be a DNS-1035 label, because the Service shares it: ${name.reasons}`, name.fix);
  const pinProblem = imagePinProblem(p.image ?? '');
  if (pinProblem) {
    const repository = parseImage(p.image ?? '').repository || 'registry.example.com/app';
    check.add('image', p.image, pinProblem, `pin the version you tested, e.g. '${repository}:1.2.3', or a digest '${repository}@sha256:…'`);
  }
  if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535)
    check.add('port', p.port, 'must be a whole number from 1 to 65535', 'use the port the application listens on, e.g. 8080');
  const portName = nameFormatProblem(PORT_NAME, s.portName);
  if (portName) check.add('portName', s.portName, `must be an IANA service name: ${portName.reasons}`, portName.fix);
}

/** The prop that sets each selector label. */
const SELECTOR_LABEL_PROPS: Readonly<Record<string, keyof AppIdentity>> = {
  'app.kubernetes.io/name': 'name',
  'app.kubernetes.io/instance': 'instance',
  'app.kubernetes.io/component': 'component',
};

/** Extra labels must not overwrite a selector label: the Deployment, Service and PDB would select no pod. */
function checkLabels(check: PropChecker, s: DeploymentSettings): void {
  const p = s.props;
  const labels = p.labels;
  if (typeof labels !== 'object' || labels === null) return;
  const selector = selectorLabels({ name: p.appName ?? p.name, instance: p.instance ?? p.name, component: p.component });
  for (const [key, value] of Object.entries(labels)) {
    const expected = selector[key];
    if (expected === undefined || value === expected) continue;
    const identityProp = SELECTOR_LABEL_PROPS[key] === 'name' ? 'appName' : SELECTOR_LABEL_PROPS[key];
    const fromName = p[identityProp as 'appName' | 'instance' | 'component'] === undefined;
    check.add(
      `labels[${key}]`,
      value,
      `overwrites the selector label ${key} = '${expected}' (set by ${identityProp}${fromName ? ', from name' : ''}), so the selector would not match the pods`,
      `set ${identityProp}: '${value}' instead, and remove ${key} from labels`,
    );
  }
}

function checkReplicas(check: PropChecker, s: DeploymentSettings): void {
  const p = s.props;
  const singleFix = 'use at least 2, or set allowSingleReplica: true for a development environment';
  if (p.autoscaling && p.replicas !== undefined) {
    check.add('replicas', p.replicas, 'is set together with autoscaling; the HPA owns the replica count', 'drop replicas and set autoscaling.minReplicas instead');
  }
  if (s.autoscaling) {
    const a = s.autoscaling;
    check.wholeNumber('autoscaling.minReplicas', a.minReplicas, 1);
    check.wholeNumber('autoscaling.maxReplicas', a.maxReplicas, 1);
    // maxReplicas below minReplicas is the API server's rule: the synth check reports it on the rendered HPA, as autoscaling.maxReplicas.
    const fixed = fixedReplicaRangeProblem(a.minReplicas, a.maxReplicas);
    if (fixed) check.addFindingsAt([fixed], 'autoscaling', a);
    if (a.minReplicas < 2 && !p.allowSingleReplica)
      check.add('autoscaling.minReplicas', a.minReplicas, 'lets the autoscaler go down to one pod, which cannot survive a node drain', singleFix);
    for (const metric of ['cpuUtilization', 'memoryUtilization'] as const) {
      const value = a[metric];
      if (value !== undefined && (!Number.isInteger(value) || value < 1))
        check.add(`autoscaling.${metric}`, value, 'must be a whole percentage of the request, at least 1', 'use a value such as 70');
      else if (value !== undefined && value > 100 && s.qosClass === QosClass.GUARANTEED) {
        check.add(
          `autoscaling.${metric}`,
          value,
          `is above 100% of the request, but Guaranteed pods cannot use more than their limit, which equals the request, so the autoscaler never scales up`,
          'use a target below 100, e.g. 70, or ask for qosClass Burstable with a limit above the request',
        );
      }
    }
  } else {
    check.wholeNumber('replicas', s.replicas, 0);
    if (s.replicas! < 2 && !p.allowSingleReplica) check.add('replicas', s.replicas, 'a single pod cannot survive a node drain or a rollout of a broken image', singleFix);
  }
}

function checkRollout(check: PropChecker, s: DeploymentSettings): void {
  const input = { replicas: s.worstCaseReplicas, maxSurge: s.maxSurge, maxUnavailable: s.maxUnavailable };
  check.addFindingsAt(rollingUpdateProblems(input), 'rollout', input);
  check.wholeNumber('rollout.minReadySeconds', s.minReadySeconds, 0);
  check.wholeNumber('rollout.revisionHistoryLimit', s.revisionHistoryLimit, 0);
  check.wholeNumber('rollout.progressDeadlineSeconds', s.progressDeadlineSeconds, 1);
  if (s.progressDeadlineSeconds <= s.minReadySeconds) {
    check.add(
      'rollout.progressDeadlineSeconds',
      s.progressDeadlineSeconds,
      `must exceed minReadySeconds (${s.minReadySeconds}); the API server rejects it otherwise`,
      'keep the default 600',
    );
  }
}

function checkProbes(check: PropChecker, s: DeploymentSettings): void {
  const p = s.props;
  const declared: DeclaredPort[] = [{ name: s.portName, containerPort: p.port }];
  if (!p.readinessProbe) {
    check.add(
      'readinessProbe',
      undefined,
      'is required: without it a pod receives traffic before it can serve, and a rollout cannot tell a broken version',
      "pass Probe.httpGet({ path: '/healthz' }) or Probe.tcpSocket()",
    );
  }
  const probes = { startupProbe: p.startupProbe, readinessProbe: p.readinessProbe, livenessProbe: p.livenessProbe };
  for (const [prop, probe] of Object.entries(probes)) {
    if (!probe) continue;
    const kind = prop.replace('Probe', '') as 'startup' | 'readiness' | 'liveness';
    const spec = probe.toSpec(s.portName);
    check.addFindingsAt(probeProblems(kind, spec, declared), prop, spec);
  }
  const resolved = (probe: NonNullable<typeof p.livenessProbe>) => resolveNamedPorts(probe.toSpec(s.portName), declared);
  if (p.livenessProbe && p.readinessProbe && sameProbe(resolved(p.livenessProbe), resolved(p.readinessProbe))) {
    check.add(
      'livenessProbe',
      p.livenessProbe.toSpec(s.portName),
      'is identical to readinessProbe: an overloaded pod is restarted at the moment it leaves the load balancer, and the restarts cascade',
      'drop the liveness probe (the default), or give it a cheaper endpoint and a higher failureThreshold',
    );
  }
}

function checkShutdown(check: PropChecker, s: DeploymentSettings): void {
  const p = s.props;
  checkPreStopIsHonest(check, s);
  check.wholeNumber('preStop (duration seconds)', s.preStop.durationSeconds, 1);
  check.wholeNumber('shutdownBudgetSeconds', s.shutdownBudgetSeconds, 1);
  check.wholeNumber('terminationGracePeriodSeconds', s.terminationGracePeriodSeconds, 1);
  const problems = shutdownProblems({
    preStopSeconds: s.preStop.durationSeconds,
    terminationGracePeriodSeconds: s.terminationGracePeriodSeconds,
    shutdownBudgetSeconds: s.shutdownBudgetSeconds,
  });
  check.addFindings(problems, (f) => f, () => p.terminationGracePeriodSeconds ?? s.terminationGracePeriodSeconds);
}

/** The hook must really wait as long as it says: a declared port for httpGet, a visible sleep for a command. */
function checkPreStopIsHonest(check: PropChecker, s: DeploymentSettings): void {
  const handler = s.preStop.toSpec(s.portName);
  const declared: DeclaredPort[] = [{ name: s.portName, containerPort: s.props.port }];
  if (s.preStop.kind === PreStopKind.HTTP_GET && handler.httpGet?.port !== undefined) {
    const problem = undeclaredPortProblem(handler.httpGet.port, declared);
    if (problem) {
      check.add(
        'preStop.port',
        handler.httpGet.port,
        `${problem}: the GET fails at once and SIGTERM follows with no delay`,
        `use the named port '${s.portName}', or leave port unset`,
      );
    }
  }
  if (s.preStop.kind === PreStopKind.COMMAND) {
    const visible = preStopSeconds(handler);
    const seconds = s.preStop.durationSeconds;
    if (visible !== seconds) {
      check.add(
        'preStop',
        handler.exec?.command,
        visible === undefined
          ? `declares ${seconds}s, but nothing in the command waits, so SIGTERM can arrive before endpoint removal has propagated`
          : `declares ${seconds}s, but the command's last sleep waits ${visible}s`,
        'make the wait visible and put it first, so traffic has stopped before the command runs: '
          + `PreStop.command(['/bin/sh', '-c', 'sleep ${seconds} && ${shellWords(handler.exec?.command ?? [])}'], ${seconds})`,
      );
    }
  }
}

/** The command as one shell line (words with spaces or quotes single-quoted). */
function shellWords(command: readonly string[]): string {
  if (command.length === 3 && /(^|\/)(ba|da)?sh$/.test(command[0]) && command[1] === '-c') return command[2];
  return command.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`)).join(' ');
}

function checkService(check: PropChecker, s: DeploymentSettings): void {
  const service = s.props.service ?? {};
  const type = service.type ?? 'ClusterIP';
  if (service.port !== undefined && (!Number.isInteger(service.port) || service.port < 1 || service.port > 65535)) {
    check.add(
      'service.port',
      service.port,
      'must be a whole number from 1 to 65535; the API server rejects it otherwise',
      `use the port clients connect to, e.g. ${s.props.port >= 1 && s.props.port <= 65535 ? s.props.port : 80}`,
    );
  }
  if (service.nodePort !== undefined) {
    if (type === 'ClusterIP') {
      check.add(
        'service.nodePort',
        service.nodePort,
        'is set on a ClusterIP Service; the API server rejects a nodePort unless the type is NodePort or LoadBalancer',
        "set service.type: 'NodePort', or drop nodePort",
      );
    } else if (!Number.isInteger(service.nodePort) || service.nodePort < 30000 || service.nodePort > 32767) {
      check.add(
        'service.nodePort',
        service.nodePort,
        "is outside the node port range 30000-32767 (the API server's default --service-node-port-range), so the Service is rejected",
        'use a port from 30000 to 32767, or leave it unset to let the cluster choose',
      );
    }
  }
}

function checkSpread(check: PropChecker, s: DeploymentSettings): void {
  const weight = s.spread.antiAffinityWeight;
  if (!Number.isInteger(weight) || weight < 1 || weight > 100) {
    check.add(
      'spread.antiAffinityWeight',
      weight,
      'must be a whole number from 1 to 100; the API server rejects it otherwise',
      'use 100 (the default) to spread as much as possible',
    );
  }
}

function checkEnv(check: PropChecker, s: DeploymentSettings): void {
  for (const [name, value] of Object.entries(s.props.env ?? {})) {
    if (typeof value === 'string' && isCredentialName(name) && !s.props.allowLiteralSecrets) {
      check.add(`env.${name}`, '(redacted)', 'is a credential written as a literal, and rendered YAML is committed to Git',
        `use { secretKeyRef: { name: '<secret>', key: '<key>' } } (or allowLiteralSecrets: true for a local experiment only)`);
    }
  }
}

function checkVolumes(check: PropChecker, s: DeploymentSettings): void {
  const seen = new Set<string>();
  const surge = rolloutArithmeticIfWellFormed({ replicas: s.worstCaseReplicas, maxSurge: s.maxSurge, maxUnavailable: s.maxUnavailable })?.surge ?? 0;
  const mostPods = s.autoscaling ? s.autoscaling.maxReplicas : s.replicas!;
  (s.props.volumes ?? []).forEach((volume, i) => {
    const prop = `volumes[${i}]`;
    if (seen.has(volume.name)) check.add(`${prop}.name`, volume.name, 'is used by another volume', 'give each volume its own name');
    seen.add(volume.name);
    const sources = Object.entries(volume.source ?? {}).filter(([, v]) => v !== undefined).map(([k]) => k);
    if (sources.length !== 1) check.add(`${prop}.source`, sources, 'must set exactly one of persistentVolumeClaim, secret, configMap, emptyDir', 'keep one source');
    const mode = volume.source?.persistentVolumeClaim?.accessMode;
    const problem = multiAttachProblem(mode, surge, mostPods);
    if (problem) check.add(`${prop}.source.persistentVolumeClaim.accessMode`, mode, problem, MULTI_ATTACH_FIX);
  });
}
