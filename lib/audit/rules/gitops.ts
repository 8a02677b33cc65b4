import { HELM_HOOK_ANNOTATION, HOOK_ANNOTATION, SYNC_OPTIONS_ANNOTATION, SYNC_WAVE_ANNOTATION } from '../../grammar/argocd';
import { asObject, asString, at, Fields, objectsOf } from '../../grammar/json';
import { parseImage } from '../../policy/image';
import { annotationsOf, AuditContext, Manifest, nameOf, namespaceOf, objectRef } from '../model';
import { Rule } from '../rule';

const TEMPLATE_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'];

/**
 * The pod spec of any pod-creating object, with its field path. Read type-safely: a malformed field is
 * the invalid-field rule's to report, never a crash here.
 */
function podSpecOf(m: Manifest): { spec: Fields; path: string } | undefined {
  const path = m.kind === 'Pod' ? 'spec' : m.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec'
    : TEMPLATE_KINDS.includes(asString(m.kind) ?? '') ? 'spec.template.spec' : undefined;
  if (path === undefined) return undefined;
  const spec = asObject(at(m, ...path.split('.')));
  return spec ? { spec, path } : undefined;
}

/** The object's Argo CD sync wave (0 when unannotated, as Argo CD counts it). */
function waveOf(m: Manifest): number {
  const wave = Number.parseInt(annotationsOf(m)[SYNC_WAVE_ANNOTATION] ?? '0', 10);
  return Number.isNaN(wave) ? 0 : wave;
}

/**
 * True when the set is deployed by Argo CD: it holds an Application, or any object carries an
 * argocd.argoproj.io annotation (sync waves, hooks, sync options). Plain manifests without either are
 * not judged by the Argo CD rules.
 */
export function isUnderArgoCd(manifests: readonly Manifest[]): boolean {
  return manifests.some((m) => m.kind === 'Application' && asString(m.apiVersion)?.startsWith('argoproj.io/'))
    || manifests.some((m) => Object.keys(annotationsOf(m)).some((a) => a.startsWith('argocd.argoproj.io/')));
}

/** Claims mounted by each pod-creating object: `namespace/claim` to the consumers. */
function consumersByClaim(manifests: readonly Manifest[]): Map<string, Manifest[]> {
  const byClaim = new Map<string, Manifest[]>();
  for (const m of manifests) {
    for (const { item: v } of objectsOf(podSpecOf(m)?.spec.volumes)) {
      const claim = asString(at(v, 'persistentVolumeClaim', 'claimName'));
      if (!claim) continue;
      const key = `${namespaceOf(m)}/${claim}`;
      byClaim.set(key, [...(byClaim.get(key) ?? []), m]);
    }
  }
  return byClaim;
}

/**
 * True when Argo CD applies the object in the Sync phase, ordered by its wave: a managed object, or a hook
 * whose phases include Sync. PreSync hooks run before every wave, PostSync and SyncFail hooks after; of
 * Helm's hooks (read when there is no Argo CD hook annotation) only crd-install is a managed object.
 */
function inSyncPhase(m: Manifest): boolean {
  const annotations = annotationsOf(m);
  const list = (value: string) => value.split(',').map((p) => p.trim());
  const hook = annotations[HOOK_ANNOTATION];
  if (hook !== undefined) return list(hook).includes('Sync');
  const helm = annotations[HELM_HOOK_ANNOTATION];
  return helm === undefined || list(helm).includes('crd-install');
}

/** The StorageClass binding mode a claim gets, when the input says: its class's volumeBindingMode (default Immediate), or the default class's. */
function bindingModeOf(ctx: AuditContext, claim: Manifest): string | undefined {
  const className = at(claim, 'spec', 'storageClassName');
  const classes = ctx.manifests.filter((m) => m.kind === 'StorageClass' && asString(m.apiVersion) === 'storage.k8s.io/v1');
  const storageClass = className === undefined
    ? classes.find((c) => annotationsOf(c)['storageclass.kubernetes.io/is-default-class'] === 'true')
    : classes.find((c) => nameOf(c) === className);
  return storageClass ? asString(storageClass.volumeBindingMode) ?? 'Immediate' : undefined;
}

/** Paths the official WordPress images serve core from. */
const WORDPRESS_DOCROOTS = ['/var/www/html', '/var/www/html/'];
/** Volume sources that live only as long as the pod, or are read-only configuration. */
const EPHEMERAL_SOURCES = ['emptyDir', 'configMap', 'secret', 'downwardAPI', 'projected', 'ephemeral'];

/** The official wordpress image (Docker Hub's library/wordpress), whatever the registry mirror path. */
export function isOfficialWordpressImage(image: string | undefined): boolean {
  const repo = parseImage(image ?? '').repository;
  return /^((docker\.io|index\.docker\.io)\/)?(library\/)?wordpress$/.test(repo);
}

/** Rules that a GitOps sync or deletion keeps the data and completes, and that upgrades upgrade. */
export const gitopsRules: Rule[] = [
  {
    id: 'claim-wave-before-consumer',
    severity: 'error',
    summary: 'A claim in an earlier Argo CD sync wave than its first consumer never binds on WaitForFirstConsumer storage, so the sync hangs.',
    check: (ctx) => {
      if (!isUnderArgoCd(ctx.manifests)) return [];
      const consumers = consumersByClaim(ctx.manifests);
      return ctx.manifests.filter((m) => m.kind === 'PersistentVolumeClaim').flatMap((claim) => {
        const users = consumers.get(`${namespaceOf(claim)}/${nameOf(claim)}`) ?? [];
        if (users.length === 0) return [];
        const first = users.reduce((a, b) => (waveOf(b) < waveOf(a) ? b : a));
        return waveOf(claim) < waveOf(first) ? [{
          manifest: claim, field: `metadata.annotations[${SYNC_WAVE_ANNOTATION}]`,
          message: `the claim is in sync wave ${waveOf(claim)} but its first consumer ${objectRef(first)} is in wave ${waveOf(first)}: on a WaitForFirstConsumer ` +
            `StorageClass the claim stays Pending, Argo CD reports it Progressing, and wave ${waveOf(claim)} never completes`,
          fix: `put the claim in wave ${waveOf(first)}, the wave of the first workload that mounts it`,
        }] : [];
      });
    },
  },
  {
    id: 'cronjob-claim-blocks-later-waves',
    severity: 'warning',
    summary: 'A claim only CronJobs mount stays Pending until their first run on WaitForFirstConsumer storage: in an early wave it holds up every later one.',
    fix: 'put the claim and its CronJobs in the last sync wave, or bind it at once (volumeName, or an Immediate StorageClass)',
    check: (ctx) => {
      if (!isUnderArgoCd(ctx.manifests)) return [];
      const consumers = consumersByClaim(ctx.manifests);
      const synced = ctx.manifests.filter(inSyncPhase);
      return ctx.manifests.filter((m) => m.kind === 'PersistentVolumeClaim' && inSyncPhase(m)).flatMap((claim) => {
        const users = consumers.get(`${namespaceOf(claim)}/${nameOf(claim)}`) ?? [];
        if (users.length === 0 || users.some((u) => u.kind !== 'CronJob')) return [];
        // A consumer in a later wave is claim-wave-before-consumer's finding.
        if (users.some((u) => waveOf(u) > waveOf(claim))) return [];
        // A pre-bound claim, or one whose class binds at once, is Bound (Healthy) without a pod.
        if (asString(at(claim, 'spec', 'volumeName'))) return [];
        if (at(claim, 'spec', 'storageClassName') === '' || bindingModeOf(ctx, claim) === 'Immediate') return [];
        const later = synced.filter((m) => waveOf(m) > waveOf(claim));
        if (later.length === 0) return [];
        const next = later.reduce((a, b) => (waveOf(b) < waveOf(a) ? b : a));
        const last = Math.max(...later.map(waveOf));
        return [{
          manifest: claim, field: `metadata.annotations[${SYNC_WAVE_ANNOTATION}]`,
          message: `only CronJobs (${users.map(objectRef).join(', ')}) mount the claim: on a WaitForFirstConsumer StorageClass it stays Pending until their ` +
            `first scheduled run, Argo CD reports a Pending claim Progressing, and wave ${waveOf(claim)} holds up ${objectRef(next)} (wave ${waveOf(next)}) ` +
            `and every later wave until then`,
          fix: `put the claim and its CronJobs in wave ${last}, the last, or pre-bind it (spec.volumeName) or use a StorageClass with volumeBindingMode Immediate`,
        }];
      });
    },
  },
  {
    id: 'argocd-delete-unprotected',
    severity: 'error',
    summary: 'Under Argo CD, a claim or Namespace without Delete=false,Prune=false is deleted with its Application or when it leaves Git.',
    check: (ctx) => {
      if (!isUnderArgoCd(ctx.manifests)) return [];
      return ctx.manifests.filter((m) => m.kind === 'PersistentVolumeClaim' || m.kind === 'Namespace').flatMap((m) => {
        const options = (annotationsOf(m)[SYNC_OPTIONS_ANNOTATION] ?? '').split(',').map((o) => o.trim());
        const missing = ['Delete=false', 'Prune=false'].filter((o) => !options.includes(o));
        if (missing.length === 0) return [];
        const holds = m.kind === 'Namespace' ? 'every claim in the namespace' : 'the volume';
        return [{
          manifest: m, field: `metadata.annotations[${SYNC_OPTIONS_ANNOTATION}]`,
          message: `has no ${missing.join(',')}: deleting or renaming the Argo CD Application (with its resources finalizer), or renaming the object in Git with prune on, ` +
            `deletes it and ${holds}`,
          fix: `annotate it ${SYNC_OPTIONS_ANNOTATION}: "Delete=false,Prune=false"`,
        }];
      });
    },
  },
  {
    id: 'wordpress-whole-docroot-volume',
    severity: 'error',
    summary: 'A persistent volume over the whole WordPress docroot keeps the first image\'s core: upgrades and rollbacks of the image change nothing.',
    check: (ctx) => ctx.manifests.flatMap((m) => {
      const pod = podSpecOf(m);
      if (!pod) return [];
      const persistent = new Set(objectsOf(pod.spec.volumes).filter(({ item: v }) => v.name && !EPHEMERAL_SOURCES.some((s) => v[s] !== undefined)).map(({ item: v }) => v.name));
      return objectsOf(pod.spec.containers).flatMap(({ item: c, index: i }) => {
        if (!isOfficialWordpressImage(asString(c.image))) return [];
        return objectsOf(c.volumeMounts).flatMap(({ item: mount, index: j }) => (WORDPRESS_DOCROOTS.includes(asString(mount.mountPath) ?? '') && !mount.subPath
          && persistent.has(mount.name) ? [{
          manifest: m, field: `${pod.path}.containers[${i}].volumeMounts[${j}]`,
          message: `volume '${mount.name}' is mounted over ${mount.mountPath}: the image's entrypoint copies core there only when index.php and wp-includes/version.php are ` +
            `missing, so after the first start ${c.image} and every later image serve the first core, and WordPress's auto-updater rewrites it in place under every pod`,
          fix: 'mount the claim at /var/www/html/wp-content and give /var/www/html an emptyDir (WordpressApp does), so the image owns core',
        }] : []));
      });
    }),
  },
];
