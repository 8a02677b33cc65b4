import * as fs from 'fs';
import * as path from 'path';
import { ApiObject } from 'cdk8s';
import { Manifest, objectRef } from '../audit/model';

/** The file cdk8s writes into the output folder when it records construct metadata (for cdk8s-cli's plugins). */
export const CONSTRUCT_METADATA_FILE = 'construct-metadata.json';

/**
 * Adds each object's construct path to the construct metadata cdk8s wrote, under the object's reference
 * (`Kind namespace/name`). cdk8s keys its entries by `metadata.name` alone, so objects that share a name (a
 * Deployment, its Service, PDB and HPA) share one entry, the last one's. The validation plugin names such
 * objects by reference, and cdk8s-cli then finds the construct that made each of them.
 */
export function recordObjectPaths(outdir: string, objects: ReadonlyArray<readonly [ApiObject, Manifest]>): void {
  const file = path.join(outdir, CONSTRUCT_METADATA_FILE);
  const metadata = JSON.parse(fs.readFileSync(file, 'utf8')) as { resources?: Record<string, { path: string }> };
  const resources = { ...metadata.resources };
  // A reference has a space, which no object name has, so it never replaces an entry of cdk8s's.
  for (const [object, manifest] of objects) resources[objectRef(manifest)] = { path: object.node.path };
  fs.writeFileSync(file, JSON.stringify({ ...metadata, resources }));
}
