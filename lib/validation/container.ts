/**
 * Containers: core/validation/validation.go validateContainers / validateContainerCommon,
 * validateContainerPorts, ValidateEnv, validateEnvFrom, validateEnvVarValueFrom (1.27).
 */
import { MAX_PORT, MIN_PORT } from '../grammar/port';
import { checkEnum } from './enums';
import { Findings, findings, minorOf, report, show } from './finding-list';
import { checkImage } from './image';
import { checkFormat, CONFIG_MAP_KEY, DNS1123_LABEL, DNS1123_SUBDOMAIN, ENV_VAR_NAME, NameFormat, PORT_NAME, RELAXED_ENV_VAR_NAME } from './names';
import { child, index } from '../grammar/field-path';
import { checkLifecycle, checkProbe, HandlerPort, ProbeKind } from './handlers';
import { checkResources } from './resources';
import { checkSecurityContext } from './scheduling';
import { checkVolumeMounts } from './volumes';
import { Json, readList, readRecord, readString, readInt } from './values';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const PULL_POLICIES = ['Always', 'Never', 'IfNotPresent'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];

/** What the pod-level checks need to know about a container. */
export interface ContainerFacts {
  readonly name?: string;
  /** Declared port names and numbers, to resolve probe and Service target ports (short lists: no sets). */
  readonly portNames: string[];
  /** `containerPort/protocol` of each port entry, in order (the list-map keys). */
  readonly portKeys: string[];
  /** Host ports as `port/protocol`, to find clashes across containers. */
  readonly hostPorts: string[];
}

/** Checks `ports` of one container. */
function checkContainerPorts(out: Findings, value: unknown, field: string, facts: ContainerFacts): void {
  const ports = readList(out, value, field);
  if (!ports) return;
  for (let i = 0; i < ports.length; i++) {
    const path = index(field, i);
    const port = readRecord(out, ports[i], path);
    if (!port) continue;
    // validateContainerPorts: optional name, IsValidPortName, unique within the container.
    const name = port.name;
    if (name !== undefined && name !== null && name !== '') {
      if (checkFormat(out, name, child(path, 'name'), PORT_NAME, 'port name')) {
        if (facts.portNames.includes(name as string)) {
          report(out, child(path, 'name'), `port name ${show(name)} is declared twice in this container`, 'give each port of a container its own name');
        }
        facts.portNames.push(name as string);
      }
    }
    const protocol = checkEnum(out, port.protocol, child(path, 'protocol'), PROTOCOLS, 'protocol') ?? 'TCP';
    // containerPort required, IsValidPortNum (1-65535).
    if (port.containerPort === undefined || port.containerPort === null || port.containerPort === 0) {
      report(out, child(path, 'containerPort'), 'containerPort is missing or 0', 'set the port the process listens on, e.g. containerPort: 8080');
    } else {
      const n = readInt(out, port.containerPort, child(path, 'containerPort'), MIN_PORT, MAX_PORT, 8080);
      if (n !== undefined) {
        // Not refused by validation (1.29+ only warns), but ports is a list map keyed by
        // (containerPort, protocol) in the OpenAPI schema: server-side apply refuses duplicate
        // keys, and strategic-merge patches merge the two entries into one.
        const key = `${n}/${protocol}`;
        const first = facts.portKeys.indexOf(key);
        if (first >= 0) {
          report(out, child(path, 'containerPort'), `containerPort ${key} is already declared by ports[${first}]: apply merges or refuses entries with the same port and protocol`,
            'declare each port and protocol once (one name per port)');
        }
        facts.portKeys.push(key);
      }
    }
    // hostPort, when set, IsValidPortNum.
    if (port.hostPort !== undefined && port.hostPort !== null && port.hostPort !== 0) {
      const hostPort = readInt(out, port.hostPort, child(path, 'hostPort'), MIN_PORT, MAX_PORT, 8080);
      if (hostPort !== undefined) facts.hostPorts.push(`${hostPort}/${protocol}`);
    }
  }
}

const VALUE_SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'];
const KEY_REFS = ['configMapKeyRef', 'secretKeyRef'];

/** Checks `valueFrom` of one env var. */
function checkValueFrom(out: Findings, source: Json, field: string): void {
  // validateEnvVarValueFrom: exactly one source.
  const kinds = VALUE_SOURCES.filter((k) => source[k] !== undefined && source[k] !== null);
  if (kinds.length === 0) {
    report(out, field, 'valueFrom names no source', 'set one of fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef');
    return;
  }
  if (kinds.length > 1) {
    report(out, field, `valueFrom sets ${kinds.join(' and ')}; only one source is allowed`, `keep one of ${kinds.join(', ')}`);
  }
  for (const kind of KEY_REFS) {
    const ref = readRecord(out, source[kind], child(field, kind));
    if (!ref) continue;
    // validateConfigMapKeySelector / validateSecretKeySelector: name a DNS subdomain, key required and IsConfigMapKey.
    checkFormat(out, ref.name ?? '', child(child(field, kind), 'name'), DNS1123_SUBDOMAIN, kind === 'secretKeyRef' ? 'Secret name' : 'ConfigMap name');
    if (ref.key === undefined || ref.key === null || ref.key === '') {
      report(out, child(child(field, kind), 'key'), 'key is missing', `name the ${kind === 'secretKeyRef' ? 'Secret' : 'ConfigMap'} key to read, e.g. key: password`);
    } else {
      checkFormat(out, ref.key, child(child(field, kind), 'key'), CONFIG_MAP_KEY, 'key');
    }
  }
  const fieldRef = readRecord(out, source.fieldRef, child(field, 'fieldRef'));
  if (fieldRef) {
    // validateObjectFieldSelector with validEnvDownwardAPIFieldPathExpressions (1.27).
    const path = readString(out, fieldRef.fieldPath, child(child(field, 'fieldRef'), 'fieldPath'));
    if (!path) {
      report(out, child(child(field, 'fieldRef'), 'fieldPath'), 'fieldPath is missing', 'set e.g. fieldPath: metadata.name');
    } else if (!DOWNWARD_FIELDS.includes(path) && !(path === 'status.hostIPs' && minorOf(out) >= HOST_IPS_MINOR) && !/^metadata\.(labels|annotations)\['[^']+'\]$/.test(path)) {
      report(out, child(child(field, 'fieldRef'), 'fieldPath'), `fieldPath ${show(path)} is not supported in env`,
        `use one of ${DOWNWARD_FIELDS.join(', ')}, or metadata.labels['<key>']`);
    }
  }
  const resourceRef = readRecord(out, source.resourceFieldRef, child(field, 'resourceFieldRef'));
  if (resourceRef) {
    // validateContainerResourceFieldSelector: the supported resources.
    checkEnum(out, resourceRef.resource ?? '', child(child(field, 'resourceFieldRef'), 'resource'), DOWNWARD_RESOURCES, 'resource');
  }
}

// validation.go validEnvDownwardAPIFieldPathExpressions (1.27; status.hostIPs came in 1.28).
// status.hostIPs from 1.29 (PodHostIPs beta, on by default).
const HOST_IPS_MINOR = 29;
const DOWNWARD_FIELDS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.podIP', 'status.podIPs'];
// validation.go validContainerResourceFieldPathExpressions.
const DOWNWARD_RESOURCES = ['limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage'];

/** The index of the first entry before `before` named `name`, or -1 (env lists are short: no map needed). */
function firstEnvNamed(env: unknown[], name: string, before: number): number {
  for (let j = 0; j < before; j++) {
    const e = env[j];
    if (typeof e === 'object' && e !== null && (e as Json).name === name) return j;
  }
  return -1;
}

/** IsEnvVarName in 1.27; the relaxed rule once RelaxedEnvironmentVariableValidation is on by default (1.32). */
function envNameFormat(out: Findings): NameFormat {
  return minorOf(out) >= 32 ? RELAXED_ENV_VAR_NAME : ENV_VAR_NAME;
}

/** Checks `env` of one container. */
function checkEnv(out: Findings, value: unknown, field: string): void {
  const env = readList(out, value, field);
  if (!env) return;
  const nameFormat = envNameFormat(out);
  for (let i = 0; i < env.length; i++) {
    const path = index(field, i);
    const v = readRecord(out, env[i], path);
    if (!v) continue;
    // ValidateEnv: name required, IsEnvVarName.
    if (v.name === undefined || v.name === null || v.name === '') {
      report(out, child(path, 'name'), 'env var has no name', 'set name, e.g. name: MY_VAR');
    } else if (checkFormat(out, v.name, child(path, 'name'), nameFormat, 'environment variable name')) {
      // Not refused by the API server (1.29+ only warns), but the later entry silently replaces the
      // earlier one, so one of the two values is lost.
      const first = firstEnvNamed(env, v.name as string, i);
      if (first >= 0) {
        report(out, child(path, 'name'), `environment variable ${show(v.name)} is already set by env[${first}]; the later value silently wins`,
          'remove one of the two entries');
      }
    }
    readString(out, v.value, child(path, 'value'));
    const source = readRecord(out, v.valueFrom, child(path, 'valueFrom'));
    if (source) {
      if (typeof v.value === 'string' && v.value !== '') {
        report(out, child(path, 'valueFrom'), 'valueFrom may not be set together with a non-empty value', 'keep either value or valueFrom');
      }
      checkValueFrom(out, source, child(path, 'valueFrom'));
    }
  }
}

/** Checks `envFrom` of one container (validateEnvFrom). */
function checkEnvFrom(out: Findings, value: unknown, field: string): void {
  const list = readList(out, value, field);
  if (!list) return;
  for (let i = 0; i < list.length; i++) {
    const path = index(field, i);
    const source = readRecord(out, list[i], path);
    if (!source) continue;
    if (source.prefix !== undefined && source.prefix !== null && source.prefix !== '') checkFormat(out, source.prefix, child(path, 'prefix'), envNameFormat(out), 'prefix');
    const kinds = ['configMapRef', 'secretRef'].filter((k) => source[k] !== undefined && source[k] !== null);
    if (kinds.length !== 1) {
      report(out, path, kinds.length === 0 ? 'envFrom entry names no source' : 'envFrom entry sets both configMapRef and secretRef',
        'set exactly one of configMapRef or secretRef');
    }
    for (const kind of kinds) {
      const ref = readRecord(out, source[kind], child(path, kind));
      if (ref) checkFormat(out, ref.name ?? '', child(child(path, kind), 'name'), DNS1123_SUBDOMAIN, kind === 'secretRef' ? 'Secret name' : 'ConfigMap name');
    }
  }
}

/** Where a container sits: regular or init, and the pod's volume names. */
export interface ContainerContext {
  /** Init containers may not have probes or lifecycle hooks (1.27: no sidecar containers yet). */
  readonly init?: boolean;
  /** Names of the pod's volumes (and StatefulSet claim templates); undefined to skip the mount-name check. */
  readonly volumeNames?: Set<string>;
  /** The pod's terminationGracePeriodSeconds (30 when unset), which bounds a sleep hook. */
  readonly gracePeriodSeconds?: number;
}

const SIDECAR_MINOR = 29;
const PROBES: ProbeKind[] = ['livenessProbe', 'readinessProbe', 'startupProbe'];

/** Checks one container; `facts` collects what the pod-level checks need. Returns the container when well typed. */
export function checkContainer(out: Findings, value: unknown, field: string, facts: ContainerFacts, context: ContainerContext = {}): Json | undefined {
  const container = readRecord(out, value, field);
  if (!container) return undefined;
  // validateContainerCommon: name required, a DNS-1123 label.
  if (container.name === undefined || container.name === null || container.name === '') {
    report(out, child(field, 'name'), 'container has no name', 'set name, a DNS-1123 label, e.g. name: app');
  } else {
    checkFormat(out, container.name, child(field, 'name'), DNS1123_LABEL, 'container name');
  }
  if (container.image === undefined || container.image === null) {
    report(out, child(field, 'image'), 'container has no image', 'set image, e.g. image: "nginx:1.27.3"');
  } else {
    checkImage(out, container.image, child(field, 'image'));
  }
  checkEnum(out, container.imagePullPolicy, child(field, 'imagePullPolicy'), PULL_POLICIES, 'imagePullPolicy');
  checkEnum(out, container.terminationMessagePolicy, child(field, 'terminationMessagePolicy'), TERMINATION_MESSAGE_POLICIES, 'terminationMessagePolicy');
  for (const list of ['command', 'args']) {
    const items = readList(out, container[list], child(field, list));
    if (items) for (let i = 0; i < items.length; i++) readString(out, items[i], index(child(field, list), i));
  }
  readString(out, container.workingDir, child(field, 'workingDir'));
  checkContainerPorts(out, container.ports, child(field, 'ports'), facts);
  checkEnv(out, container.env, child(field, 'env'));
  checkEnvFrom(out, container.envFrom, child(field, 'envFrom'));
  checkResources(out, container.resources, child(field, 'resources'));
  // An init container with restartPolicy: Always is a sidecar (SidecarContainers beta, on by default
  // from 1.29): it keeps running beside the app containers, so it may have probes and hooks.
  const sidecar = minorOf(out) >= SIDECAR_MINOR && container.restartPolicy === 'Always';
  const targets: Array<HandlerPort & { probe?: boolean }> = [];
  for (const probe of PROBES) {
    if (container[probe] === undefined || container[probe] === null) continue;
    if (context.init && !sidecar) {
      // validateInitContainers: "must not be set for init containers" (without restartPolicy: Always from 1.29).
      report(out, child(field, probe), `${probe} may not be set on an init container`, 'remove it: an init container runs to completion before the pod starts');
      continue;
    }
    const port = checkProbe(out, container[probe], child(field, probe), probe);
    if (port) targets.push({ ...port, probe: true });
  }
  if (container.lifecycle !== undefined && container.lifecycle !== null) {
    if (context.init && !sidecar) report(out, child(field, 'lifecycle'), 'lifecycle may not be set on an init container', 'remove it');
    else targets.push(...checkLifecycle(out, container.lifecycle, child(field, 'lifecycle'), context.gracePeriodSeconds ?? 30));
  }
  // A named port that the container does not declare can never be resolved: the probe or hook fails.
  for (const target of targets) {
    if (typeof target.port === 'string' && !facts.portNames.includes(target.port)) {
      const names = facts.portNames;
      report(out, target.field, `port ${show(target.port)} is not declared by this container, so the kubelet cannot resolve it and the check always fails`,
        names.length ? `use one of the declared port names (${names.map((n) => JSON.stringify(n)).join(', ')}) or a port number` : `declare it in ports ` +
          `(e.g. { name: ${JSON.stringify(target.port)}, containerPort: 8080 }) or use a port number`, target.probe ? 'probe-port-undeclared' : undefined);
    }
  }
  checkSecurityContext(out, container.securityContext, child(field, 'securityContext'));
  if (context.volumeNames) checkVolumeMounts(out, container.volumeMounts, child(field, 'volumeMounts'), context.volumeNames);
  return container;
}

/**
 * Findings for one container: name, image, ports, env, envFrom, resources, probes and hooks, and
 * (when the pod's volume names are given) its volume mounts.
 */
export function validateContainer(container: unknown, field = 'container', volumeNames?: Iterable<string>): Findings {
  return findings((out) => checkContainer(out, container, field, newFacts(), { volumeNames: volumeNames ? new Set(volumeNames) : undefined }));
}

/** Fresh facts for one container. */
export function newFacts(name?: string): ContainerFacts {
  return { name, portNames: [], portKeys: [], hostPorts: [] };
}
