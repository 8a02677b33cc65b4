/**
 * PersistentVolumeClaims: core/validation/validation.go ValidatePersistentVolumeClaimSpec (1.27).
 */
import { checkEnum } from './enums';
import { Findings, report } from './finding-list';
import { checkFormat, DNS1123_SUBDOMAIN } from './names';
import { child, index, key } from '../grammar/field-path';
import { checkQuantity } from './quantity';
import { readList, readRecord, readString } from './values';

const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];

/** Checks a PVC spec (also used for StatefulSet volumeClaimTemplates). */
export function checkPersistentVolumeClaimSpec(out: Findings, value: unknown, field: string): void {
  const spec = readRecord(out, value, field);
  if (!spec) {
    if (value === undefined || value === null) report(out, field, 'the claim has no spec', 'add spec.accessModes and spec.resources.requests.storage');
    return;
  }
  // ValidatePersistentVolumeClaimSpec: "at least 1 access mode is required", each supported,
  // ReadWriteOncePod alone.
  const modesPath = child(field, 'accessModes');
  const modes = readList(out, spec.accessModes, modesPath);
  if (!modes || modes.length === 0) {
    if (spec.accessModes === undefined || spec.accessModes === null || Array.isArray(spec.accessModes)) {
      report(out, modesPath, 'the claim has no access mode', 'set accessModes, e.g. [ReadWriteOnce]');
    }
  } else {
    for (let i = 0; i < modes.length; i++) checkEnum(out, modes[i], index(modesPath, i), ACCESS_MODES, 'access mode');
    if (modes.includes('ReadWriteOncePod') && modes.length > 1) {
      report(out, modesPath, 'ReadWriteOncePod may not be combined with other access modes', 'use [ReadWriteOncePod] alone');
    }
  }
  // Storage request required and > 0 (ValidatePositiveQuantityValue).
  const resourcesPath = child(field, 'resources');
  const resources = readRecord(out, spec.resources, resourcesPath);
  const requests = resources ? readRecord(out, resources.requests, child(resourcesPath, 'requests')) : undefined;
  // ValidatePersistentVolumeClaimSpec names the request `resources[storage]`.
  const storagePath = key(resourcesPath, 'storage');
  if (!requests || requests.storage === undefined || requests.storage === null) {
    report(out, storagePath, 'the claim requests no storage size', 'set resources.requests.storage, e.g. "10Gi"');
  } else {
    checkQuantity(out, requests.storage, storagePath, 'storage', { positive: true, example: '10Gi' });
  }
  const limits = resources ? readRecord(out, resources.limits, child(resourcesPath, 'limits')) : undefined;
  if (limits?.storage !== undefined) checkQuantity(out, limits.storage, key(child(resourcesPath, 'limits'), 'storage'), 'storage', { example: '10Gi' });
  // storageClassName: ValidateClassName (DNS subdomain) when non-empty ("" means no class).
  const className = readString(out, spec.storageClassName, child(field, 'storageClassName'));
  if (className) checkFormat(out, className, child(field, 'storageClassName'), DNS1123_SUBDOMAIN, 'storageClassName');
  checkEnum(out, spec.volumeMode, child(field, 'volumeMode'), ['Filesystem', 'Block'], 'volumeMode');
  const volumeName = readString(out, spec.volumeName, child(field, 'volumeName'));
  if (volumeName) checkFormat(out, volumeName, child(field, 'volumeName'), DNS1123_SUBDOMAIN, 'volumeName');
}
