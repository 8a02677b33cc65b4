import type { Finding, FindingCode } from '../grammar/finding';
import { TARGET_MINOR } from './version';

/**
 * Where the validators put what they find. Every check appends to one list, so a whole object is
 * reported in one pass and nothing is allocated while the input is valid. The list also carries the
 * Kubernetes minor version (1.x) whose rules apply, so that the version is passed, never stored.
 */
export type Findings = Finding[] & { minor?: number };

/** The minor version the rules follow for these findings: the one asked for, else the target (1.27). */
export function minorOf(out: Findings): number {
  return out.minor ?? TARGET_MINOR;
}

const MAX_SHOWN = 80;

/**
 * The value as the user wrote it, for a problem message: strings JSON-quoted and cut at
 * {@link MAX_SHOWN} characters, other types named rather than serialized (this runs only on the
 * error path, and never serializes a whole object).
 */
export function show(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value.length > MAX_SHOWN
        ? `${JSON.stringify(value.slice(0, MAX_SHOWN))}… (${value.length} characters)`
        : JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'undefined':
      return 'nothing';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? `a list of ${value.length}` : 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** The JSON type of a value, for "must be a string, not a number". */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'object': return 'an object';
    case 'number': return Number.isInteger(value) ? 'a whole number' : 'a fractional number';
    case 'string': return 'a string';
    case 'boolean': return 'a boolean';
    default: return typeof value;
  }
}

/** The findings `check` appends to a fresh list: the one-call form of a `checkX(out, …)` validator. */
export function findings(check: (out: Findings) => void): Findings {
  const out: Findings = [];
  check(out);
  return out;
}

/** Appends a finding, with its code when another check meets the same problem. */
export function report(out: Findings, field: string, problem: string, fix: string, code?: FindingCode): void {
  out.push(code ? { field, problem, fix, code } : { field, problem, fix });
}

/** Runs `check` and gives every finding it appends `code`. */
export function withCode(out: Findings, code: FindingCode, check: () => void): void {
  const from = out.length;
  check();
  for (let i = from; i < out.length; i++) out[i] = { ...out[i], code };
}
