import { Chart, JsonPatch } from 'cdk8s';
import {
  ArgoCdApplication, ArgoCdApplicationProps, guaranteedResources, HttpsIngress, MysqlDatabase, MysqlDatabaseProps, PreStop, Probe, QosClass,
  WordpressApp, WordpressAppProps, ZeroDowntimeDeployment, ZeroDowntimeDeploymentProps,
} from '../../lib';
import { baseProps } from '../helpers';

/** One input a user could plausibly write: what it builds, and the prop the refusal must name. */
export interface BadInput {
  readonly title: string;
  readonly build: (chart: Chart) => void;
  /** The prop path the report must name, as `prop = value`. */
  readonly prop: string;
}

/** A legitimate but unusual input that must synthesize. */
export interface LegitInput {
  readonly title: string;
  readonly build: (chart: Chart) => void;
}

type Loose = Record<string, unknown>;
const any = (v: unknown) => v as any;

const zdd = (title: string, overrides: Loose, prop: string): BadInput => ({
  title: `ZeroDowntimeDeployment: ${title}`,
  build: (c) => new ZeroDowntimeDeployment(c, 'web', { ...baseProps(), ...overrides } as ZeroDowntimeDeploymentProps),
  prop,
});
const raw = (title: string, props: unknown, prop: string): BadInput => ({
  title: `ZeroDowntimeDeployment: ${title}`,
  build: (c) => new ZeroDowntimeDeployment(c, 'web', props as ZeroDowntimeDeploymentProps),
  prop,
});
const wp = (title: string, props: Loose, prop: string): BadInput => ({
  title: `WordpressApp: ${title}`,
  // A site URL unless the case is about the props' shape, so that each case is refused for its own prop.
  build: (c) => new WordpressApp(c, 'blog', (props !== null && typeof props === 'object' && !Array.isArray(props) ? { siteUrl: 'https://blog.example.com', storage: { storageClassName: 'rook-cephfs' }, ...props } : props) as WordpressAppProps),
  prop,
});
export const argo: ArgoCdApplicationProps = { name: 'wordpress', repoURL: 'https://github.com/acme/gitops.git', path: 'dist', destinationNamespace: 'shop', resourcesFinalizer: true };
const argocd = (title: string, overrides: Loose, prop: string): BadInput => ({
  title: `ArgoCdApplication: ${title}`,
  build: (c) => new ArgoCdApplication(c, 'app', { ...argo, ...overrides } as ArgoCdApplicationProps),
  prop,
});
export const mysqlProps: MysqlDatabaseProps = { name: 'db', database: 'app', user: 'app', credentials: { secretName: 'db', passwordKey: 'pw', rootPasswordKey: 'root' } };
const mysql = (title: string, overrides: Loose, prop: string): BadInput => ({
  title: `MysqlDatabase: ${title}`,
  build: (c) => new MysqlDatabase(c, 'db', { ...mysqlProps, ...overrides } as MysqlDatabaseProps),
  prop,
});
const traefik = (props: Loose) => HttpsIngress.traefik(props as any);
const volume = (overrides: Loose = {}, source: Loose = { emptyDir: {} }) => ({ name: 'data', mountPath: '/data', source, ...overrides });
const sha = 'a'.repeat(64);

export const BAD_INPUTS: BadInput[] = [
  // Misspelled and unknown props, silently ignored without a runtime check.
  zdd('misspelled terminationGracePeriodSecond', { terminationGracePeriodSecond: 90 }, 'terminationGracePeriodSecond'),
  zdd('misspelled readinesProbe', { readinesProbe: Probe.tcpSocket() }, 'readinesProbe'),
  zdd('replica for replicas', { replica: 3 }, 'replica'),
  zdd('rollout.maxSurges', { rollout: { maxSurges: 1 } }, 'rollout.maxSurges'),
  zdd('autoscaling.cpuUtilisation', { autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilisation: 70 } }, 'autoscaling.cpuUtilisation'),
  zdd('service.nodeport', { service: { type: 'NodePort', nodeport: 30080 } }, 'service.nodeport'),
  zdd('spread.podAntiAfinity', { spread: { podAntiAfinity: 'required' } }, 'spread.podAntiAfinity'),
  zdd('resources.request', { resources: { request: { cpu: '1' }, limits: { cpu: '1', memory: '1Gi' } } }, 'resources.request'),
  zdd('volumes[0].mountpath', { volumes: [{ name: 'data', mountpath: '/data', source: { emptyDir: {} } }] }, 'volumes[0].mountpath'),
  zdd('disruptionBudget.maxUnavailible', { disruptionBudget: { maxUnavailible: 1 } }, 'disruptionBudget.maxUnavailible'),
  zdd('env secretKeyRef.secret', { env: { DB_PASSWORD: { secretKeyRef: { secret: 'db', key: 'pw' } } } }, 'env.DB_PASSWORD.secretKeyRef.secret'),
  zdd('imagePulPolicy', { imagePulPolicy: 'Always' }, 'imagePulPolicy'),
  zdd('a prop of another construct (databaseUser)', { databaseUser: 'app' }, 'databaseUser'),
  zdd('Probe option pth', { readinessProbe: Probe.httpGet(any({ pth: '/ready' })) }, 'readinessProbe.pth'),
  zdd('Probe option timeout', { readinessProbe: Probe.tcpSocket(any({ timeout: 5 })) }, 'readinessProbe.timeout'),
  zdd('PreStop.httpGet option durationSecond', { preStop: PreStop.httpGet(any({ path: '/drain', durationSecond: 20 })) }, 'preStop.durationSecond'),
  wp('replica for replicas', { replica: 3 }, 'replica'),
  wp('mysql.imag', { mysql: { imag: 'mysql:8.4.3' } }, 'mysql.imag'),
  wp('storage.sizee', { storage: { sizee: '5Gi' } }, 'storage.sizee'),
  wp('ingress option entryPoint', { ingress: traefik({ host: 'blog.example.com', certResolver: 'le', entryPoint: 'websecure' }) }, 'ingress.entryPoint'),
  wp('credentials.secret', { credentials: { secret: 'db', passwordKey: 'pw', rootPasswordKey: 'root' } }, 'credentials.secret'),
  argocd('repoUrl', { repoUrl: 'https://x/y.git' }, 'repoUrl'),
  argocd('selfheal', { selfheal: true }, 'selfheal'),
  mysql('databse', { databse: 'x' }, 'databse'),

  // String unions.
  zdd("service.type 'Nodeport'", { service: { type: 'Nodeport' } }, 'service.type'),
  zdd("imagePullPolicy 'always'", { imagePullPolicy: 'always' }, 'imagePullPolicy'),
  zdd("spread.podAntiAffinity 'requierd'", { spread: { podAntiAffinity: 'requierd' } }, 'spread.podAntiAffinity'),
  zdd("zoneSpreadWhenUnsatisfiable 'DoNotschedule'", { spread: { zoneSpread: true, zoneSpreadWhenUnsatisfiable: 'DoNotschedule' } }, 'spread.zoneSpreadWhenUnsatisfiable'),
  zdd("resources.qosClass 'guaranteed'", { resources: { ...guaranteedResources({ cpu: '1', memory: '1Gi' }), qosClass: 'guaranteed' } }, 'resources.qosClass'),
  zdd("accessMode 'RWO'", { volumes: [volume({}, { persistentVolumeClaim: { claimName: 'data', accessMode: 'RWO' } })] }, 'volumes[0].source.persistentVolumeClaim.accessMode'),
  zdd("emptyDir medium 'memory'", { volumes: [volume({}, { emptyDir: { medium: 'memory' } })] }, 'volumes[0].source.emptyDir.medium'),
  zdd("probe scheme 'https'", { readinessProbe: Probe.httpGet(any({ scheme: 'https' })) }, 'readinessProbe.scheme'),
  wp("serviceType 'nodeport'", { serviceType: 'nodeport' }, 'serviceType'),
  wp("storage.accessMode 'ReadWriteMany '", { storage: { accessMode: 'ReadWriteMany ' } }, 'storage.accessMode'),

  // Types of values that arrive from JavaScript or JSON.
  zdd("port '8080'", { port: '8080' }, 'port'),
  zdd("replicas '3'", { replicas: '3' }, 'replicas'),
  zdd('name 42', { name: 42 }, 'name'),
  zdd('image missing', { image: undefined }, 'image'),
  zdd('resources missing', { resources: undefined }, 'resources'),
  zdd('readinessProbe missing', { readinessProbe: undefined }, 'readinessProbe'),
  zdd('env value a number', { env: { WORKERS: 4 } }, 'env.WORKERS'),
  zdd('env value null', { env: { MODE: null } }, 'env.MODE'),
  zdd('label value a number', { labels: { tier: 1 } }, 'labels.tier'),
  zdd('command a string', { command: 'nginx -g "daemon off;"' }, 'command'),
  zdd('args with a number', { args: ['--workers', 4] }, 'args[1]'),
  zdd("allowLiteralSecrets 'true'", { allowLiteralSecrets: 'true' }, 'allowLiteralSecrets'),
  zdd("rollout.minReadySeconds '5'", { rollout: { minReadySeconds: '5' } }, 'rollout.minReadySeconds'),
  zdd('autoscaling true', { autoscaling: true }, 'autoscaling'),
  zdd("autoscaling.minReplicas '2'", { autoscaling: { minReplicas: '2', maxReplicas: 4 } }, 'autoscaling.minReplicas'),
  zdd('terminationGracePeriodSeconds NaN', { terminationGracePeriodSeconds: NaN }, 'terminationGracePeriodSeconds'),
  zdd('shutdownBudgetSeconds null', { shutdownBudgetSeconds: null }, 'shutdownBudgetSeconds'),
  zdd('volumes an object', { volumes: { data: '/data' } }, 'volumes'),
  zdd('disruptionBudget a number', { disruptionBudget: 1 }, 'disruptionBudget'),
  zdd('service a string', { service: 'ClusterIP' }, 'service'),
  zdd('annotations an array', { annotations: ['a=b'] }, 'annotations'),
  zdd('securityContext a string', { securityContext: 'privileged' }, 'securityContext'),
  zdd('cpu a number', { resources: guaranteedResources(any({ cpu: 0.5, memory: '1Gi' })) }, 'resources.requests.cpu'),
  zdd('maxSurge a boolean', { rollout: { maxSurge: true } }, 'rollout.maxSurge'),
  zdd('volume name missing', { volumes: [{ mountPath: '/data', source: { emptyDir: {} } }] }, 'volumes[0].name'),
  zdd('env fieldRef without fieldPath', { env: { POD: { fieldRef: {} } } }, 'env.POD.fieldRef.fieldPath'),
  raw('props null', null, '(props)'),
  raw('props undefined', undefined, '(props)'),
  raw('props an array', [baseProps()], '(props)'),
  raw('props a string', 'web', '(props)'),
  raw('props from JSON with a probe as data', JSON.parse(JSON.stringify({ ...baseProps() })), 'readinessProbe'),
  wp('name a number', { name: 5 }, 'name'),
  wp("replicas '2'", { replicas: '2' }, 'replicas'),
  wp("createNamespace 'no'", { createNamespace: 'no' }, 'createNamespace'),
  wp('localDevPasswords.password a number', { localDevPasswords: { password: 123, rootPassword: 'x' }, allowPasswordsInManifests: true }, 'localDevPasswords.password'),
  wp('credentials a string', { credentials: 'wordpress-db-pwd' }, 'credentials'),
  wp('extraEnv an array', { extraEnv: ['A=B'] }, 'extraEnv'),
  wp('mysql a string', { mysql: 'mysql:8.4.3' }, 'mysql'),
  wp('autoscaling.maxReplicas missing', { autoscaling: { minReplicas: 2 } }, 'autoscaling.maxReplicas'),
  wp('props null', null as unknown as Loose, '(props)'),
  argocd("automated 'true'", { automated: 'true' }, 'automated'),
  argocd('path a number', { path: 5 }, 'path'),
  argocd('repoURL missing', { repoURL: undefined }, 'repoURL'),
  mysql('credentials missing', { credentials: undefined }, 'credentials'),
  mysql('storageSize a number', { storageSize: 20 }, 'storageSize'),
  mysql('args a string', { args: '--skip-name-resolve' }, 'args'),

  // Raw objects where a Probe, PreStop or HttpsIngress is expected.
  zdd('raw readinessProbe', { readinessProbe: { httpGet: { path: '/ready', port: 8080 } } }, 'readinessProbe'),
  zdd('raw livenessProbe', { livenessProbe: { tcpSocket: { port: 'http' } } }, 'livenessProbe'),
  zdd('raw startupProbe', { startupProbe: { exec: { command: ['true'] } } }, 'startupProbe'),
  zdd('raw preStop', { preStop: { exec: { command: ['sleep', '20'] } } }, 'preStop'),
  zdd('the Probe class itself', { readinessProbe: Probe }, 'readinessProbe'),
  zdd('a string preStop', { preStop: 'sleep 20' }, 'preStop'),
  wp('raw ingress', { ingress: { host: 'blog.example.com', certResolver: 'le' } }, 'ingress'),

  // Factory arguments.
  zdd('Probe.exec with no command', { readinessProbe: Probe.exec([]) }, 'readinessProbe.command'),
  zdd('Probe.exec with a string', { readinessProbe: Probe.exec(any('cat /tmp/ready')) }, 'readinessProbe.command'),
  zdd('Probe.httpGet port a boolean', { readinessProbe: Probe.httpGet(any({ port: true })) }, 'readinessProbe.port'),
  zdd("Probe.tcpSocket periodSeconds '5'", { readinessProbe: Probe.tcpSocket(any({ periodSeconds: '5' })) }, 'readinessProbe.periodSeconds'),
  zdd('Probe.httpGet header value a number', { readinessProbe: Probe.httpGet(any({ httpHeaders: { 'X-Probe': 1 } })) }, 'readinessProbe.httpHeaders.X-Probe'),
  zdd("PreStop.sleep('20')", { preStop: PreStop.sleep(any('20')) }, 'preStop.seconds'),
  zdd('PreStop.nativeSleep()', { preStop: PreStop.nativeSleep(any(undefined)) }, 'preStop.seconds'),
  zdd('PreStop.command with a string', { preStop: PreStop.command(any('sleep 20'), 20) }, 'preStop.command'),
  zdd('PreStop.httpGet()', { preStop: PreStop.httpGet(any(undefined)) }, 'preStop'),
  zdd('PreStop.command with no seconds', { preStop: PreStop.command(['/bin/sh', '-c', 'sleep 20'], any(undefined)) }, 'preStop.durationSeconds'),

  // The rollout, shutdown, probe and disruption rules.
  zdd('maxSurge and maxUnavailable both 0', { rollout: { maxSurge: 0, maxUnavailable: 0 } }, 'rollout.maxSurge'),
  zdd('percentages that round to 0', { rollout: { maxSurge: '0%', maxUnavailable: '20%' } }, 'rollout.maxSurge'),
  zdd('maxUnavailable >= replicas', { rollout: { maxUnavailable: 3 } }, 'rollout.maxUnavailable'),
  zdd("maxUnavailable '150%'", { rollout: { maxUnavailable: '150%' } }, 'rollout.maxUnavailable'),
  zdd("maxSurge '1.5'", { rollout: { maxSurge: '1.5' } }, 'rollout.maxSurge'),
  zdd('preStop sleep equal to the grace period', { preStop: PreStop.sleep(10), terminationGracePeriodSeconds: 10 }, 'terminationGracePeriodSeconds'),
  zdd('preStop sleep above the grace period', { preStop: PreStop.sleep(40), terminationGracePeriodSeconds: 30 }, 'terminationGracePeriodSeconds'),
  zdd('grace below preStop + shutdown budget', { terminationGracePeriodSeconds: 25 }, 'terminationGracePeriodSeconds'),
  zdd('liveness identical to readiness', { livenessProbe: Probe.httpGet({ path: '/healthz' }) }, 'livenessProbe'),
  zdd('liveness identical to readiness, port by number', { livenessProbe: Probe.httpGet({ path: '/healthz', port: 8080 }) }, 'livenessProbe'),
  zdd('tcp liveness identical to tcp readiness by name', { readinessProbe: Probe.tcpSocket({ port: 8080 }), livenessProbe: Probe.tcpSocket() }, 'livenessProbe'),
  zdd('probe on an undeclared port', { readinessProbe: Probe.httpGet({ port: 9090 }) }, 'readinessProbe.httpGet.port'),
  zdd('probe on an undeclared port name', { startupProbe: Probe.tcpSocket({ port: 'metrics' }) }, 'startupProbe.tcpSocket.port'),
  zdd('liveness successThreshold 2', { livenessProbe: Probe.tcpSocket({ successThreshold: 2 }) }, 'livenessProbe.successThreshold'),
  // 0 is accepted: the API server reads it as the default (10 s).
  zdd('probe periodSeconds -1', { readinessProbe: Probe.httpGet({ periodSeconds: -1 }) }, 'readinessProbe.periodSeconds'),
  zdd('probe timeout 2.5', { readinessProbe: Probe.httpGet({ timeoutSeconds: 2.5 }) }, 'readinessProbe.timeoutSeconds'),
  zdd('PDB minAvailable >= replicas', { disruptionBudget: { minAvailable: 3 } }, 'disruptionBudget.minAvailable'),
  zdd('PDB maxUnavailable 0', { disruptionBudget: { maxUnavailable: 0 } }, 'disruptionBudget.maxUnavailable'),
  zdd('PDB with both fields', { disruptionBudget: { maxUnavailable: 1, minAvailable: 1 } }, 'disruptionBudget.minAvailable'),
  zdd('PDB that protects nothing', { disruptionBudget: { maxUnavailable: '100%' } }, 'disruptionBudget.maxUnavailable'),
  zdd('PDB empty', { disruptionBudget: {} }, 'disruptionBudget.maxUnavailable'),
  zdd('HPA min > max', { autoscaling: { minReplicas: 5, maxReplicas: 3 } }, 'autoscaling.maxReplicas'),
  zdd('HPA min == max', { autoscaling: { minReplicas: 3, maxReplicas: 3 } }, 'autoscaling.maxReplicas'),
  zdd('HPA min 1 without opt-in', { autoscaling: { minReplicas: 1, maxReplicas: 3 } }, 'autoscaling.minReplicas'),
  zdd('HPA cpu 150% on Guaranteed pods', { autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 150 } }, 'autoscaling.cpuUtilization'),
  zdd('HPA memory 120% on Guaranteed pods', { autoscaling: { minReplicas: 2, maxReplicas: 4, memoryUtilization: 120 } }, 'autoscaling.memoryUtilization'),
  zdd('HPA cpu 0', { autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 0 } }, 'autoscaling.cpuUtilization'),
  zdd('replicas with autoscaling', { replicas: 3, autoscaling: { minReplicas: 3, maxReplicas: 6 } }, 'replicas'),
  zdd('one replica without opt-in', { replicas: 1, disruptionBudget: { maxUnavailable: 1 } }, 'replicas'),
  zdd('replicas -1', { replicas: -1 }, 'replicas'),
  zdd(
    'ReadWriteOnce claim on a surging rollout',
    { volumes: [volume({}, { persistentVolumeClaim: { claimName: 'data', accessMode: 'ReadWriteOnce' } })] },
    'volumes[0].source.persistentVolumeClaim.accessMode',
  ),
  zdd('two volumes with one name', { volumes: [volume(), volume({ mountPath: '/other' })] }, 'volumes[1].name'),
  zdd('two sources for one volume', { volumes: [volume({}, { emptyDir: {}, configMap: { name: 'c' } })] }, 'volumes[0].source'),
  zdd('no source for a volume', { volumes: [volume({}, {})] }, 'volumes[0].source'),
  zdd('progressDeadline not above minReady', { rollout: { minReadySeconds: 600 } }, 'rollout.progressDeadlineSeconds'),
  zdd('negative minReadySeconds', { rollout: { minReadySeconds: -1 } }, 'rollout.minReadySeconds'),
  zdd('fractional revisionHistoryLimit', { rollout: { revisionHistoryLimit: 2.5 } }, 'rollout.revisionHistoryLimit'),
  zdd('shutdownBudgetSeconds 0', { shutdownBudgetSeconds: 0 }, 'shutdownBudgetSeconds'),

  // Images the runtime cannot pull or that are not pinned.
  zdd('image without a tag', { image: 'nginx' }, 'image'),
  zdd('image :latest', { image: 'nginx:latest' }, 'image'),
  zdd('registry:port/app counts as untagged', { image: 'registry.local:5000/app' }, 'image'),
  zdd('image with white space', { image: 'nginx :1.27' }, 'image'),
  zdd('empty image', { image: '' }, 'image'),
  zdd('malformed digest', { image: 'nginx@sha256:abc' }, 'image'),

  // Credentials, names and values the constructs can phrase in prop terms.
  zdd('literal password in env', { env: { DB_PASSWORD: 'hunter2' } }, 'env.DB_PASSWORD'),
  zdd('literal STRIPE_KEY', { env: { STRIPE_KEY: 'sk_live_abc' } }, 'env.STRIPE_KEY'),
  zdd('literal API_TOKEN', { env: { API_TOKEN: 't0k3n' } }, 'env.API_TOKEN'),
  zdd('name with an underscore', { name: 'web_1' }, 'name'),
  zdd('name in capitals', { name: 'Web' }, 'name'),
  zdd('name starting with a digit (Service: DNS-1035)', { name: '1web' }, 'name'),
  zdd('name of 64 characters', { name: `w${'e'.repeat(63)}` }, 'name'),
  zdd('port 0', { port: 0 }, 'port'),
  zdd('port 70000', { port: 70000 }, 'port'),
  zdd('portName in capitals', { portName: 'HTTP' }, 'portName'),
  zdd('portName of 16 characters', { portName: 'http-metrics-abc' }, 'portName'),
  zdd('portName only digits', { portName: '8080' }, 'portName'),
  zdd('portName with a double hyphen', { portName: 'a--b' }, 'portName'),
  zdd('portName ending in a hyphen', { portName: 'http-' }, 'portName'),
  zdd('memory 256m (0.256 bytes)', { resources: guaranteedResources({ cpu: '250m', memory: '256m' }) }, 'resources.requests.memory'),
  zdd('negative cpu', { resources: guaranteedResources({ cpu: '-1', memory: '1Gi' }) }, 'resources.requests.cpu'),
  zdd('cpu not a quantity', { resources: guaranteedResources({ cpu: 'two', memory: '1Gi' }) }, 'resources.requests.cpu'),
  zdd('Guaranteed with a missing limit', { resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '100m' } } }, 'resources.limits.memory'),
  zdd('Guaranteed with request != limit', { resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '200m', memory: '64Mi' } } }, 'resources.requests.cpu'),
  zdd('limit below request', { resources: { requests: { cpu: '1', memory: '64Mi' }, limits: { cpu: '500m' }, qosClass: QosClass.BURSTABLE } }, 'resources.limits.cpu'),
  zdd('Burstable without a memory request', { resources: { requests: { cpu: '1' }, qosClass: QosClass.BURSTABLE } }, 'resources.requests.memory'),
  zdd('service port 0', { service: { port: 0 } }, 'service.port'),
  zdd('service port 70000', { service: { port: 70000 } }, 'service.port'),
  zdd('nodePort on a ClusterIP Service', { service: { nodePort: 30080 } }, 'service.nodePort'),
  zdd('nodePort out of range', { service: { type: 'NodePort', nodePort: 80 } }, 'service.nodePort'),
  zdd('nodePort 40000', { service: { type: 'LoadBalancer', nodePort: 40000 } }, 'service.nodePort'),
  zdd('anti-affinity weight 0', { spread: { antiAffinityWeight: 0 } }, 'spread.antiAffinityWeight'),
  zdd('anti-affinity weight 101', { spread: { antiAffinityWeight: 101 } }, 'spread.antiAffinityWeight'),

  // preStop hooks that only look right.
  zdd('httpGet preStop on an undeclared port', { preStop: PreStop.httpGet({ path: '/drain', port: 9090, durationSeconds: 20 }) }, 'preStop.port'),
  zdd('httpGet preStop on an undeclared port name', { preStop: PreStop.httpGet({ path: '/drain', port: 'admin', durationSeconds: 20 }) }, 'preStop.port'),
  zdd('command preStop that does not wait', { preStop: PreStop.command(['nginx', '-s', 'quit'], 20) }, 'preStop'),
  zdd('command preStop that waits less than it declares', { preStop: PreStop.command(['/bin/sh', '-c', 'sleep 5'], 20) }, 'preStop'),
  zdd('native sleep preStop for a 1.27 cluster', { preStop: PreStop.nativeSleep(30) }, 'preStop'),
  wp('name of 47 characters (the MySQL StatefulSet name would be 53)', { name: `blog-${'x'.repeat(42)}` }, 'name'),
  zdd('preStop of 0 seconds', { preStop: PreStop.sleep(0) }, 'preStop (duration seconds)'),

  // What the API server rejects, found on the rendered objects and named by the prop that produced it.
  zdd('namespace in capitals', { namespace: 'Shop' }, 'namespace'),
  zdd('namespace with an underscore', { namespace: 'my_ns' }, 'namespace'),
  zdd('namespace of 64 characters', { namespace: `n${'s'.repeat(63)}` }, 'namespace'),
  zdd('label value with a space', { labels: { tier: 'front end' } }, 'labels.tier'),
  zdd('label value of 64 characters', { labels: { tier: 't'.repeat(64) } }, 'labels.tier'),
  zdd('label key with a space', { labels: { 'my tier': 'web' } }, 'labels.my tier'),
  zdd('component in capitals with a space', { component: 'Front End' }, 'component'),
  zdd('instance of 64 characters', { instance: `i${'x'.repeat(63)}` }, 'instance'),
  zdd('annotation key with a space', { annotations: { 'my note': 'x' } }, 'annotations.my note'),
  zdd('pod annotation key with two slashes', { podAnnotations: { 'a/b/c': 'x' } }, 'podAnnotations.a/b/c'),
  zdd('container name with an underscore', { containerName: 'web_1' }, 'containerName'),
  zdd('container name in capitals', { containerName: 'Web' }, 'containerName'),
  zdd('serviceAccountName with an underscore', { serviceAccountName: 'my_sa' }, 'serviceAccountName'),
  zdd('env name with =', { env: { 'A=B': 'x' } }, 'env.A=B'),
  zdd('env name starting with a digit', { env: { '1X': 'x' } }, 'env.1X'),
  zdd('env secretKeyRef to a Secret name in capitals', { env: { DB_PASSWORD: { secretKeyRef: { name: 'DB', key: 'password' } } } }, 'env.DB_PASSWORD'),
  zdd('env secretKeyRef key with a slash', { env: { DB_PASSWORD: { secretKeyRef: { name: 'db', key: 'a/b' } } } }, 'env.DB_PASSWORD'),
  zdd('env configMapKeyRef to an empty name', { env: { MODE: { configMapKeyRef: { name: '', key: 'mode' } } } }, 'env.MODE'),
  zdd('image repository in capitals', { image: 'Nginx:1.27.3' }, 'image'),
  zdd('image with a scheme', { image: 'https://ghcr.io/acme/api:1.0' }, 'image'),
  zdd('image with two digests', { image: `nginx@sha256:${sha}@sha256:${sha}` }, 'image'),
  zdd('image tag of 129 characters', { image: `nginx:${'1'.repeat(129)}` }, 'image'),
  zdd('empty exec probe command', { readinessProbe: Probe.exec(['']) }, 'readinessProbe'),
  zdd('invalid probe header name', { readinessProbe: Probe.httpGet({ httpHeaders: { 'Bad Header': 'x' } }) }, 'readinessProbe'),
  zdd("subPath '../etc'", { volumes: [volume({ subPath: '../etc' })] }, 'volumes[0]'),
  zdd('relative mount path', { volumes: [volume({ mountPath: 'data' })] }, 'volumes[0]'),
  zdd('empty mount path', { volumes: [volume({ mountPath: '' })] }, 'volumes[0]'),
  zdd('two mounts at one path', { volumes: [volume(), volume({ name: 'other' })] }, 'volumes[1]'),
  zdd('volume name with an underscore', { volumes: [volume({ name: 'my_data' })] }, 'volumes[0]'),
  zdd('secret volume with a Secret name in capitals', { volumes: [volume({}, { secret: { secretName: 'TLS' } })] }, 'volumes[0]'),
  zdd('claim name with an underscore', { volumes: [volume({}, { persistentVolumeClaim: { claimName: 'my_claim', accessMode: 'ReadWriteMany' } })] }, 'volumes[0]'),
  zdd('negative emptyDir sizeLimit', { volumes: [volume({}, { emptyDir: { sizeLimit: '-1Gi' } })] }, 'volumes[0]'),
  zdd('volume defaultMode 0o1000', { volumes: [volume({}, { configMap: { name: 'cfg', defaultMode: 0o1000 } })] }, 'volumes[0]'),
  zdd(
    'HPA stabilizationWindowSeconds 3601',
    { autoscaling: { minReplicas: 2, maxReplicas: 4, behavior: { scaleDown: { stabilizationWindowSeconds: 3601 } } } },
    'autoscaling.behavior',
  ),
  zdd(
    'HPA behavior policy with period 0',
    { autoscaling: { minReplicas: 2, maxReplicas: 4, behavior: { scaleUp: { policies: [{ type: 'Pods', value: 1, periodSeconds: 0 }] } } } },
    'autoscaling.behavior',
  ),
  zdd('HPA selectPolicy misspelled', { autoscaling: { minReplicas: 2, maxReplicas: 4, behavior: { scaleDown: { selectPolicy: 'max' } } } }, 'autoscaling.behavior'),
  zdd('securityContext runAsUser -1', { securityContext: { runAsUser: -1 } }, 'securityContext'),
  zdd('pod securityContext fsGroup a string', { podSecurityContext: { fsGroup: 'web' } }, 'podSecurityContext'),
  zdd('changeCause that makes the annotations 300 KiB', { changeCause: 'x'.repeat(300 * 1024) }, 'annotations'),

  // Objects two constructs render under one kind, namespace and name.
  {
    title: 'two ZeroDowntimeDeployments with one name in one namespace',
    build: (c) => {
      new ZeroDowntimeDeployment(c, 'a', baseProps({ name: 'api' }));
      new ZeroDowntimeDeployment(c, 'b', baseProps({ name: 'api' }));
    },
    prop: 'name',
  },
  {
    title: 'a ZeroDowntimeDeployment and a WordpressApp both rendering Deployment kube-example/wordpress',
    build: (c) => {
      new WordpressApp(c, 'blog', { siteUrl: 'https://blog.example.com', storage: { storageClassName: 'rook-cephfs' } });
      new ZeroDowntimeDeployment(c, 'w', baseProps({ name: 'wordpress', namespace: 'kube-example' }));
    },
    prop: 'name',
  },
  {
    title: 'two WordpressApps in one namespace',
    build: (c) => {
      new WordpressApp(c, 'a', { siteUrl: 'https://a.example.com', storage: { storageClassName: 'rook-cephfs' } });
      new WordpressApp(c, 'b', { siteUrl: 'https://b.example.com', createNamespace: false, storage: { storageClassName: 'rook-cephfs' } });
    },
    prop: 'name',
  },

  // WordpressApp and MysqlDatabase values that make no sense.
  wp('name of 50 characters (<name>-mysql-headless is 65)', { name: `blog-${'x'.repeat(45)}` }, 'name'),
  wp('databaseUser root', { databaseUser: 'root' }, 'databaseUser'),
  wp('databaseUser ROOT', { databaseUser: 'ROOT' }, 'databaseUser'),
  wp('localDevPasswords without the opt-in', { localDevPasswords: { password: 'a', rootPassword: 'b' } }, 'localDevPasswords'),
  wp('replicas with autoscaling', { replicas: 2, autoscaling: { minReplicas: 2, maxReplicas: 4 } }, 'replicas'),
  wp('ReadWriteOnce files volume', { storage: { accessMode: 'ReadWriteOnce' } }, 'storage.accessMode'),
  wp('extraEnv overriding WORDPRESS_DB_HOST', { extraEnv: { WORDPRESS_DB_HOST: 'other:3306' } }, 'extraEnv.WORDPRESS_DB_HOST'),
  wp('unpinned MySQL image', { mysql: { image: 'mysql' } }, 'image'),
  wp('mysql:8.4.3 with the removed auth-plugin argument', { mysql: { image: 'mysql:8.4.3', extraArgs: ['--default-authentication-plugin=mysql_native_password'] } }, 'args'),
  wp('mysql:8 (8.4 today) with the removed auth-plugin argument', { mysql: { image: 'mysql:8', extraArgs: ['--default-authentication-plugin=mysql_native_password'] } }, 'args'),
  wp('ingress host with a scheme', { ingress: HttpsIngress.traefik({ host: 'https://blog.example.com', certResolver: 'le' }) }, 'ingress.host'),
  wp('ingress without certResolver', { ingress: traefik({ host: 'blog.example.com' }) }, 'ingress.certResolver'),
  wp('HPA cpu 150% on the Guaranteed WordPress pods', { autoscaling: { minReplicas: 3, maxReplicas: 6, cpuUtilization: 150 } }, 'autoscaling.cpuUtilization'),
  wp('WordPress memory 150m', { resources: guaranteedResources({ cpu: '200m', memory: '150m' }) }, 'resources.requests.memory'),
  mysql('mysql:8 with the auth-plugin argument', { image: 'mysql:8', args: ['--default-authentication-plugin=mysql_native_password'] }, 'args'),
  mysql('mysql:lts with the auth-plugin argument', { image: 'mysql:lts', args: ['--default_authentication_plugin=mysql_native_password'] }, 'args'),
  mysql('user root', { user: 'root' }, 'user'),
  mysql('storageSize not a quantity', { storageSize: 'big' }, 'storageSize'),
  mysql('terminationGracePeriodSeconds 0', { terminationGracePeriodSeconds: 0 }, 'terminationGracePeriodSeconds'),
  mysql('empty secretName', { credentials: { secretName: '', passwordKey: 'pw', rootPasswordKey: 'root' } }, 'credentials.secretName'),
  argocd('repoURL without a scheme', { repoURL: 'github.com/acme/gitops' }, 'repoURL'),
  argocd('absolute path', { path: '/dist' }, 'path'),
  argocd('path leaving the repository', { path: '../dist' }, 'path'),
  argocd('prune without automated sync', { automated: false, prune: true }, 'prune/selfHeal'),
];

/** Objects changed after construction (escape hatches), checked on their final JSON. */
export const ESCAPE_HATCH_INPUTS: BadInput[] = [
  {
    title: 'addJsonPatch on the Deployment sets replicas to -1',
    build: (c) => {
      new ZeroDowntimeDeployment(c, 'web', baseProps()).deployment.addJsonPatch(JsonPatch.replace('/spec/replicas', -1));
    },
    prop: 'replicas',
  },
  {
    title: 'addJsonPatch on the Service adds a port named in capitals',
    build: (c) => {
      new ZeroDowntimeDeployment(c, 'web', baseProps()).service.addJsonPatch(JsonPatch.add('/spec/ports/-', { name: 'METRICS', port: 9090 }));
    },
    prop: 'Service spec.ports[1].name',
  },
  {
    title: 'addJsonPatch on the Deployment sets minReadySeconds to -5',
    build: (c) => {
      new ZeroDowntimeDeployment(c, 'web', baseProps()).deployment.addJsonPatch(JsonPatch.replace('/spec/minReadySeconds', -5));
    },
    prop: 'rollout.minReadySeconds',
  },
  {
    title: 'addJsonPatch on the Deployment adds a container port 70000',
    build: (c) => {
      new ZeroDowntimeDeployment(c, 'web', baseProps()).deployment.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/ports/-', { containerPort: 70000 }));
    },
    prop: 'Deployment spec.template.spec.containers[0].ports[1].containerPort',
  },
];

const legit = (title: string, overrides: Loose): LegitInput => ({
  title: `ZeroDowntimeDeployment: ${title}`,
  build: (c) => new ZeroDowntimeDeployment(c, 'web', { ...baseProps(), ...overrides } as ZeroDowntimeDeploymentProps),
});

export const LEGIT_INPUTS: LegitInput[] = [
  legit("maxSurge '150%'", { rollout: { maxSurge: '150%' } }),
  legit("maxSurge '100%', maxUnavailable '0%'", { rollout: { maxSurge: '100%', maxUnavailable: '0%' } }),
  legit('maxSurge 0 with maxUnavailable 1', { rollout: { maxSurge: 0, maxUnavailable: 1 } }),
  legit('image by digest only', { image: `nginx@sha256:${sha}` }),
  legit('image with tag and digest', { image: `nginx:1.27.3@sha256:${sha}` }),
  legit('image from a registry with a port', { image: 'registry.local:5000/team/app:2.0.1' }),
  legit('name of exactly 63 characters', { name: `w${'e'.repeat(62)}` }),
  legit('namespace with dashes', { namespace: 'team-a-prod' }),
  legit('unicode change cause', { changeCause: 'déploiement 1.2 — ünïcode' }),
  legit('prefixed label keys', { labels: { 'example.com/team': 'payments', tier: 'backend' } }),
  legit('env from configMapKeyRef and fieldRef', { env: { MODE: { configMapKeyRef: { name: 'cfg', key: 'mode' } }, POD_NAME: { fieldRef: { fieldPath: 'metadata.name' } } } }),
  legit('env literal with a non-credential KEY-like name', { env: { KEYCLOAK_URL: 'https://sso.example.com', MONKEY_MODE: 'on' } }),
  legit('empty env', { env: {} }),
  legit('command and args', { command: ['/app/server'], args: ['--port', '8080'] }),
  legit('secret, configMap and in-memory emptyDir volumes', {
    volumes: [
      { name: 'tls', mountPath: '/tls', readOnly: true, source: { secret: { secretName: 'web-tls', defaultMode: 0o400 } } },
      { name: 'cfg', mountPath: '/etc/app/app.yaml', subPath: 'app.yaml', source: { configMap: { name: 'web-config' } } },
      { name: 'cache', mountPath: '/cache', source: { emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } } },
    ],
  }),
  legit('ReadWriteMany claim on a surging rollout', { volumes: [volume({}, { persistentVolumeClaim: { claimName: 'shared', accessMode: 'ReadWriteMany' } })] }),
  legit('ReadWriteOnce claim with one pod that never surges', {
    volumes: [volume({}, { persistentVolumeClaim: { claimName: 'data', accessMode: 'ReadWriteOnce' } })],
    replicas: 1,
    allowSingleReplica: true,
    rollout: { maxSurge: 0, maxUnavailable: 1 },
    disruptionBudget: { maxUnavailable: 1 },
  }),
  legit('httpGet preStop on the named port', { preStop: PreStop.httpGet({ path: '/drain', durationSeconds: 20 }) }),
  legit('httpGet preStop on the declared port number', { preStop: PreStop.httpGet({ path: '/drain', port: 8080, durationSeconds: 20 }) }),
  legit('command preStop whose wait is visible', { preStop: PreStop.command(['/bin/sh', '-c', 'touch /tmp/draining && sleep 20'], 20) }),
  legit('exec probes and a startup probe', { startupProbe: Probe.exec(['cat', '/tmp/started'], { failureThreshold: 30 }), readinessProbe: Probe.exec(['cat', '/tmp/ready']) }),
  legit('liveness different from readiness', { livenessProbe: Probe.httpGet({ path: '/livez', failureThreshold: 6 }) }),
  legit('Burstable QoS asked for', { resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' }, qosClass: QosClass.BURSTABLE } }),
  legit('HPA on memory only', { autoscaling: { minReplicas: 2, maxReplicas: 5, memoryUtilization: 75 } }),
  legit('HPA above 100% on Burstable pods', {
    resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '1', memory: '64Mi' }, qosClass: QosClass.BURSTABLE },
    autoscaling: { minReplicas: 2, maxReplicas: 5, cpuUtilization: 150 },
  }),
  legit('HPA behavior with a 3600 s window', { autoscaling: { minReplicas: 2, maxReplicas: 5, behavior: { scaleDown: { stabilizationWindowSeconds: 3600 } } } }),
  legit("cpu '0.5' and memory '1Gi'", { resources: guaranteedResources({ cpu: '0.5', memory: '1Gi' }) }),
  legit('NodePort with a fixed node port', { service: { type: 'NodePort', port: 80, nodePort: 30080 } }),
  legit('LoadBalancer with annotations', { service: { type: 'LoadBalancer', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' } } }),
  legit('required anti-affinity, zone spread DoNotSchedule, weight 1', {
    spread: { podAntiAffinity: 'required', zoneSpread: true, zoneSpreadWhenUnsatisfiable: 'DoNotSchedule', antiAffinityWeight: 1 },
  }),
  legit('portName of 15 characters', { portName: 'http-metrics-ab' }),
  legit('grace period of an hour', { terminationGracePeriodSeconds: 3600 }),
  legit('explicit undefined for optional props', { namespace: undefined, replicas: undefined, rollout: { maxSurge: undefined } }),
  legit('props parsed from JSON with a Probe added', {
    ...JSON.parse(JSON.stringify({ name: 'web', image: 'nginx:1.27.3', port: 8080, resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } })),
    readinessProbe: Probe.tcpSocket(),
  }),
  legit('literal secret with allowLiteralSecrets', { env: { DB_PASSWORD: 'dev' }, allowLiteralSecrets: true }),
  // The longest name: the CronJob `<name>-db-restore` leaves 11 characters for its Jobs' suffix (52).
  { title: 'WordpressApp: name of 41 characters', build: (c) => new WordpressApp(c, 'blog', { siteUrl: 'https://blog.example.com', storage: { storageClassName: 'rook-cephfs' }, name: `blog-${'x'.repeat(36)}` }) },
  {
    title: 'WordpressApp: fixed replicas and a standard ingress',
    build: (c) => new WordpressApp(c, 'blog', {
      replicas: 2, storage: { storageClassName: 'rook-cephfs' }, ingress: HttpsIngress.standard({ host: 'blog.example.com', ingressClassName: 'nginx', tlsSecretName: 'blog-tls' }),
      ingressController: { namespace: 'ingress-nginx', podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
    }),
  },
  {
    title: 'WordpressApp: local passwords with the opt-in',
    build: (c) => new WordpressApp(c, 'blog', { siteUrl: 'https://blog.example.com', storage: { storageClassName: 'rook-cephfs' }, localDevPasswords: { password: 'a', rootPassword: 'b' }, allowPasswordsInManifests: true }),
  },
  {
    title: 'MysqlDatabase: mysql:8.0.40 keeps the auth-plugin argument',
    build: (c) => new MysqlDatabase(c, 'db', { ...mysqlProps, image: 'mysql:8.0.40', args: ['--default-authentication-plugin=mysql_native_password'] }),
  },
  { title: 'ArgoCdApplication: manual sync', build: (c) => new ArgoCdApplication(c, 'app', { ...argo, automated: false }) },
  {
    title: 'two ZeroDowntimeDeployments with one name in two namespaces',
    build: (c) => {
      new ZeroDowntimeDeployment(c, 'a', baseProps({ name: 'api', namespace: 'a' }));
      new ZeroDowntimeDeployment(c, 'b', baseProps({ name: 'api', namespace: 'b' }));
    },
  },
];
