import { ContainerList, containersIn } from '../grammar/pod';
import { Finding } from '../grammar/finding';

/** The Pod Security Standards levels, least to most restrictive. */
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

/** Capabilities baseline allows a container to add (the container runtimes' defaults). */
const BASELINE_CAPABILITIES = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
];
/** Sysctls baseline allows (the namespaced, safe set, as of Kubernetes 1.27). */
const SAFE_SYSCTLS = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range'];
/** Volume types restricted allows. */
const RESTRICTED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];

// The fields the levels read. The input is unchecked JSON, so each is optional and read defensively.
interface SecurityContext {
  readonly privileged?: boolean;
  readonly windowsOptions?: { readonly hostProcess?: boolean };
  readonly seccompProfile?: { readonly type?: string };
  readonly capabilities?: { readonly add?: readonly string[]; readonly drop?: readonly string[] };
  readonly procMount?: string;
  readonly allowPrivilegeEscalation?: boolean;
  readonly runAsNonRoot?: boolean;
  readonly runAsUser?: number;
  readonly sysctls?: ReadonlyArray<{ readonly name?: string }>;
}
interface Container { readonly name?: string; readonly securityContext?: SecurityContext; readonly ports?: ReadonlyArray<{ readonly hostPort?: number }> }
type PodSpec = { readonly [K in 'hostNetwork' | 'hostPID' | 'hostIPC']?: boolean } & { readonly [K in ContainerList]?: readonly Container[] } & {
  readonly securityContext?: SecurityContext;
  readonly volumes?: ReadonlyArray<Readonly<Record<string, unknown>>>;
};

/** Every container of the pod: Pod Security checks init and ephemeral containers too (non-mappings are skipped). */
function containersOf(pod: PodSpec | undefined): Array<{ c: Container; path: string }> {
  return containersIn(pod, ['initContainers', 'containers', 'ephemeralContainers']).map(({ container, path }) => ({ c: container as Container, path }));
}

/** What keeps a pod spec (plain JSON, as rendered) from the baseline level (Kubernetes 1.27's checks); empty when it meets it. */
export function baselineProblems(podSpec: unknown): Finding[] {
  const pod = podSpec as PodSpec | undefined;
  const f: Finding[] = [];
  const add = (field: string, problem: string, fix: string) => f.push({ field, problem, fix });
  for (const host of ['hostNetwork', 'hostPID', 'hostIPC'] as const) if (pod?.[host]) add(host, 'shares a host namespace', `drop ${host}`);
  if (pod?.securityContext?.windowsOptions?.hostProcess) add('securityContext.windowsOptions.hostProcess', 'runs as a Windows host process', 'drop it');
  if (pod?.securityContext?.seccompProfile?.type === 'Unconfined') add('securityContext.seccompProfile.type', 'is Unconfined', "use 'RuntimeDefault'");
  (pod?.securityContext?.sysctls ?? []).forEach((s, i) => {
    if (!SAFE_SYSCTLS.includes(String(s?.name))) add(`securityContext.sysctls[${i}]`, `${s?.name} is not a safe sysctl`, 'drop it');
  });
  (pod?.volumes ?? []).forEach((v, i) => { if (v?.hostPath) add(`volumes[${i}].hostPath`, 'mounts the node file system', 'use a claim or an emptyDir'); });
  for (const { c, path } of containersOf(pod)) {
    const sc = c.securityContext ?? {};
    if (sc.privileged) add(`${path}.securityContext.privileged`, 'is privileged', 'drop it');
    if (sc.windowsOptions?.hostProcess) add(`${path}.securityContext.windowsOptions.hostProcess`, 'runs as a Windows host process', 'drop it');
    const extra = (sc.capabilities?.add ?? []).filter((cap) => !BASELINE_CAPABILITIES.includes(cap));
    if (extra.length > 0) add(`${path}.securityContext.capabilities.add`, `adds ${extra.join(', ')}, beyond the runtime defaults`, 'drop them');
    if (sc.seccompProfile?.type === 'Unconfined') add(`${path}.securityContext.seccompProfile.type`, 'is Unconfined', "use 'RuntimeDefault'");
    if (sc.procMount !== undefined && sc.procMount !== 'Default') add(`${path}.securityContext.procMount`, 'unmasks /proc', 'drop it');
    (c.ports ?? []).forEach((p, j) => { if (p?.hostPort) add(`${path}.ports[${j}].hostPort`, 'binds a node port', 'use a Service'); });
  }
  return f;
}

/** What keeps a pod spec from the restricted level: baseline's checks and restricted's own. */
export function restrictedProblems(podSpec: unknown): Finding[] {
  const pod = podSpec as PodSpec | undefined;
  const f = baselineProblems(pod);
  const add = (field: string, problem: string, fix: string) => f.push({ field, problem, fix });
  (pod?.volumes ?? []).forEach((v, i) => {
    const type = Object.keys(v ?? {}).find((k) => k !== 'name');
    if (type && !RESTRICTED_VOLUMES.includes(type)) add(`volumes[${i}]`, `is a ${type} volume`, `use one of ${RESTRICTED_VOLUMES.join(', ')}`);
  });
  const podSc = pod?.securityContext ?? {};
  if (podSc.runAsUser === 0) add('securityContext.runAsUser', 'is root', 'run as a non-zero user');
  for (const { c, path } of containersOf(pod)) {
    const sc = c.securityContext ?? {};
    if (sc.allowPrivilegeEscalation !== false) add(`${path}.securityContext.allowPrivilegeEscalation`, 'is not false', 'set it to false');
    if (!(sc.runAsNonRoot ?? podSc.runAsNonRoot)) add(`${path}.securityContext.runAsNonRoot`, 'is not true (nor on the pod)', 'set runAsNonRoot: true');
    if ((sc.runAsUser ?? podSc.runAsUser) === 0) add(`${path}.securityContext.runAsUser`, 'is root', 'run as a non-zero user');
    const seccomp = sc.seccompProfile?.type ?? podSc.seccompProfile?.type;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost')
      add(`${path}.securityContext.seccompProfile`, 'is not set (nor on the pod)', "set seccompProfile.type: 'RuntimeDefault'");
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) add(`${path}.securityContext.capabilities.drop`, 'does not drop ALL', "drop ['ALL']");
    const extra = (sc.capabilities?.add ?? []).filter((cap) => cap !== 'NET_BIND_SERVICE');
    if (extra.length > 0) add(`${path}.securityContext.capabilities.add`, `adds ${extra.join(', ')}; restricted allows only NET_BIND_SERVICE`, 'drop them');
  }
  return f;
}

/** The most restrictive level the pod spec meets. */
export function podSecurityLevel(podSpec: unknown): PodSecurityLevel {
  if (baselineProblems(podSpec).length > 0) return 'privileged';
  return restrictedProblems(podSpec).length > 0 ? 'baseline' : 'restricted';
}
