/**
 * Kubernetes resource quantities (`200m`, `1.5`, `100Mi`, `1e3`), parsed to plain numbers so that
 * requests and limits can be compared and summed. Follows k8s.io/apimachinery/pkg/api/resource.
 */

const SUFFIX_FACTORS: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?)$/;

/** Parses a quantity to its value in base units (cores, bytes); undefined when it is not a quantity. */
export function parseQuantity(quantity: string | number): number | undefined {
  if (typeof quantity === 'number') return Number.isFinite(quantity) ? quantity : undefined;
  const match = QUANTITY.exec(quantity.trim());
  if (!match) return undefined;
  const [, mantissa, exponent, suffix] = match;
  const value = Number(mantissa) * (exponent ? 10 ** Number(exponent.slice(1)) : SUFFIX_FACTORS[suffix ?? '']);
  return Number.isFinite(value) ? value : undefined;
}

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
