/**
 * Kubernetes resource quantities (`200m`, `1.5`, `100Mi`, `1e3`), parsed to plain numbers so that
 * requests and limits can be compared and summed. Follows k8s.io/apimachinery/pkg/api/resource.
 */

import { parseQuantity } from '../validation/quantity';

// The grammar lives with the API validation rules; the arithmetic here builds on it.
export { parseQuantity };

/** CPU in millicores, rounded up as the kubelet does (`0.1` → 100, `1` → 1000). */
export function cpuMillicores(quantity: string | number): number | undefined {
  const value = parseQuantity(quantity);
  return value === undefined ? undefined : Math.ceil(Math.round(value * 1e9) / 1e6);
}

/** Memory in bytes (`100Mi` → 104857600). */
export function memoryBytes(quantity: string | number): number | undefined {
  const value = parseQuantity(quantity);
  return value === undefined ? undefined : Math.ceil(value);
}

/** Renders millicores for people: `1500m`, or `2` for whole cores. */
export function formatMillicores(millicores: number): string {
  return millicores % 1000 === 0 ? String(millicores / 1000) : `${millicores}m`;
}

/** Renders bytes for people in the largest binary unit that divides them evenly, down to Mi (`150Mi`, `2Gi`). */
export function formatBytes(bytes: number): string {
  for (const [suffix, factor] of [['Gi', 2 ** 30], ['Mi', 2 ** 20]] as const) {
    if (bytes >= factor && bytes % factor === 0) return `${bytes / factor}${suffix}`;
  }
  return bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)}Mi` : `${bytes}`;
}
