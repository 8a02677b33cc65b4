import { HOOK_ANNOTATION, SYNC_OPTIONS_ANNOTATION } from './argocd-annotations';

/** A manifest as plain data. */
export interface GitOpsObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly annotations?: Record<string, string> };
  /** Read for a StatefulSet's claim retention; other kinds' specs pass through unread. */
  readonly spec?: { readonly persistentVolumeClaimRetentionPolicy?: { readonly whenDeleted?: string } };
}

/** group/Kind/namespace/name: how Argo CD tells managed objects apart. */
export function objectKey(m: GitOpsObject): string {
  const group = m.apiVersion?.includes('/') ? m.apiVersion.split('/')[0] : '';
  return `${group}/${m.kind}/${m.metadata?.namespace ?? ''}/${m.metadata?.name}`;
}

function syncOptions(m: GitOpsObject): string[] {
  return (m.metadata?.annotations?.[SYNC_OPTIONS_ANNOTATION] ?? '').split(',').map((o) => o.trim());
}

/** Hooks are run, not managed: Argo CD never prunes them or deletes them with the Application. */
function isHook(m: GitOpsObject): boolean {
  return m.metadata?.annotations?.[HOOK_ANNOTATION] !== undefined;
}

/**
 * True for objects whose deletion loses data: claims and volumes, a Namespace (deleting it deletes every
 * claim in it), and a StatefulSet whose claims are deleted with it.
 */
export function holdsData(m: GitOpsObject): boolean {
  return ['PersistentVolumeClaim', 'PersistentVolume', 'Namespace'].includes(m.kind ?? '')
    || (m.kind === 'StatefulSet' && m.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete');
}

/**
 * The objects Argo CD deletes when the Application that manages `managed` is deleted: all of them with
 * the resources finalizer (a cascading delete), except those marked Delete=false; none without it.
 */
export function deletedWithApplication(managed: readonly GitOpsObject[], resourcesFinalizer: boolean): GitOpsObject[] {
  if (!resourcesFinalizer) return [];
  return managed.filter((m) => !isHook(m) && !syncOptions(m).includes('Delete=false'));
}

/**
 * The objects an automated sync with prune deletes when Git changes from `before` to `after`: those no
 * longer in Git, except those marked Prune=false; none when prune is off (Argo CD reports them OutOfSync).
 */
export function prunedBySync(before: readonly GitOpsObject[], after: readonly GitOpsObject[], prune: boolean): GitOpsObject[] {
  if (!prune) return [];
  const remaining = new Set(after.map(objectKey));
  return before.filter((m) => !isHook(m) && !remaining.has(objectKey(m)) && !syncOptions(m).includes('Prune=false'));
}
