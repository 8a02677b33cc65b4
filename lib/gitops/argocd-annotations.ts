import { ApiObject } from 'cdk8s';
import { SYNC_WAVE_ANNOTATION } from './sync-waves';

/** Argo CD's per-object sync options. */
export const SYNC_OPTIONS_ANNOTATION = 'argocd.argoproj.io/sync-options';
/** The sync options that keep an object when its Application is deleted or when it leaves Git. */
export const KEEP_ON_DELETE_AND_PRUNE = 'Delete=false,Prune=false';
/** Marks an object as a resource hook instead of a managed resource. */
export const HOOK_ANNOTATION = 'argocd.argoproj.io/hook';
/** When Argo CD deletes a hook object. */
export const HOOK_DELETE_POLICY_ANNOTATION = 'argocd.argoproj.io/hook-delete-policy';
/** The Application finalizer that makes deleting an Application delete what it deployed. */
export const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io';

/** Argo CD sync phases a hook can run in. */
export enum HookPhase {
  /** Before the managed resources are applied. */
  PRE_SYNC = 'PreSync',
  /** With the managed resources, in its sync wave. */
  SYNC = 'Sync',
  /** After every managed resource is applied and healthy. */
  POST_SYNC = 'PostSync',
}

/** Keeps an object that holds data when its Application is deleted or it is removed from Git. */
export function keepOnDeleteAndPrune(object: ApiObject): void {
  object.metadata.addAnnotation(SYNC_OPTIONS_ANNOTATION, KEEP_ON_DELETE_AND_PRUNE);
}

/**
 * Makes an object an Argo CD hook of `phase` in `wave`. The previous run's object is deleted when the
 * next sync creates it again (BeforeHookCreation), so its logs stay readable until then. Plain
 * `kubectl apply` ignores these annotations and creates the object like any other.
 */
export function asHook(object: ApiObject, phase: HookPhase, wave: number): void {
  object.metadata.addAnnotation(HOOK_ANNOTATION, phase);
  object.metadata.addAnnotation(HOOK_DELETE_POLICY_ANNOTATION, 'BeforeHookCreation');
  object.metadata.addAnnotation(SYNC_WAVE_ANNOTATION, String(wave));
}
