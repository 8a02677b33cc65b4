import { ApiObject } from 'cdk8s';
import { HOOK_ANNOTATION, HOOK_DELETE_POLICY_ANNOTATION, KEEP_ON_DELETE_AND_PRUNE, SYNC_OPTIONS_ANNOTATION, SYNC_WAVE_ANNOTATION } from '../grammar/argocd';

export { HOOK_ANNOTATION, HOOK_DELETE_POLICY_ANNOTATION, KEEP_ON_DELETE_AND_PRUNE, RESOURCES_FINALIZER, SYNC_OPTIONS_ANNOTATION } from '../grammar/argocd';

/** Argo CD sync phases a hook can run in. */
export enum HookPhase {
  /** Before the managed resources are applied. */
  PRE_SYNC = 'PreSync',
  /** With the managed resources, in its sync wave. */
  SYNC = 'Sync',
  /** After every managed resource is applied and healthy. */
  POST_SYNC = 'PostSync',
}
Object.freeze(HookPhase);

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
