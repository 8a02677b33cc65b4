/**
 * Resource quantities (`200m`, `1.5`, `100Mi`, `1e3`): the grammar of k8s.io/apimachinery
 * pkg/api/resource/quantity.go ParseQuantity, and the sign rules of the API server.
 */
import { Findings, findings, report, show, typeName } from './finding-list';

const SUFFIX_FACTORS: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

// quantity.go: <signedNumber><suffix>, number ::= digits | digits.digits | digits. | .digits,
// suffix ::= binarySI (Ki..Ei) | decimalExponent (e|E followed by a whole signed number) | decimalSI (n u m "" k M G T P E).
// Upstream also parses a lone sign or '.' as zero; those are refused here as clearly unintended.
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?)$/;

/**
 * Parses a quantity to its value in base units (cores, bytes); undefined when it is not a quantity.
 * Surrounding white space is ignored, as Quantity.UnmarshalJSON does.
 */
export function parseQuantity(quantity: string | number): number | undefined {
  if (typeof quantity === 'number') return Number.isFinite(quantity) ? quantity : undefined;
  if (typeof quantity !== 'string') return undefined;
  const known = PARSED.get(quantity);
  if (known !== undefined) return known;
  const match = QUANTITY.exec(quantity.trim());
  if (!match) return undefined;
  const [, mantissa, exponent, suffix] = match;
  const significand = Number(mantissa);
  // Read as one number, so that `0e400` is 0 (not 0 * Infinity) and `1e-400` underflows only to 0.
  const exact = exponent ? Number(mantissa + exponent) : significand * SUFFIX_FACTORS[suffix ?? ''];
  // Upstream keeps any amount as a decimal; a number beyond a double's range is refused here (checkQuantity says why).
  if (!Number.isFinite(exact)) return undefined;
  // ParseQuantity rounds a non-zero amount up to at least 1n.
  const value = significand !== 0 && Math.abs(exact) < 1e-9 ? Math.sign(significand) * 1e-9 : exact;
  if (PARSED.size >= 10000) PARSED.clear();
  PARSED.set(quantity, value);
  return value;
}

// Manifests repeat the same few quantities ('500m', '1Gi'); parsed values are remembered (bounded).
const PARSED = new Map<string, number>();

/** Why a string is not a quantity, in words (error path only). */
function syntaxReason(q: string): string {
  const t = q.trim();
  if (t === '') return 'is empty';
  const m = /^[+-]?(?:\d+\.?\d*|\.\d+)/.exec(t);
  if (!m) return 'does not start with a number';
  const suffix = t.slice(m[0].length);
  if (/^[kmgtpe]i$/i.test(suffix) || /^(?:KB|MB|GB|TB|kb|mb|gb|K|g|t)$/.test(suffix) || /^\s/.test(suffix)) {
    return `has the unit ${JSON.stringify(suffix.trim())}, which Kubernetes does not know (units are case-sensitive: Ki Mi Gi Ti Pi Ei, n u m k M G T P E, and no space)`;
  }
  return `has the unknown suffix ${JSON.stringify(suffix)}`;
}

/** What a quantity field may hold beyond its syntax. */
export interface QuantityOptions {
  /** Refuse negative values (requests, limits, storage). @default true */
  readonly nonNegative?: boolean;
  /** Refuse zero and negative values. @default false */
  readonly positive?: boolean;
  /** An example for the fix. @default '100Mi' */
  readonly example?: string;
}

/** Checks a quantity field; returns its value in base units when it parses. */
export function checkQuantity(out: Findings, value: unknown, field: string, what: string, options: QuantityOptions = {}): number | undefined {
  const example = options.example ?? '100Mi';
  if (typeof value !== 'string' && typeof value !== 'number') {
    report(out, field, `${what} ${show(value)} is ${typeName(value)}, not a quantity`,
      `write a quantity such as ${JSON.stringify(example)}`);
    return undefined;
  }
  const parsed = parseQuantity(value);
  if (parsed === undefined && typeof value === 'string' && QUANTITY.test(value.trim())) {
    report(out, field, `${what} ${show(value)} is larger than this tool computes with (about 1.8e308): the API server accepts it, but no resource amount is that large`,
      `write the amount you mean, e.g. ${JSON.stringify(example)}`);
    return undefined;
  }
  if (parsed === undefined) {
    report(out, field, `${what} ${show(value)} is not a Kubernetes quantity: it ${typeof value === 'number' ? 'is not finite' : syntaxReason(value)}`,
      `write a number with an optional unit, e.g. ${JSON.stringify(example)}`);
    return undefined;
  }
  // core/validation ValidateResourceQuantityValue -> ValidateNonnegativeQuantity: "must be greater than or equal to 0".
  if ((options.nonNegative ?? true) && parsed < 0) {
    report(out, field, `${what} ${show(value)} is negative`, `use a positive quantity, e.g. ${JSON.stringify(String(value).replace(/^\s*-/, ''))}`);
  } else if (options.positive && parsed <= 0) {
    // core/validation ValidatePositiveQuantityValue: "must be greater than zero".
    report(out, field, `${what} ${show(value)} is not greater than zero`, `use a positive quantity, e.g. ${JSON.stringify(example)}`);
  }
  return parsed;
}

/** Findings for a quantity: its syntax and (by default) that it is not negative. */
export function validateQuantity(value: unknown, field = '', options: QuantityOptions = {}): Findings {
  return findings((out) => checkQuantity(out, value, field, 'quantity', options));
}
