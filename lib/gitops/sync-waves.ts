import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { SYNC_WAVE_ANNOTATION } from '../grammar/argocd';

export { SYNC_WAVE_ANNOTATION } from '../grammar/argocd';

/** Puts every API object under `scope` into sync wave `wave`. Plain `kubectl apply` ignores the annotation. */
export function setSyncWave(scope: IConstruct, wave: number): void {
  for (const child of scope.node.findAll()) {
    if (ApiObject.isApiObject(child)) child.metadata.addAnnotation(SYNC_WAVE_ANNOTATION, String(wave));
  }
}
