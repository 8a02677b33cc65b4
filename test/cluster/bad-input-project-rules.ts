/**
 * Bad inputs the constructs refuse although the API server accepts the objects they would render:
 * the project's own rules (zero-downtime, security and runtime judgements), each with its reason.
 * test/cluster/bad-input-oracle.test.ts checks that the server does accept them.
 */
const ROLLOUT = 'a zero-downtime rule: the rollout or the drain would take every pod down at once, or never progress';
const SHUTDOWN = 'a graceful-shutdown rule: the pod would be killed before it drains its connections';
const PROBES = 'a probe rule: the probe would restart healthy pods, never pass, or never run';
const BUDGET = 'a disruption-budget rule: the budget would block every drain or protect nothing';
const SCALING = 'an autoscaling rule: the HPA could never scale, or would fight the fixed replica count';
const IMAGE = 'an image rule: the API server only refuses empty images and surrounding white space; the runtime cannot pull this reference, or it is not pinned';
const SECRETS = 'a security rule: a credential written into the manifest';
const RESOURCES = 'a resources rule: the pods would not get the QoS class the props ask for, or the value is a unit mistake';
const VERSION = 'a rule of the 1.27 target that Kubernetes later relaxed (the oracle runs 1.34, which accepts it)';
const RUNTIME = 'a runtime rule: the API server accepts it, but the kubelet or the container runtime cannot run it';
const REFERENCE = 'the referenced object can never exist under this name (its kind needs a DNS-1123 name), so the pod never starts';
const MYSQL = 'a MySQL rule: the server would refuse to start with this argument, or the root account would be shared';
const WORDPRESS = 'a WordPress rule: the site would not work as configured';
const TRAEFIK = "a Traefik rule: its CRD's schema accepts the value, but Traefik would never match the host or never get a certificate";
const ARGOCD = "an Argo CD rule: the Application CRD's schema accepts the value, but Argo CD would refuse to sync it or would prune nothing";

export const PROJECT_RULES: Record<string, string> = {
  'ZeroDowntimeDeployment: percentages that round to 0': ROLLOUT,
  'ZeroDowntimeDeployment: maxUnavailable >= replicas': ROLLOUT,
  'ZeroDowntimeDeployment: one replica without opt-in': ROLLOUT,
  'ZeroDowntimeDeployment: ReadWriteOnce claim on a surging rollout': ROLLOUT,
  'ZeroDowntimeDeployment: preStop sleep equal to the grace period': SHUTDOWN,
  'ZeroDowntimeDeployment: preStop sleep above the grace period': SHUTDOWN,
  'ZeroDowntimeDeployment: grace below preStop + shutdown budget': SHUTDOWN,
  'ZeroDowntimeDeployment: shutdownBudgetSeconds 0': SHUTDOWN,
  'ZeroDowntimeDeployment: httpGet preStop on an undeclared port': SHUTDOWN,
  'ZeroDowntimeDeployment: httpGet preStop on an undeclared port name': SHUTDOWN,
  'ZeroDowntimeDeployment: command preStop that does not wait': SHUTDOWN,
  'ZeroDowntimeDeployment: command preStop that waits less than it declares': SHUTDOWN,
  'ZeroDowntimeDeployment: preStop of 0 seconds': SHUTDOWN,
  'ZeroDowntimeDeployment: liveness identical to readiness': PROBES,
  'ZeroDowntimeDeployment: liveness identical to readiness, port by number': PROBES,
  'ZeroDowntimeDeployment: tcp liveness identical to tcp readiness by name': PROBES,
  'ZeroDowntimeDeployment: probe on an undeclared port': PROBES,
  'ZeroDowntimeDeployment: probe on an undeclared port name': PROBES,
  'ZeroDowntimeDeployment: empty exec probe command': PROBES,
  'ZeroDowntimeDeployment: PDB minAvailable >= replicas': BUDGET,
  'ZeroDowntimeDeployment: PDB maxUnavailable 0': BUDGET,
  'ZeroDowntimeDeployment: PDB that protects nothing': BUDGET,
  'ZeroDowntimeDeployment: PDB empty': BUDGET,
  'ZeroDowntimeDeployment: HPA min == max': SCALING,
  'ZeroDowntimeDeployment: HPA min 1 without opt-in': SCALING,
  'ZeroDowntimeDeployment: HPA cpu 150% on Guaranteed pods': SCALING,
  'ZeroDowntimeDeployment: HPA memory 120% on Guaranteed pods': SCALING,
  'ZeroDowntimeDeployment: replicas with autoscaling': SCALING,
  'ZeroDowntimeDeployment: image without a tag': IMAGE,
  'ZeroDowntimeDeployment: image :latest': IMAGE,
  'ZeroDowntimeDeployment: registry:port/app counts as untagged': IMAGE,
  'ZeroDowntimeDeployment: image with white space': IMAGE,
  'ZeroDowntimeDeployment: malformed digest': IMAGE,
  'ZeroDowntimeDeployment: image repository in capitals': IMAGE,
  'ZeroDowntimeDeployment: image with a scheme': IMAGE,
  'ZeroDowntimeDeployment: image with two digests': IMAGE,
  'ZeroDowntimeDeployment: literal password in env': SECRETS,
  'ZeroDowntimeDeployment: literal STRIPE_KEY': SECRETS,
  'ZeroDowntimeDeployment: literal API_TOKEN': SECRETS,
  'ZeroDowntimeDeployment: memory 256m (0.256 bytes)': RESOURCES,
  'ZeroDowntimeDeployment: Guaranteed with a missing limit': RESOURCES,
  'ZeroDowntimeDeployment: Guaranteed with request != limit': RESOURCES,
  'ZeroDowntimeDeployment: Burstable without a memory request': RESOURCES,
  'ZeroDowntimeDeployment: native sleep preStop for a 1.27 cluster': VERSION,
  'ZeroDowntimeDeployment: env name starting with a digit': VERSION,
  'ZeroDowntimeDeployment: no source for a volume': 'a props rule: a volume names its source (the API server would quietly make it an emptyDir)',
  'ZeroDowntimeDeployment: relative mount path': RUNTIME,
  'ZeroDowntimeDeployment: secret volume with a Secret name in capitals': REFERENCE,
  'ZeroDowntimeDeployment: claim name with an underscore': REFERENCE,
  'WordpressApp: databaseUser root': MYSQL,
  'WordpressApp: databaseUser ROOT': MYSQL,
  'WordpressApp: mysql:8.4.3 with the removed auth-plugin argument': MYSQL,
  'WordpressApp: mysql:8 (8.4 today) with the removed auth-plugin argument': MYSQL,
  'WordpressApp: unpinned MySQL image': IMAGE,
  'WordpressApp: localDevPasswords without the opt-in': SECRETS,
  'WordpressApp: replicas with autoscaling': SCALING,
  'WordpressApp: HPA cpu 150% on the Guaranteed WordPress pods': SCALING,
  'WordpressApp: ReadWriteOnce files volume': ROLLOUT,
  'WordpressApp: extraEnv overriding WORDPRESS_DB_HOST': WORDPRESS,
  'WordpressApp: WordPress memory 150m': RESOURCES,
  'MysqlDatabase: mysql:8 with the auth-plugin argument': MYSQL,
  'MysqlDatabase: mysql:lts with the auth-plugin argument': MYSQL,
  'MysqlDatabase: user root': MYSQL,
  'MysqlDatabase: terminationGracePeriodSeconds 0': SHUTDOWN,
  'WordpressApp: ingress host with a scheme': TRAEFIK,
  'WordpressApp: ingress without certResolver': TRAEFIK,
  'ArgoCdApplication: repoURL without a scheme': ARGOCD,
  'ArgoCdApplication: absolute path': ARGOCD,
  'ArgoCdApplication: path leaving the repository': ARGOCD,
  'ArgoCdApplication: prune without automated sync': ARGOCD,
};
