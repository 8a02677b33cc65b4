import { ApiObject, JsonPatch } from 'cdk8s';
import * as k8s from '../../imports/k8s';

/**
 * A KubeDeployment that can carry fields newer than the imported 1.27 schema. The generated `toJson`
 * re-serializes through the 1.27 types and drops unknown fields even when they come from
 * `addJsonPatch`, so these patches are applied after it.
 */
export class PatchableKubeDeployment extends k8s.KubeDeployment {
  private readonly postSchemaPatches: JsonPatch[] = [];

  /** Adds patches applied to the final manifest, after schema serialization. */
  public addPostSchemaPatch(...ops: JsonPatch[]): void {
    this.postSchemaPatches.push(...ops);
  }

  public override toJson(): ReturnType<ApiObject['toJson']> {
    const json = super.toJson();
    return this.postSchemaPatches.length > 0 ? JsonPatch.apply(json, ...this.postSchemaPatches) : json;
  }
}
