/** The annotations, sync options and finalizer Argo CD reads from plain manifests. */

/** The annotation Argo CD orders a sync by: lower waves are applied, and healthy, before higher ones. */
export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';
/** Argo CD's per-object sync options. */
export const SYNC_OPTIONS_ANNOTATION = 'argocd.argoproj.io/sync-options';
/** The sync options that keep an object when its Application is deleted or when it leaves Git. */
export const KEEP_ON_DELETE_AND_PRUNE = 'Delete=false,Prune=false';
/** Marks an object as a resource hook instead of a managed resource. */
export const HOOK_ANNOTATION = 'argocd.argoproj.io/hook';
/**
 * Helm's hook annotation. Helm deletes such an object before creating it again (before-hook-creation is
 * its default); Argo CD maps pre-install and pre-upgrade to PreSync, post-install and post-upgrade to
 * PostSync, treats crd-install as a managed object, and runs no other Helm hook.
 */
export const HELM_HOOK_ANNOTATION = 'helm.sh/hook';
/** When Argo CD deletes a hook object. */
export const HOOK_DELETE_POLICY_ANNOTATION = 'argocd.argoproj.io/hook-delete-policy';
/** The Application finalizer that makes deleting an Application delete what it deployed. */
export const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io';
