/**
 * Volumes and volume mounts: core/validation/validation.go ValidateVolumes, validateVolumeSource,
 * validatePersistentClaimVolumeSource, validateSecretVolumeSource, validateConfigMapVolumeSource,
 * ValidateVolumeMounts, validateLocalDescendingPath, validateMountPropagation (1.27).
 */
import { checkEnum } from './enums';
import { Findings, findings, report, show } from './finding-list';
import { checkFormat, CONFIG_MAP_KEY, DNS1123_LABEL, DNS1123_SUBDOMAIN } from './names';
import { child, index } from '../grammar/field-path';
import { checkQuantity } from './quantity';
import { Json, readBoolean, readInt, readList, readRecord, readString } from './values';

// core.VolumeSource in 1.27 (the `image` source arrived in 1.31).
const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral',
];

/** Checks `volumes` of a pod spec; adds each valid name to `names`. */
export function checkVolumes(out: Findings, value: unknown, field: string, names: Set<string>): void {
  const volumes = readList(out, value, field);
  if (!volumes) return;
  for (let i = 0; i < volumes.length; i++) {
    const path = index(field, i);
    const volume = readRecord(out, volumes[i], path);
    if (!volume) continue;
    // ValidateVolumes: name required, a DNS-1123 label, unique.
    if (volume.name === undefined || volume.name === null || volume.name === '') {
      report(out, child(path, 'name'), 'the volume has no name', 'name it, e.g. name: data, and mount it by that name');
    } else {
      checkFormat(out, volume.name, child(path, 'name'), DNS1123_LABEL, 'volume name');
      if (typeof volume.name === 'string') {
        if (names.has(volume.name)) report(out, child(path, 'name'), `volume name ${show(volume.name)} is used twice`, 'give each volume its own name');
        // Known even when malformed, so a mount of it is not reported a second time.
        names.add(volume.name);
      }
    }
    checkVolumeSource(out, volume, path);
  }
}

/** validateVolumeSource: exactly one source, then the rules of the common ones. */
function checkVolumeSource(out: Findings, volume: Json, path: string): void {
  const present = VOLUME_SOURCES.filter((s) => volume[s] !== undefined && volume[s] !== null);
  // SetDefaults_Volume makes a volume without a source an emptyDir.
  if (present.length === 0) return;
  if (present.length > 1) report(out, path, `the volume has more than one source: ${present.join(' and ')}`, `keep one of ${present.join(', ')}`);
  const kind = present[0];
  const sourcePath = child(path, kind);
  const source = readRecord(out, volume[kind], sourcePath);
  if (!source) return;
  switch (kind) {
    case 'persistentVolumeClaim': {
      // validatePersistentClaimVolumeSource: claimName required (a PVC name, DNS subdomain).
      const claim = readString(out, source.claimName, child(sourcePath, 'claimName'));
      if (!claim) report(out, child(sourcePath, 'claimName'), 'claimName is missing', 'name the PersistentVolumeClaim, e.g. claimName: data');
      else checkFormat(out, claim, child(sourcePath, 'claimName'), DNS1123_SUBDOMAIN, 'claimName');
      readBoolean(out, source.readOnly, child(sourcePath, 'readOnly'));
      break;
    }
    case 'secret':
    case 'configMap': {
      // validateSecretVolumeSource / validateConfigMapVolumeSource: name required, defaultMode 0..0777, items.
      const nameField = kind === 'secret' ? 'secretName' : 'name';
      const name = readString(out, source[nameField], child(sourcePath, nameField));
      if (!name) report(out, child(sourcePath, nameField), `${nameField} is missing`, `name the ${kind === 'secret' ? 'Secret' : 'ConfigMap'}, e.g. ${nameField}: app-config`);
      else checkFormat(out, name, child(sourcePath, nameField), DNS1123_SUBDOMAIN, nameField);
      checkFileMode(out, source.defaultMode, child(sourcePath, 'defaultMode'));
      checkKeyToPaths(out, source.items, child(sourcePath, 'items'));
      break;
    }
    case 'emptyDir': {
      checkEnum(out, source.medium ?? '', child(sourcePath, 'medium'), ['', 'Memory', 'HugePages'], 'medium');
      if (source.sizeLimit !== undefined && source.sizeLimit !== null) checkQuantity(out, source.sizeLimit, child(sourcePath, 'sizeLimit'), 'sizeLimit', { example: '1Gi' });
      break;
    }
    case 'hostPath': {
      const p = readString(out, source.path, child(sourcePath, 'path'));
      if (!p) report(out, child(sourcePath, 'path'), 'the hostPath has no path', 'set path, e.g. /var/log');
      else if (hasBackstep(p)) report(out, child(sourcePath, 'path'), `path ${show(p)} contains '..'`, 'use a path without \'..\'');
      break;
    }
    default:
      break;
  }
}

// validation.go fileModeErrorMsg: a number between 0 and 0777 (octal).
function checkFileMode(out: Findings, value: unknown, field: string): void {
  // 0777 octal is 511: YAML 0644 is read as octal, JSON has only decimal (420).
  readInt(out, value, field, 0, 0o777, 0o644);
}

// validateKeyToPath: key required (IsConfigMapKey), path required, relative, without '..', and
// (validateLocalNonReservedPath) not starting with '..', which the kubelet's atomic writer reserves.
function checkKeyToPaths(out: Findings, value: unknown, field: string): void {
  const items = readList(out, value, field);
  if (!items) return;
  for (let i = 0; i < items.length; i++) {
    const path = index(field, i);
    const item = readRecord(out, items[i], path);
    if (!item) continue;
    if (item.key === undefined || item.key === null || item.key === '') report(out, child(path, 'key'), 'key is missing', 'name the key to project');
    else checkFormat(out, item.key, child(path, 'key'), CONFIG_MAP_KEY, 'key');
    const p = readString(out, item.path, child(path, 'path'));
    if (!p) report(out, child(path, 'path'), 'path is missing', 'set the file name, e.g. path: config.yaml');
    else {
      checkLocalDescendingPath(out, p, child(path, 'path'));
      if (p.startsWith('..') && !hasBackstep(p)) {
        report(out, child(path, 'path'), `${show(p)} starts with '..', which the kubelet reserves for its own files in the volume`,
          `write ${JSON.stringify(p.replace(/^\.+/, '') || 'file')}`);
      }
    }
    checkFileMode(out, item.mode, child(path, 'mode'));
  }
}

function hasBackstep(p: string): boolean {
  return p.split(/[\\/]/).includes('..');
}

/** validateLocalDescendingPath: relative, and no '..' element. */
function checkLocalDescendingPath(out: Findings, p: string, field: string): void {
  if (p.startsWith('/')) {
    report(out, field, `${show(p)} is an absolute path; it must be relative to the volume`, `write ${JSON.stringify(p.replace(/^\/+/, '') || 'file')}`);
  }
  if (hasBackstep(p)) {
    report(out, field, `${show(p)} contains '..', which would leave the volume`,
      `use a path inside the volume, e.g. ${JSON.stringify(p.split('/').filter((s) => s !== '..' && s !== '').join('/') || 'dir')}`);
  }
}

/** path.Clean for comparing mount points ('/data/' and '/data//' are '/data'). */
function cleanPath(p: string): string {
  if (!/\/\/|\/\.|\/$/.test(p)) return p;
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

/** Checks `volumeMounts` of one container against the pod's volume names. */
export function checkVolumeMounts(out: Findings, value: unknown, field: string, volumeNames: Set<string>): void {
  const mounts = readList(out, value, field);
  if (!mounts) return;
  const seen = new Map<string, number>();
  for (let i = 0; i < mounts.length; i++) {
    const path = index(field, i);
    const mount = readRecord(out, mounts[i], path);
    if (!mount) continue;
    // ValidateVolumeMounts: name required and refers to a volume.
    const name = readString(out, mount.name, child(path, 'name'));
    if (!name) {
      if (mount.name === undefined || mount.name === null || mount.name === '') report(out, child(path, 'name'), 'the mount names no volume',
        'set name to one of the pod\'s volumes');
    } else if (!volumeNames.has(name)) {
      const known = [...volumeNames];
      report(out, child(path, 'name'), `no volume is named ${show(name)}`,
        known.length ? `use one of ${known.map((n) => JSON.stringify(n)).join(', ')}, or add a ` +
          `volume named ${JSON.stringify(name)}` : `add a volume named ${JSON.stringify(name)} to the pod`);
    }
    // mountPath required and unique; absolute, or the runtime refuses it (not checked by the API server on Linux).
    const mountPath = readString(out, mount.mountPath, child(path, 'mountPath'));
    if (!mountPath) {
      if (mount.mountPath === undefined || mount.mountPath === null || mount.mountPath === '') report(out, child(path, 'mountPath'), 'mountPath is missing or empty',
        'set an absolute path, e.g. mountPath: /data');
    } else {
      if (!mountPath.startsWith('/')) {
        report(out, child(path, 'mountPath'), `mountPath ${show(mountPath)} is relative: the container runtime needs an absolute path`, `write ${JSON.stringify(`/${mountPath}`)}`);
      }
      const clean = cleanPath(mountPath);
      const first = seen.get(clean);
      if (first !== undefined) {
        report(out, child(path, 'mountPath'), `two mounts at ${show(clean)}: volumeMounts[${first}] already mounts there`,
          'mount each volume at its own path, or use subPath to mount parts of one volume');
      } else {
        seen.set(clean, i);
      }
    }
    const subPath = readString(out, mount.subPath, child(path, 'subPath'));
    if (subPath) checkLocalDescendingPath(out, subPath, child(path, 'subPath'));
    const subPathExpr = readString(out, mount.subPathExpr, child(path, 'subPathExpr'));
    if (subPathExpr) {
      if (subPath) report(out, child(path, 'subPathExpr'), 'subPathExpr and subPath may not both be set', 'keep one of them');
      checkLocalDescendingPath(out, subPathExpr, child(path, 'subPathExpr'));
    }
    readBoolean(out, mount.readOnly, child(path, 'readOnly'));
    // validateMountPropagation.
    checkEnum(out, mount.mountPropagation, child(path, 'mountPropagation'), ['None', 'HostToContainer', 'Bidirectional'], 'mountPropagation');
  }
}

/** Findings for a pod's `volumes`. */
export function validateVolumes(volumes: unknown, field = 'volumes'): Findings {
  return findings((out) => checkVolumes(out, volumes, field, new Set()));
}

/** Findings for a container's `volumeMounts`, given the names of the pod's volumes. */
export function validateVolumeMounts(mounts: unknown, volumeNames: Iterable<string>, field = 'volumeMounts'): Findings {
  return findings((out) => checkVolumeMounts(out, mounts, field, new Set(volumeNames)));
}
