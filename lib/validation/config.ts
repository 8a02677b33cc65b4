/**
 * Secrets and ConfigMaps: core/validation/validation.go ValidateSecret, ValidateConfigMap (1.27).
 */
import { Findings, report, show, typeName } from './finding-list';
import { checkFormat, CONFIG_MAP_KEY, DNS1123_SUBDOMAIN } from './names';
import { child, index, key } from '../grammar/field-path';
import { readBoolean, readList, readRecord, readString } from './values';

// core.MaxSecretSize (pkg/apis/core/types.go): 1 MiB, also the ConfigMap limit.
export const MAX_DATA_SIZE_BYTES = 1024 * 1024;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Checks one data map; returns its size in bytes (decoded for base64 maps). */
function checkDataMap(out: Findings, value: unknown, field: string, base64: boolean, seen: Set<string>, other: string): number {
  const data = readRecord(out, value, field);
  if (!data) return 0;
  let size = 0;
  for (const k in data) {
    const path = key(field, k);
    // ValidateSecret / ValidateConfigMap: every key IsConfigMapKey, no key in two maps.
    if (!CONFIG_MAP_KEY.test(k)) checkFormat(out, k, path, CONFIG_MAP_KEY, 'key');
    if (seen.has(k)) report(out, path, `key ${show(k)} is also set in ${other}`, 'set each key in one map only');
    seen.add(k);
    const v = data[k];
    if (typeof v !== 'string') {
      report(out, path, `value ${show(v)} is ${typeName(v)}, not a string`, `quote the value, e.g. ${k}: "${typeof v === 'number' || typeof v === 'boolean' ? String(v) : '...'}"`);
      continue;
    }
    if (base64) {
      // data values are []byte, so the JSON string must be base64 (encoding/json).
      const compact = v.replace(/\s+/g, '');
      if (!BASE64.test(compact)) {
        report(out, path, `value of ${show(k)} is not valid base64`, `base64-encode it (e.g. echo -n 'secret' | base64), or put the plain text under stringData`);
      }
      size += Math.floor((compact.length * 3) / 4) - (compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0);
    } else {
      size += Buffer.byteLength(v);
    }
  }
  return size;
}

function checkSize(out: Findings, size: number, field: string, kind: string): void {
  if (size > MAX_DATA_SIZE_BYTES) {
    report(out, field, `the ${kind} holds ${size} bytes, more than the limit of ${MAX_DATA_SIZE_BYTES} bytes (1 MiB)`,
      `split it into several ${kind}s or mount the content from a volume`);
  }
}

/** Checks a Secret's data, stringData and type. */
export function checkSecret(out: Findings, obj: Record<string, unknown>): void {
  // A key in both data and stringData is allowed: stringData wins.
  const size = checkDataMap(out, obj.data, 'data', true, new Set(), 'stringData')
    + checkDataMap(out, obj.stringData, 'stringData', false, new Set(), 'data');
  checkSize(out, size, 'data', 'Secret');
  const type = readString(out, obj.type, 'type');
  // ValidateSecret: type-specific required keys.
  const has = (k: string): boolean => [obj.data, obj.stringData].some((m) => typeof m === 'object' && m !== null && k in (m as object));
  if (type === 'kubernetes.io/tls') {
    for (const k of ['tls.crt', 'tls.key']) if (!has(k)) report(out, key('data', k), `a kubernetes.io/tls Secret needs ${k}`, `add ${k} (PEM) to data or stringData`);
  } else if (type === 'kubernetes.io/basic-auth') {
    if (!has('username') && !has('password')) report(out, 'data', 'a kubernetes.io/basic-auth Secret needs username or password', 'add username and password');
  } else if (type === 'kubernetes.io/dockerconfigjson') {
    if (!has('.dockerconfigjson')) report(out, key('data', '.dockerconfigjson'), 'a kubernetes.io/dockerconfigjson Secret needs .dockerconfigjson', 'add .dockerconfigjson');
  } else if (type === 'kubernetes.io/ssh-auth') {
    if (!has('ssh-privatekey')) report(out, key('data', 'ssh-privatekey'), 'a kubernetes.io/ssh-auth Secret needs ssh-privatekey', 'add ssh-privatekey');
  }
  readBoolean(out, obj.immutable, 'immutable');
}

/** Checks a ConfigMap's data and binaryData. */
export function checkConfigMap(out: Findings, obj: Record<string, unknown>): void {
  // binaryData first: ValidateConfigMap reports a key in both maps on data.
  const seen = new Set<string>();
  const size = checkDataMap(out, obj.binaryData, 'binaryData', true, seen, 'data')
    + checkDataMap(out, obj.data, 'data', false, seen, 'binaryData');
  checkSize(out, size, 'data', 'ConfigMap');
  readBoolean(out, obj.immutable, 'immutable');
}


/** Checks a ServiceAccount's secret and image pull secret references (ValidateServiceAccount). */
export function checkServiceAccount(out: Findings, obj: Record<string, unknown>): void {
  for (const list of ['secrets', 'imagePullSecrets']) {
    const refs = readList(out, obj[list], list);
    if (!refs) continue;
    for (let i = 0; i < refs.length; i++) {
      const ref = readRecord(out, refs[i], index(list, i));
      if (ref) checkFormat(out, ref.name ?? '', child(index(list, i), 'name'), DNS1123_SUBDOMAIN, 'Secret name');
    }
  }
  readBoolean(out, obj.automountServiceAccountToken, 'automountServiceAccountToken');
}
