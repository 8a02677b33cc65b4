import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';

/** The annotation Argo CD orders a sync by: lower waves are applied, and healthy, before higher ones. */
export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';

/** Puts every API object under `scope` into sync wave `wave`. Plain `kubectl apply` ignores the annotation. */
export function setSyncWave(scope: IConstruct, wave: number): void {
  for (const child of scope.node.findAll()) {
    if (ApiObject.isApiObject(child)) child.metadata.addAnnotation(SYNC_WAVE_ANNOTATION, String(wave));
  }
}
